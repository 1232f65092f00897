// The public registry's name search with its similar spellings (src/registry/similar-names.ts),
// on SQLite and PostgreSQL: N published records (50,000 by default) whose names are the linkage
// generator's (bench/linkage/generator/: every spelling, transliteration and gender form it makes,
// so there are many distinct surnames, as in a real list). Prints, per database:
// - what reading the published names' keys costs (once per registry version), and how many;
// - the page's search as it was (the exact results alone) and as it is (with the similar
//   spellings), p50/p95/p99 over the same queries, by the service the page calls (the page cache,
//   which answers a repeated search without a query, is left out);
// - for surnames with one letter wrong and with two (names of eight letters or more), how many
//   offered the record's own spelling among the similar spellings.
//
//   npx tsx bench/registry/search.ts [--n 50000] [--queries 200] [--only sqlite|postgres]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { generateRussianRecords, type GeneratedRecord } from '../linkage/generator/index.ts';
import { openPostgres, openSqlite } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { systemClock } from '../../src/shared/clock.ts';
import { PUBLIC, systemPrincipal } from '../../src/policy/principal.ts';
import { PUBLIC_RECORD_STATES } from '../../src/policy/registry.policy.ts';
import { addSyntheticRecords, type SyntheticRecord } from '../../src/registry/synthetic-records.service.ts';
import { publicRecords, publicSearch } from '../../src/registry/registry-read.service.ts';
import { distinctNameKeys, listSimilar, similarQueryCompiled } from '../../src/registry/registry.repository.ts';
import { similarTokens } from '../../src/registry/similar-names.ts';
import { syntheticRecord } from '../../src/registry/synthetic-record.test-helper.ts';
import { startBenchPostgres } from '../helpers/postgres.ts';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '50000' },
    queries: { type: 'string', default: '200' },
    only: { type: 'string' },
  },
});
const n = Number(values.n);
const ORG = '00000000-0000-4000-8000-000000000001';

/** A published death as the registry's tests make one (synthetic-record.test-helper.ts), with the generator's name. */
const recordOf = (r: GeneratedRecord): SyntheticRecord =>
  syntheticRecord({ surname: r.surname, given_name: r.given_name || '—', patronymic: r.patronymic || null });

const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const figures = (xs: number[]) =>
  `p50 ${pct(xs, 50).toFixed(1)} ms, p95 ${pct(xs, 95).toFixed(1)} ms, p99 ${pct(xs, 99).toFixed(1)} ms`;

/** A letter replaced, added, dropped or two swapped in the middle of the word (`edits` times, apart). */
const misspell = (word: string, i: number, edits: number): string => {
  const l = [...word];
  for (let e = 0; e < edits; e++) {
    const at = Math.floor((l.length * (e + 1)) / (edits + 1));
    const k = (i + e) % 4;
    if (k === 0) l[at] = l[at] === 'ш' ? 'щ' : 'ш';
    else if (k === 1) l.splice(at, 0, 'ш');
    else if (k === 2) l.splice(at, 1);
    else [l[at - 1], l[at]] = [l[at], l[at - 1]];
  }
  return l.join('');
};

