import { beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { browserOf } from '../../test/helpers/not-sent.ts';
import { useWorld } from '../cases/cases.fixtures.ts';
import { publishedForWorld } from './registry.fixtures.ts';

// At 02:30 on 2 March in Moscow (23:30 UTC on 1 March) a verifier corrects a published record
// and dates its new source 02.03.2026, today where she is. The form bounded dates by the UTC day
// and refused hers as in the future.

describe.each(DIALECTS)("a record's source may be dated today on the organisation's calendar (%s)", (dialect) => {
  const s = useWorld(dialect);
  let recordId: string;

  beforeAll(async () => {
    recordId = await publishedForWorld({ db: s.t.opened.db, clock: s.t.clock }, s.w);
  });

  it('a correction at 23:30 UTC takes a source dated 02.03.2026 and is dated that day', async () => {
    s.t.clock.set('2026-03-01T23:30:00.000Z');
    try {
      const page = `/staff/registry/records/${recordId}`;
      const verifier = browserOf(s.t.app, s.w.verifier);
      const sent = await verifier.submit(page, `${page}/correct`, {
        note: 'Дата извещения уточнена',
        source_title_1: 'Извещение военкомата',
        source_date_1: '02.03.2026',
      });
      expect(sent.status, sent.body.slice(0, 400)).toBe(200);
      expect(sent.url).toContain(`${page}?`);
      const row = await s.t.opened.db
        .selectFrom('registry_corrections')
        .select('corrected_on')
        .where('record_id', '=', recordId)
        .executeTakeFirstOrThrow();
      expect(row.corrected_on).toBe('2026-03-02');
      expect(sent.body).toContain('02.03.2026: Дата извещения уточнена');
    } finally {
      s.t.clock.set('2026-03-02T09:00:00.000Z');
    }
  });
});
