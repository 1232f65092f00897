// Trains the person model on generated records and saves it as
// src/linkage/engine/person-model.json: the model `kintrace dedupe` borrows for inputs too small
// to train on (see model-io.ts). Run: npx tsx bench/linkage/train-person-model.ts [--n 200000]
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateRussianRecords } from './generator/index.ts';
import { LinkageEngine } from '../../src/linkage/engine/engine.ts';
import { personConfig } from '../../src/linkage/engine/person-config.ts';
import { saveModel } from '../../src/linkage/engine/model-io.ts';

const i = process.argv.indexOf('--n');
const n = i >= 0 ? Number(process.argv[i + 1]) : 200_000;
const engine = new LinkageEngine({ ...personConfig(), model: undefined });
for (const r of generateRussianRecords({ n, seed: 2024 }))
  engine.add(r.record_id, r as unknown as Record<string, string>);
engine.train();
const out = join(import.meta.dirname, '../../src/linkage/engine/person-model.json');
writeFileSync(out, `${JSON.stringify(saveModel(engine.comparisons, engine.params!, engine.data.size), null, 1)}\n`);
process.stdout.write(`trained on ${n} generated records → ${out}\n`);
