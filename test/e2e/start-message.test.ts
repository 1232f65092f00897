import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.ts';

// `npm start` on a fresh machine, read as a newcomer reads the terminal: the address and the
// first administrator's link come last, set apart, not among the start-up jobs' log lines; in
// Russian unless the operator's settings ask for English.

describe('the start-up message', () => {
  const dataDirs: string[] = [];
  const servers: ServerProcess[] = [];
  afterAll(async () => {
    for (const s of servers) await s.stop();
    for (const d of dataDirs) fs.rmSync(d, { recursive: true, force: true });
  });

  /** The lines between the last two rules of a fresh server's output. */
  const messageOf = async (env: Record<string, string>): Promise<{ message: string[] }> => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kintrace-start-'));
    dataDirs.push(dataDir);
    const server = await startServerProcess({ DATA_DIR: dataDir, DATABASE_URL: '', ...env });
    servers.push(server);
    // The rest of the message, and a moment for any line that would come after it.
    await new Promise((r) => setTimeout(r, 1_500));
    const lines = server.output().trim().split('\n');
    const rule = '='.repeat(72);
    expect(lines.at(-1)).toBe(rule);
    const opening = lines.lastIndexOf(rule, -2);
    return { message: lines.slice(opening + 1, -1) };
  };

  it('comes after the log lines of the jobs run at start, between two rules', async () => {
    const { message } = await messageOf({ LOG_LEVEL: 'info', LOG_FORMAT: 'plain', KINTRACE_LANG: 'en' });
    expect(message[0]).toMatch(/^Kintrace is running at http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(message[1]).toMatch(/^No administrator yet\. Open this one-time link/);
    expect(message.some((l) => /\/setup\/[A-Za-z0-9_-]{43}$/.test(l))).toBe(true);
    expect(message.at(-1)).toBe('  npx kintrace admin create --pseudonym admin [--organisation "Organisation name"]');
    // Nothing but the message between the rules; the jobs' lines (each job logs at start) above.
    expect(message.some((l) => / INFO /.test(l))).toBe(false);
  });

  // One server for two things (each costs a process start): the JSON log, and the language when
  // no setting names one.
  it('comes after them in the JSON log a service manager keeps too, in Russian when no setting names a language', async () => {
    // Not a terminal: JSON lines, which pino used to buffer and write after the message.
    const { message } = await messageOf({
      LOG_LEVEL: 'info',
      LOG_FORMAT: 'json',
      KINTRACE_LANG: '',
      LC_ALL: '',
      LC_MESSAGES: '',
      LANG: '',
    });
    expect(message.some((l) => l.startsWith('{'))).toBe(false);
    expect(message[0]).toMatch(/^Kintrace работает по адресу http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(message[1]).toMatch(/^Администратора пока нет\. Чтобы создать первого, откройте эту одноразовую ссылку/);
    expect(message[2]).toMatch(/^ {2}http:\/\/127\.0\.0\.1:\d+\/setup\/[A-Za-z0-9_-]{43}$/);
    expect(message[3]).toBe('или создайте его из командной строки:');
    expect(message[4]).toBe('  npx kintrace admin create --pseudonym admin [--organisation "Название организации"]');
  });
});
