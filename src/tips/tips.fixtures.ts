import type { FastifyInstance } from 'fastify';
import { Visitor } from '../../test/helpers/visitor.ts';
import type { Db } from '../db/database.ts';

// Test-only: a witness's tip sent through the real form (no account, its own visit), for tests of
// what staff do with it. Its id is the one the tips table did not hold before.

export const sentTip = async (
  app: FastifyInstance,
  db: Db,
  fields: { organisation: string; what_happened: string } & Record<string, string>,
): Promise<string> => {
  const ids = async () => (await db.selectFrom('tips').select('id').execute()).map((r) => r.id);
  const before = new Set(await ids());
  await new Visitor(app).submit('/tips/new', '/tips/new', {
    surname: 'Иванов',
    given_name: 'Пётр',
    how_known: 'saw_myself',
    ...fields,
  });
  const id = (await ids()).find((x) => !before.has(x));
  if (!id) throw new Error('the tip was not sent');
  return id;
};
