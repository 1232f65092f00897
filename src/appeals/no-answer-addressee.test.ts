import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useWorld } from '../cases/cases.fixtures.ts';
import { up } from '../db/migrations/0035-no-answer-addressee.ts';
import { sentAppeal } from './appeals.fixtures.ts';
import { currentTemplate } from './directory.service.ts';

// The complaint about a late answer named the first letter's addressee after «в», as the directory
// writes it: «я направил(а) обращение в Главная военная прокуратура» (QA walk) — wrong Russian in a
// letter to an authority. It is named apart now, in a new version of the seeded template.

describe('the complaint «ответ не дан в срок»', () => {
  const s = useWorld('sqlite');

  it('names the first letter’s addressee apart, in any grammatical case', async () => {
    const template = await currentTemplate(s.t.opened.db, 'no_answer');
    expect(template?.body).toContain('обращение (адресат: {{previous.addressee}}, регистрационный номер');
    expect(template?.body).not.toContain('обращение в {{previous.addressee}}');

    const { caseworker } = s.w;
    const first = await sentAppeal(
      s.t.app,
      s.w.caseId,
      caseworker.cookies,
      { channel: 'post', sent_on: '2026-01-10' },
      { addressee: 'Главная военная прокуратура' },
    );
    const complaint = await s.t.app.inject({
      method: 'GET',
      url: `/cases/${s.w.caseId}/appeals/new?template=no_answer&follows=${first}`,
      cookies: caseworker.cookies,
    });
    expect(complaint.body).toContain('10.01.2026 я направил(а) обращение (адресат: Главная военная прокуратура,');
    expect(complaint.body).not.toContain('обращение в Главная');
  });

  it("leaves an editor's own version as it is, and adds nothing when run again", async () => {
    const db = s.t.opened.db;
    const versions = async () =>
      (await db.selectFrom('appeal_templates').select('version').where('key', '=', 'no_answer').execute()).length;
    const before = await versions();
    await up(db as unknown as Kysely<unknown>);
    expect(await versions()).toBe(before);
    const current = await db
      .selectFrom('appeal_templates')
      .selectAll()
      .where('key', '=', 'no_answer')
      .orderBy('version', 'desc')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('appeal_templates')
      .values({ ...current, id: crypto.randomUUID(), version: current.version + 1, body: 'Своя редакция: {{today}}' })
      .execute();
    await up(db as unknown as Kysely<unknown>);
    expect((await currentTemplate(db, 'no_answer'))?.body).toBe('Своя редакция: {{today}}');
  });
});
