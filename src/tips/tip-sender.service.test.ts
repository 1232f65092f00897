import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { useWorld } from '../cases/cases.fixtures.ts';
import { parseForm } from '../shared/validation.ts';
import { tipSenderPrincipal } from '../policy/principal.ts';
import { submitTip } from './tip-intake.service.ts';
import { authoriseTip, openTipAccess } from './tip-access.service.ts';
import { addToTip, deleteTip } from './tip-sender.service.ts';
import { loadTipSession } from './tip-sessions.service.ts';
import { tipSchema } from './tips.schema.ts';

// A sender deletes their tip: the page promises it goes at once and for ever. On SQLite the
// write-ahead log keeps the pages as they were before a delete until a checkpoint empties it;
// the tip's key wraps and ciphertexts must not wait there for the next retention run.

describe.each(DIALECTS)("a sender's deletion (%s)", (dialect) => {
  const s = useWorld(dialect);
  const deps = () => ({ db: s.t.opened.db, clock: s.t.clock, config: s.t.config });

  it('leaves nothing of the tip in the database files, the write-ahead log included', async () => {
    const sent = await submitTip(
      deps(),
      parseForm(tipSchema('2026-03-02'), {
        organisation: s.w.orgA.id,
        what_happened: 'Видел его в Курске. МАРКЕР-УДАЛЕНИЕ',
        how_known: 'other',
      }),
    );
    const visit = await loadTipSession(s.t.opened.db, sent.cookie, s.t.clock, 30);
    const db = s.t.opened.db;
    const principal = tipSenderPrincipal(sent.tipId);
    await addToTip(
      deps(),
      await openTipAccess(db, await authoriseTip(db, principal, sent.tipId, 'add'), visit!.key),
      'Ещё',
    );
    const sealed = await db
      .selectFrom('tips')
      .select(['key_org_sealed', 'key_code_sealed', 'content_sealed'])
      .where('id', '=', sent.tipId)
      .executeTakeFirstOrThrow();
    const post = await db
      .selectFrom('tip_posts')
      .select('body_sealed')
      .where('tip_id', '=', sent.tipId)
      .executeTakeFirstOrThrow();
    await deleteTip(
      deps(),
      await openTipAccess(db, await authoriseTip(db, principal, sent.tipId, 'delete'), visit!.key),
    );
    expect(await db.selectFrom('tips').select('id').where('id', '=', sent.tipId).execute()).toEqual([]);
    if (dialect === 'sqlite') {
      const file = path.join(s.t.dataDir, 'kintrace.sqlite');
      for (const f of [file, `${file}-wal`]) {
        const bytes = fs.existsSync(f) ? fs.readFileSync(f) : Buffer.alloc(0);
        for (const gone of [sealed.key_org_sealed, sealed.key_code_sealed, sealed.content_sealed, post.body_sealed])
          expect(bytes.includes(Buffer.from(gone)), `${path.basename(f)} holds a ciphertext`).toBe(false);
      }
    }
  });
});
