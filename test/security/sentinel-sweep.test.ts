import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { ManualClock } from '../../src/shared/clock.ts';
import { createLogger } from '../../src/shared/logger.ts';
import type { Db, OpenedDb } from '../../src/db/database.ts';
import { freshDb, freshPgUrl } from '../helpers/db.ts';
import { openPostgres } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { systemClock } from '../../src/shared/clock.ts';
import { systemPrincipal } from '../../src/policy/principal.ts';
import { createBackup } from '../../src/backup/backup.service.ts';
import { GPS_MARK, jpegWithGps } from '../../src/evidence/evidence.fixtures.ts';
import type { FastifyInstance } from 'fastify';
import {
  cyrillicTag,
  logOut,
  runStory,
  shows,
  storyTexts,
  type StoryResult,
  type StoryTexts,
} from '../helpers/story.ts';
import { Visitor } from '../helpers/visitor.ts';
import { multipartBody } from '../helpers/multipart.ts';
import { filesUnder, newTmpFiles, searchFiles, tmpSnapshot } from '../helpers/sweep.ts';

// The sentinel sweep (issue 3): the whole story is walked over HTTP with marker strings in every
// free-text field, a forged X-Forwarded-For and a custom User-Agent on every request, with
// logging on at "info" into a file. Then every byte the server wrote — the raw SQLite file and
// its -wal/-shm, every file in the data directory, the temp files that appeared meanwhile and
// the log — is searched: no marker may appear. Text typed but never saved (a search, a refused
// form, a failed login, a malformed request, a recovery's new passphrase) leaves no trace either. Secrets (passphrases, TOTP secrets, recovery
// codes, the invite token, the session cookie's secret) must not appear in clear either.

const FORGED_IP = '203.0.113.77';
const AGENT = 'SentinelAgent/9.9';
const HEADERS = {
  'x-forwarded-for': FORGED_IP,
  'x-real-ip': FORGED_IP,
  forwarded: `for=${FORGED_IP}`,
  'user-agent': AGENT,
};
const RELATION = 'other_relative';
const MEANS = 'through_comrade';

const secretsOf = (r: StoryResult): string[] => [
  r.family.passphrase,
  r.admin.passphrase,
  r.caseworker.passphrase,
  r.admin.totpSecret,
  r.caseworker.totpSecret,
  ...r.family.recoveryCodes,
  ...r.family.recoveryCodes.map((c) => c.replace(/-/g, '')),
  new URL(r.inviteUrl).pathname.split('/').pop()!,
  ...[r.family, r.admin, r.caseworker]
    .flatMap((u) => [...u.visitor.cookies.values()].flatMap((v) => v.split('.')))
    .filter((s) => s.length >= 20),
];

const textMarkers = (t: StoryTexts): string[] => Object.values(t);

const runSweptStory = async (opened: OpenedDb, dataDir: string, databaseUrl = '') => {
  const logFile = path.join(dataDir, 'server.log');
  // debug: the most an operator's log can hold (one line per request, beside every warning and error).
  const logger = createLogger('debug', pino.destination({ dest: logFile, sync: true }));
  const config = loadConfig({ ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'debug' });
  const clock = new ManualClock('2026-03-02T09:00:00.000Z');
  const app = await buildApp({ config, db: opened.db, dialect: opened.dialect, clock, logger });
  const texts = storyTexts();
  const story = await runStory(app, texts, HEADERS);
  // Ends with the family's recovery, which ends its earlier sessions, and its logout.
  const appeals = await appealFlow(story);
  const extra = await strayInput(app, story);
  const tips = await tipsAndBackup(app, story, { dataDir, databaseUrl });
  // One staff member stays logged in: a live session row is part of what a seizure finds.
  await logOut(story.admin.visitor);
  await app.close();
  return { texts, story, logFile, extra: [...extra, ...appeals, ...tips.markers], tipSecrets: tips.secrets };
};

/**
 * Appeals (issue 12): the family writes to an authority from her case, marks it sent, prints it
 * with her name and address typed at print time (not kept), and records the answer. The letter's
 * addressee, subject and text, her name and address and the answer's summary must appear nowhere.
 */
