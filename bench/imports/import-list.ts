// Imports a generated list of persons and prints how long it took: npm run bench:import
//   npx tsx bench/imports/import-list.ts [--n 100000] [--seed 7] [--postgres] [--match]
// The list is the project's generator's (bench/linkage/generator/) with a status and an event
// date on a third of the rows. Target: 100,000 rows in ≤ 60 s (issue 11). With --match, the
// matching job's scoring of the imported records is timed too.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateRussianRecords } from '../linkage/generator/index.ts';
import { openPostgres, openSqlite, type OpenedDb } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { provisionOrganisation } from '../../src/accounts/provision.service.ts';
import { loadConfig } from '../../src/config.ts';
import { systemClock } from '../../src/shared/clock.ts';
import { systemPrincipal } from '../../src/policy/principal.ts';
import { importForOrganisation } from '../../src/imports/imports.service.ts';
import { runMatching } from '../../src/matching/scoring.service.ts';
import { startBenchPostgres } from '../helpers/postgres.ts';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '7' },
    postgres: { type: 'boolean', default: false },
    match: { type: 'boolean', default: false },
  },
});
const n = Number(values.n);

const quote = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const STATUSES = ['погиб', 'пропал без вести', 'в плену', 'ранен'];
const lines = ['record_id,source,surname,given_name,patronymic,birth_date,region,unit,status,event_date'];
let i = 0;
for (const r of generateRussianRecords({ n, seed: Number(values.seed) })) {
  const status = i % 3 === 0 ? STATUSES[i % 4] : '';
  const when = status ? `${String((i % 12) + 1).padStart(2, '0')}.2025` : '';
  lines.push(
    [
      r.record_id,
      r.source,
      quote(r.surname),
      quote(r.given_name),
      quote(r.patronymic),
      r.birth_date,
      quote(r.region),
      quote(r.unit),
      status,
      when,
    ].join(','),
  );
  i++;
}
const bytes = new TextEncoder().encode(`${lines.join('\n')}\n`);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kt-bench-import-'));
const pg = values.postgres ? await startBenchPostgres() : null;
const opened: OpenedDb = pg ? openPostgres(pg.url) : openSqlite(path.join(dir, 'kintrace.sqlite'));
try {
  await migrateToLatest(opened.db);
  const config = loadConfig({ ...process.env, DATA_DIR: dir, DATABASE_URL: '' });
  const org = await provisionOrganisation({ db: opened.db, config, clock: systemClock }, 'Bench');
  const phases: string[] = [];
  const started = performance.now();
  const cpu = process.cpuUsage();
  const out = await importForOrganisation(
    { db: opened.db, clock: systemClock },
    systemPrincipal('import'),
    { id: org.id, publicKey: org.keyPair.publicKey },
    { sourceName: 'Generated list', sourceKind: 'news', verification: 'reported' },
    bytes,
    {
      progress: (phase, done, total) => {
        if (done === 0 || done === total) {
          const c = process.cpuUsage(cpu);
          phases.push(
            `${phase} ${done}/${total} at ${((performance.now() - started) / 1000).toFixed(1)} s (${((c.user + c.system) / 1e6).toFixed(1)} CPU s)`,
          );
        }
      },
    },
  );
  const secs = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  console.log(
    `import ${opened.dialect}: ${n.toLocaleString('en')} rows (${(bytes.length / 1048576).toFixed(1)} MB) → ${out.state}, ` +
      `${out.added} added, ${out.events} events, ${out.error ? `error line ${out.error.line} ${out.error.key} ${JSON.stringify(out.error.params)}, ` : ''}` +
      `${secs.toFixed(1)} s wall, ${((used.user + used.system) / 1e6).toFixed(1)} CPU s (target ≤ 60 s)`,
  );
  console.log(`  phases: ${phases.join('; ')}`);
  if (values.match) {
    const m0 = performance.now();
    const r = await runMatching({ db: opened.db, clock: systemClock }, systemPrincipal('scheduler'), { maxRecords: n });
    const ms = performance.now() - m0;
    console.log(
      `matching ${opened.dialect}: ${r.scored} records scored incrementally in ${(ms / 1000).toFixed(1)} s ` +
        `(${(ms / Math.max(1, r.scored)).toFixed(2)} ms each), ${r.candidates} candidates queued`,
    );
  }
} finally {
  await opened.close();
  await pg?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}
