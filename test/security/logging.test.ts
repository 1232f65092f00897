import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { ManualClock } from '../../src/shared/clock.ts';
import { createLogger } from '../../src/shared/logger.ts';
import { freshDb } from '../helpers/db.ts';
import { createFamily } from '../helpers/factories.ts';

// The default log holds what an operator needs, not two lines per request (issue 14: 70,000
// lines in one load test). At debug, one line per request: method, route pattern, status, time —
// never the URL, a query, an id in a path, an address or a header.

const appWithLog = async (level: string) => {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  const opened = await freshDb('sqlite');
  const config = loadConfig({ ...process.env, DATABASE_URL: '', LOG_LEVEL: level });
  const app = await buildApp({
    config,
    db: opened.db,
    dialect: 'sqlite',
    clock: new ManualClock('2026-03-02T09:00:00.000Z'),
    logger: createLogger(level, sink),
  });
  return { app, lines, opened };
};

const traffic = async (app: Awaited<ReturnType<typeof appWithLog>>['app'], cookies: Record<string, string>) => {
  const urls = [
    '/',
    '/login',
    '/tips/new',
    '/tip',
    '/my/cases?secret=МАРКЕР-ЗАПРОС',
    '/cases/00000000-0000-4000-8000-000000000000',
    '/nope',
  ];
  for (let i = 0; i < 3; i++)
    for (const url of urls)
      await app.inject({
        method: 'GET',
        url,
        cookies,
        headers: { 'x-forwarded-for': '203.0.113.9', 'user-agent': 'LogAgent/1' },
      });
  return urls.length * 3;
};

describe('logging', () => {
  it('writes no line per request at the default level (info)', async () => {
    const { app, lines, opened } = await appWithLog('info');
    const family = await createFamily(opened.db);
    await traffic(app, family.cookies);
    await app.close();
    await opened.close();
    expect(lines.filter((l) => l.includes('"route"') || l.includes('request'))).toEqual([]);
  });

  it('writes one line per request at debug, with the route pattern and nothing that identifies anyone', async () => {
    const { app, lines, opened } = await appWithLog('debug');
    const family = await createFamily(opened.db);
    const n = await traffic(app, family.cookies);
    await app.close();
    await opened.close();
    const requests = lines.filter((l) => l.includes('"msg":"request"'));
    expect(requests).toHaveLength(n);
    expect(requests.some((l) => l.includes('"route":"/cases/:id"'))).toBe(true);
    for (const l of requests) {
      const entry = JSON.parse(l) as Record<string, unknown>;
      expect(Object.keys(entry).sort()).toEqual(['level', 'ms', 'msg', 'reqId', 'req', 'res', 'time'].sort());
      expect(Object.keys(entry.req as object).sort()).toEqual(expect.arrayContaining(['method']));
    }
    const all = lines.join('\n');
    for (const secret of [
      'МАРКЕР-ЗАПРОС',
      'secret=',
      '00000000-0000-4000-8000-000000000000',
      '203.0.113.9',
      'LogAgent',
      'kt_session',
    ])
      expect(all).not.toContain(secret);
  });
});
