import fs from 'node:fs';
import path from 'node:path';

// The import graph of src/, read from the source text. dependency-cruiser and madge parse
// TypeScript through the `typescript` package's JavaScript API, which TypeScript 7 (the native
// compiler this project uses) no longer ships; the project's own formatter keeps one import per
// statement ending in a semicolon, so reading the specifiers is exact enough and has no
// dependency. Type-only imports count: a type shared across a boundary is a dependency too.

export interface ImportGraph {
  /** every source file, relative to the repository root, with forward slashes */
  files: string[];
  /** file -> the src files it imports (relative specifiers resolved) */
  edges: Map<string, string[]>;
}

const SOURCE = /\.(ts|tsx|mjs)$/;
const STATIC = /(?:^|\n)\s*(?:import|export)\s[^;]*?\sfrom\s+['"]([^'"]+)['"]/g;
const BARE = /(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g;
const DYNAMIC = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

const walk = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return walk(full);
    return SOURCE.test(e.name) ? [full] : [];
  });

export const specifiersOf = (text: string): string[] => {
  const out: string[] = [];
  for (const re of [STATIC, BARE, DYNAMIC]) for (const m of text.matchAll(re)) out.push(m[1]);
  return out;
};

/** Tests and test helpers are left out: they may reach anywhere to set a scene up. */
export const isTestFile = (file: string): boolean => /\.test\.tsx?$|\.test-helper\.ts$|\.fixtures\.ts$/.test(file);

export const readImportGraph = (root: string, dir = 'src'): ImportGraph => {
  const files = walk(path.join(root, dir))
    .map((f) => path.relative(root, f).split(path.sep).join('/'))
    .filter((f) => !isTestFile(f))
    .sort();
  const known = new Set(files);
  const edges = new Map<string, string[]>();
  for (const file of files) {
    const targets = specifiersOf(fs.readFileSync(path.join(root, file), 'utf8'))
      .filter((s) => s.startsWith('.'))
      .map((s) => path.posix.normalize(path.posix.join(path.posix.dirname(file), s)))
      .filter((t) => known.has(t));
    edges.set(file, [...new Set(targets)]);
  }
  return { files, edges };
};

/** Strongly connected components with more than one file (or a file importing itself): the cycles. */
export const cyclesOf = (graph: ImportGraph): string[][] => {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.edges.get(v) ?? []).includes(v)) out.push(component.sort());
    }
  };
  for (const f of graph.files) if (!index.has(f)) visit(f);
  return out;
};
