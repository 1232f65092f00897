import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { openPostgres, openSqlite, type OpenedDb } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { ManualClock } from '../../src/shared/clock.ts';
import { createLogger } from '../../src/shared/logger.ts';
import {
  DecryptionFailed,
  derivePassphraseKeys,
  generateKeyPair,
  open,
  openWith,
  randomKey,
  verifierMatches,
} from '../../src/shared/crypto/index.ts';
import { aad } from '../../src/accounts/account-keys.crypto.ts';
import { authoriseCase } from '../../src/cases/case-access.service.ts';
import { principalOf } from '../../src/policy/principal.ts';
import { getCaseForViewer } from '../../src/cases/cases.service.ts';
import type { AuthContext } from '../../src/policy/principal.ts';
import { freshDb, freshPgUrl } from '../helpers/db.ts';
import { logOut, runStory, storyTexts, type StoryResult, type StoryTexts } from '../helpers/story.ts';

// Cold seizure (issue 3): after the whole story, the data directory is copied as a seized,
// powered-off server would be. A fresh process serving the copy, with nobody logged in, shows no
// text; and the copy itself, read directly, yields no text: every path to a case key ends at a
// passphrase, a recovery code or a session cookie, none of which is on the disk.

const root = path.resolve(import.meta.dirname, '..', '..');
const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });

