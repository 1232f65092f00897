import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { runCliCaptured } from '../../test/helpers/cli.ts';
import { freshPgUrl } from '../../test/helpers/db.ts';

// What an operator sees when the database is not there or not right (issue 14): each failure
// named for what it is, never "migration (unknown) failed", never a raw SQL error, never the
// password; exit status 1.

const run = runCliCaptured;

describe('database problems, named for what they are', () => {
  const dirs: string[] = [];
  const tmp = () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'kintrace-dbp-'));
    dirs.push(d);
    return d;
  };
  afterEach(() => {
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  it('a wrong PostgreSQL password', async () => {
    const base = new URL(inject('pgUrl'));
    const url = `postgres://${base.username}:Wrong-Secret-Pa55@${base.host}/postgres`;
    const r = await run(['migrate'], { DATABASE_URL: url, DATA_DIR: tmp() });
    expect(r.code).toBe(1);
    expect(r.err).toContain('refused the password for user "kintrace"');
    expect(r.err).not.toContain('Wrong-Secret-Pa55');
    expect(r.err).not.toContain('migration');
  });

  it('a database that does not exist', async () => {
    const base = new URL(inject('pgUrl'));
    base.pathname = '/kt_no_such_database';
    const r = await run(['migrate'], { DATABASE_URL: base.toString(), DATA_DIR: tmp() });
    expect(r.code).toBe(1);
    expect(r.err).toContain('database "kt_no_such_database" does not exist');
    expect(r.err).toContain('createdb -O kintrace kt_no_such_database');
    expect(r.err).not.toContain('kintrace-test');
  });

  it('nothing listening at the address', async () => {
    const r = await run(['stats'], { DATABASE_URL: 'postgres://u:secretpw@127.0.0.1:1/db', DATA_DIR: tmp() });
    expect(r.code).toBe(1);
    expect(r.err).toContain('nothing answers at 127.0.0.1:1');
    expect(r.err).not.toContain('secretpw');
  });

  it('stats on an empty database says how to set it up, on both engines', async () => {
    const pg = await run(['stats'], { DATABASE_URL: await freshPgUrl(), DATA_DIR: tmp() });
    expect(pg.code).toBe(1);
    expect(pg.err).toContain('no Kintrace tables yet');
    expect(pg.err).toContain('kintrace migrate');
    const sqlite = await run(['stats'], { DATABASE_URL: '', DATA_DIR: tmp() });
    expect(sqlite.code).toBe(1);
    expect(sqlite.err).toContain('no Kintrace tables yet');
    // After `migrate`, stats answers.
    const dir = tmp();
    expect((await run(['migrate'], { DATABASE_URL: '', DATA_DIR: dir })).code).toBeUndefined();
    const ok = await run(['stats', '--json'], { DATABASE_URL: '', DATA_DIR: dir });
    expect(JSON.parse(ok.out)).toMatchObject({ persons: 0, cases: 0, users: 0 });
  });

  it('a data directory this user may not write', async () => {
    if (process.getuid?.() === 0) {
      // root writes anywhere: a file where the directory should be fails the same way for everyone.
      const file = path.join(tmp(), 'not-a-dir');
      fs.writeFileSync(file, 'x');
      const r = await run(['migrate'], { DATABASE_URL: '', DATA_DIR: file });
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/^(database error|error): /);
      expect(r.err).not.toMatch(/at .*\.ts:\d+/);
      return;
    }
    const dir = tmp();
    fs.chmodSync(dir, 0o500);
    const r = await run(['migrate'], { DATABASE_URL: '', DATA_DIR: path.join(dir, 'sub') });
    expect(r.code).toBe(1);
    expect(r.err).toContain('may not write there');
  });

  it('demo on PostgreSQL does not refuse because of a data directory it never uses', async () => {
    const dataDir = tmp();
    fs.writeFileSync(path.join(dataDir, 'something-else'), 'x');
    const url = await freshPgUrl();
    const r = await run(['demo'], { DATABASE_URL: url, DATA_DIR: dataDir });
    expect(r.err).toBe('');
    expect(r.code).toBeUndefined();
    expect(r.out).toContain('ДЕМО');
    // A second run refuses: the database is no longer empty.
    const again = await run(['demo'], { DATABASE_URL: url, DATA_DIR: dataDir });
    expect(again.code).toBe(1);
    expect(again.err).toContain('already holds accounts');
  });
});
