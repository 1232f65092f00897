import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { loadConfig, type Config } from '../config.ts';
import { openPostgres, openSqlite, type Db, type DialectName, type OpenedDb } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { ManualClock, systemClock } from '../shared/clock.ts';
import { createLogger } from '../shared/logger.ts';
import { generateKeyPair } from '../shared/crypto/index.ts';
import { systemPrincipal } from '../policy/principal.ts';
import { Scheduler } from '../scheduler/scheduler.service.ts';
import { allJobs } from '../jobs.ts';
import { prepareUpload } from '../evidence/evidence.service.ts';
import { parseForm } from '../shared/validation.ts';
import { submitTip } from '../tips/tip-intake.service.ts';
import { tipSchema } from '../tips/tips.schema.ts';
import type { AuthContext } from '../policy/principal.ts';
import { openCase } from '../cases/cases.service.ts';
import { caseInput } from '../cases/cases.fixtures.ts';
import { freshPgUrl } from '../../test/helpers/db.ts';
import { createFamily, createOrganisation, createStaff } from '../../test/helpers/factories.ts';
import { runStory, storyTexts, type StoryResult, type StoryTexts } from '../../test/helpers/story.ts';
import { Visitor } from '../../test/helpers/visitor.ts';
import { newTmpFiles, searchFiles, tmpSnapshot } from '../../test/helpers/sweep.ts';
import { BackupUnreadable } from './backup-crypto.ts';
import { createBackup, RestoreRefused, restoreBackup } from './backup.service.ts';

// The restore drill (issue 14): a populated platform — the whole story of families, staff, a
// case with its timeline, messages and notes, a tip with a photo, the audit log, the schedule —
// is backed up, restored elsewhere on each engine (SQLite ⇄ PostgreSQL both ways), and every
// record of every table is compared. The restored platform works: the family logs in and reads
// her case, the sender's code opens the tip. The backup file holds no name and no text in clear.

const SYSTEM = systemPrincipal('admin_cli');
const PASS = 'длинная фраза для резервной копии';
const TIP_TEXT = 'Видел его в подвале. ПОДСКАЗКА-ДРИЛЛ-3307';

const dirs: string[] = [];
const tmpDir = (prefix = 'kintrace-drill-') => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

interface Platform {
  dialect: DialectName;
  config: Config;
  opened: OpenedDb;
  texts: StoryTexts;
  story: StoryResult;
  tipCode: string;
}

