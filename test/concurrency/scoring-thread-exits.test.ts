// The scoring thread waits for more work once it has answered (it may cluster half the
// components: cluster-two-threads.ts), so predictOnTwoThreads must stop it on every path. When
// this thread's scoring threw after the thread had its job (a progress callback here; an
// allocation failure at a million records), the error reached the caller but the process never
// exited. Found by a bug hunt; the child process must end by itself.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const fixture = fileURLToPath(new URL('./fixtures/scoring-throws.ts', import.meta.url));

/**
 * Runs the fixture; resolves with whether it exited by itself within `grace` ms of saying it
 * caught the error (or of `cap` ms, if it never says so), and its output. The clock starts at
 * the message: on a loaded machine starting tsx and loading the engine alone took over 15 s.
 */
const runFixture = (arg: string, grace: number, cap: number): Promise<{ exited: boolean; out: string }> =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', fixture, arg], {
      cwd: fileURLToPath(new URL('./fixtures/', import.meta.url)),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const giveUp = (): void => {
      child.kill('SIGKILL');
      resolve({ exited: false, out });
    };
    let timer = setTimeout(giveUp, cap);
    const onOutput = (d: Buffer): void => {
      const before = out.includes('caught:');
      out += d;
      if (!before && out.includes('caught:')) {
        clearTimeout(timer);
        timer = setTimeout(giveUp, grace);
      }
    };
    child.stdout.on('data', onOutput);
    child.stderr.on('data', onOutput);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve({ exited: true, out });
    });
  });

describe('scoring thread lifecycle when this thread fails', () => {
  it('the process exits after predictOnTwoThreads rejects (keepForClustering and without)', async () => {
    const [kept, plain] = await Promise.all([
      runFixture('keep', 10_000, 120_000),
      runFixture('plain', 10_000, 120_000),
    ]);
    expect(kept.out).toContain('caught: scoring failed on this thread');
    expect(plain.out).toContain('caught: scoring failed on this thread');
    expect(kept.exited).toBe(true);
    expect(plain.exited).toBe(true);
  }, 150_000);
});
