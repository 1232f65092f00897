import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { systemClock } from '../shared/clock.ts';
import { DIALECTS, freshDb } from '../../test/helpers/db.ts';
import { runDemo } from '../demo/demo.service.ts';
import { APPEAL_STATES } from './appeal-lifecycle.ts';
import { appealsStats } from './appeal-steps.service.ts';

describe.each(DIALECTS)('the demo’s appeals (%s)', (dialect) => {
  it('has an appeal in every state, two overdue and told to their families, a scan, a collective, and the guides', async () => {
    const opened = await freshDb(dialect);
    try {
      const report = await runDemo({ db: opened.db, config: loadConfig(), clock: systemClock });
      const stats = await appealsStats(opened.db);
      for (const state of APPEAL_STATES) expect(stats[state], state).toBeGreaterThanOrEqual(1);
      expect(stats.overdue).toBe(2);
      expect(report.appeals).toBe(Object.values(stats).reduce((a, n) => a + n, 0));
      const told = await opened.db.selectFrom('case_news').select('id').where('kind', '=', 'appeal_overdue').execute();
      expect(told).toHaveLength(2);
      expect(await opened.db.selectFrom('evidence_files').select('id').execute()).toHaveLength(1);
      expect(await opened.db.selectFrom('collective_appeals').select('id').execute()).toHaveLength(1);
      expect((await opened.db.selectFrom('guides').select('id').execute()).length).toBeGreaterThanOrEqual(10);
    } finally {
      await opened.close();
    }
  });
});