/** Every table (but the migrator's own) as sorted canonical rows: what "every record" means. */
const dump = async (db: Db, dialect: DialectName): Promise<Record<string, string[]>> => {
  const tables =
    dialect === 'sqlite'
      ? (
          await sql<{
            name: string;
          }>`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`.execute(db)
        ).rows.map((r) => r.name)
      : (
          await sql<{
            name: string;
          }>`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`.execute(
            db,
          )
        ).rows.map((r) => r.name);
  const out: Record<string, string[]> = {};
  for (const t of tables.filter((x) => !x.startsWith('kysely_')).sort()) {
    const rows = (await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(t)}`.execute(db)).rows;
    out[t] = rows
      .map((r) =>
        JSON.stringify(
          Object.keys(r)
            .sort()
            .map((k) => [k, Buffer.isBuffer(r[k]) ? `b64:${(r[k] as Buffer).toString('base64')}` : r[k]]),
        ),
      )
      .sort();
  }
  return out;
};

const populate = async (dialect: DialectName): Promise<Platform> => {
  const dataDir = tmpDir();
  const url = dialect === 'postgres' ? await freshPgUrl() : '';
  const config = loadConfig({ ...process.env, DATA_DIR: dataDir, DATABASE_URL: url });
  const opened = dialect === 'postgres' ? openPostgres(url) : openSqlite(path.join(dataDir, 'kintrace.sqlite'));
  await migrateToLatest(opened.db);
  const clock = new ManualClock('2026-03-02T09:00:00.000Z');
  const app = await buildApp({ config, db: opened.db, dialect, clock, logger: createLogger('silent') });
  const texts = storyTexts();
  const story = await runStory(app, texts);
  await new Scheduler(
    { db: opened.db, clock, log: { info: () => {}, error: () => {} } },
    allJobs({ db: opened.db, clock, config }),
  ).register();
  const photo = await prepareUpload(
    await sharp({ create: { width: 16, height: 16, channels: 3, background: '#468' } })
      .png()
      .toBuffer(),
  );
  await submitTip(
    { db: opened.db, clock, config },
    parseForm(tipSchema('2026-03-02'), {
      organisation: story.organisationId,
      surname: 'Демидов',
      what_happened: TIP_TEXT,
      how_known: 'saw_myself',
    }),
    { file: photo },
  );
  // The sender opens the receipt page through the app, as in life, to get the code once.
  const sender = new Visitor(app);
  const receipt = await sender.submit('/tips/new', '/tips/new', {
    organisation: story.organisationId,
    what_happened: TIP_TEXT,
    how_known: 'other',
  });
  const tipCode = /<code class="secret receipt">([\s\S]*?)<\/code>/.exec(receipt.body)![1].replace(/<wbr\/?>/g, '');
  await app.close();
  return { dialect, config, opened, texts, story, tipCode };
};

const secretsOf = (p: Platform): string[] => [
  ...Object.values(p.texts),
  TIP_TEXT,
  'Демидов',
  p.story.family.pseudonym,
  p.story.caseworker.pseudonym,
  p.story.admin.pseudonym,
  p.story.family.passphrase,
];

describe('restore drill: back up a populated platform, restore it elsewhere, compare every record', () => {
  const platforms = {} as Record<DialectName, Platform>;
  const backups = {} as Record<DialectName, string>;
  let before: Set<string>;
  beforeAll(async () => {
    before = tmpSnapshot();
    for (const d of ['sqlite', 'postgres'] as const) {
      platforms[d] = await populate(d);
      backups[d] = path.join(tmpDir(), `backup-${d}.ktb`);
      const r = await createBackup(
        { config: platforms[d].config, clock: systemClock },
        backups[d],
        { kind: 'passphrase', passphrase: PASS, argon2: platforms[d].config.argon2 },
        SYSTEM,
      );
      expect(r.rows).toBeGreaterThan(50);
    }
  });
  afterAll(async () => {
    for (const p of Object.values(platforms)) await p.opened.close();
  });

  it.each([
    ['sqlite', 'sqlite'],
    ['sqlite', 'postgres'],
    ['postgres', 'sqlite'],
    ['postgres', 'postgres'],
  ] as const)('%s → %s: every record equal, and the restored platform works', async (from, to) => {
    const source = platforms[from];
    const dataDir = tmpDir();
    const url = to === 'postgres' ? await freshPgUrl() : '';
    const config = loadConfig({ ...process.env, DATA_DIR: dataDir, DATABASE_URL: url });
    const report = await restoreBackup({ config }, backups[from], { kind: 'passphrase', passphrase: PASS }, SYSTEM);
    expect(report.fromDialect).toBe(from);
    const target = to === 'postgres' ? openPostgres(url) : openSqlite(path.join(dataDir, 'kintrace.sqlite'));
    try {
      const a = await dump(source.opened.db, from);
      const b = await dump(target.db, to);
      expect(Object.keys(b)).toEqual(Object.keys(a));
      for (const t of Object.keys(a)) expect(b[t], t).toEqual(a[t]);
      expect(a.evidence_files.length).toBeGreaterThan(0);
      expect(a.audit_log.length).toBeGreaterThan(5);

      const app = await buildApp({
        config,
        db: target.db,
        dialect: to,
        clock: new ManualClock('2026-03-02T10:00:00.000Z'),
        logger: createLogger('silent'),
      });
      const family = new Visitor(app);
      const home = await family.submit('/login', '/login', {
        pseudonym: source.story.family.pseudonym,
        passphrase: source.story.family.passphrase,
      });
      expect(home.status).toBe(200);
      const casePage = await family.get(`/cases/${source.story.caseId}`);
      expect(casePage.body).toContain(source.texts.staffMessage);
      const sender = new Visitor(app);
      const tip = await sender.submit('/tip', '/tip/open', { code: source.tipCode });
      expect(tip.body).toContain(TIP_TEXT);
      await app.close();
    } finally {
      await target.close();
    }
  });

  it('the backup file holds no name and no text in clear, and no temporary file appeared with one', () => {
    for (const d of ['sqlite', 'postgres'] as const) {
      const markers = secretsOf(platforms[d]);
      // Not vacuous: the database itself holds the person's name in clear on purpose.
      expect(markers).toContain('Демидов');
      expect(searchFiles([backups[d]], markers)).toEqual([]);
      const head = fs.readFileSync(backups[d]).subarray(0, 16).toString();
      expect(head).toBe('KINTRACE-BACKUP\n');
    }
    // Only this run's own markers: other test files running beside it keep the shared story's
    // surname in their own temporary databases, in clear, on purpose.
    const leftovers = newTmpFiles(before, dirs);
    const ours = secretsOf(platforms.sqlite).filter((m) => m !== 'Демидов');
    expect(searchFiles(leftovers, ours)).toEqual([]);
  });

  it('refuses a wrong passphrase, a changed byte, a cut file and a target that is not empty — touching nothing', async () => {
    const file = backups.sqlite;
    const target = () => loadConfig({ ...process.env, DATA_DIR: tmpDir(), DATABASE_URL: '' });
    const cfg = target();
    await expect(
      restoreBackup({ config: cfg }, file, { kind: 'passphrase', passphrase: 'не та фраза совсем' }, SYSTEM),
    ).rejects.toMatchObject({ key: 'backup.cli.problems.wrongPassphrase' });
    expect(fs.readdirSync(cfg.dataDir)).toEqual([]);
    const bytes = fs.readFileSync(file);
    const flipped = Buffer.from(bytes);
    flipped[Math.floor(bytes.length / 2)] ^= 0x01;
    const changed = path.join(tmpDir(), 'changed.ktb');
    fs.writeFileSync(changed, flipped);
    await expect(
      restoreBackup({ config: cfg }, changed, { kind: 'passphrase', passphrase: PASS }, SYSTEM),
    ).rejects.toThrow(BackupUnreadable);
    const cut = path.join(tmpDir(), 'cut.ktb');
    fs.writeFileSync(cut, bytes.subarray(0, bytes.length - 7));
    await expect(restoreBackup({ config: cfg }, cut, { kind: 'passphrase', passphrase: PASS }, SYSTEM)).rejects.toThrow(
      BackupUnreadable,
    );
    expect(fs.readdirSync(cfg.dataDir)).toEqual([]);
    // A data directory with a database, and a PostgreSQL database with tables: refused.
    await expect(
      restoreBackup({ config: platforms.sqlite.config }, file, { kind: 'passphrase', passphrase: PASS }, SYSTEM),
    ).rejects.toThrow(RestoreRefused);
    await expect(
      restoreBackup({ config: platforms.postgres.config }, file, { kind: 'passphrase', passphrase: PASS }, SYSTEM),
    ).rejects.toThrow(RestoreRefused);
    // Only the operator's own commands may run it.
    const family = await createFamily(platforms.sqlite.opened.db);
    await expect(
      restoreBackup(
        { config: target() },
        file,
        { kind: 'passphrase', passphrase: PASS },
        { kind: 'account', auth: family.auth },
      ),
    ).rejects.toThrow();
  });

  it("seals to an operator's public key: the private key restores it, a passphrase or another key does not", async () => {
    const operator = generateKeyPair();
    const file = path.join(tmpDir(), 'to-key.ktb');
    await createBackup(
      { config: platforms.sqlite.config, clock: systemClock },
      file,
      { kind: 'public', publicKey: operator.publicKey },
      SYSTEM,
    );
    const cfg = loadConfig({ ...process.env, DATA_DIR: tmpDir(), DATABASE_URL: '' });
    await expect(
      restoreBackup({ config: cfg }, file, { kind: 'passphrase', passphrase: PASS }, SYSTEM),
    ).rejects.toMatchObject({ key: 'backup.cli.problems.sealedToKey' });
    await expect(
      restoreBackup({ config: cfg }, file, { kind: 'private', privateKey: generateKeyPair().privateKey }, SYSTEM),
    ).rejects.toMatchObject({ key: 'backup.cli.problems.wrongKeyFile' });
    const r = await restoreBackup({ config: cfg }, file, { kind: 'private', privateKey: operator.privateKey }, SYSTEM);
    expect(r.rows).toBeGreaterThan(50);
    expect(searchFiles([file], secretsOf(platforms.sqlite))).toEqual([]);
  });
});

const wire = (a: AuthContext) =>
  JSON.stringify({ ...a, userPrivateKey: undefined, key: a.userPrivateKey.toString('base64') });

describe('a backup taken while another process writes is one consistent moment', () => {
  it('every message in the backup has its audit entry, and no audit entry lacks its message', async () => {
    const dataDir = tmpDir();
    const file = path.join(dataDir, 'kintrace.sqlite');
    const { db, close } = openSqlite(file);
    await migrateToLatest(db);
    const org = await createOrganisation(db, { clock: systemClock });
    const family = await createFamily(db, { clock: systemClock });
    const staff = await createStaff(db, org, 'caseworker', { clock: systemClock });
    const { caseId } = await openCase({ db, clock: systemClock }, family.auth, caseInput(org.id));
    await close();
    const root = path.resolve(import.meta.dirname, '..', '..');
    const writer = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'test/concurrency/writer.worker.ts')], {
      cwd: root,
      env: {
        ...process.env,
        DB_FILE: file,
        CASE_ID: caseId,
        FAMILY: wire(family.auth),
        STAFF: wire(staff.auth),
        COUNT: '150',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const finished = new Promise<void>((resolve) => writer.once('exit', () => resolve()));
    const config = loadConfig({ ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' });
    // Wait until the writer has written something, then take backups while it goes on.
    const probe = openSqlite(file);
    for (;;) {
      const n = await probe.db
        .selectFrom('case_messages')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      if (Number(n.n) >= 3) break;
      await new Promise((r) => setImmediate(r));
    }
    await probe.close();
    const outs: string[] = [];
    for (let i = 0; i < 3; i++) {
      const out = path.join(tmpDir(), `live-${i}.ktb`);
      await createBackup(
        { config, clock: systemClock },
        out,
        { kind: 'passphrase', passphrase: PASS, argon2: config.argon2 },
        SYSTEM,
      );
      outs.push(out);
    }
    await finished;
    for (const out of outs) {
      const cfg = loadConfig({ ...process.env, DATA_DIR: tmpDir(), DATABASE_URL: '' });
      await restoreBackup({ config: cfg }, out, { kind: 'passphrase', passphrase: PASS }, SYSTEM);
      const restored = openSqlite(path.join(cfg.dataDir, 'kintrace.sqlite'));
      const count = async (q: Promise<Array<{ n: number | string | bigint }>>) => Number((await q)[0].n);
      const messages = await count(
        restored.db
          .selectFrom('case_messages')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('case_id', '=', caseId)
          .execute(),
      );
      const audited = await count(
        restored.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('case_id', '=', caseId)
          .where('action', '=', 'message.sent')
          .execute(),
      );
      const events = await count(
        restored.db
          .selectFrom('events')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('case_id', '=', caseId)
          .where('kind', '=', 'deployed')
          .execute(),
      );
      const eventsAudited = await count(
        restored.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('case_id', '=', caseId)
          .where('action', '=', 'event.added')
          .execute(),
      );
      await restored.close();
      expect(audited).toBe(messages);
      expect(eventsAudited).toBe(events);
      expect(messages).toBeGreaterThan(0);
    }
  });
});
