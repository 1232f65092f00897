import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { submitForm } from '../../test/helpers/factories.ts';
import { judgedStatusesOf } from './case-timeline.service.ts';
import { caseInput, editForm, seenOf, useWorld } from './cases.fixtures.ts';
import { openCase } from './cases.service.ts';

// A mother gave 10.01.2026, corrected it to 15.01.2026, then was no longer sure of either and
// emptied the field on her edit form. Her request's column was emptied, but her summary, her
// status («нет связи с 15.01.2026»), her letter and the edit form itself (filled in again) kept
// the old date. Clearing is her report «I don't know the date»: it replaces her earlier ones as a
// new date would, in the order she gave it (docs/status-rules.md, rule 8).

const statusOf = (body: string): string => /<p class="status">([^<]*)<\/p>/.exec(body)?.[1] ?? '';
const correctedMarks = (body: string): string[] =>
  [...body.matchAll(/<li id="event-[^"]+" class="corrected">[\s\S]*?<\/li>/g)].map((m) => m[0]);

describe.each(DIALECTS)('the family clears her last contact (%s)', (dialect) => {
  const s = useWorld(dialect);
  const db = () => s.t.opened.db;
  const get = (url: string, cookies: Record<string, string>) => s.t.app.inject({ method: 'GET', url, cookies });

  it('her summary, status, form and letter no longer give a date; a new date is her word again', async () => {
    const { caseId } = await openCase({ db: db(), clock: s.t.clock }, s.w.family.auth, caseInput(s.w.orgA.id));
    const url = `/cases/${caseId}/edit`;
    const save = async (date: string) => {
      const seen = seenOf((await get(url, s.w.family.cookies)).body);
      const fields = editForm({ with_last_contact: '1', last_contact_date: date, last_contact_means: 'phone', seen });
      const { res } = await submitForm(s.t.app, url, fields, s.w.family.cookies);
      expect(res.statusCode).toBe(303);
    };
    await save('15.01.2026');
    await save('');

    const page = await get(`/cases/${caseId}`, s.w.family.cookies);
    expect(page.body).not.toContain('<dt>Дата последней связи</dt>');
    expect(statusOf(page.body)).not.toContain('нет связи');
    const mine = correctedMarks(page.body);
    expect(mine).toHaveLength(2);
    for (const li of mine) expect(li).toContain('Исправлено: теперь вы не указываете дату последней связи.');
    const staff = await get(`/cases/${caseId}`, s.w.caseworker.cookies);
    expect(statusOf(staff.body)).not.toContain('нет связи');
    expect(correctedMarks(staff.body)).toHaveLength(2);
    expect(staff.body).toContain('Исправлено семьёй: теперь семья не указывает дату последней связи.');
    // Nothing she withdrew is offered for verification.
    for (const li of correctedMarks(staff.body)) expect(li).not.toContain('<form');
    const en = await get(`/cases/${caseId}?lang=en`, s.w.family.cookies);
    expect(en.body).toContain('Corrected: you no longer give a date of last contact.');

    expect((await judgedStatusesOf(db(), [caseId])).get(caseId)).toMatchObject({ status: 'unknown', pending: null });
    const form = await get(url, s.w.family.cookies);
    expect(form.body).toMatch(/name="last_contact_date"[^>]*value=""|name="last_contact_date"(?![^>]*value="\d)/);
    const letter = await get(`/cases/${caseId}/appeals/new?template=inquiry`, s.w.family.cookies);
    expect(letter.statusCode).toBe(200);
    expect(letter.body).not.toContain('15.01.2026');
    expect(letter.body).not.toContain('10.01.2026');

    // Saved again empty, nothing changes; then a date is her word again, even one she gave before.
    await save('');
    await save('10.01.2026');
    const again = await get(`/cases/${caseId}`, s.w.family.cookies);
    expect(statusOf(again.body)).toContain('нет связи с 10.01.2026');
    expect(again.body).toMatch(/<dt>Дата последней связи<\/dt>\s*<dd>10\.01\.2026/);
    expect(correctedMarks(again.body)).toHaveLength(2);
    expect(again.body).toContain('Исправлено: теперь вы указываете 10.01.2026');
    const seqs = await db()
      .selectFrom('events')
      .select(['event_date', 'report_seq'])
      .where('case_id', '=', caseId)
      .orderBy('report_seq')
      .execute();
    // The clearing took number 3 (on her case), so the new report is 4.
    expect(seqs.map((r) => `${r.report_seq} ${r.event_date}`)).toEqual([
      '1 2026-01-10',
      '2 2026-01-15',
      '4 2026-01-10',
    ]);
  });
});
