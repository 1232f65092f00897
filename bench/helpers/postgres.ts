// An embedded PostgreSQL for a benchmark script: the test suite's server (test/helpers), with one
// database "bench".
import { startEmbeddedPostgres } from '../../test/helpers/embedded-postgres.ts';

export const startBenchPostgres = async (): Promise<{ url: string; stop(): Promise<void> }> => {
  const server = await startEmbeddedPostgres({ tempPrefix: 'kt-bench-pg-', password: 'kintrace-bench' });
  await server.createDatabase('bench');
  return { url: `${server.url}/bench`, stop: server.stop };
};
