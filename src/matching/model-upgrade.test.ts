import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { useWorld } from '../cases/cases.fixtures.ts';
import type { ModelParams } from '../linkage/engine/model.ts';
import { systemPrincipal } from '../policy/principal.ts';
import { forgetIndexes } from './index-registry.ts';
import { findModel } from './matching.repository.ts';
import { runMatching, warmIndexes } from './scoring.service.ts';

// An organisation's model is stored as m and u per comparison level, by position. After an upgrade
// that gives a comparison other levels (the birth date's distance levels), the stored model no
// longer fits: read by position it would weigh one level as another. It must be retrained and
// saved again, not used.

describe.each(DIALECTS)('a model saved by an older version (%s)', (dialect) => {
  const s = useWorld(dialect);
  const deps = () => ({ db: s.t.opened.db, clock: s.t.clock });

  it('is replaced by one trained for the current comparisons, not misread', async () => {
    forgetIndexes();
    await runMatching(deps(), systemPrincipal('scheduler'));
    const org = s.w.orgA.id;
    const current = await findModel(s.t.opened.db, org);
    expect(current).toBeDefined();
    const params = JSON.parse(current!.params) as ModelParams;
    const shape = params.m.map((levels) => levels.length);
    // What an older version saved: one comparison with two levels fewer.
    const older = {
      ...params,
      m: params.m.map((l, i) => (i === 2 ? l.slice(0, -2) : l)),
      u: params.u.map((l, i) => (i === 2 ? l.slice(0, -2) : l)),
    };
    await s.t.opened.db
      .updateTable('linkage_models')
      .set({ params: JSON.stringify(older) })
      .where('organisation_id', '=', org)
      .execute();
    // A restart: the index is built from the database again.
    forgetIndexes();
    await warmIndexes(deps());
    const after = await findModel(s.t.opened.db, org);
    expect(after!.version).toBe(current!.version + 1);
    const saved = JSON.parse(after!.params) as ModelParams;
    expect(saved.m.map((levels) => levels.length)).toEqual(shape);
    expect(saved.u.map((levels) => levels.length)).toEqual(shape);
  });
});
