import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { testApp, type TestApp } from '../../test/helpers/app.ts';
import { issueSetupLink } from './first-run.service.ts';

// Two `kintrace serve` processes started together on an empty PostgreSQL deployment (docs/deploy.md)
// each issue a setup link. With «delete, then insert» in a transaction, the second one's insert
// could meet the first one's new row: the start failed after the server listened, and the process
// went on serving without ever printing its address (seen as a 120 s hang of the two-process
// test). Each start now replaces the link in one statement; the last one issued is the one kept.

describe.each(DIALECTS)('setup links issued at the same moment (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(dialect);
  });
  afterAll(() => t.close());

  it('are all issued, and exactly one of them works', async () => {
    const deps = { db: t.opened.db, config: t.config, clock: t.clock };
    for (let round = 0; round < 5; round++) {
      const links = await Promise.all(Array.from({ length: 6 }, () => issueSetupLink(deps)));
      expect(links.every((l) => typeof l === 'string')).toBe(true);
      const open = await Promise.all(
        links.map(async (l) => (await t.app.inject({ method: 'GET', url: new URL(l!).pathname })).statusCode),
      );
      expect(open.filter((s) => s === 200)).toHaveLength(1);
    }
  });
});
