// A batch linkage run in a process whose C allocator gives freed memory back to the system.
//
// Node's typed arrays live in memory from glibc's malloc. Once a large block is freed, glibc
// raises the size from which it maps blocks of their own (up to 32 MB), so the run's later
// arrays — edge lists, sort orders, frequency tables, each built and let go in turn — are cut
// from its heap, and a freed one inside it is kept, not returned. At a million records this
// held 350–450 MB that no array of the engine still used (round thirty-five in docs/linkage.md:
// the eighth generator's process held 1,151 MB after scoring, 796 MB with the threshold fixed).
// Fixing the threshold (MALLOC_MMAP_THRESHOLD_) keeps every block from 128 KB up in a mapping of
// its own, unmapped when freed. glibc reads it only when a process starts, so the command
// starts itself again with it set; under another C library the variable is ignored.

import { spawn } from 'node:child_process';

/** The variable and value: blocks from 128 KB up get a mapping of their own. */
export const ALLOCATOR_ENV = { MALLOC_MMAP_THRESHOLD_: '131072' } as const;

/** The commands that link a whole file or database in one run: the ones holding a million rows. */
const BATCH_COMMANDS = new Set(['dedupe', 'link', 'match']);

/** The command's name: the first argument after the script that is not an option. */
const commandOf = (argv: readonly string[]): string | undefined => argv.slice(2).find((a) => !a.startsWith('-'));

/** Whether this process should start again with the allocator setting: not set yet, on Linux. */
export const needsAllocatorRelaunch = (
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  batchOnly = true,
): boolean =>
  platform === 'linux' &&
  env.MALLOC_MMAP_THRESHOLD_ === undefined &&
  (!batchOnly || BATCH_COMMANDS.has(commandOf(argv) ?? ''));

/**
 * Runs this very script again (same node, flags and arguments) with ALLOCATOR_ENV, its input and
 * output passed straight through, and resolves with its exit code. A signal sent to this process
 * (a service manager's SIGTERM) is passed on, and the child's own death by a signal is repeated
 * here, so whoever started the command sees what the run did.
 */
export const relaunchWithAllocator = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
      stdio: 'inherit',
      env: { ...process.env, ...ALLOCATOR_ENV },
    });
    const forward = (signal: NodeJS.Signals) => () => child.kill(signal);
    const handlers = (['SIGINT', 'SIGTERM', 'SIGHUP'] as const).map((s) => [s, forward(s)] as const);
    for (const [signal, handler] of handlers) process.on(signal, handler);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      for (const [s, handler] of handlers) process.off(s, handler);
      if (signal) process.kill(process.pid, signal);
      resolve(code ?? 1);
    });
  });
