#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx, so a fresh clone needs no build step.
import { register } from 'tsx/esm/api';
register();
// A batch linkage command runs again under the allocator setting that returns freed memory to
// the system (src/linkage/allocator-relaunch.ts); this process only waits for it.
const { needsAllocatorRelaunch, relaunchWithAllocator } = await import('../src/linkage/allocator-relaunch.ts');
if (needsAllocatorRelaunch(process.argv)) {
  process.exitCode = await relaunchWithAllocator();
} else {
  const { runCli } = await import('../src/cli.ts');
  await runCli(process.argv);
}
