import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { useWorld } from '../cases/cases.fixtures.ts';
import { generateKeyPair, randomKey } from '../shared/crypto/index.ts';
import { cleanFile } from './file-rules.ts';
import { GPS_MARK, hasGpsIfd, jpegWithGps, pdfWithMetadata } from './evidence.fixtures.ts';
import { deleteScope, fileHeads, readFile, storeFile } from './evidence.service.ts';

describe.each(DIALECTS)('evidence store (%s)', (dialect) => {
  const s = useWorld(dialect);
  const db = () => s.t.opened.db;

  it('keeps a clean copy and, when asked, the sealed original with its hash; nothing in clear', async () => {
    const key = randomKey();
    const scope = `case:${s.w.caseId}`;
    const photo = await jpegWithGps();
    const file = await cleanFile(photo);
    const id = await db()
      .transaction()
      .execute((tx) =>
        storeFile(tx, {
          scope,
          caseId: s.w.caseId,
          sealing: { kind: 'symmetric', key },
          file,
          keepOriginal: true,
          day: '2026-03-02',
        }),
      );
    const row = await db().selectFrom('evidence_files').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    for (const col of [row.content, row.original, Buffer.from(row.meta_sealed), Buffer.from(row.key_wrapped)]) {
      expect(Buffer.from(col!).includes(Buffer.from(GPS_MARK))).toBe(false);
      expect(Buffer.from(col!).includes(Buffer.from(file.originalSha256))).toBe(false);
      expect(Buffer.from(col!).includes(Buffer.from('image/jpeg'))).toBe(false);
    }
    const clean = await readFile(db(), { id, scope }, { kind: 'symmetric', key });
    expect(clean.mime).toBe('image/jpeg');
    expect(clean.filename).not.toContain('IMG');
    expect((await sharp(clean.bytes).metadata()).exif).toBeUndefined();
    const original = await readFile(db(), { id, scope }, { kind: 'symmetric', key }, 'original');
    expect(original.bytes.equals(photo)).toBe(true);
    expect(hasGpsIfd((await sharp(original.bytes).metadata()).exif)).toBe(true);
    const heads = await fileHeads(db(), scope, [id], { kind: 'symmetric', key });
    expect(heads.get(id)).toMatchObject({ hasOriginal: true, originalSha256: file.originalSha256, mime: 'image/jpeg' });
    // Another scope, another key: nothing opens.
    await expect(readFile(db(), { id, scope: 'case:other' }, { kind: 'symmetric', key })).rejects.toThrow();
    await expect(readFile(db(), { id, scope }, { kind: 'symmetric', key: randomKey() })).rejects.toThrow();
  });

  it('seals a file to a public key (a tip): only the private key opens it, no original unless asked', async () => {
    const org = generateKeyPair();
    const scope = 'tip:t-1';
    const file = await cleanFile(await pdfWithMetadata());
    const id = await db()
      .transaction()
      .execute((tx) =>
        storeFile(tx, {
          scope,
          caseId: null,
          sealing: { kind: 'public', publicKey: org.publicKey },
          file,
          keepOriginal: false,
          day: '2026-03-02T10:11:12.000Z',
        }),
      );
    const opened = await readFile(db(), { id, scope }, { kind: 'private', privateKey: org.privateKey });
    expect(opened.mime).toBe('application/pdf');
    expect(opened.bytes.includes(Buffer.from(GPS_MARK))).toBe(false);
    await expect(
      readFile(db(), { id, scope }, { kind: 'private', privateKey: org.privateKey }, 'original'),
    ).rejects.toMatchObject({ kind: 'not_found' });
    await expect(
      readFile(db(), { id, scope }, { kind: 'private', privateKey: generateKeyPair().privateKey }),
    ).rejects.toThrow();
    const row = await db()
      .selectFrom('evidence_files')
      .select(['created_on', 'original'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ created_on: '2026-03-02', original: null });
    expect(
      await db()
        .transaction()
        .execute((tx) => deleteScope(tx, scope)),
    ).toBe(1);
  });

  it('goes with its case when the case row is deleted (retention)', async () => {
    const file = await cleanFile(await jpegWithGps());
    const caseId = s.w.otherCaseId;
    await db()
      .transaction()
      .execute((tx) =>
        storeFile(tx, {
          scope: `case:${caseId}`,
          caseId,
          sealing: { kind: 'symmetric', key: randomKey() },
          file,
          keepOriginal: false,
          day: '2026-03-02',
        }),
      );
    const count = async () =>
      Number(
        (
          await db()
            .selectFrom('evidence_files')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('case_id', '=', caseId)
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await count()).toBe(1);
    await db()
      .transaction()
      .execute(async (tx) => {
        for (const t of ['case_key_wraps', 'case_news', 'events'] as const)
          await tx.deleteFrom(t).where('case_id', '=', caseId).execute();
        await tx.deleteFrom('cases').where('id', '=', caseId).execute();
      });
    expect(await count()).toBe(0);
  });
});
