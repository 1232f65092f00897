import { describe, expect, it, vi } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { caseInput, useWorld } from '../cases/cases.fixtures.ts';
import { openCase } from '../cases/cases.service.ts';
import { systemPrincipal } from '../policy/principal.ts';
import { forgetIndexes } from './index-registry.ts';
import { runMatching } from './scoring.service.ts';

// Two server processes on one database (PostgreSQL in production; both dialects here). Each keeps
// its own in-memory index; a record scored by one must be found by the other, which never re-runs
// anything: before each use it adds what others scored since the last position it knows.
// The second process is this module graph loaded again (vi.resetModules): its own index registry.

describe.each(DIALECTS)('two processes scoring one organisation (%s)', (dialect) => {
  const s = useWorld(dialect);
  const deps = () => ({ db: s.t.opened.db, clock: s.t.clock });
  const personOf = async (caseId: string) =>
    (await s.t.opened.db.selectFrom('cases').select('person_id').where('id', '=', caseId).executeTakeFirstOrThrow())
      .person_id;

  it('finds in one process the record another process scored, without rebuilding its index', async () => {
    forgetIndexes();
    // Process A scores what there is and keeps its index.
    await runMatching(deps(), systemPrincipal('scheduler'));
    // Process B (a module graph of its own) scores a new request: A's index has not seen it.
    vi.resetModules();
    const other = (await import('./scoring.service.ts')) as typeof import('./scoring.service.ts');
    const b = await openCase(
      deps(),
      s.w.otherFamily.auth,
      caseInput(s.w.orgA.id, { surname: 'Sidorenko', given_name: 'Arkadiy', birth_date: undefined, narrative: 'Б' }),
    );
    expect((await other.runMatching(deps(), systemPrincipal('scheduler'))).scored).toBe(1);
    // Process A scores the next request about the same man: it must meet B's record.
    const a = await openCase(
      deps(),
      s.w.otherFamily.auth,
      caseInput(s.w.orgA.id, { surname: 'Сидоренко', given_name: 'Аркадий', birth_date: undefined, narrative: 'А' }),
    );
    expect((await runMatching(deps(), systemPrincipal('scheduler'))).scored).toBe(1);
    const [pa, pb] = [await personOf(a.caseId), await personOf(b.caseId)];
    const pair = await s.t.opened.db
      .selectFrom('match_candidates')
      .select(['left_person_id', 'right_person_id', 'state'])
      .where('left_person_id', '=', pa)
      .where('right_person_id', '=', pb)
      .execute();
    expect(pair).toEqual([{ left_person_id: pa, right_person_id: pb, state: 'pending' }]);
  });
});
