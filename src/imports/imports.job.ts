import { MINUTE } from '../shared/clock.ts';
import type { JobDefinition } from '../scheduler/scheduler.service.ts';
import { maintainImports, type ImportsDeps } from './imports.service.ts';

// Imports on the one scheduler, every ten minutes: an import whose process stopped (a restart
// mid-run) is marked failed — nothing of it was written, its page says to upload it again — and
// an upload left at the mapping form for a day has its sealed bytes deleted.

export const importsJob = (deps: ImportsDeps): JobDefinition => ({
  name: 'imports',
  everyMs: 10 * MINUTE,
  run: async () => {
    const { stalled, abandoned } = await maintainImports(deps);
    return {
      ok: true,
      summary: `imports: ${stalled} interrupted run(s) closed, ${abandoned} abandoned upload(s) deleted`,
      notes: [{ key: 'imports', values: { stalled, abandoned } }],
    };
  },
});
