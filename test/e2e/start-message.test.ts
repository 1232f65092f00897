import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.ts';

// `npm start` on a fresh machine, read as a newcomer reads the terminal: the address and the
// first administrator's link come last, set apart, not among the start-up jobs' log lines.

describe('the start-up message', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kintrace-start-'));
  let server: ServerProcess | undefined;
  afterAll(async () => {
    await server?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('comes after the log lines of the jobs run at start, between two rules', async () => {
    server = await startServerProcess({ DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'info', LOG_FORMAT: 'plain' });
    // The rest of the message, and a moment for any line that would come after it.
    await new Promise((r) => setTimeout(r, 1_500));
    const lines = server.output().trim().split('\n');
    const rule = '='.repeat(72);
    expect(lines.at(-1)).toBe(rule);
    const opening = lines.lastIndexOf(rule, -2);
    const message = lines.slice(opening + 1, -1);
    expect(message[0]).toMatch(/^Kintrace is running at http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(message.some((l) => /\/setup\/[A-Za-z0-9_-]{43}$/.test(l))).toBe(true);
    // Nothing but the message between the rules; the jobs' lines (each job logs at start) above.
    expect(message.some((l) => / INFO /.test(l))).toBe(false);
  });
});
