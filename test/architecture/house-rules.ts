import type { ImportGraph } from './import-graph.ts';

// The rules docs/architecture.md states, as predicates over one import (from -> to).

/** Folders that are layers, not domains. */
const LAYERS = new Set(['web', 'shared', 'db', 'policy']);
const folderOf = (file: string): string | null => {
  const parts = file.split('/');
  return parts.length > 2 ? parts[1] : null;
};
const isDomainFile = (file: string): boolean => {
  const folder = folderOf(file);
  return folder !== null && !LAYERS.has(folder);
};
/** The faces of a domain toward the outside: pages, routes, the session plugin, CLI commands. */
const isEdgeFile = (file: string): boolean => /\.(routes|views|plugin|cli|echo)\.tsx?$/.test(file);

type Rule = { name: string; broken: (from: string, to: string) => boolean };

export const RULES: Rule[] = [
  {
    name: 'domain code (tables, repositories, services, rules) imports nothing from src/web',
    broken: (from, to) => isDomainFile(from) && !isEdgeFile(from) && to.startsWith('src/web/'),
  },
  {
    name: 'nothing below the edge imports a route, view, plugin or CLI file',
    broken: (from, to) => !isEdgeFile(from) && !from.startsWith('src/web/') && isEdgeFile(to) && isDomainFile(from),
  },
  {
    name: 'the policy layer imports only itself and src/shared',
    broken: (from, to) => from.startsWith('src/policy/') && !/^src\/(policy|shared)\//.test(to),
  },
  {
    name: 'src/shared imports only src/shared',
    broken: (from, to) => from.startsWith('src/shared/') && !to.startsWith('src/shared/'),
  },
  {
    name: 'the linkage engine imports only itself',
    broken: (from, to) => from.startsWith('src/linkage/engine/') && !to.startsWith('src/linkage/engine/'),
  },
  {
    name: "a domain's tables and repositories are used only by that domain (and src/db/schema.ts)",
    broken: (from, to) =>
      /\.(repository|table)\.ts$/.test(to) && from !== 'src/db/schema.ts' && folderOf(from) !== folderOf(to),
  },
];

export const violationsOf = (graph: ImportGraph): string[] =>
  graph.files.flatMap((from) =>
    (graph.edges.get(from) ?? []).flatMap((to) =>
      RULES.filter((r) => r.broken(from, to)).map((r) => `${from} -> ${to}: ${r.name}`),
    ),
  );
