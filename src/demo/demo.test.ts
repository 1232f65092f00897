import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../app.ts';
import { Visitor } from '../../test/helpers/visitor.ts';
import { buildCli } from '../cli.ts';
import { loadConfig } from '../config.ts';
import { openSqlite } from '../db/database.ts';
import { ManualClock, systemClock } from '../shared/clock.ts';
import { createLogger } from '../shared/logger.ts';
import { casesStats } from '../cases/queue.service.ts';
import { DIALECTS, freshDb } from '../../test/helpers/db.ts';
import { login } from '../../test/helpers/factories.ts';
import {
  DEMO_CASES,
  DEMO_FAMILY_COUNT,
  DEMO_MARK,
  DEMO_ORGANISATIONS,
  DEMO_STAFF_ROLES,
  DEMO_TIPS,
} from './demo.data.ts';
import { assertEmptyDataDir, DemoRefused, holdsDemo, runDemo } from './demo.service.ts';

const expected = {
  persons: DEMO_CASES.length,
  cases: DEMO_CASES.length,
  // A tip attached to a case becomes one more (reported) event of it.
  events:
    DEMO_CASES.reduce((n, c) => n + c.events.length + (c.lastContact ? 1 : 0), 0) +
    DEMO_TIPS.filter((t) => t.attachAs && t.aboutCase !== undefined).length,
  users: 1 + DEMO_ORGANISATIONS.length * DEMO_STAFF_ROLES.length + DEMO_FAMILY_COUNT,
};
const config = loadConfig();

describe.each(DIALECTS)('kintrace demo through the real services (%s)', (dialect) => {
  it('fills an empty database with the expected counts and refuses a second run', async () => {
    const opened = await freshDb(dialect);
    try {
      const report = await runDemo({ db: opened.db, config, clock: systemClock });
      expect(await casesStats(opened.db)).toEqual(expected);
      expect(report.logins).toHaveLength(expected.users);
      expect(
        report.logins.filter((l) => l.role !== 'family').every((l) => /^[A-Z2-7]{32}$/.test(l.totpSecret ?? '')),
      ).toBe(true);
      const persons = await opened.db.selectFrom('persons').select('surname').execute();
      expect(persons.every((p) => p.surname.includes(DEMO_MARK))).toBe(true);
      const closed = await opened.db.selectFrom('cases').select('id').where('state', '=', 'closed').execute();
      expect(closed).toHaveLength(DEMO_CASES.filter((c) => c.close).length);
      const verified = await opened.db
        .selectFrom('events')
        .select('id')
        .where('verification', '!=', 'reported')
        .execute();
      expect(verified.length).toBeGreaterThanOrEqual(6);
      await expect(runDemo({ db: opened.db, config, clock: systemClock })).rejects.toThrow(DemoRefused);
      expect(await casesStats(opened.db)).toEqual(expected);
    } finally {
      await opened.close();
    }
  });
});