const appealFlow = async (story: StoryResult): Promise<string[]> => {
  const tag = cyrillicTag();
  const m = {
    addressee: `Командиру части ${tag}АДРЕСАТ`,
    subject: `О судьбе сына ${tag}ТЕМА`,
    body: `Прошу сообщить, где мой сын ${tag}ПИСЬМО`,
    fullName: `Иванова Мария ${tag}ФИО`,
    address: `Ростов, ул. Садовая ${tag}АДРЕС`,
    summary: `Ответ: сведений нет ${tag}ОТВЕТВЕДОМСТВА`,
  };
  const v = story.family.visitor;
  const drafted = await v.submit(
    `/cases/${story.caseId}/appeals/new?template=inquiry`,
    `/cases/${story.caseId}/appeals`,
    { addressee: m.addressee, subject: m.subject, body: m.body },
  );
  expect(drafted.status).toBe(200);
  const appealUrl = drafted.url.split('?')[0];
  expect(appealUrl).toMatch(/^\/appeals\/[0-9a-f-]{36}$/);
  expect((await v.submit(appealUrl, `${appealUrl}/send`, { channel: 'post', sent_on: '01.03.2026' })).status).toBe(200);
  const printed = await v.submit(appealUrl, `${appealUrl}/print`, {
    format: 'html',
    full_name: m.fullName,
    postal_address: m.address,
  });
  expect(printed.body).toContain(m.fullName);
  const recorded = await v.submit(appealUrl, `${appealUrl}/steps`, {
    step: 'answer',
    on: '02.03.2026',
    summary: m.summary,
  });
  expect(recorded.body).toContain(m.summary);
  return Object.values(m);
};

/**
 * Tips, files and backups (issue 14): a stranger sends a tip with a photo carrying GPS and a
 * marker in its EXIF, names in the tip, comes back with the code and adds more; staff answer;
 * someone types a wrong code; then a backup is written into the data directory. None of the
 * texts, the names, the file's metadata, the receipt code or the backup passphrase may appear.
 */
const tipsAndBackup = async (
  app: FastifyInstance,
  story: StoryResult,
  where: { dataDir: string; databaseUrl: string },
): Promise<{ markers: string[]; secrets: string[] }> => {
  const tag = cyrillicTag();
  const m = {
    surname: `Тип${tag}`,
    what: `Видел его в подвале ${tag}ПОДСКАЗКА`,
    place: `Подвал ${tag}МЕСТО`,
    added: `Ещё узнал ${tag}ДОПОЛНЕНИЕ`,
    reply: `Спасибо, проверяем ${tag}ОТВЕТТИПУ`,
    fileName: `IMG_${tag}.jpg`,
  };
  const sender = new Visitor(app, HEADERS);
  const page = await sender.get('/tips/new');
  const token = /name="_csrf" value="([^"]+)"/.exec(page.body)![1];
  const { payload, type } = await multipartBody(
    {
      _csrf: token,
      organisation: story.organisationId,
      surname: m.surname,
      what_happened: m.what,
      place: m.place,
      how_known: 'saw_myself',
    },
    { bytes: await jpegWithGps(), name: m.fileName, type: 'image/jpeg' },
  );
  const sent = await app.inject({
    method: 'POST',
    url: '/tips/new',
    payload,
    headers: { ...HEADERS, 'content-type': type, cookie: [...sender.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
  });
  expect(sent.statusCode).toBe(303);
  for (const c of ([] as string[]).concat((sent.headers['set-cookie'] as string[] | string) ?? [])) {
    const [pair] = c.split(';');
    sender.cookies.set(pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1));
  }
  const receipt = await sender.get('/tip/receipt');
  const code = /<code class="secret receipt">([\s\S]*?)<\/code>/.exec(receipt.body)![1].replace(/<wbr\/?>/g, '');
  await sender.submit('/tip', '/tip/leave');
  await sender.submit('/tip', '/tip/open', { code: code.toLowerCase() });
  const added = await sender.submit(null, '/tip/add', { body: m.added });
  expect(added.body).toContain(m.added);
  const tipId = /\/tip\/files\/([0-9a-f-]{36})/.test(added.body) ? 'seen' : '';
  expect(tipId).toBe('seen');
  const queue = await story.caseworker.visitor.get('/staff/tips?filter=sender_wrote');
  const link = /href="(\/staff\/tips\/[0-9a-f-]{36})"/.exec(queue.body)![1];
  const staffTip = await story.caseworker.visitor.get(link);
  expect(staffTip.body).toContain(m.what);
  await story.caseworker.visitor.submit(null, `${link}/reply`, { body: m.reply });
  // A wrong code typed by someone else: refused, counted under a hash, never kept.
  const wrongCode = `${code.replace(/-/g, '').slice(0, 8)}ZZZZZZZZZZZZZZZZ`;
  const refused = await new Visitor(app, HEADERS).submit('/tip', '/tip/open', { code: wrongCode });
  expect(refused.status).toBe(400);
  // A backup, written into the data directory the sweep reads.
  const passphrase = `фраза резервной копии ${tag}`;
  const config = loadConfig({ ...process.env, DATA_DIR: where.dataDir, DATABASE_URL: where.databaseUrl });
  await createBackup(
    { config, clock: systemClock },
    path.join(where.dataDir, 'backup.ktb'),
    { kind: 'passphrase', passphrase, argon2: config.argon2 },
    systemPrincipal('admin_cli'),
  );
  return {
    markers: [...Object.values(m), GPS_MARK, 'Мать солдата'],
    secrets: [code, code.replace(/-/g, ''), code.replace(/-/g, '').slice(8), wrongCode.slice(8), passphrase],
  };
};

