import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildCli } from '../cli.ts';
import { openSqlite } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { ManualClock } from '../shared/clock.ts';
import { createFamily, createOrganisation } from '../../test/helpers/factories.ts';
import { caseInput } from './cases.fixtures.ts';
import { openCase } from './cases.service.ts';

describe('kintrace stats', () => {
  const dirs: string[] = [];
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  it('prints {persons, cases, events, users, appeals} as JSON', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kintrace-cli-'));
    dirs.push(dataDir);
    const opened = openSqlite(path.join(dataDir, 'kintrace.sqlite'));
    await migrateToLatest(opened.db);
    const clock = new ManualClock();
    const org = await createOrganisation(opened.db, { clock });
    const family = await createFamily(opened.db, { clock });
    await openCase({ db: opened.db, clock }, family.auth, caseInput(org.id));
    await opened.close();

    vi.stubEnv('DATA_DIR', dataDir);
    vi.stubEnv('DATABASE_URL', '');
    let out = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      out += String(chunk);
      return true;
    });
    await buildCli().parseAsync(['node', 'kintrace', 'stats', '--json']);
    expect(JSON.parse(out)).toEqual({
      persons: 1,
      cases: 1,
      events: 1,
      users: 1,
      appeals: { draft: 0, sent: 0, registered: 0, forwarded: 0, extended: 0, answered: 0, overdue: 0, closed: 0 },
    });
  });
});
