import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCliCaptured } from '../../test/helpers/cli.ts';
import { openSqlite } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { createFamily } from '../../test/helpers/factories.ts';

// The commands as an operator types them: a passphrase from a file (never on the command line),
// or an operator's key pair made by `kintrace backup-key`.

const run = runCliCaptured;

describe('kintrace backup / backup-key / restore', () => {
  const dirs: string[] = [];
  const tmp = () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'kintrace-bcli-'));
    dirs.push(d);
    return d;
  };
  afterEach(() => {
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  it('backs up with a passphrase file and with a key pair, restores both, never overwrites', async () => {
    const source = tmp();
    const opened = openSqlite(path.join(source, 'kintrace.sqlite'));
    await migrateToLatest(opened.db);
    const fam = await createFamily(opened.db);
    await opened.close();
    const work = tmp();
    const passFile = path.join(work, 'pass.txt');
    fs.writeFileSync(passFile, 'очень длинная фраза резервной копии\n');
    const out = path.join(work, 'a.ktb');
    const b = await run(['backup', '--out', out, '--passphrase-file', passFile], {
      DATA_DIR: source,
      DATABASE_URL: '',
    });
    expect(b.err).toBe('');
    expect(b.out).toMatch(/backup written: .*a\.ktb \(\d+ tables, \d+ rows/);
    expect(fs.statSync(out).mode & 0o077).toBe(0);
    expect(fs.existsSync(`${out}.partial`)).toBe(false);
    const again = await run(['backup', '--out', out, '--passphrase-file', passFile], {
      DATA_DIR: source,
      DATABASE_URL: '',
    });
    expect(again.code).toBe(1);
    expect(again.err).toContain('never overwrites');
    const short = path.join(work, 'short.txt');
    fs.writeFileSync(short, 'коротко\n');
    expect(
      (
        await run(['backup', '--out', path.join(work, 'b.ktb'), '--passphrase-file', short], {
          DATA_DIR: source,
          DATABASE_URL: '',
        })
      ).err,
    ).toContain('at least 12');

    const target = tmp();
    const r = await run(['restore', out, '--passphrase-file', passFile], { DATA_DIR: target, DATABASE_URL: '' });
    expect(r.err).toBe('');
    expect(r.out).toMatch(/restored \d+ rows/);
    const check = openSqlite(path.join(target, 'kintrace.sqlite'));
    expect(await check.db.selectFrom('users').select('pseudonym').execute()).toEqual([{ pseudonym: fam.pseudonym }]);
    await check.close();
    const wrong = path.join(work, 'wrong.txt');
    fs.writeFileSync(wrong, 'совсем другая длинная фраза\n');
    const refused = await run(['restore', out, '--passphrase-file', wrong], { DATA_DIR: tmp(), DATABASE_URL: '' });
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('wrong passphrase or key');

    const keyFile = path.join(work, 'operator.key');
    const k = await run(['backup-key', '--out', keyFile], {});
    expect(k.out).toContain('public key:');
    expect(fs.statSync(keyFile).mode & 0o077).toBe(0);
    const sealed = path.join(work, 'k.ktb');
    expect(
      (await run(['backup', '--out', sealed, '--recipient', `${keyFile}.pub`], { DATA_DIR: source, DATABASE_URL: '' }))
        .err,
    ).toBe('');
    const restored = await run(['restore', sealed, '--key', keyFile], { DATA_DIR: tmp(), DATABASE_URL: '' });
    expect(restored.err).toBe('');
    // Without a passphrase source and no terminal: told how to give one, nothing hangs.
    const none = await run(['restore', out], { DATA_DIR: tmp(), DATABASE_URL: '', KINTRACE_BACKUP_PASSPHRASE: '' });
    expect(none.code).toBe(1);
    expect(none.err).toContain('--passphrase-file');
  });
});
