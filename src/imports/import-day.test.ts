import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { useWorld } from '../cases/cases.fixtures.ts';
import { systemPrincipal } from '../policy/principal.ts';
import { importForOrganisation, type ListMeta } from './imports.service.ts';

// A list imported at 02:30 on 2 March in Moscow (23:30 UTC on 1 March): its events were stored
// as added on 1 March, and importing the same file again said it had been imported on 1 March.
// Both are the organisation's day now, as the staff's list of imports shows it.

const META: ListMeta = { sourceName: 'Ночной список', sourceKind: 'news', verification: 'reported' };
const CSV = new TextEncoder().encode(
  'record_id,surname,given_name,birth_date,status,event_date\n1,Ночной,Пётр,1990,погиб,02.2026\n',
);

describe.each(DIALECTS)("an import is dated by the organisation's day (%s)", (dialect) => {
  const s = useWorld(dialect);

  it('imported at 23:30 UTC: its events and its "already imported" say 2026-03-02', async () => {
    const run = () =>
      importForOrganisation(
        { db: s.t.opened.db, clock: s.t.clock, config: s.t.config },
        systemPrincipal('import'),
        { id: s.w.orgA.id, publicKey: s.w.orgA.publicKey },
        META,
        CSV,
      );
    s.t.clock.set('2026-03-01T23:30:00.000Z');
    try {
      expect(await run()).toMatchObject({ state: 'done', added: 1, events: 1 });
      const event = await s.t.opened.db
        .selectFrom('events')
        .innerJoin('persons', 'persons.id', 'events.person_id')
        .select('events.created_on')
        .where('persons.surname', '=', 'Ночной')
        .executeTakeFirstOrThrow();
      expect(event.created_on).toBe('2026-03-02');
      expect((await run()).alreadyImported).toEqual({ name: 'Ночной список', date: '2026-03-02' });
    } finally {
      s.t.clock.set('2026-03-02T09:00:00.000Z');
    }
  });
});
