// The public registry under load: N published persons (100,000 by default) in a fresh SQLite
// data directory, the real server (`kintrace serve`, its own process, logging at its default
// level to /dev/null), and autocannon on loopback against the statistics page and
// GET /api/v1/statistics/regions, as a browser and an API client ask for them (brotli accepted).
// Prints requests/s and latency percentiles, then what each public page weighs over the wire.
//
//   npx tsx bench/registry/serve.ts [--persons 100000] [--seconds 10] [--connections 10]
//
// Targets (issue 13): ≥ 1,000 requests/s and p99 ≤ 50 ms for both; a registry page ≤ 30 KB.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import autocannon from 'autocannon';
import { openSqlite } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { systemClock } from '../../src/shared/clock.ts';
import { systemPrincipal } from '../../src/policy/principal.ts';
import { provisionOrganisation } from '../../src/accounts/provision.service.ts';
import { loadConfig } from '../../src/config.ts';
import { addSyntheticRecords } from '../../src/registry/synthetic-records.service.ts';
import { syntheticRecords } from '../../src/demo/demo-registry.data.ts';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const PERSONS = arg('persons', 100_000);
const SECONDS = arg('seconds', 10);
const CONNECTIONS = arg('connections', 10);

const freePort = (): Promise<number> =>
  new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kintrace-bench-registry-'));
const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', HOST: '127.0.0.1' };

// 1. The data: N published persons through the registry's own bulk path (tallies kept in step).
{
  const opened = openSqlite(path.join(dataDir, 'kintrace.sqlite'));
  await migrateToLatest(opened.db);
  const config = loadConfig(env);
  const org = await provisionOrganisation({ db: opened.db, config, clock: systemClock }, 'Bench organisation');
  const t0 = performance.now();
  await addSyntheticRecords(
    { db: opened.db, clock: systemClock },
    systemPrincipal('demo'),
    org.id,
    syntheticRecords(PERSONS),
  );
  process.stdout.write(
    `seeded ${PERSONS.toLocaleString('en')} published persons in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`,
  );
  await opened.close();
}

// 2. The real server in its own process.
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const server = spawn(process.execPath, ['bin/kintrace.mjs', 'serve'], {
  env: { ...env, PORT: String(port) },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const stop = () => server.kill('SIGTERM');
process.on('exit', stop);
for (let i = 0; ; i++) {
  try {
    if ((await fetch(`${base}/healthz`)).ok) break;
  } catch {
    if (i > 300) throw new Error('server did not start');
  }
  await new Promise((r) => setTimeout(r, 100));
}

const BROWSER = { 'accept-encoding': 'br, gzip', 'accept-language': 'ru-RU,ru;q=0.9' };

const load = async (label: string, url: string) => {
  // The first request computes and caches; the run measures what every later visitor gets.
  const first = performance.now();
  await fetch(`${base}${url}`, { headers: BROWSER });
  const cold = performance.now() - first;
  const r = await autocannon({
    url: `${base}${url}`,
    connections: CONNECTIONS,
    duration: SECONDS,
    headers: BROWSER,
  });
  const ok = r.non2xx === 0 && r.errors === 0;
  process.stdout.write(
    `${label.padEnd(34)} ${r.requests.average.toFixed(0).padStart(6)} req/s   p50 ${r.latency.p50} ms   p99 ${r.latency.p99} ms   max ${r.latency.max} ms   ` +
      `first (cold) ${cold.toFixed(0)} ms   ${ok ? 'all 2xx' : `non-2xx ${r.non2xx}, errors ${r.errors}`}\n`,
  );
  return r;
};

// Warm-up: the JIT, the scheduler's first tick (it runs its jobs at start), the first renders.
for (const url of ['/registry/statistics', '/api/v1/statistics/regions'])
  await autocannon({ url: `${base}${url}`, connections: CONNECTIONS, duration: 3, headers: BROWSER });

process.stdout.write(
  `\nautocannon: ${CONNECTIONS} connections, ${SECONDS} s each, loopback, cores: ${os.cpus().length}, load average ${os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}\n`,
);
await load('GET /registry/statistics', '/registry/statistics');
await load('GET /api/v1/statistics/regions', '/api/v1/statistics/regions');
await load('GET /registry/statistics?category=…', '/registry/statistics?category=mobilised&from=2023&to=2024');

/** The bytes of the body as they travelled (node:http does not decode), headers aside. */
const wireBytes = (url: string, encoding: string): Promise<number> =>
  new Promise((resolve, reject) => {
    http
      .get(url, { headers: { 'accept-encoding': encoding, 'accept-language': 'ru' } }, (res) => {
        let n = 0;
        res.on('data', (c: Buffer) => (n += c.length));
        res.on('end', () => resolve(n));
      })
      .on('error', reject);
  });

// 3. Page weight over the wire (the page's own HTML; the stylesheet is one cached asset).
const firstId = (
  (await (await fetch(`${base}/api/v1/persons?per_page=1`)).json()) as { persons: Array<{ id: string }> }
).persons[0].id;
process.stdout.write('\npage weight over the wire (bytes: brotli / gzip / uncompressed)\n');
for (const url of [
  '/registry',
  '/registry?page=2',
  '/registry/statistics',
  `/registry/persons/${firstId}`,
  '/registry/methodology',
  '/registry/data',
  '/api/v1/statistics/regions',
]) {
  const sizes: number[] = [];
  for (const enc of ['br', 'gzip', 'identity']) sizes.push(await wireBytes(`${base}${url}`, enc));
  process.stdout.write(
    `${url.slice(0, 48).padEnd(48)} ${sizes.map((s) => `${(s / 1024).toFixed(1)} KB`).join(' / ')}\n`,
  );
}

stop();
fs.rmSync(dataDir, { recursive: true, force: true });
process.exit(0);
