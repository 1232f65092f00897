import fs from 'node:fs';
import readline from 'node:readline';
import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { systemClock } from '../shared/clock.ts';
import { generateKeyPair, publicKeyOf } from '../shared/crypto/index.ts';
import { systemPrincipal } from '../policy/principal.ts';
import { BackupUnreadable, type BackupOpening, type BackupSealing } from './backup-crypto.ts';
import { createBackup, restoreBackup } from './backup.service.ts';

// `kintrace backup`, `kintrace backup-key` and `kintrace restore` (docs/deploy.md, Backups).
// A passphrase is never taken on the command line (every user of the machine could read it in
// the process list): from --passphrase-file, from KINTRACE_BACKUP_PASSPHRASE, or typed at a
// hidden prompt.

const PASS_ENV = 'KINTRACE_BACKUP_PASSPHRASE';
const KEY_PREFIX = 'kintrace-backup-key-v1 ';

export class BackupCliError extends Error {}

const hiddenPrompt = (question: string): Promise<string> =>
  new Promise((resolve) => {
    const rl = readline.createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => {};
    process.stderr.write(question);
    rl.question('', (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    });
  });

const passphraseFrom = async (opts: { passphraseFile?: string }, confirm: boolean): Promise<string> => {
  if (opts.passphraseFile) return fs.readFileSync(opts.passphraseFile, 'utf8').split(/\r?\n/)[0] ?? '';
  const fromEnv = process.env[PASS_ENV];
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY)
    throw new BackupCliError(`give the passphrase with --passphrase-file FILE or ${PASS_ENV}, or run in a terminal`);
  const first = await hiddenPrompt('Backup passphrase: ');
  if (confirm && (await hiddenPrompt('The same passphrase again: ')) !== first)
    throw new BackupCliError('the two passphrases differ');
  return first;
};

const readPublicKey = (value: string): string => {
  const text = fs.existsSync(value) ? fs.readFileSync(value, 'utf8').trim() : value.trim();
  if (!/^[A-Za-z0-9_-]{43}$/.test(text))
    throw new BackupCliError('--recipient needs a public key as printed by `kintrace backup-key`');
  return text;
};

const readPrivateKey = (file: string): Buffer => {
  const text = fs.readFileSync(file, 'utf8').trim();
  if (!text.startsWith(KEY_PREFIX))
    throw new BackupCliError(`${file} is not a key file made by \`kintrace backup-key\``);
  return Buffer.from(text.slice(KEY_PREFIX.length), 'base64url');
};

export const registerBackupCli = (program: Command): void => {
  program
    .command('backup-key')
    .description(
      "make an operator's key pair for backups: the private key file stays offline, backups are sealed to the public key",
    )
    .requiredOption('--out <file>', 'where to write the private key (a .pub file with the public key goes beside it)')
    .action((opts: { out: string }) => {
      if (fs.existsSync(opts.out)) throw new BackupCliError(`${opts.out} exists: choose another name`);
      const pair = generateKeyPair();
      fs.writeFileSync(opts.out, `${KEY_PREFIX}${pair.privateKey.toString('base64url')}\n`, {
        mode: 0o600,
        flag: 'wx',
      });
      fs.writeFileSync(`${opts.out}.pub`, `${pair.publicKey}\n`, { flag: 'wx' });
      process.stdout.write(
        `private key: ${opts.out} (keep it off the server, on paper or an offline drive)\npublic key:  ${pair.publicKey}\n` +
          `back up with: kintrace backup --out FILE --recipient ${opts.out}.pub\n`,
      );
    });

  program
    .command('backup')
    .description('write a consistent, encrypted backup of the whole database (the server may keep running)')
    .requiredOption('--out <file>', 'the backup file to write (it must not exist)')
    .option('--recipient <key>', "seal it to an operator's public key (or a .pub file) instead of a passphrase")
    .option('--passphrase-file <file>', `read the passphrase from the first line of a file (or set ${PASS_ENV})`)
    .action(async (opts: { out: string; recipient?: string; passphraseFile?: string }) => {
      const config = loadConfig();
      if (fs.existsSync(opts.out)) throw new BackupCliError(`${opts.out} exists: a backup never overwrites a file`);
      let sealing: BackupSealing;
      if (opts.recipient) sealing = { kind: 'public', publicKey: readPublicKey(opts.recipient) };
      else {
        const passphrase = await passphraseFrom(opts, true);
        if ([...passphrase].length < 12) throw new BackupCliError('a backup passphrase needs at least 12 characters');
        sealing = { kind: 'passphrase', passphrase, argon2: config.argon2 };
      }
      const r = await createBackup({ config, clock: systemClock }, opts.out, sealing, systemPrincipal('admin_cli'));
      process.stdout.write(
        `backup written: ${opts.out} (${r.tables} tables, ${r.rows} rows, ${r.bytes} bytes, encrypted)\n`,
      );
    });

  program
    .command('restore')
    .argument('<file>', 'a file written by kintrace backup')
    .description('restore a backup into an EMPTY data directory (SQLite) or an empty database (DATABASE_URL)')
    .option('--key <file>', 'the private key file, for a backup sealed to a public key')
    .option('--passphrase-file <file>', `read the passphrase from the first line of a file (or set ${PASS_ENV})`)
    .action(async (file: string, opts: { key?: string; passphraseFile?: string }) => {
      const config = loadConfig();
      const opening: BackupOpening = opts.key
        ? { kind: 'private', privateKey: readPrivateKey(opts.key) }
        : { kind: 'passphrase', passphrase: await passphraseFrom(opts, false) };
      if (opening.kind === 'private') publicKeyOf(opening.privateKey);
      const r = await restoreBackup({ config }, file, opening, systemPrincipal('admin_cli'));
      process.stdout.write(
        `restored ${r.rows} rows of ${r.tables} tables from a ${r.fromDialect} backup into ${r.dialect === 'sqlite' ? config.dataDir : 'the PostgreSQL database'}\n`,
      );
    });
};

export { BackupUnreadable };
