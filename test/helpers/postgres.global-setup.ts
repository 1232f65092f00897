import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from './embedded-postgres.ts';

// One real PostgreSQL server per test run (embedded-postgres.ts), one database per test file
// (see db.ts).

// embedded-postgres uses async-exit-hook, which calls process.exit(0) on 'beforeExit' and so
// replaces vitest's failing exit code with 0: CI would pass with failing tests. We note the
// process listeners before the server starts and remove the ones it added once it has stopped.
const HOOKED_EVENTS = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const;
const listenerSnapshot = () => new Map(HOOKED_EVENTS.map((e) => [e, new Set(process.listeners(e as 'exit'))]));
const removeListenersAddedSince = (before: ReturnType<typeof listenerSnapshot>): void => {
  for (const event of HOOKED_EVENTS) {
    for (const listener of process.listeners(event as 'exit')) {
      if (!before.get(event)?.has(listener)) process.removeListener(event, listener);
    }
  }
};

declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const before = listenerSnapshot();
  const server = await startEmbeddedPostgres({ tempPrefix: 'kintrace-pg-', password: 'kintrace-test' });
  project.provide('pgUrl', server.url);
  return async () => {
    await server.stop();
    removeListenersAddedSince(before);
  };
}
