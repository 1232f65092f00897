import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { submitForm } from '../../test/helpers/factories.ts';
import * as m15 from '../db/migrations/0015-last-contact-report-order.ts';
import { parsePartialDate } from '../people/partial-date.ts';
import { caseInput, editForm, useWorld } from './cases.fixtures.ts';
import { openCase } from './cases.service.ts';

// A mother filed «10.2025» and, before her reports were numbered (migration 0014), corrected it
// on her edit form to 05.11.2025 and then to 01.09.2025. With no numbers the rules took the
// latest date, so her status said «нет связи с 05.11.2025» until her next correction. Migration
// 0015 numbers such reports by the day given, then the date stored on her case, then as before.

const statusOf = (body: string): string => /<p class="status">([^<]*)<\/p>/.exec(body)?.[1] ?? '';
const summaryOf = (body: string): string =>
  /<dt>Дата последней связи<\/dt>\s*<dd>([^<(]*)/.exec(body)?.[1]?.trim() ?? '';

describe.each(DIALECTS)('her reports made before the numbering (%s)', (dialect) => {
  const s = useWorld(dialect);
  const db = () => s.t.opened.db;
  const backfill = () => m15.up(db() as unknown as Kysely<unknown>);
  const unnumber = (caseId: string) =>
    db().updateTable('events').set({ report_seq: null }).where('case_id', '=', caseId).execute();
  const reports = async (caseId: string) =>
    (
      await db()
        .selectFrom('events')
        .select(['event_date', 'source', 'added_by_family', 'report_seq'])
        .where('case_id', '=', caseId)
        .where('kind', '=', 'last_contact')
        .orderBy('event_date')
        .execute()
    ).map((r) => `${r.event_date} ${r.source} ${r.added_by_family}: ${r.report_seq ?? '-'}`);
  const page = (caseId: string) =>
    s.t.app.inject({ method: 'GET', url: `/cases/${caseId}`, cookies: s.w.family.cookies });

  it('a case corrected twice on one evening shows her latest word once numbered', async () => {
    const input = caseInput(s.w.orgA.id, { last_contact_date: parsePartialDate('10.2025') ?? undefined });
    const { caseId } = await openCase({ db: db(), clock: s.t.clock }, s.w.family.auth, input);
    for (const date of ['05.11.2025', '01.09.2025']) {
      const fields = editForm({ with_last_contact: '1', last_contact_date: date, last_contact_means: 'phone' });
      const { res } = await submitForm(s.t.app, `/cases/${caseId}/edit`, fields, s.w.family.cookies);
      expect(res.statusCode).toBe(303);
    }
    // As the rows were before 0014: no numbers; the request filed a week earlier.
    await unnumber(caseId);
    await db()
      .updateTable('events')
      .set({ created_on: '2026-02-23' })
      .where('case_id', '=', caseId)
      .where('event_date', '=', '2025-10')
      .execute();
    expect(statusOf((await page(caseId)).body)).toContain('нет связи с 05.11.2025');

    await backfill();
    expect(await reports(caseId)).toEqual(['2025-09-01 family 1: 3', '2025-10 family 1: 1', '2025-11-05 family 1: 2']);
    const after = (await page(caseId)).body;
    expect(statusOf(after)).toContain('нет связи с 01.09.2025');
    expect(summaryOf(after)).toBe('01.09.2025');
    expect(after).toContain('Исправлено: теперь вы указываете 01.09.2025');
  });

  it('orders by the day she gave them, puts later numbered ones after, leaves others’ alone', async () => {
    const { caseId } = await openCase(
      { db: db(), clock: s.t.clock },
      s.w.family.auth,
      caseInput(s.w.orgA.id, { last_contact_date: parsePartialDate('05.2025') ?? undefined }),
    );
    const { person_id } = await db()
      .selectFrom('cases')
      .select('person_id')
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    // She cleared the date on her form since (the case stores none): only the days tell.
    await db()
      .updateTable('cases')
      .set({ last_contact_date: null, last_contact_precision: null })
      .where('id', '=', caseId)
      .execute();
    await unnumber(caseId);
    await db().updateTable('events').set({ created_on: '2026-01-10' }).where('case_id', '=', caseId).execute();
    const row = (id: string, date: string, day: string, over: Record<string, unknown> = {}) => ({
      id,
      person_id,
      case_id: caseId,
      kind: 'last_contact',
      event_date: date,
      date_precision: 'month' as const,
      place: null,
      description_sealed: null,
      source: 'family',
      verification: 'reported' as const,
      added_by_family: 1,
      created_on: day,
      verified_by: null,
      verified_at: null,
      report_seq: null,
      ...over,
    });
    const ids = [0, 1, 2, 3].map((i) => `${caseId.slice(0, 30)}aaaaa${i}`);
    await db()
      .insertInto('events')
      .values([
        // her correction a month later, to an earlier month: her word before the numbering
        row(ids[0], '2025-03', '2026-02-10'),
        // her correction after 0014, numbered then
        row(ids[1], '2025-04', '2026-02-20', { report_seq: 1 }),
        // a comrade's last contact, and one a caseworker wrote down from the family: not her reports
        row(ids[2], '2025-08', '2026-02-11', { source: 'witness', added_by_family: 0 }),
        row(ids[3], '2025-07', '2026-02-12', { added_by_family: 0 }),
      ])
      .execute();
    await backfill();
    const expected = [
      '2025-03 family 1: 2',
      '2025-04 family 1: 3',
      '2025-05 family 1: 1',
      '2025-07 family 0: -',
      '2025-08 witness 0: -',
    ];
    expect(await reports(caseId)).toEqual(expected);
    // Run again, it changes nothing.
    await backfill();
    expect(await reports(caseId)).toEqual(expected);
  });
});
