import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { caseInput, useWorld } from '../cases/cases.fixtures.ts';
import { openCase } from '../cases/cases.service.ts';
import { familyToldAbout } from '../cases/case-news.service.ts';
import { principalOf } from '../policy/principal.ts';
import type { TestApp } from '../../test/helpers/app.ts';
import type { World } from '../cases/cases.fixtures.ts';
import { announce, authoriseCasePublication, publicationView, publish } from './publication.service.ts';
import { confirmDeath } from './registry.fixtures.ts';

// Rule P5's days (a family is told a publication is being prepared, then waits REGISTRY_NOTICE_DAYS)
// are the organisation's days (TIME_ZONE, Moscow by default), as the appeals' deadlines are, not
// UTC's. They were UTC's: a mother told at 00:30 in Moscow (21:30 UTC the day before) had her
// notice counted from the day before, and a death could be published at 23:59 on her sixth
// evening; one told at 23:30 in Moscow waited into an eighth day. On both databases.

const SOURCES = { sources: [{ title: 'Извещение военного комиссариата', date: null, url: null }] };

describe.each(DIALECTS)('the notice before publication, in local days (%s)', (dialect) => {
  const s = useWorld(dialect);
  const deps = (t: TestApp, timeZone = 'Europe/Moscow') => ({
    db: t.opened.db,
    clock: t.clock,
    config: { registryNoticeDays: 7, timeZone },
  });

  /** A confirmed death in a new case of the family's, and the family told of its publication now. */
  const toldNow = async (t: TestApp, w: World, surname: string, timeZone?: string) => {
    const { caseId } = await openCase(
      { db: t.opened.db, clock: t.clock },
      w.family.auth,
      caseInput(w.orgA.id, { surname }),
    );
    await confirmDeath({ db: t.opened.db, clock: t.clock }, w.verifier.auth, caseId);
    const a = await authoriseCasePublication(t.opened.db, principalOf(w.verifier.auth), caseId, 'announce');
    const recordId = await announce(deps(t, timeZone), a.grant, a.ref);
    return { caseId, recordId };
  };
  const notice = async (t: TestApp, w: World, caseId: string, timeZone?: string) => {
    const { grant, ref } = await authoriseCasePublication(t.opened.db, principalOf(w.verifier.auth), caseId, 'desk');
    const view = await publicationView(deps(t, timeZone), grant, ref);
    return { ...view.notice, canPublish: view.can.publish };
  };
  const tryPublish = async (t: TestApp, w: World, caseId: string) => {
    const p = await authoriseCasePublication(t.opened.db, principalOf(w.verifier.auth), caseId, 'publish');
    return publish(deps(t), p.grant, p.ref, SOURCES).then(
      () => 'published',
      (err: { problems?: Array<{ key: string }> }) => err.problems?.[0]?.key ?? err,
    );
  };

  it('counts from the Moscow day a family told at 00:30 Moscow (21:30 UTC) was told, to Moscow midnight', async () => {
    const { t, w } = s;
    t.clock.set('2026-03-02T21:30:00.000Z'); // 00:30 on 3 March in Moscow
    const { caseId, recordId } = await toldNow(t, w, 'Полуночный');
    // Her news item carries her day; seven days from it.
    expect(await familyToldAbout(t.opened.db, caseId, recordId)).toMatchObject({ told: true, on: '2026-03-03' });
    expect(await notice(t, w, caseId)).toMatchObject({ publishableFrom: '2026-03-10', satisfied: false });
    // 23:59 on 9 March in Moscow (20:59 UTC): still her seventh day.
    t.clock.set('2026-03-09T20:59:00.000Z');
    expect(await notice(t, w, caseId)).toMatchObject({ satisfied: false, canPublish: false });
    expect(await tryPublish(t, w, caseId)).toBe('registry.errors.tellFirst');
    // Midnight in Moscow (21:00 UTC): the notice is over.
    t.clock.set('2026-03-09T21:00:00.000Z');
    expect(await notice(t, w, caseId)).toMatchObject({ satisfied: true, canPublish: true });
    expect(await tryPublish(t, w, caseId)).toBe('published');
  });

  it('counts from the same day for a family told at 23:30 Moscow (20:30 UTC), open from Moscow midnight', async () => {
    const { t, w } = s;
    t.clock.set('2026-03-12T20:30:00.000Z'); // 23:30 on 12 March in Moscow
    const { caseId, recordId } = await toldNow(t, w, 'Вечерний');
    expect(await familyToldAbout(t.opened.db, caseId, recordId)).toMatchObject({ on: '2026-03-12' });
    expect(await notice(t, w, caseId)).toMatchObject({ publishableFrom: '2026-03-19' });
    t.clock.set('2026-03-18T20:59:00.000Z'); // 23:59 on 18 March in Moscow
    expect(await notice(t, w, caseId)).toMatchObject({ satisfied: false });
    // 00:30 on 19 March in Moscow, still 18 March in UTC: her seven days are over.
    t.clock.set('2026-03-18T21:30:00.000Z');
    expect(await notice(t, w, caseId)).toMatchObject({ satisfied: true, canPublish: true });
    expect(await tryPublish(t, w, caseId)).toBe('published');
  });

  it("follows the deployment's TIME_ZONE: a deployment set to UTC counts UTC days", async () => {
    const { t, w } = s;
    t.clock.set('2026-03-22T21:30:00.000Z');
    const { caseId, recordId } = await toldNow(t, w, 'Гринвичев', 'UTC');
    expect(await familyToldAbout(t.opened.db, caseId, recordId)).toMatchObject({ on: '2026-03-22' });
    expect(await notice(t, w, caseId, 'UTC')).toMatchObject({ publishableFrom: '2026-03-29' });
    // 23:30 UTC on 28 March: still the 28th in UTC, already 29 March in Vladivostok (UTC+10).
    t.clock.set('2026-03-28T23:30:00.000Z');
    expect(await notice(t, w, caseId, 'UTC')).toMatchObject({ satisfied: false });
    expect(await notice(t, w, caseId, 'Asia/Vladivostok')).toMatchObject({ satisfied: true });
  });
});
