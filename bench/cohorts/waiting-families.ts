// What the staff queue pays, on every visit, to let waiting families onto their boards
// (cohorts.service.ts letWaitingFamiliesIn, called by GET /staff and the boards list): an
// organisation with FAMILIES opted-in requests spread over UNITS units, one board each, every
// family already holding its copy of the board key (the usual visit: nobody waits), then one
// family newly opted in (a visit that hands one copy). Both databases; prints the median and p95
// of ROUNDS calls. `npx tsx bench/cohorts/waiting-families.ts` (FAMILIES=600 UNITS=60 ROUNDS=40,
// ONLY=sqlite|postgres).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// Test accounts' passphrases at the suite's Argon2 cost: the set-up makes hundreds of accounts.
process.env.ARGON2_MEMORY_KIB ??= '1024';
process.env.ARGON2_ITERATIONS ??= '1';

const { openPostgres, openSqlite } = await import('../../src/db/database.ts');
type OpenedDb = ReturnType<typeof openSqlite>;
const { migrateToLatest } = await import('../../src/db/migrate.ts');
const { systemClock } = await import('../../src/shared/clock.ts');
const { principalOf } = await import('../../src/policy/principal.ts');
const { grantBoardsOfOrganisation } = await import('../../src/policy/cohort.policy.ts');
const { openCase } = await import('../../src/cases/cases.service.ts');
const { caseInput } = await import('../../src/cases/cases.fixtures.ts');
const { authoriseOptIn, letWaitingFamiliesIn, setOptIn } = await import('../../src/cohorts/cohorts.service.ts');
const { createFamily, createOrganisation, createStaff } = await import('../../test/helpers/factories.ts');
const { startBenchPostgres } = await import('../helpers/postgres.ts');

const FAMILIES = Number(process.env.FAMILIES ?? 600);
const UNITS = Number(process.env.UNITS ?? 60);
const ROUNDS = Number(process.env.ROUNDS ?? 40);

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * p)];

const run = async (name: string, opened: OpenedDb) => {
  await migrateToLatest(opened.db);
  const deps = { db: opened.db, clock: systemClock };
  const org = await createOrganisation(opened.db);
  const staff = await createStaff(opened.db, org, 'caseworker');
  const optIn = async (i: number) => {
    const family = await createFamily(opened.db);
    const unit = `в/ч ${String(10000 + (i % UNITS))}`;
    const { caseId } = await openCase(
      deps,
      family.auth,
      caseInput(org.id, { unit_number: unit, unit_name: undefined }),
    );
    await setOptIn(deps, await authoriseOptIn(opened.db, principalOf(family.auth), caseId), { optIn: true });
  };
  for (let i = 0; i < FAMILIES; i++) await optIn(i);
  const grant = grantBoardsOfOrganisation(principalOf(staff.auth));
  // The first visit makes every board's copies; the ones measured find nobody waiting.
  const handedFirst = await letWaitingFamiliesIn(deps, grant);
  const times: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const t = performance.now();
    const handed = await letWaitingFamiliesIn(deps, grant);
    times.push(performance.now() - t);
    if (handed !== 0) throw new Error(`a quiet visit handed ${handed} copies`);
  }
  // A visit that hands one copy: a family opted in since the last one.
  const one: number[] = [];
  for (let r = 0; r < Math.min(ROUNDS, 10); r++) {
    await optIn(r);
    const t = performance.now();
    const handed = await letWaitingFamiliesIn(deps, grant);
    one.push(performance.now() - t);
    if (handed !== 1) throw new Error(`a visit after one opt-in handed ${handed} copies`);
  }
  const ms = (x: number) => `${x.toFixed(1)} ms`;
  console.log(
    `${name.padEnd(9)} nobody waiting: median ${ms(percentile(times, 0.5))}, p95 ${ms(percentile(times, 0.95))}` +
      ` · one family waiting: median ${ms(percentile(one, 0.5))} · first visit handed ${handedFirst}`,
  );
  await opened.close();
};

console.log(`letWaitingFamiliesIn: ${FAMILIES} opted-in families, ${UNITS} units (boards), ${os.cpus().length} cores`);
if (process.env.ONLY !== 'postgres') {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kintrace-bench-'));
  try {
    await run('sqlite', openSqlite(path.join(dir, 'kintrace.sqlite')));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
if (process.env.ONLY !== 'sqlite') {
  const server = await startBenchPostgres();
  try {
    await run('postgres', openPostgres(server.url));
  } finally {
    await server.stop();
  }
}
