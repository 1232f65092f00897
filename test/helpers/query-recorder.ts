import type { KyselyPlugin, OperationNode } from 'kysely';

/**
 * Records the queries that touch one table, as their operation trees in JSON (a select, an
 * update…: `kind`), for tests that count a page's or a service's queries:
 * `db.withPlugin(recorder.plugin)`.
 */
export const queryRecorder = (table: string) => {
  const seen: Array<{ kind: string; json: string }> = [];
  const plugin: KyselyPlugin = {
    transformQuery: ({ node }) => {
      const json = JSON.stringify(node as OperationNode);
      if (json.includes(`"name":"${table}"`)) seen.push({ kind: node.kind, json });
      return node;
    },
    transformResult: async ({ result }) => result,
  };
  return { seen, plugin };
};
