import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import type { TestApp } from '../../test/helpers/app.ts';
import type { TestUser } from '../../test/helpers/factories.ts';
import { DAY } from '../shared/clock.ts';
import { parsePartialDate } from '../people/partial-date.ts';
import { PUBLIC, principalOf } from '../policy/principal.ts';
import { caseInput, useWorld, type World } from '../cases/cases.fixtures.ts';
import { openCase } from '../cases/cases.service.ts';
import {
  announce,
  authoriseCasePublication,
  authoriseRecord,
  publicationView,
  publish,
  withdraw,
} from './publication.service.ts';
import { publicRecord } from './registry-read.service.ts';
import { confirmDeath } from './registry.fixtures.ts';

// Rule P5: a family is told that a publication is being prepared, and has REGISTRY_NOTICE_DAYS to
// refuse, before anything about her person is published. A withdrawn record (an error, a risk to
// someone, a relative's request) could be published again at once: the family's first notice,
// months old, still counted (and the family had since been told it was withdrawn), and so did a
// waiver recorded for the first publication. Re-announcing did not tell her again either: she
// counted as "already told". Now a withdrawn record goes public again only after a new notice
// round — every family told again, and the days counted from then — or a waiver recorded anew.

const SOURCES = {
  sources: [{ title: 'Извещение военного комиссариата', date: parsePartialDate('02.2026'), url: null }],
};
const deps = (t: TestApp) => ({
  db: t.opened.db,
  clock: t.clock,
  config: { registryNoticeDays: 7, timeZone: 'Europe/Moscow' },
});
const as = (u: TestUser) => principalOf(u.auth);

const confirmedDeath = (t: TestApp, w: World, caseId: string) =>
  confirmDeath({ db: t.opened.db, clock: t.clock }, w.verifier.auth, caseId);

describe.each(DIALECTS)('publishing a withdrawn record again (%s)', (dialect) => {
  const s = useWorld(dialect);
  const planned = async (caseId: string, recordId: string) =>
    (
      await s.t.opened.db
        .selectFrom('case_news')
        .select('created_on')
        .where('case_id', '=', caseId)
        .where('ref_id', '=', recordId)
        .where('kind', '=', 'publication_planned')
        .orderBy('created_on')
        .execute()
    ).map((r) => r.created_on);
  const publishAs = async (caseId: string) => {
    const pub = await authoriseCasePublication(s.t.opened.db, as(s.w.verifier), caseId, 'publish');
    return publish(deps(s.t), pub.grant, pub.ref, SOURCES);
  };
  const announceAs = async (caseId: string, waiver?: 'family_asked') => {
    const a = await authoriseCasePublication(
      s.t.opened.db,
      as(s.w.verifier),
      caseId,
      waiver ? 'waive_notice' : 'announce',
    );
    return announce(deps(s.t), a.grant as never, a.ref, waiver);
  };
  const withdrawAs = async (recordId: string, reason: 'error' | 'safety') => {
    const w = await authoriseRecord(s.t.opened.db, as(s.w.verifier), recordId, 'withdraw');
    await withdraw(deps(s.t), w.grant, recordId, reason);
  };
  const canPublish = async (caseId: string) => {
    const { grant, ref } = await authoriseCasePublication(s.t.opened.db, as(s.w.verifier), caseId, 'desk');
    return (await publicationView(deps(s.t), grant, ref)).can.publish;
  };

  it('tells the family again and waits the notice days again', async () => {
    const { t, w } = s;
    await confirmedDeath(t, w, w.caseId);
    const recordId = await announceAs(w.caseId);
    t.clock.advance(7 * DAY);
    await publishAs(w.caseId);
    t.clock.advance(30 * DAY);
    await withdrawAs(recordId, 'error');

    // Straight from "withdrawn": no new notice, so no.
    expect(await canPublish(w.caseId)).toBe(false);
    await expect(publishAs(w.caseId)).rejects.toMatchObject({ problems: [{ key: 'registry.errors.tellFirst' }] });
    await expect(publicRecord(t.opened.db, PUBLIC, recordId)).rejects.toMatchObject({ kind: 'not_found' });

    // A new announcement tells her again, and the days run from it.
    const before = await planned(w.caseId, recordId);
    await announceAs(w.caseId);
    expect(await planned(w.caseId, recordId)).toEqual([...before, '2026-04-08']);
    await expect(publishAs(w.caseId)).rejects.toMatchObject({ problems: [{ key: 'registry.errors.tellFirst' }] });
    t.clock.advance(7 * DAY);
    expect(await canPublish(w.caseId)).toBe(true);
    await publishAs(w.caseId);
    expect((await publicRecord(t.opened.db, PUBLIC, recordId)).id).toBe(recordId);
  });

  it('does not reuse the waiver of the first publication', async () => {
    const { t, w } = s;
    await confirmedDeath(t, w, w.otherCaseId);
    const recordId = await announceAs(w.otherCaseId, 'family_asked');
    await publishAs(w.otherCaseId);
    await withdrawAs(recordId, 'safety');
    expect(await canPublish(w.otherCaseId)).toBe(false);
    await expect(publishAs(w.otherCaseId)).rejects.toMatchObject({
      problems: [{ key: 'registry.errors.tellFirst' }],
    });
    // A waiver recorded anew (the verifier decides again, and it is audited) allows it at once.
    await announceAs(w.otherCaseId, 'family_asked');
    await publishAs(w.otherCaseId);
    expect((await publicRecord(t.opened.db, PUBLIC, recordId)).id).toBe(recordId);
  });

  // Two requests about one soldier (a mother's and a wife's, merged by the linkage). The mother
  // asks for publication and the verifier records it: that waived the notice for the wife too,
  // who was told the same day the record went public, with no days to say "do not publish".
  it('waives only the notice of the family the reason was recorded for; another family still gets its days', async () => {
    const { t, w } = s;
    const db = t.opened.db;
    const cdeps = { db, clock: t.clock };
    const mother = await openCase(cdeps, w.family.auth, caseInput(w.orgA.id, { surname: 'Двоев' }));
    const wife = await openCase(cdeps, w.otherFamily.auth, caseInput(w.orgA.id, { surname: 'Двоев' }));
    const { person_id } = await db
      .selectFrom('cases')
      .select('person_id')
      .where('id', '=', mother.caseId)
      .executeTakeFirstOrThrow();
    await db.updateTable('cases').set({ person_id }).where('id', '=', wife.caseId).execute();
    await db.updateTable('events').set({ person_id }).where('case_id', '=', wife.caseId).execute();
    await confirmedDeath(t, w, mother.caseId);

    const recordId = await announceAs(mother.caseId, 'family_asked');
    const told = t.clock.now().toISOString().slice(0, 10);
    expect(await planned(wife.caseId, recordId)).toEqual([told]);
    expect(await canPublish(mother.caseId)).toBe(false);
    await expect(publishAs(mother.caseId)).rejects.toMatchObject({ problems: [{ key: 'registry.errors.tellFirst' }] });
    await expect(publicRecord(db, PUBLIC, recordId)).rejects.toMatchObject({ kind: 'not_found' });

    t.clock.advance(7 * DAY);
    expect(await canPublish(mother.caseId)).toBe(true);
    await publishAs(mother.caseId);
    expect((await publicRecord(db, PUBLIC, recordId)).id).toBe(recordId);
  });
});
