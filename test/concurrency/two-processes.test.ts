import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqlite } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { systemClock } from '../../src/shared/clock.ts';
import type { AuthContext } from '../../src/policy/principal.ts';
import { openCase } from '../../src/cases/cases.service.ts';
import { caseInput } from '../../src/cases/cases.fixtures.ts';
import { createFamily, createOrganisation, createStaff } from '../helpers/factories.ts';

// Two processes posting to one SQLite file at once, with a third running retention as
// `kintrace retention run` would: every transaction that reads and then writes begins IMMEDIATE
// (src/db/database.ts), so none fails with "database is locked"; they wait their turn.

const root = path.resolve(import.meta.dirname, '..', '..');
const worker = path.join(import.meta.dirname, 'writer.worker.ts');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kintrace-concurrency-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const wire = (a: AuthContext) =>
  JSON.stringify({ ...a, userPrivateKey: undefined, key: a.userPrivateKey.toString('base64') });

const run = (env: Record<string, string>): Promise<{ ok: number; errors: string[] }> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', worker], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.once('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop()!)) : reject(new Error(`worker ${code}: ${err}`)),
    );
  });

describe('two processes writing to one SQLite file', () => {
  it('lose no post and answer no "database is locked"', async () => {
    const file = path.join(dir, 'kintrace.sqlite');
    const { db, close } = openSqlite(file);
    await migrateToLatest(db);
    const org = await createOrganisation(db, { clock: systemClock });
    const family = await createFamily(db, { clock: systemClock });
    const staff = await createStaff(db, org, 'caseworker', { clock: systemClock });
    const { caseId } = await openCase({ db, clock: systemClock }, family.auth, caseInput(org.id));
    await close();

    const env = { DB_FILE: file, CASE_ID: caseId, FAMILY: wire(family.auth), STAFF: wire(staff.auth) };
    const count = 60;
    const results = await Promise.all([
      run({ ...env, COUNT: String(count) }),
      run({ ...env, COUNT: String(count) }),
      run({ ...env, COUNT: '20', MODE: 'retention' }),
    ]);
    expect(results.flatMap((r) => r.errors)).toEqual([]);
    expect(results.map((r) => r.ok)).toEqual([2 * count, 2 * count, 20]);

    const check = openSqlite(file);
    const messages = await check.db.selectFrom('case_messages').select('id').where('case_id', '=', caseId).execute();
    const events = await check.db.selectFrom('events').select('verification').where('case_id', '=', caseId).execute();
    await check.close();
    expect(messages).toHaveLength(2 * count);
    expect(events.filter((e) => e.verification === 'corroborated')).toHaveLength(2 * count);
  });
});
