import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { useWorld } from '../cases/cases.fixtures.ts';
import { up } from '../db/migrations/0037-letter-names.ts';
import { sentAppeal } from './appeals.fixtures.ts';
import { currentTemplate } from './directory.service.ts';

// The seeded letters put the soldier's name, which no template can decline, straight after a
// declined noun: «о военнослужащем Иванов Пётр Сергеевич», «о гибели военнослужащего Иванов…»,
// and a date known only to the month after a verb: «выходил на связь 01.2026» (QA walk 11: a
// mother's complaint to the prosecutor read so). The collective letter of several families said
// «Мы… просим… прошу ответить». A new version of each, only where it is still the one seeded.

const letterOf = async (app: ReturnType<typeof useWorld>['t']['app'], url: string, cookies: Record<string, string>) => {
  const res = await app.inject({ method: 'GET', url, cookies });
  expect(res.statusCode).toBe(200);
  return res.body;
};

describe.each(DIALECTS)('the seeded letters name the soldier apart (%s)', (dialect) => {
  const s = useWorld(dialect);

  it('reads right in every template a family starts from', async () => {
    const { family, caseId } = s.w;
    const url = (key: string) => `/cases/${caseId}/appeals/new?template=${key}`;
    const inquiry = await letterOf(s.t.app, url('inquiry'), family.cookies);
    expect(inquiry).toContain('положении военнослужащего: Иванов Пётр Сергеевич,');
    expect(inquiry).toContain('Дата последней связи с ним: 10.01.2026.');
    expect(inquiry).not.toContain('выходил на связь');

    const ombudsman = await letterOf(s.t.app, url('ombudsman'), family.cookies);
    expect(ombudsman).toContain('местонахождения военнослужащего: Иванов Пётр Сергеевич,');
    expect(ombudsman).toContain('Дата последней связи с ним: 10.01.2026.');

    const death = await letterOf(s.t.app, url('death_documents'), family.cookies);
    expect(death).toContain('о гибели военнослужащего: Иванов Пётр Сергеевич,');

    const prosecutor = await letterOf(s.t.app, url('prosecutor'), family.cookies);
    expect(prosecutor).toContain('связанным с военнослужащим: Иванов Пётр Сергеевич,');

    const first = await sentAppeal(s.t.app, caseId, family.cookies, { channel: 'post', sent_on: '2026-01-20' });
    const complaint = await letterOf(s.t.app, `${url('no_answer')}&follows=${first}`, family.cookies);
    expect(complaint).toContain('о военнослужащем: Иванов Пётр Сергеевич,');
    expect(complaint).toContain('обращение (адресат:');

    const collective = (await currentTemplate(s.t.opened.db, 'collective'))?.body ?? '';
    expect(collective).toContain('просим ответить');
    expect(collective).not.toContain('прошу');
  });

  it("leaves an editor's own version as it is, and adds nothing when run again", async () => {
    const db = s.t.opened.db;
    const count = async () => (await db.selectFrom('appeal_templates').select('id').execute()).length;
    const before = await count();
    await up(db as unknown as Kysely<unknown>);
    expect(await count()).toBe(before);
    const current = await db
      .selectFrom('appeal_templates')
      .selectAll()
      .where('key', '=', 'prosecutor')
      .orderBy('version', 'desc')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('appeal_templates')
      .values({ ...current, id: crypto.randomUUID(), version: current.version + 1, body: 'Своя редакция: {{today}}' })
      .execute();
    await up(db as unknown as Kysely<unknown>);
    expect((await currentTemplate(db, 'prosecutor'))?.body).toBe('Своя редакция: {{today}}');
  });
});
