import { vi } from 'vitest';
import { runCli } from '../../src/cli.ts';

// Runs `kintrace …` in this process as a shell would, with these environment variables, and
// returns what it printed and its exit status (undefined: success). Its messages are in English
// unless the test sets KINTRACE_LANG (or gives --lang): the machine's locale must not decide.

export const runCliCaptured = async (args: string[], env: Record<string, string>) => {
  for (const [k, v] of Object.entries({ KINTRACE_LANG: 'en', ...env })) vi.stubEnv(k, v);
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => {
    out += String(c);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => {
    err += String(c);
    return true;
  });
  const before = process.exitCode;
  try {
    await runCli(['node', 'kintrace', ...args]);
  } finally {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
  }
  const code = process.exitCode;
  process.exitCode = before;
  return { out, err, code };
};