/**
 * Text that is typed but never saved must leave no trace either: a staff search, a case form
 * refused for a missing field (its narrative echoed back to the family only), a failed login.
 */
const strayInput = async (app: FastifyInstance, story: StoryResult): Promise<string[]> => {
  const tag = cyrillicTag();
  const search = `Поиск${tag}`;
  const refused = `Отклонённый рассказ ${tag}`;
  const loginName = `вход${tag}`;
  const loginPass = `неверная фраза ${tag}`;
  const found = await story.caseworker.visitor.submit('/staff/search', '/staff/search', { q: search });
  expect(found.status).toBe(200);
  expect(shows(found, search)).toBe(true); // the query was taken (and shown back only to its author)
  const echoed = await story.family.visitor.submit('/cases/new', '/cases/new', {
    organisation: story.organisationId,
    narrative: refused,
    wants_to_learn: refused,
    relation: 'mother',
  });
  expect(echoed.status).toBe(400);
  expect(echoed.body).toContain(refused);
  const failed = await new Visitor(app, HEADERS).submit('/login', '/login', {
    pseudonym: loginName,
    passphrase: loginPass,
  });
  expect(failed.status).toBe(400);
  // Malformed requests fail before any handler: their content must not reach the log either.
  const junk = `Мусор${tag}`;
  const bad = [
    { url: '/login', type: 'application/json', payload: `{"pseudonym": "${junk}` },
    {
      url: `/cases/${encodeURIComponent(junk)}`,
      type: 'application/x-www-form-urlencoded',
      payload: `body=${encodeURIComponent(junk)}`,
    },
    {
      url: `/login?q=${encodeURIComponent(junk)}`,
      type: 'application/x-www-form-urlencoded',
      payload: `a=${'б'.repeat(1_100_000)}`,
    },
    { url: '/login', type: 'multipart/form-data', payload: `--x\r\n${junk}` },
  ];
  for (const b of bad) {
    const res = await app.inject({
      method: 'POST',
      url: b.url,
      headers: { ...HEADERS, 'content-type': b.type },
      payload: b.payload,
    });
    expect(res.statusCode, b.url).toBeGreaterThanOrEqual(400);
    expect(res.statusCode, b.url).toBeLessThan(500);
  }
  // The family comes back with a recovery code and a new passphrase: neither may be kept in clear.
  const newPass = `новая фраза после восстановления ${tag}`;
  const fam = new Visitor(app, HEADERS);
  const recovered = await fam.submit('/recover', '/recover', {
    pseudonym: story.family.pseudonym,
    code: story.family.recoveryCodes[0],
    passphrase: newPass,
    confirm: newPass,
  });
  expect(recovered.status).toBe(200);
  expect(recovered.url).not.toBe('/recover');
  const stale = await story.family.visitor.request('GET', '/my/cases', undefined, false);
  expect(stale.headers.location, 'a recovery ends the earlier sessions').toBe('/login?next=%2Fmy%2Fcases');
  await logOut(fam);
  return [search, refused, loginName, loginPass, junk, newPass];
};