describe('cold seizure: a copy of the data directory, nobody logged in', () => {
  const liveDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kintrace-live-'));
  const seizedDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kintrace-seized-'));
  let texts: StoryTexts;
  let story: StoryResult;
  let seized: OpenedDb;

  beforeAll(async () => {
    const opened = await freshDb('sqlite', path.join(liveDir, 'kintrace.sqlite'));
    const config = loadConfig({ ...process.env, DATA_DIR: liveDir, DATABASE_URL: '' });
    const app = await buildApp({
      config,
      db: opened.db,
      dialect: 'sqlite',
      clock: new ManualClock('2026-03-02T09:00:00.000Z'),
      logger: createLogger('silent'),
    });
    texts = storyTexts();
    story = await runStory(app, texts);
    await logOut(story.family.visitor);
    await logOut(story.admin.visitor);
    // The caseworker is still logged in when the server is taken: a live session row is seized too.
    await app.close();
    await opened.close();
    fs.cpSync(liveDir, seizedDir, { recursive: true });
    seized = openSqlite(path.join(seizedDir, 'kintrace.sqlite'));
  });

  afterAll(async () => {
    await seized?.close();
    for (const d of [liveDir, seizedDir]) fs.rmSync(d, { recursive: true, force: true });
  });

  it('a fresh process serving the copy shows no case to a visitor without a cookie, or with a forged one', async () => {
    const port = await freePort();
    // Served from a copy of the copy: a serving process cleans up (expired sessions go on its
    // scheduler's first tick), and the tests below read the seized file exactly as it was taken.
    const servedDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kintrace-served-'));
    fs.cpSync(seizedDir, servedDir, { recursive: true });
    const env = {
      ...process.env,
      DATA_DIR: servedDir,
      DATABASE_URL: '',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      // the start message this waits for, in English whatever the machine's locale
      KINTRACE_LANG: 'en',
    };
    const child: ChildProcess = spawn(process.execPath, [path.join(root, 'bin', 'kintrace.mjs'), 'serve'], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      await new Promise<void>((resolve, reject) => {
        let out = '';
        child.stdout!.on('data', (d: Buffer) => {
          out += d.toString();
          if (out.includes('Kintrace is running at')) resolve();
        });
        child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
        child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
      });
      const base = `http://127.0.0.1:${port}`;
      const forged = `kt_session=${'A'.repeat(43)}.${'B'.repeat(43)}`;
      for (const url of [
        `/cases/${story.caseId}`,
        '/my/cases',
        '/staff',
        '/staff/audit',
        `/staff/search?q=${encodeURIComponent('Демидов')}`,
      ]) {
        for (const cookie of [undefined, forged]) {
          const res = await fetch(base + url, { redirect: 'manual', headers: cookie ? { cookie } : {} });
          const body = await res.text();
          expect([303, 404], `${url} ${cookie ? 'forged cookie' : 'no cookie'}`).toContain(res.status);
          // Back to the page after a log-in, its path only: a search's words are not carried.
          if (res.status === 303)
            expect(res.headers.get('location')).toBe(`/login?next=${encodeURIComponent(url.split('?')[0])}`);
          for (const text of Object.values(texts)) expect(body).not.toContain(text);
        }
      }
    } finally {
      child.kill('SIGTERM');
      fs.rmSync(servedDir, { recursive: true, force: true });
    }
  });

  it('stored ciphertexts do not contain the texts, and every sealed value is in the sealed format', async () => {
    const db = seized.db;
    const cases = await db
      .selectFrom('cases')
      .select(['relation_sealed', 'narrative_sealed', 'wants_sealed', 'last_contact_means_sealed'])
      .execute();
    const events = await db.selectFrom('events').select('description_sealed').execute();
    const posts = [
      ...(await db.selectFrom('case_messages').select('body_sealed').execute()),
      ...(await db.selectFrom('case_notes').select('body_sealed').execute()),
    ];
    // The reasons staff give for a level (the story's caseworker corroborated a capture with one).
    const levels = await db.selectFrom('event_levels').select('reason_sealed').execute();
    const sealed = [
      ...cases.flatMap((c) => Object.values(c)),
      ...events.map((e) => e.description_sealed),
      ...posts.map((p) => p.body_sealed),
      ...levels.map((l) => l.reason_sealed),
    ].filter((v): v is string => v !== null);
    expect(sealed.length).toBeGreaterThanOrEqual(4 + 1 + 3 + 1);
    for (const v of sealed) {
      expect(v).toMatch(/^g1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
      for (const text of Object.values(texts)) expect(v).not.toContain(text);
      for (const text of Object.values(texts))
        expect(Buffer.from(v.split('.')[2], 'base64url').includes(Buffer.from(text))).toBe(false);
    }
  });

  it('no key on the disk opens anything: guessed passphrases, random keys and the session rows all fail', async () => {
    const db = seized.db;
    const { argon2 } = loadConfig();
    const users = await db
      .selectFrom('users')
      .select(['id', 'passphrase_salt', 'passphrase_verifier', 'private_key_sealed'])
      .execute();
    expect(users.length).toBe(3);
    for (const u of users) {
      for (const guess of ['', 'password123456', u.id]) {
        const { verifier, kek } = await derivePassphraseKeys(guess, u.passphrase_salt, argon2);
        expect(verifierMatches(verifier, u.passphrase_verifier)).toBe(false);
        expect(() => open(kek, u.private_key_sealed, aad.userPrivateKey(u.id))).toThrow(DecryptionFailed);
      }
    }
    const sessions = await db.selectFrom('sessions').select(['id_hash', 'key_sealed']).execute();
    expect(sessions.length).toBe(1); // the caseworker's
    for (const s of sessions)
      expect(() => open(randomKey(), s.key_sealed, aad.session(s.id_hash))).toThrow(DecryptionFailed);
    const stranger = generateKeyPair().privateKey;
    for (const w of await db.selectFrom('organisation_key_wraps').selectAll().execute()) {
      expect(() => openWith(stranger, w.wrapped, aad.orgWrap(w.organisation_id, w.user_id))).toThrow(DecryptionFailed);
    }
    for (const w of await db.selectFrom('case_key_wraps').selectAll().execute()) {
      expect(() => openWith(stranger, w.wrapped, `case:${w.case_id}:key`)).toThrow(DecryptionFailed);
    }
  });

  it('the service cannot open the case without a key from a cookie, and can with the passphrase (control)', async () => {
    const deps = { db: seized.db, clock: new ManualClock('2026-03-02T12:00:00.000Z') };
    const worker = await seized.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', story.caseworker.userId)
      .executeTakeFirstOrThrow();
    // What a seizing party can build: the right account, no secret from a cookie.
    const noCookie: AuthContext = {
      userId: worker.id,
      pseudonym: worker.pseudonym,
      role: 'caseworker',
      organisationId: worker.organisation_id,
      secondFactorDone: true,
      totpEnabled: true,
      sessionId: 'seized',
      userPrivateKey: generateKeyPair().privateKey,
    };
    const grant = await authoriseCase(seized.db, principalOf(noCookie), story.caseId, 'read');
    await expect(getCaseForViewer(deps, grant)).rejects.toThrow(DecryptionFailed);

    // Control: the family's passphrase (not on the disk) is all that was missing.
    const fam = await seized.db.selectFrom('users').selectAll().where('role', '=', 'family').executeTakeFirstOrThrow();
    const { kek } = await derivePassphraseKeys(story.family.passphrase, fam.passphrase_salt, loadConfig().argon2);
    const familyAuth: AuthContext = {
      userId: fam.id,
      pseudonym: fam.pseudonym,
      role: 'family',
      organisationId: null,
      secondFactorDone: true,
      totpEnabled: false,
      sessionId: 'control',
      userPrivateKey: open(kek, fam.private_key_sealed, aad.userPrivateKey(fam.id)),
    };
    const view = await getCaseForViewer(
      deps,
      await authoriseCase(seized.db, principalOf(familyAuth), story.caseId, 'read'),
    );
    expect(view.narrative).toBe(texts.narrative);
    expect(view.messages.map((m) => m.body)).toEqual(expect.arrayContaining([texts.staffMessage, texts.familyMessage]));
  });
});

describe('cold seizure on PostgreSQL: a fresh app instance on the database, nobody logged in', () => {
  it('shows no case without a cookie, stores no text, and the service cannot open the case', async () => {
    const url = await freshPgUrl();
    const live = openPostgres(url);
    await migrateToLatest(live.db);
    const config = loadConfig({ ...process.env, DATABASE_URL: url });
    const clock = new ManualClock('2026-03-02T09:00:00.000Z');
    const app = await buildApp({ config, db: live.db, dialect: 'postgres', clock, logger: createLogger('silent') });
    const texts = storyTexts();
    const story = await runStory(app, texts);
    await app.close();
    await live.close();

    const seized = openPostgres(url);
    const fresh = await buildApp({ config, db: seized.db, dialect: 'postgres', clock, logger: createLogger('silent') });
    try {
      for (const path of [`/cases/${story.caseId}`, '/my/cases', '/staff']) {
        const res = await fresh.inject({ method: 'GET', url: path });
        expect(res.statusCode, path).toBe(303);
        for (const text of Object.values(texts)) expect(res.body).not.toContain(text);
      }
      const c = await seized.db
        .selectFrom('cases')
        .selectAll()
        .where('id', '=', story.caseId)
        .executeTakeFirstOrThrow();
      for (const v of [c.relation_sealed, c.narrative_sealed, c.wants_sealed]) {
        expect(v).toMatch(/^g1\./);
        for (const text of Object.values(texts)) expect(v).not.toContain(text);
      }
      const worker = await seized.db
        .selectFrom('users')
        .selectAll()
        .where('id', '=', story.caseworker.userId)
        .executeTakeFirstOrThrow();
      const noCookie: AuthContext = {
        userId: worker.id,
        pseudonym: worker.pseudonym,
        role: 'caseworker',
        organisationId: worker.organisation_id,
        secondFactorDone: true,
        totpEnabled: true,
        sessionId: 'seized',
        userPrivateKey: generateKeyPair().privateKey,
      };
      const grant = await authoriseCase(seized.db, principalOf(noCookie), story.caseId, 'read');
      await expect(getCaseForViewer({ db: seized.db, clock }, grant)).rejects.toThrow(DecryptionFailed);
    } finally {
      await fresh.close();
      await seized.close();
    }
  });
});
