import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cyclesOf, readImportGraph, specifiersOf, type ImportGraph } from './import-graph.ts';
import { violationsOf } from './house-rules.ts';

// The house rules of docs/architecture.md, checked on every `npm test`: no import cycles, domain
// code never reaches up into the web layer, the policy and the linkage engine stand alone, and a
// domain's tables and queries are its own.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('architecture', () => {
  const graph = readImportGraph(root);

  it('reads the imports of the whole tree', () => {
    expect(graph.files.length).toBeGreaterThan(100);
    expect(graph.edges.get('src/app.ts')).toContain('src/web/security.ts');
  });

  it('has no import cycles in src/', () => {
    expect(cyclesOf(graph)).toEqual([]);
  });

  it('keeps every house rule', () => {
    expect(violationsOf(graph)).toEqual([]);
  });

  // Views read the abilities the policy computed (view.can, ctx.nav, a member's mayReset); a view
  // that compares a role decides access on its own, and the next role added would slip past it.
  it('has no view that tests a role', () => {
    const testsRole = /\brole\s*[!=]==|[!=]==\s*\w*\.?role\b|\bisCaseStaff\(|\beffectiveRole\(/;
    const offenders = graph.files
      .filter((f) => /\.views\.tsx$|^src\/web\/layout\.tsx$/.test(f))
      .flatMap((f) =>
        fs
          .readFileSync(path.join(root, f), 'utf8')
          .split('\n')
          .flatMap((line, i) => (testsRole.test(line) ? [`${f}:${i + 1}: ${line.trim()}`] : [])),
      );
    expect(offenders).toEqual([]);
    expect(testsRole.test("{auth.role === 'family' && (")).toBe(true);
  });

  it('would notice a cycle and a broken rule', () => {
    const bent: ImportGraph = {
      files: ['src/cases/a.service.ts', 'src/cases/b.service.ts', 'src/web/x.ts', 'src/people/people.repository.ts'],
      edges: new Map([
        ['src/cases/a.service.ts', ['src/cases/b.service.ts', 'src/web/x.ts', 'src/people/people.repository.ts']],
        ['src/cases/b.service.ts', ['src/cases/a.service.ts']],
      ]),
    };
    expect(cyclesOf(bent)).toEqual([['src/cases/a.service.ts', 'src/cases/b.service.ts']]);
    expect(violationsOf(bent)).toHaveLength(2);
  });

  it('reads every form of import', () => {
    const text = [
      "import a from './a.ts';",
      "import type { B } from '../b.ts';",
      "import {\n  c,\n  d,\n} from './c.ts';",
      "export { e } from './e.ts';",
      "import './side.ts';",
      "const f = await import('./f.ts');",
    ].join('\n');
    expect(specifiersOf(text).sort()).toEqual(['../b.ts', './a.ts', './c.ts', './e.ts', './f.ts', './side.ts']);
  });
});
