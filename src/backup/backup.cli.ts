import fs from 'node:fs';
import readline from 'node:readline';
import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { systemClock } from '../shared/clock.ts';
import { generateKeyPair, publicKeyOf } from '../shared/crypto/index.ts';
import { systemPrincipal } from '../policy/principal.ts';
import { BackupUnreadable, type BackupOpening, type BackupSealing } from './backup-crypto.ts';
import { createBackup, restoreBackup } from './backup.service.ts';
import { commandLanguage } from '../shared/cli-lang.ts';
import { Said } from '../shared/said.ts';
import { translator, type T } from '../web/i18n/i18n.ts';

// `kintrace backup`, `kintrace backup-key` and `kintrace restore` (docs/deploy.md, Backups).
// A passphrase is never taken on the command line (every user of the machine could read it in
// the process list): from --passphrase-file, from KINTRACE_BACKUP_PASSPHRASE, or typed at a
// hidden prompt. Its messages are in the operator's language (backup.cli.* in the catalogue).

const PASS_ENV = 'KINTRACE_BACKUP_PASSPHRASE';
const KEY_PREFIX = 'kintrace-backup-key-v1 ';

/** The operator's mistake, said by its words in the operator's language. */
export class BackupCliError extends Said {}

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

const passphraseFrom = async (t: T, opts: { passphraseFile?: string }, confirm: boolean): Promise<string> => {
  if (opts.passphraseFile) return fs.readFileSync(opts.passphraseFile, 'utf8').split(/\r?\n/)[0] ?? '';
  const fromEnv = process.env[PASS_ENV];
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) throw new BackupCliError('backup.cli.noPassphrase', { env: PASS_ENV });
  const first = await hiddenPrompt(t('backup.cli.askPassphrase'));
  if (confirm && (await hiddenPrompt(t('backup.cli.askAgain'))) !== first)
    throw new BackupCliError('backup.cli.passphrasesDiffer');
  return first;
};

const readPublicKey = (value: string): string => {
  const text = fs.existsSync(value) ? fs.readFileSync(value, 'utf8').trim() : value.trim();
  if (!/^[A-Za-z0-9_-]{43}$/.test(text)) throw new BackupCliError('backup.cli.badRecipient');
  return text;
};

const readPrivateKey = (file: string): Buffer => {
  const text = fs.readFileSync(file, 'utf8').trim();
  if (!text.startsWith(KEY_PREFIX)) throw new BackupCliError('backup.cli.notAKeyFile', { file });
  return Buffer.from(text.slice(KEY_PREFIX.length), 'base64url');
};

export const registerBackupCli = (program: Command, help: T): void => {
  program
    .command('backup-key')
    .description(help('backup.cli.help.backupKey'))
    .requiredOption('--out <file>', help('backup.cli.help.keyOut'))
    .action((opts: { out: string }, cmd: Command) => {
      const t = translator(commandLanguage(cmd));
      if (fs.existsSync(opts.out)) throw new BackupCliError('backup.cli.keyExists', { file: opts.out });
      const pair = generateKeyPair();
      fs.writeFileSync(opts.out, `${KEY_PREFIX}${pair.privateKey.toString('base64url')}\n`, {
        mode: 0o600,
        flag: 'wx',
      });
      fs.writeFileSync(`${opts.out}.pub`, `${pair.publicKey}\n`, { flag: 'wx' });
      process.stdout.write(`${t('backup.cli.keyMade', { file: opts.out, publicKey: pair.publicKey })}\n`);
    });

  program
    .command('backup')
    .description(help('backup.cli.help.backup'))
    .requiredOption('--out <file>', help('backup.cli.help.out'))
    .option('--recipient <key>', help('backup.cli.help.recipient'))
    .option('--passphrase-file <file>', help('backup.cli.help.passphraseFile', { env: PASS_ENV }))
    .action(async (opts: { out: string; recipient?: string; passphraseFile?: string }, cmd: Command) => {
      const t = translator(commandLanguage(cmd));
      const config = loadConfig();
      if (fs.existsSync(opts.out)) throw new BackupCliError('backup.cli.backupExists', { file: opts.out });
      let sealing: BackupSealing;
      if (opts.recipient) sealing = { kind: 'public', publicKey: readPublicKey(opts.recipient) };
      else {
        const passphrase = await passphraseFrom(t, opts, true);
        if ([...passphrase].length < 12) throw new BackupCliError('backup.cli.shortPassphrase');
        sealing = { kind: 'passphrase', passphrase, argon2: config.argon2 };
      }
      const r = await createBackup({ config, clock: systemClock }, opts.out, sealing, systemPrincipal('admin_cli'));
      process.stdout.write(`${t('backup.cli.written', { file: opts.out, ...r })}\n`);
    });

  program
    .command('restore')
    .argument('<file>', help('backup.cli.help.file'))
    .description(help('backup.cli.help.restore'))
    .option('--key <file>', help('backup.cli.help.key'))
    .option('--passphrase-file <file>', help('backup.cli.help.passphraseFile', { env: PASS_ENV }))
    .action(async (file: string, opts: { key?: string; passphraseFile?: string }, cmd: Command) => {
      const t = translator(commandLanguage(cmd));
      const config = loadConfig();
      const opening: BackupOpening = opts.key
        ? { kind: 'private', privateKey: readPrivateKey(opts.key) }
        : { kind: 'passphrase', passphrase: await passphraseFrom(t, opts, false) };
      if (opening.kind === 'private') publicKeyOf(opening.privateKey);
      const r = await restoreBackup({ config }, file, opening, systemPrincipal('admin_cli'));
      process.stdout.write(
        `${t('backup.cli.restored', {
          rows: r.rows,
          tables: r.tables,
          from: r.fromDialect,
          into: r.dialect === 'sqlite' ? config.dataDir : t('backup.cli.intoPostgres'),
        })}\n`,
      );
    });
};

export { BackupUnreadable };
