// How long the person name preparer (person-records.ts: whole names split, ranks and call signs
// left out, oblique cases read back) takes over a case's records, read per record as the
// pipeline reads them. Printed, never asserted; aggregate figures only.
// Run: npx tsx bench/linkage/prepare-names.ts [--case fifth-1m] [--seed 42]
import { personConfig } from '../../src/linkage/engine/person-config.ts';
import { personNamePreparer } from '../../src/linkage/engine/person-records.ts';
import { readCsv } from '../../src/linkage/linkage.csv.ts';
import { generatedFiles } from './datasets.ts';
import { arg } from './cli-args.ts';

const name = arg('case') ?? 'fifth-1m';
const files = await generatedFiles(name, Number(arg('seed') ?? 42));
if (!files) throw new Error('--case fifth-1m, fourth-20k, …');

const FIELDS = ['surname', 'given_name', 'patronymic'];
const prepare = personNamePreparer(personConfig().comparisons, FIELDS);
if (!prepare) throw new Error('the person config has no name comparisons');
const rows: string[][] = [];
await readCsv(files.people, (row, header) => rows.push(FIELDS.map((f) => row[header.indexOf(f)] ?? '')), {
  required: 'record_id',
});
const distinct = new Set(rows.map((r) => r.join('\u0001'))).size;
for (let pass = 1; pass <= 3; pass++) {
  let changed = 0;
  const started = performance.now();
  for (const row of rows) {
    const values = [...row];
    prepare(values);
    if (values.some((v, i) => v !== row[i])) changed++;
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `${name} pass ${pass}: ${rows.length} records (${distinct} distinct name triples), ${changed} rewritten, ${seconds.toFixed(2)} s`,
  );
}
