// Bytes over the wire of every page, for an anonymous visitor, a family, a caseworker, an
// organisation admin and a site admin, in Russian and in English, cold (empty cache: the page,
// its stylesheet and whatever else it makes the browser fetch) and warm (a second visit: what the
// cache headers do not let the browser skip). On the synthetic demo, so pages are full.
// Run: npm run bench:pages. Figures are printed, never asserted (the budget is 30 KB cold).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { openSqlite } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { createLogger } from '../../src/shared/logger.ts';
import { systemClock } from '../../src/shared/clock.ts';
import { totpCode } from '../../src/accounts/totp.crypto.ts';
import { runDemo, type DemoLogin } from '../../src/demo/demo.service.ts';
import { Visitor } from '../../test/helpers/visitor.ts';
import { BROWSER_ACCEPT_ENCODING, wireGet, type WireResponse } from './wire.ts';

const BUDGET = 30_000;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kintrace-weigh-'));
const config = loadConfig({
  ...process.env,
  DATA_DIR: dataDir,
  DATABASE_URL: '',
  PORT: '0',
  ARGON2_MEMORY_KIB: '1024',
  ARGON2_ITERATIONS: '1',
});
const opened = openSqlite(path.join(dataDir, 'kintrace.sqlite'));
await migrateToLatest(opened.db);
const app = await buildApp({
  config,
  db: opened.db,
  dialect: opened.dialect,
  clock: systemClock,
  logger: createLogger('silent'),
});
await app.listen({ port: 0, host: '127.0.0.1' });
const { port } = app.server.address() as AddressInfo;
const report = await runDemo({ db: opened.db, config, clock: systemClock });

/** Logs in through the real forms; returns the session cookies. */
const logIn = async (login: DemoLogin): Promise<Visitor> => {
  const v = new Visitor(app);
  await v.submit('/login', '/login', { pseudonym: login.pseudonym, passphrase: login.passphrase });
  if (login.totpSecret) await v.submit(null, '/login/2fa', { code: totpCode(login.totpSecret, new Date()) });
  return v;
};
const byRole = (role: string) => report.logins.find((l) => l.role === role)!;

const family = await logIn(byRole('family'));
// The 2FA setup page with its QR code (an image inlined in the page) is the heaviest one. Within
// minutes of logging in it shows the code at once; later it asks for the passphrase first.
if ((await family.get('/account/2fa')).body.includes('action="/account/2fa/passphrase"'))
  await family.submit(null, '/account/2fa/passphrase', { passphrase: byRole('family').passphrase });
const visitors: Array<{ who: string; visitor: Visitor | null; starts: string[] }> = [
  { who: 'anonymous', visitor: null, starts: ['/', '/login', '/register', '/recover', '/no-such-page'] },
  { who: 'family', visitor: family, starts: ['/my/cases', '/cases/new', '/account', '/account/2fa'] },
  { who: 'caseworker', visitor: await logIn(byRole('caseworker')), starts: ['/staff', '/staff/search', '/account'] },
  {
    who: 'org admin',
    visitor: await logIn(byRole('org_admin')),
    starts: ['/staff', '/staff/audit', '/admin/invites', '/account'],
  },
  { who: 'site admin', visitor: await logIn(byRole('site_admin')), starts: ['/admin/organisations', '/staff'] },
];

const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1]?.replace(/&amp;/g, '&');

/** What a browser fetches besides the page: stylesheets, scripts, images, and the favicon it asks for unless told. */
const subresources = (html: string): string[] => {
  const out = new Set<string>();
  for (const [tag] of html.matchAll(/<link\b[^>]*>/g)) {
    const href = attr(tag, 'href');
    if (href && /\srel="(stylesheet|icon)"/.test(tag) && href.startsWith('/')) out.add(href);
  }
  for (const [tag] of html.matchAll(/<(?:script|img)\b[^>]*>/g)) {
    const src = attr(tag, 'src');
    if (src?.startsWith('/')) out.add(src);
  }
  if (!/<link\b[^>]*\srel="icon"/.test(html)) out.add('/favicon.ico');
  return [...out];
};