describe('sentinel sweep on SQLite: no marker anywhere the server writes', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kintrace-sweep-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('finds the markers only where they belong: decrypted on the pages, nowhere on disk or in logs', async () => {
    const before = tmpSnapshot();
    const opened = await freshDb('sqlite', path.join(dataDir, 'kintrace.sqlite'));
    const { texts, story, logFile, extra, tipSecrets } = await runSweptStory(opened, dataDir);

    // Not vacuous: the texts went in and came back out decrypted, the log has the requests.
    expect(story.familyCasePage.body).toContain(texts.staffMessage);
    expect(story.staffCasePage.body).toContain(texts.narrative);
    const log = fs.readFileSync(logFile, 'utf8');
    expect(log).toMatch(/"route":"\/cases\/:id"/);
    expect(log).toMatch(/"statusCode":303/);

    // Read the raw files while the database is still open: the -wal and -shm exist only then.
    const walFiles = filesUnder(dataDir).map((f) => path.basename(f));
    expect(walFiles).toEqual(expect.arrayContaining(['kintrace.sqlite', 'kintrace.sqlite-wal', 'server.log']));
    const markers = [
      ...textMarkers(texts),
      ...extra,
      FORGED_IP,
      AGENT,
      'SentinelAgent',
      RELATION,
      MEANS,
      ...secretsOf(story),
      ...tipSecrets,
    ];
    const files = [...filesUnder(dataDir), ...newTmpFiles(before, [dataDir])];
    expect(files.map((f) => path.basename(f))).toContain('backup.ktb');
    // Positive control: what is in clear on purpose (a pseudonym, a person's name) is found, so
    // the search does read the database files and does match Cyrillic text.
    expect(searchFiles(files, [story.family.pseudonym, 'Демидов']).map((h) => h.marker)).toEqual(
      expect.arrayContaining([story.family.pseudonym, 'Демидов']),
    );
    expect(searchFiles(files, markers)).toEqual([]);
    await opened.close();
    expect(searchFiles(filesUnder(dataDir), markers)).toEqual([]);
  });
});

/** Markers found in any binary (bytea) column of any table. */
const binaryHits = async (db: Db, markers: string[]): Promise<string[]> => {
  const cols = await sql<{ table_name: string; column_name: string }>`
    SELECT table_name, column_name FROM information_schema.columns
    WHERE table_schema = 'public' AND data_type = 'bytea'`.execute(db);
  expect(cols.rows.length).toBeGreaterThan(0);
  const hits: string[] = [];
  for (const { table_name, column_name } of cols.rows) {
    const rows = await sql<{
      v: Buffer | null;
    }>`SELECT ${sql.ref(`${table_name}.${column_name}`)} AS v FROM ${sql.table(table_name)}`.execute(db);
    for (const r of rows.rows)
      for (const m of markers)
        if (r.v && (r.v.includes(Buffer.from(m, 'utf8')) || r.v.includes(Buffer.from(m, 'utf16le'))))
          hits.push(`${table_name}.${column_name}: ${m}`);
  }
  return hits;
};

/** Every text column of every table, as one string per row value. */
const dumpAllText = async (db: Db): Promise<string[]> => {
  const cols = await sql<{ table_name: string; column_name: string }>`
    SELECT table_name, column_name FROM information_schema.columns
    WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'character', 'json', 'jsonb')`.execute(
    db,
  );
  expect(cols.rows.length).toBeGreaterThan(20);
  const out: string[] = [];
  for (const { table_name, column_name } of cols.rows) {
    const rows = await sql<{
      v: string | null;
    }>`SELECT ${sql.ref(`${table_name}.${column_name}`)}::text AS v FROM ${sql.table(table_name)}`.execute(db);
    for (const r of rows.rows) if (r.v !== null) out.push(`${table_name}.${column_name}=${r.v}`);
  }
  return out;
};

describe('sentinel sweep on PostgreSQL: no marker in any text column of any table', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kintrace-sweep-pg-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('the dump of every text column holds no marker, the log and data directory neither', async () => {
    const url = await freshPgUrl();
    const opened = openPostgres(url);
    await migrateToLatest(opened.db);
    try {
      const { texts, story, logFile, extra, tipSecrets } = await runSweptStory(opened, dataDir, url);
      const dump = await dumpAllText(opened.db);
      // Not vacuous: the dump has the person's names (in clear on purpose) and the ciphertexts.
      expect(dump.some((v) => v.includes('Демидов'))).toBe(true);
      expect(dump.some((v) => v.startsWith('cases.narrative_sealed=g1.'))).toBe(true);
      const markers = [
        ...textMarkers(texts),
        ...extra,
        FORGED_IP,
        AGENT,
        'SentinelAgent',
        RELATION,
        MEANS,
        ...secretsOf(story),
        ...tipSecrets,
      ];
      expect(dump.filter((v) => markers.some((m) => v.includes(m)))).toEqual([]);
      // Binary columns (uploaded files) hold none of it either, in any encoding.
      expect(await binaryHits(opened.db, markers)).toEqual([]);
      expect(fs.readFileSync(logFile, 'utf8')).toMatch(/"route":"\/cases\/:id"/);
      expect(searchFiles(filesUnder(dataDir), markers)).toEqual([]);
    } finally {
      await opened.close();
    }
  });
});
