import { Writable } from 'node:stream';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { ManualClock } from '../../src/shared/clock.ts';
import { createLogger } from '../../src/shared/logger.ts';
import { CSRF_COOKIE } from '../../src/web/security.ts';
import { freshDb } from '../helpers/db.ts';
import { createFamily, createOrganisation, createStaff } from '../helpers/factories.ts';
import { publishedFromCase } from '../../src/registry/registry.fixtures.ts';
import { Visitor } from '../helpers/visitor.ts';

// The default log holds what an operator needs, not two lines per request (issue 14: 70,000
// lines in one load test). At debug, one line per request: method, route pattern, status, time —
// never the URL, a query, an id in a path, an address or a header. The anonymous tip routes write
// no line at all while they are used: what they would log comes once a day, without times.

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

const TIP_URLS = ['/tips/new', '/tip'];

/** The number of requests made, the anonymous tip routes' not counted (they write no line). */
const traffic = async (app: Awaited<ReturnType<typeof appWithLog>>['app'], cookies: Record<string, string>) => {
  const urls = [
    '/',
    '/login',
    ...TIP_URLS,
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
  return (urls.length - TIP_URLS.length) * 3;
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
    expect(lines.filter((l) => l.includes('/tip'))).toEqual([]);
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

  // A family's form that lost its CSRF cookie, or its whole session, comes back to her (the
  // session-ended page, web/form-not-sent.ts). Each of those answers was sent twice: the second
  // send failed, and Fastify warned with the request's raw path — a case's id, with its time.
  it('a form sent after a lost cookie or session is answered once, and nothing logs its path', async () => {
    const { app, lines, opened } = await appWithLog('info');
    const org = await createOrganisation(opened.db);
    const family = await createFamily(opened.db);
    const visitor = new Visitor(app);
    for (const [k, v] of Object.entries(family.cookies)) visitor.cookies.set(k, v);
    const fields = { organisation: org.id, surname: 'Орлов', narrative: 'Сын пропал. МАРКЕР-ЛОГ-ФОРМА' };
    await visitor.get('/cases/new');
    visitor.cookies.delete(CSRF_COOKIE);
    expect((await visitor.submit(null, '/cases/new', fields)).status).toBe(403);
    visitor.cookies.clear();
    const ended = await visitor.submit(null, '/cases/new', fields);
    expect(ended.body).toContain('МАРКЕР-ЛОГ-ФОРМА');
    const held = lines.join('\n');
    expect(held).not.toMatch(/already sent/i);
    expect(held).not.toContain('/cases/new');
    expect(held).not.toContain('МАРКЕР');
    await app.close();
    await opened.close();
  });

  // A seized server's log must not say when a tip was sent, added to, opened or deleted: not by a
  // line with its time, nor by a line without one (its place among timed lines, or the time
  // journald puts on it, dates it). Errors there still reach the operator: counted, once a day.
  it('the anonymous tip routes write no line while used, even at debug; their errors come later, undated', async () => {
    const { app, lines, opened } = await appWithLog('debug');
    const org = await createOrganisation(opened.db);
    await app.inject({ method: 'GET', url: '/' });
    expect(lines).toHaveLength(1);

    const sender = new Visitor(app, { 'user-agent': 'LogAgent/1' });
    const receipt = await sender.submit('/tips/new', '/tips/new', {
      organisation: org.id,
      what_happened: 'Видел его в подвале. МАРКЕР-ЛОГ-ПОДСКАЗКА',
      how_known: 'saw_myself',
    });
    expect(receipt.url).toBe('/tip/receipt');
    const code = /<code class="secret receipt">([\s\S]*?)<\/code>/.exec(receipt.body)![1].replace(/<wbr\/?>/g, '');
    expect((await sender.submit('/tip', '/tip/add', { body: 'Ещё. МАРКЕР-ЛОГ-ДОПОЛНЕНИЕ' })).status).toBe(200);
    await sender.submit('/tip', '/tip/leave');
    expect((await sender.submit('/tip', '/tip/open', { code })).url).toBe('/tip');
    // A form whose CSRF cookie was lost (the CSRF plugin warns about it), and a wrong code.
    sender.cookies.delete(CSRF_COOKIE);
    expect((await sender.submit(null, '/tip/add', { body: 'Ещё раз.' })).status).toBe(403);
    expect((await new Visitor(app).submit('/tip', '/tip/open', { code: 'ABCD' })).status).toBe(400);
    // A failure inside a tip route (its table gone for a moment): a 500, twice.
    await sql`alter table tip_sessions rename to tip_sessions_away`.execute(opened.db);
    for (let i = 0; i < 2; i++) expect((await sender.get('/tip')).status).toBe(500);
    await sql`alter table tip_sessions_away rename to tip_sessions`.execute(opened.db);
    expect((await sender.submit('/tip/delete', '/tip/delete')).url).toBe('/tip?done=deleted');
    expect(lines.slice(1)).toEqual([]);

    // Written when the app closes (and daily in production): each distinct line once, counted.
    await app.close();
    await opened.close();
    const report = lines.slice(1).map((l) => JSON.parse(l) as Record<string, unknown>);
    const failed = report.find((r) => String(r.msg).startsWith('unhandled error'));
    expect(failed).toMatchObject({ level: 50, count: 2, anonymousRoutes: true });
    expect((failed!.err as { stack: string }).stack).toMatch(/tip_sessions/);
    expect(report.some((r) => String(r.msg).startsWith('Missing csrf secret'))).toBe(true);
    // At debug, their requests are only counted: how many in the day, never which or when.
    expect(report.find((r) => String(r.msg).startsWith('request '))?.count).toBeGreaterThan(10);
    for (const r of report) {
      expect(Object.keys(r).sort(), String(r.msg)).toEqual(
        expect.arrayContaining(['level', 'msg', 'count', 'anonymousRoutes']),
      );
      for (const key of ['reqId', 'req', 'res', 'ms', 'route', 'responseTime']) expect(r, key).not.toHaveProperty(key);
    }
    const all = lines.slice(1).join('\n');
    for (const secret of ['МАРКЕР-ЛОГ', code, 'LogAgent', '127.0.0.1', '"route"']) expect(all).not.toContain(secret);
  });

  // The same for a relative's registry request and its receipt code: sent, shown once, looked up
  // with the right code and a wrong one, added to with it — no line while it happens, the code
  // never in the log.
  it('the registry request routes write no line while used, even at debug, and never the code', async () => {
    const { app, lines, opened } = await appWithLog('debug');
    const org = await createOrganisation(opened.db);
    const verifier = await createStaff(opened.db, org, 'verifier');
    const family = await createFamily(opened.db);
    const { recordId } = await publishedFromCase(
      { db: opened.db, clock: app.deps.clock },
      { organisationId: org.id, family: family.auth, verifier: verifier.auth },
    );
    await app.inject({ method: 'GET', url: '/' });
    expect(lines).toHaveLength(1);
    const page = `/registry/persons/${recordId}/request`;
    const relative = new Visitor(app, { 'user-agent': 'LogAgent/1' });
    const receipt = await relative.submit(page, page, { kind: 'withdraw', message: 'Уберите. МАРКЕР-ЛОГ-ПРОСЬБА' });
    expect(receipt.url).toBe('/registry/receipt');
    const code = /<code class="secret receipt">([\s\S]*?)<\/code>/.exec(receipt.body)![1].replace(/<wbr\/?>/g, '');
    const status = '/registry/request-status';
    expect((await relative.submit(status, status, { code })).status).toBe(200);
    // Adding to the request with the code, and with a wrong one.
    const add = `${status}/add`;
    expect((await relative.submit(null, add, { message: 'Ещё МАРКЕР-ЛОГ-ДОПИСКА' })).url).toBe(`${status}?done=added`);
    await relative.submit(status, status, { code });
    const wrongAdd = { code: 'ZZZZ-ZZZZ-0000-0000-0000-0000', message: 'МАРКЕР-ЛОГ-НЕТ' };
    expect((await relative.submit(null, add, wrongAdd)).status).toBe(400);
    expect((await relative.submit(status, status, { code: 'ZZZZ-ZZZZ-0000-0000-0000-0000' })).status).toBe(400);
    expect(lines.slice(1)).toEqual([]);
    await app.close();
    await opened.close();
    const all = lines.slice(1).join('\n');
    expect(all).toContain('anonymousRoutes');
    for (const secret of ['МАРКЕР-ЛОГ', code, code.replace(/-/g, ''), 'LogAgent', recordId])
      expect(all).not.toContain(secret);
  });
});
