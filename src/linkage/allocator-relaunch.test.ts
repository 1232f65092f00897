import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { needsAllocatorRelaunch } from './allocator-relaunch.ts';

const module = fileURLToPath(new URL('./allocator-relaunch.ts', import.meta.url));

/** A script that starts itself again as the batch commands do, then reports from the child. */
const script = (childBody: string): string => {
  const file = join(mkdtempSync(join(tmpdir(), 'kt-alloc-')), 'run.mts');
  writeFileSync(
    file,
    `import { needsAllocatorRelaunch, relaunchWithAllocator } from ${JSON.stringify(module)};
if (needsAllocatorRelaunch(process.argv, process.env, process.platform, false)) {
  process.exitCode = await relaunchWithAllocator();
} else {
  ${childBody}
}
`,
  );
  return file;
};

const withoutSetting = (): NodeJS.ProcessEnv => {
  const env = { ...process.env };
  delete env.MALLOC_MMAP_THRESHOLD_;
  return env;
};

describe('batch linkage under an allocator that returns freed memory', () => {
  it('starts the batch commands again on Linux, once, and nothing else', () => {
    const env = withoutSetting();
    for (const command of ['dedupe', 'link', 'match']) {
      expect(needsAllocatorRelaunch(['node', 'kintrace', command, 'a.csv'], env, 'linux')).toBe(true);
    }
    expect(needsAllocatorRelaunch(['node', 'kintrace', 'serve'], env, 'linux')).toBe(false);
    expect(needsAllocatorRelaunch(['node', 'kintrace', 'admin', 'create'], env, 'linux')).toBe(false);
    expect(needsAllocatorRelaunch(['node', 'kintrace', 'dedupe', 'a.csv'], env, 'darwin')).toBe(false);
    const set = { ...env, MALLOC_MMAP_THRESHOLD_: '131072' };
    expect(needsAllocatorRelaunch(['node', 'kintrace', 'dedupe', 'a.csv'], set, 'linux')).toBe(false);
  });

  it.runIf(process.platform === 'linux')('runs the script again with the setting and passes its exit code on', () => {
    const file = script(`console.log('child', process.env.MALLOC_MMAP_THRESHOLD_, process.argv.slice(2).join(' '));
  process.exitCode = 3;`);
    const run = spawnSync(process.execPath, ['--import', 'tsx', file, '--out', 'x.csv'], {
      encoding: 'utf8',
      env: withoutSetting(),
    });
    expect(run.stdout.trim()).toBe('child 131072 --out x.csv');
    expect(run.status).toBe(3);
  });

  it.runIf(process.platform === 'linux')('passes a stop signal to the run, which ends, and ends by it', async () => {
    const file = script(`console.log(process.pid); setInterval(() => {}, 1000);`);
    const parent = spawn(process.execPath, ['--import', 'tsx', file], { env: withoutSetting() });
    const childPid = await new Promise<number>((resolve) =>
      parent.stdout.once('data', (d) => resolve(Number(String(d)))),
    );
    const ended = new Promise<NodeJS.Signals | null>((resolve) =>
      parent.on('exit', (_code, signal) => resolve(signal)),
    );
    parent.kill('SIGTERM');
    expect(await ended).toBe('SIGTERM');
    // The run itself was stopped, not left running without its parent.
    const alive = (): boolean => {
      try {
        process.kill(childPid, 0);
        return true;
      } catch {
        return false;
      }
    };
    const leftRunning = alive();
    if (leftRunning) process.kill(childPid, 'SIGKILL');
    expect(childPid).toBeGreaterThan(0);
    expect(leftRunning).toBe(false);
  });
});