describe('kintrace demo on a data directory', () => {
  const dirs: string[] = [];
  const tmp = () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'kintrace-demo-'));
    dirs.push(d);
    return d;
  };
  const saved = process.env.DATA_DIR;
  afterEach(() => {
    if (saved === undefined) delete process.env.DATA_DIR;
    else process.env.DATA_DIR = saved;
    vi.restoreAllMocks();
  });
  afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  const runCli = async (args: string[]): Promise<string> => {
    let out = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      out += String(chunk);
      return true;
    });
    try {
      await buildCli().parseAsync(['node', 'kintrace', '--lang', 'en', ...args]);
    } finally {
      vi.restoreAllMocks();
    }
    return out;
  };

  it('prints the logins, and the printed logins work in the app (staff with 2FA, families)', async () => {
    const dataDir = path.join(tmp(), 'fresh');
    process.env.DATA_DIR = dataDir;
    const out = await runCli(['demo']);
    expect(out).toContain('DEMO');
    const rows = [
      ...out.matchAll(
        /^(\S.*?)\s+(demo-[a-z0-9-]+)\s+([a-z0-9]{4}(?:-[a-z0-9]{4}){5})(?:\s+2FA secret ([A-Z2-7]+))?/gm,
      ),
    ];
    expect(rows).toHaveLength(expected.users);

    const opened = openSqlite(path.join(dataDir, 'kintrace.sqlite'));
    const app = await buildApp({
      config: loadConfig({ ...process.env, DATA_DIR: dataDir }),
      db: opened.db,
      dialect: 'sqlite',
      clock: new ManualClock(new Date()),
      logger: createLogger('silent'),
    });
    try {
      expect(await casesStats(opened.db)).toEqual(expected);
      // Every demo tip's receipt code is printed, and opens its tip.
      const codes = [...out.matchAll(/^ {2}([0-9A-Z]{4}(?:-[0-9A-Z]{4}){5}) {2}/gm)].map((m) => m[1]);
      expect(codes).toHaveLength(DEMO_TIPS.length);
      const tipPage = await new Visitor(app).submit('/tip', '/tip/open', { code: codes[0] });
      expect(tipPage.body).toContain(DEMO_MARK);
      const row = (pseudonym: string) => rows.find((r) => r[2] === pseudonym)!;
      const worker = row('demo-caseworker-north');
      const staffCookies = await login(app, worker[2], worker[3], worker[4]);
      const queue = await app.inject({ method: 'GET', url: '/staff?filter=open', cookies: staffCookies });
      expect(queue.statusCode).toBe(200);
      expect(queue.body).toContain(DEMO_MARK);
      const caseLinks = [...new Set([...queue.body.matchAll(/href="(\/cases\/[0-9a-f-]{36})"/g)].map((m) => m[1]))];
      expect(caseLinks.length).toBeGreaterThanOrEqual(3);
      const pages = await Promise.all(
        caseLinks.map((u) => app.inject({ method: 'GET', url: u, cookies: staffCookies })),
      );
      expect(pages.every((p) => p.statusCode === 200)).toBe(true);
      // The case whose official date of death comes before the family's last call shows a discrepancy.
      expect(pages.some((p) => p.body.includes('class="discrepancy"'))).toBe(true);

      const fam = row('demo-family-1');
      const famCookies = await login(app, fam[2], fam[3]);
      const mine = await app.inject({ method: 'GET', url: '/my/cases', cookies: famCookies });
      expect([...mine.body.matchAll(/href="\/cases\/[0-9a-f-]{36}"/g)]).toHaveLength(
        DEMO_CASES.filter((c) => c.family === 0).length,
      );
    } finally {
      await app.close();
      await opened.close();
    }
  });

  it('prints login URLs with the PORT it is given, and the server says where to log in again', async () => {
    const dataDir = path.join(tmp(), 'port');
    process.env.DATA_DIR = dataDir;
    const savedPort = process.env.PORT;
    process.env.PORT = '18123';
    try {
      const out = await runCli(['demo']);
      expect(out).toContain('  http://127.0.0.1:18123/login\n');
      expect(out).not.toContain(':8080');
    } finally {
      if (savedPort === undefined) delete process.env.PORT;
      else process.env.PORT = savedPort;
    }
    const opened = openSqlite(path.join(dataDir, 'kintrace.sqlite'));
    try {
      expect(await holdsDemo(opened.db)).toBe(true);
    } finally {
      await opened.close();
    }
    const empty = await freshDb('sqlite');
    expect(await holdsDemo(empty.db)).toBe(false);
    await empty.close();
  });

  it('refuses a data directory that is not empty, clearly, and changes nothing', async () => {
    const dataDir = tmp();
    fs.writeFileSync(path.join(dataDir, 'kintrace.sqlite'), 'real data');
    process.env.DATA_DIR = dataDir;
    await expect(runCli(['demo'])).rejects.toMatchObject({ key: 'demo.cli.notEmpty', params: { dir: dataDir } });
    expect(fs.readdirSync(dataDir)).toEqual(['kintrace.sqlite']);
    expect(fs.readFileSync(path.join(dataDir, 'kintrace.sqlite'), 'utf8')).toBe('real data');
    expect(() => assertEmptyDataDir(path.join(dataDir, 'missing'))).not.toThrow();
  });

  it('prints the current 2FA code for a demo secret', async () => {
    expect(await runCli(['demo', '--totp', 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'])).toMatch(/^\d{6}\n$/);
    await expect(runCli(['demo', '--totp', 'not base32!'])).rejects.toThrow(DemoRefused);
  });
});
