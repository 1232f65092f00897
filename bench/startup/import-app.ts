// How long importing the app takes: every route test file and every `kintrace` process pays it.
// `npx tsx bench/startup/import-app.ts` — each import in a fresh process (ROUNDS, default 5), and
// the median. Heavy libraries used by few requests (pdf-lib, fontkit, heic-decode) are loaded on
// first use for this reason (src/appeals/letter-download.views.ts, src/evidence/file-rules.ts).
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..');
const rounds = Number(process.env.ROUNDS ?? 5);
const probe = `const t = performance.now(); await import(${JSON.stringify(path.join(root, 'src/app.ts'))}); console.log(Math.round(performance.now() - t));`;
const times: number[] = [];
for (let i = 0; i < rounds; i++) {
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', probe], {
    cwd: root,
    encoding: 'utf8',
  });
  times.push(Number(out.trim().split('\n').pop()));
}
times.sort((a, b) => a - b);
console.log(`import src/app.ts: ${times.join(', ')} ms; median ${times[Math.floor(times.length / 2)]} ms`);
