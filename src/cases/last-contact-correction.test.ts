import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { submitForm } from '../../test/helpers/factories.ts';
import { parsePartialDate } from '../people/partial-date.ts';
import { judgedStatusesOf } from './case-timeline.service.ts';
import { caseInput, editForm, useWorld } from './cases.fixtures.ts';
import { openCase } from './cases.service.ts';

// The QA walk: a mother filed «10.2025» as her last contact and corrected it three times on her
// edit form, to 15.10.2025, 05.11.2025 and at last 01.09.2025 ("actually it was 1 September").
// The status kept the report with the latest date («нет связи с 10.2025», then «… с 05.11.2025»)
// while her summary and her letter said 01.09.2025, and the timeline showed four «Последняя
// связь» with nothing saying which was current. Her latest word is the current one everywhere;
// the earlier ones stay, marked corrected, for her and for staff (docs/status-rules.md, rule 8).

const fields = (date: string) =>
  editForm({ with_last_contact: '1', last_contact_date: date, last_contact_means: 'phone' });

const statusOf = (body: string): string => /<p class="status">([^<]*)<\/p>/.exec(body)?.[1] ?? '';
const summaryOf = (body: string): string =>
  /<dt>Дата последней связи<\/dt>\s*<dd>([^<(]*)/.exec(body)?.[1]?.trim() ?? '';
const correctedMarks = (body: string): string[] =>
  [...body.matchAll(/<li id="event-[^"]+" class="corrected">[\s\S]*?<\/li>/g)].map((m) => m[0]);

describe.each(DIALECTS)('the family corrects her last contact again and again (%s)', (dialect) => {
  const s = useWorld(dialect);
  const db = () => s.t.opened.db;
  const get = (url: string, cookies: Record<string, string>) => s.t.app.inject({ method: 'GET', url, cookies });

  it('the status, her summary, her letter and both timelines follow her latest word', async () => {
    const input = caseInput(s.w.orgA.id, { last_contact_date: parsePartialDate('10.2025') ?? undefined });
    const { caseId } = await openCase({ db: db(), clock: s.t.clock }, s.w.family.auth, input);
    const url = `/cases/${caseId}/edit`;
    const correct = async (date: string) => {
      const { res } = await submitForm(s.t.app, url, fields(date), s.w.family.cookies);
      expect(res.statusCode).toBe(303);
      return get(`/cases/${caseId}`, s.w.family.cookies);
    };

    // A more precise date inside the same month: the month was the first report, the day is now hers.
    let page = await correct('15.10.2025');
    expect(statusOf(page.body)).toContain('нет связи с 15.10.2025');
    expect(summaryOf(page.body)).toBe('15.10.2025');

    page = await correct('05.11.2025');
    expect(statusOf(page.body)).toContain('нет связи с 05.11.2025');

    // Earlier than the report before it: a correction, not one more contact.
    page = await correct('01.09.2025');
    expect(statusOf(page.body)).toContain('нет связи с 01.09.2025');
    expect(statusOf(page.body)).not.toContain('05.11.2025');
    expect(summaryOf(page.body)).toBe('01.09.2025');

    // Her timeline keeps all four; the three she replaced say so, with the date she gives now.
    expect(page.body.match(/— Последняя связь/g)).toHaveLength(4);
    const mine = correctedMarks(page.body);
    expect(mine).toHaveLength(3);
    ['10.2025', '15.10.2025', '05.11.2025'].forEach((date, i) => {
      expect(mine[i]).toContain(`${date} — Последняя связь`);
      expect(mine[i]).toContain('Исправлено: теперь вы указываете 01.09.2025');
    });
    const current = [...page.body.matchAll(/<li id="event-[^"]+"[^>]*>[\s\S]*?<\/li>/g)]
      .map((m) => m[0])
      .filter((li) => li.includes('01.09.2025 — Последняя связь'));
    expect(current).toHaveLength(1);
    expect(current[0]).not.toContain('Исправлено');
    expect(current[0]).not.toContain('class="corrected"');

    // Staff read the same: their status, their timeline's marks, the family's current date.
    const staff = await get(`/cases/${caseId}`, s.w.caseworker.cookies);
    expect(statusOf(staff.body)).toContain('нет связи с 01.09.2025');
    expect(correctedMarks(staff.body)).toHaveLength(3);
    // A date she withdrew sets nothing: it offers no one-click verification.
    for (const li of correctedMarks(staff.body)) expect(li).not.toContain('<form');
    expect(staff.body).toMatch(/01\.09\.2025 — Последняя связь[\s\S]*?<form/);
    expect(staff.body).toContain('Исправлено семьёй: теперь семья указывает 01.09.2025');
    const staffEn = await get(`/cases/${caseId}?lang=en`, s.w.caseworker.cookies);
    expect(staffEn.body).toContain('Corrected by the family: the family now gives 01.09.2025');
    const en = await get(`/cases/${caseId}?lang=en`, s.w.family.cookies);
    expect(statusOf(en.body)).toContain('no contact since 01.09.2025');
    expect(en.body).toContain('Corrected: you now give 01.09.2025');

    // The lists (her requests, the staff queue) read the status from the same reports.
    const judged = (await judgedStatusesOf(db(), [caseId])).get(caseId);
    expect(judged?.pending).toBe('no_contact');
    const basis = await db()
      .selectFrom('events')
      .select(['event_date', 'report_seq'])
      .where('id', '=', judged?.pendingBasisEventId ?? '')
      .executeTakeFirstOrThrow();
    expect(basis).toEqual({ event_date: '2025-09-01', report_seq: 4 });

    // Her letter says what her page says.
    const letter = await get(`/cases/${caseId}/appeals/new?template=inquiry`, s.w.family.cookies);
    expect(letter.statusCode).toBe(200);
    expect(letter.body).toContain('Дата последней связи с ним: 01.09.2025');
    expect(letter.body).not.toContain('05.11.2025');

    // Append-only: her four reports are all still there, none rewritten.
    const rows = await db()
      .selectFrom('events')
      .select(['event_date', 'report_seq'])
      .where('case_id', '=', caseId)
      .where('kind', '=', 'last_contact')
      .orderBy('report_seq')
      .execute();
    expect(rows.map((r) => `${r.report_seq} ${r.event_date}`)).toEqual([
      '1 2025-10',
      '2 2025-10-15',
      '3 2025-11-05',
      '4 2025-09-01',
    ]);
  });

  it('a last contact she adds on her timeline is her newest word too', async () => {
    const { caseId } = await openCase({ db: db(), clock: s.t.clock }, s.w.family.auth, caseInput(s.w.orgA.id));
    const added = await submitForm(
      s.t.app,
      `/cases/${caseId}`,
      { kind: 'last_contact', date: '20.12.2025', source: 'family' },
      s.w.family.cookies,
      `/cases/${caseId}/events`,
    );
    expect(added.res.statusCode).toBe(303);
    const page = await get(`/cases/${caseId}`, s.w.family.cookies);
    expect(statusOf(page.body)).toContain('нет связи с 20.12.2025');
    expect(summaryOf(page.body)).toBe('20.12.2025');
    expect(correctedMarks(page.body)).toHaveLength(1);
    // Her edit form offers the date she gives now.
    const form = await get(`/cases/${caseId}/edit`, s.w.family.cookies);
    expect(form.body).toMatch(/name="last_contact_date"[^>]*value="20\.12\.2025"/);
  });

  it('a later contact staff verified from another source still sets the status', async () => {
    const { caseId } = await openCase({ db: db(), clock: s.t.clock }, s.w.family.auth, caseInput(s.w.orgA.id));
    const added = await submitForm(
      s.t.app,
      `/cases/${caseId}`,
      { kind: 'last_contact', date: '20.02.2026', source: 'witness', verification: 'corroborated' },
      s.w.caseworker.cookies,
      `/cases/${caseId}/events`,
    );
    expect(added.res.statusCode).toBe(303);
    const { res } = await submitForm(s.t.app, `/cases/${caseId}/edit`, fields('01.12.2025'), s.w.family.cookies);
    expect(res.statusCode).toBe(303);
    const page = await get(`/cases/${caseId}`, s.w.family.cookies);
    expect(statusOf(page.body)).toContain('нет связи с 20.02.2026');
    // Her own date is corrected on her summary all the same, and her first report marked.
    expect(summaryOf(page.body)).toBe('01.12.2025');
    expect(correctedMarks(page.body)).toHaveLength(1);
    expect(correctedMarks(page.body)[0]).toContain('10.01.2026 — Последняя связь');
  });
});