/** On a second visit: nothing when the cached copy is fresh, a revalidation when it has a validator, else all again. */
const warmCost = async (res: WireResponse, url: string, headers: Record<string, string>): Promise<number> => {
  const cc = res.headers['cache-control'] ?? '';
  if (res.status === 200 && /max-age=[1-9]/.test(cc) && !/no-store|no-cache/.test(cc)) return 0;
  const etag = res.headers.etag;
  if (etag && !/no-store/.test(cc)) return (await wireGet(port, url, { ...headers, 'if-none-match': etag })).wireBytes;
  return (await wireGet(port, url, headers)).wireBytes;
};

const pattern = (url: string) => url.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ':id').replace(/before=[^&]+/, 'before=…');

type Row = { who: string; page: string; ru?: [number, number]; en?: [number, number] };
const rows = new Map<string, Row>();
const assetSizes = new Map<string, WireResponse>();

for (const { who, visitor, starts } of visitors) {
  for (const lang of ['ru', 'en'] as const) {
    const cookie = [...(visitor?.cookies ?? [])]
      .filter(([k]) => k !== 'lang')
      .concat([['lang', lang]])
      .map(([k, v]) => `${k}=${v}`)
      .join('; ');
    const headers = { cookie, 'accept-language': lang };
    const queue = [...starts];
    const seen = new Set<string>();
    while (queue.length > 0 && seen.size < 60) {
      const url = queue.shift()!;
      if (seen.has(url)) continue;
      seen.add(url);
      const page = await wireGet(port, url, headers);
      if (page.status >= 300 && page.status < 400) {
        queue.push(page.headers.location);
        continue;
      }
      let cold = page.wireBytes;
      let warm = await warmCost(page, url, headers);
      for (const sub of subresources(page.body)) {
        const res = await wireGet(port, sub, headers);
        if (res.headers['content-type']?.startsWith('text/css')) assetSizes.set(sub, res);
        cold += res.wireBytes;
        warm += await warmCost(res, sub, headers);
      }
      const key = `${who} ${pattern(url)}`;
      const row = rows.get(key) ?? { who, page: pattern(url) };
      const prev = row[lang];
      if (!prev || prev[0] < cold) row[lang] = [cold, warm];
      rows.set(key, row);
      for (const [, href] of page.body.matchAll(/<a\b[^>]*\shref="(\/[^"#]*)/g)) {
        const link = href.replace(/&amp;/g, '&');
        if (!link.startsWith('//') && !link.startsWith('/assets/') && !link.includes('lang=')) queue.push(link);
      }
    }
  }
}

const kb = (n: number | undefined) => (n === undefined ? '—' : (n / 1000).toFixed(1));
const cells = (p?: [number, number]) => [kb(p?.[0]), kb(p?.[1])];
const table = [
  ['who', 'page', 'ru cold', 'ru warm', 'en cold', 'en warm'],
  ...[...rows.values()].map((r) => [r.who, r.page, ...cells(r.ru), ...cells(r.en)]),
];
const widths = table[0].map((_, i) => Math.max(...table.map((r) => r[i].length)));
const line = (r: string[]) => r.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
process.stdout.write(`Bytes over the wire in kB (1000 bytes), Accept-Encoding: ${BROWSER_ACCEPT_ENCODING}\n\n`);
process.stdout.write(`${line(table[0])}\n${table.slice(1).map(line).join('\n')}\n\n`);
const colds = [...rows.values()].flatMap((r) => [r.ru?.[0], r.en?.[0]]).filter((n): n is number => n !== undefined);
const warms = [...rows.values()].flatMap((r) => [r.ru?.[1], r.en?.[1]]).filter((n): n is number => n !== undefined);
process.stdout.write(
  `${rows.size} pages; cold ${kb(Math.min(...colds))}–${kb(Math.max(...colds))} kB, warm ${kb(Math.min(...warms))}–${kb(Math.max(...warms))} kB; ` +
    `budget ${kb(BUDGET)} kB cold: ${colds.filter((c) => c > BUDGET).length} over\n`,
);
for (const [url, res] of assetSizes)
  process.stdout.write(
    `stylesheet ${url}: ${kb(res.body.length)} kB as written, ${kb(res.wireBytes)} kB over the wire (${res.headers['content-encoding'] ?? 'uncompressed'}; cache-control: ${res.headers['cache-control']}; etag: ${res.headers.etag ?? 'none'})\n`,
  );

await app.close();
await opened.close();
fs.rmSync(dataDir, { recursive: true, force: true });