const run = async (dialect: 'sqlite' | 'postgres'): Promise<void> => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kt-bench-registry-search-'));
  const pg = dialect === 'postgres' ? await startBenchPostgres() : null;
  const opened = pg ? openPostgres(pg.url) : openSqlite(path.join(dir, 'kintrace.sqlite'));
  try {
    await migrateToLatest(opened.db);
    await sql`INSERT INTO organisations (id, name, name_key, public_key, created_at) VALUES (${ORG}, 'Bench', 'bench', 'none', '2026-01-01T00:00:00Z')`.execute(
      opened.db,
    );
    const generated = [...generateRussianRecords({ n, seed: 17 })].filter((r) => r.surname);
    const t0 = performance.now();
    await addSyntheticRecords(
      { db: opened.db, clock: systemClock },
      systemPrincipal('demo'),
      ORG,
      generated.map(recordOf),
    );
    process.stderr.write(
      `  ${dialect}: ${generated.length} records in ${((performance.now() - t0) / 1000).toFixed(0)} s\n`,
    );
    if (pg) await sql`VACUUM ANALYZE registry_records`.execute(opened.db);

    const keyTimes: number[] = [];
    let keys = { surnames: [] as string[], givens: [] as string[] };
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      keys = await distinctNameKeys(opened.db, PUBLIC_RECORD_STATES);
      keyTimes.push(performance.now() - t);
    }

    // Every (n / queries)-th record is looked for: as stored, with the words swapped, and misspelt.
    const step = Math.max(1, Math.floor(generated.length / Number(values.queries)));
    const sample = generated.filter((_, i) => i % step === 0).slice(0, Number(values.queries));
    const queries = sample.flatMap((r, i) => [
      { kind: 'surname as stored', text: r.surname, want: null as string | null },
      { kind: 'given name + surname', text: `${r.given_name} ${r.surname}`, want: null },
      { kind: 'one letter wrong', text: misspell(r.surname, i, 1), want: r.surname },
      ...([...r.surname].length >= 8
        ? [{ kind: 'two letters wrong', text: misspell(r.surname, i, 2), want: r.surname }]
        : []),
    ]);
    for (const q of queries.slice(0, 20)) await publicSearch(opened.db, PUBLIC, { q: q.text });
    const before = new Map<string, number[]>();
    const after = new Map<string, number[]>();
    const alone = new Map<string, number[]>();
    const found = new Map<string, number>();
    const push = (m: Map<string, number[]>, k: string, v: number) => m.set(k, [...(m.get(k) ?? []), v]);
    for (const q of queries) {
      let t = performance.now();
      await publicRecords(opened.db, PUBLIC, { q: q.text });
      push(before, q.kind, performance.now() - t);
      // The similar spellings' own work: the words' near names (the keys already read) and the query.
      t = performance.now();
      const tokens = await similarTokens(opened.db, PUBLIC_RECORD_STATES, q.text);
      if (tokens.length) await listSimilar(opened.db, { states: PUBLIC_RECORD_STATES }, tokens, 21);
      push(alone, q.kind, performance.now() - t);
      t = performance.now();
      const res = await publicSearch(opened.db, PUBLIC, { q: q.text });
      push(after, q.kind, performance.now() - t);
      const all = [...res.records, ...(res.similar?.records ?? [])];
      if (q.want && all.some((r) => r.surname === q.want)) found.set(q.kind, (found.get(q.kind) ?? 0) + 1);
    }
    console.log(
      `registry search ${dialect}, ${generated.length.toLocaleString('en')} published records, ` +
        `${keys.surnames.length.toLocaleString('en')} distinct surname keys, ${keys.givens.length.toLocaleString('en')} given-name keys`,
    );
    console.log(`  reading the names' keys (once per registry version): ${figures(keyTimes)}`);
    // The similar spellings' query reads by the keys' indexes, not the whole registry.
    const probe = sample[0] ? misspell(sample[0].surname, 0, 1) : 'Кузнецв';
    const compiled = similarQueryCompiled(
      opened.db,
      { states: PUBLIC_RECORD_STATES, words: [probe.toLowerCase()] },
      await similarTokens(opened.db, PUBLIC_RECORD_STATES, probe),
      21,
    );
    const plan = await opened.db.executeQuery<Record<string, unknown>>({
      ...compiled,
      sql: `${pg ? 'EXPLAIN' : 'EXPLAIN QUERY PLAN'} ${compiled.sql}`,
    });
    console.log(`  plan of the similar spellings' query for «${probe}»:`);
    for (const row of plan.rows) console.log(`    ${String(row.detail ?? row['QUERY PLAN'])}`);
    for (const [kind, xs] of before) {
      const ys = after.get(kind) ?? [];
      const f =
        found.has(kind) || kind.includes('wrong')
          ? `; record's spelling offered ${found.get(kind) ?? 0} of ${xs.length}`
          : '';
      console.log(`  ${kind.padEnd(22)} exact only: ${figures(xs)}`);
      console.log(`  ${''.padEnd(22)} with similar: ${figures(ys)}${f}`);
      console.log(`  ${''.padEnd(22)} similar alone: ${figures(alone.get(kind) ?? [])}`);
    }
  } finally {
    await opened.close();
    await pg?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
};

for (const d of ['sqlite', 'postgres'] as const) if (!values.only || values.only === d) await run(d);
