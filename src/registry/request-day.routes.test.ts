import { beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { browserOf } from '../../test/helpers/not-sent.ts';
import { Visitor } from '../../test/helpers/visitor.ts';
import { useWorld } from '../cases/cases.fixtures.ts';
import { publishedForWorld } from './registry.fixtures.ts';

// A mother writes to the registry at 01:30 in Moscow on 2 March (22:30 UTC on 1 March), and a
// verifier handles it at once. The staff's list of requests showed "received 01.03" and "handled
// 01.03": UTC days, the day before, beside the organisation's days everywhere else. Both are now
// the organisation's day.

describe.each(DIALECTS)("a relative's request is dated by the organisation's day (%s)", (dialect) => {
  const s = useWorld(dialect);
  let recordId: string;

  beforeAll(async () => {
    recordId = await publishedForWorld({ db: s.t.opened.db, clock: s.t.clock }, s.w);
  });

  it('received and handled on 02.03 in Moscow, not on the UTC day before', async () => {
    s.t.clock.set('2026-03-01T22:30:00.000Z');
    const page = `/registry/persons/${recordId}/request`;
    const sent = await new Visitor(s.t.app).submit(page, page, { kind: 'correct', message: 'Год рождения неверный' });
    expect(sent.url).toBe('/registry/receipt');
    const row = await s.t.opened.db.selectFrom('registry_requests').select('created_on').executeTakeFirstOrThrow();
    expect(row.created_on).toBe('2026-03-02');

    const verifier = browserOf(s.t.app, s.w.verifier);
    const list = await verifier.get('/staff/registry/requests');
    expect(list.body).toContain('02.03.2026');
    expect(list.body).not.toContain('01.03.2026');
    const done = await verifier.submit(null, /\/staff\/registry\/requests\/[0-9a-f-]+\/close/);
    expect(done.body).toContain('02.03.2026');
    expect(done.body).not.toContain('01.03.2026');
    s.t.clock.set('2026-03-02T09:00:00.000Z');
  });
});
