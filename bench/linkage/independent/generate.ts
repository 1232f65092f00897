// Writes DIR/people.csv (the platform's person CSV) and DIR/truth.csv (record_id,person_id).
//   npx tsx bench/linkage/independent/generate.ts --n 20000 --seed 7 --out DIR [--namesakes]

import { once } from 'node:events';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { csvLine } from './csv.ts';
import { generateRecords, HEADER, planRecords } from './generator.ts';
import { seedFromString } from './prng.ts';
import { regions } from './regions.ts';
import { SOURCES, type SourceId } from './sources.ts';

interface Options {
  n: number;
  seed: number;
  out: string;
  namesakes: boolean;
}

function parseArgs(argv: readonly string[]): Options {
  const value = (flag: string): string | undefined => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const n = Number(value('--n') ?? '20000');
  const out = value('--out');
  if (!out || !Number.isInteger(n) || n < 1) {
    throw new Error('usage: generate.ts --n RECORDS --seed SEED --out DIR [--namesakes]');
  }
  return { n, seed: seedFromString(value('--seed') ?? '7'), out, namesakes: argv.includes('--namesakes') };
}

/** Collects lines into 64 KB chunks; the caller awaits flush() only when full() says so. */
class BufferedFile {
  private chunk = '';
  constructor(private readonly stream: WriteStream) {}

  add(line: string): void {
    this.chunk += line;
  }

  full(): boolean {
    return this.chunk.length > 1 << 16;
  }

  async flush(): Promise<void> {
    if (this.chunk === '') return;
    const ok = this.stream.write(this.chunk);
    this.chunk = '';
    if (!ok) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    await this.flush();
    this.stream.end();
    await once(this.stream, 'finish');
  }
}

// Regions whose small name pools are meant to produce many namesakes.
const NAMESAKE_REGIONS = ['RU-TY', 'RU-BU', 'RU-DA', 'RU-SE'];

export async function generate(options: Options): Promise<string> {
  mkdirSync(options.out, { recursive: true });
  const people = new BufferedFile(createWriteStream(join(options.out, 'people.csv'), 'utf8'));
  const truth = new BufferedFile(createWriteStream(join(options.out, 'truth.csv'), 'utf8'));
  people.add(csvLine(HEADER));
  truth.add(csvLine(['record_id', 'person_id']));

  const plan = planRecords(options.seed, options.n);
  const perSource = new Map<SourceId, { n: number }>(SOURCES.map((s) => [s.id, { n: 0 }]));
  const namesakeRegions = new Set(NAMESAKE_REGIONS.map((iso) => regions().findIndex((r) => r.iso === iso)));
  const namesakes = new Map<string, number>();
  for (const record of generateRecords(plan)) {
    const { row } = record;
    people.add(
      csvLine([
        record.recordId,
        row.source,
        row.surname,
        row.given_name,
        row.patronymic,
        row.birth_date,
        row.region,
        row.unit,
      ]),
    );
    truth.add(csvLine([record.recordId, record.personId]));
    // Awaiting only when a chunk is full keeps the loop free of a promise per row.
    if (people.full()) await people.flush();
    if (truth.full()) await truth.flush();
    perSource.get(row.source)!.n++;
    const p = record.person;
    if (options.namesakes && record.ofPerson === 0 && namesakeRegions.has(p.region)) {
      const key = `${regions()[p.region].iso} ${p.surname} ${p.given}`;
      namesakes.set(key, (namesakes.get(key) ?? 0) + 1);
    }
  }
  await people.close();
  await truth.close();

  const shares = SOURCES.map((s) => `${s.id} ${((100 * perSource.get(s.id)!.n) / options.n).toFixed(1)}%`).join(', ');
  let summary = `records ${options.n}, persons ${plan.persons}, true pairs ${plan.truePairs}; sources: ${shares}`;
  if (options.namesakes) {
    const top = NAMESAKE_REGIONS.map((iso) => {
      const best = [...namesakes].filter(([k]) => k.startsWith(`${iso} `)).sort((a, b) => b[1] - a[1])[0];
      return best ? `${best[0]} ×${best[1]}` : `${iso} none`;
    });
    summary += `\nmost shared surname + given name (different men): ${top.join('; ')}`;
  }
  return summary;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  generate(parseArgs(process.argv.slice(2)))
    .then((summary) => console.log(summary))
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    });
}
