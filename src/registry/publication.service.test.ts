import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { DAY } from '../shared/clock.ts';
import { parsePartialDate } from '../people/partial-date.ts';
import { PUBLIC, principalOf, systemPrincipal } from '../policy/principal.ts';
import { familyToldAbout } from '../cases/case-news.service.ts';
import { addEvent } from '../cases/events.service.ts';
import { closeCase } from '../cases/case-work.service.ts';
import { runRetention } from '../cases/retention.service.ts';
import { grantFor, useWorld, type World } from '../cases/cases.fixtures.ts';
import type { TestApp } from '../../test/helpers/app.ts';
import type { TestUser } from '../../test/helpers/factories.ts';
import {
  announce,
  authoriseCasePublication,
  authoriseRecord,
  chooseFamilyPublication,
  correct,
  publicationView,
  publish,
  withdraw,
} from './publication.service.ts';
import { publicRecord, publicRecords } from './registry-read.service.ts';
import { statistics } from './statistics.service.ts';

// The publication path end to end through the services, on both databases: the rules, telling
// the family first, publishing, the public view, the tallies, correcting, withdrawing, the
// family's "do not publish", and the record outliving its case.

const SOURCES = {
  sources: [{ title: 'Извещение военного комиссариата', date: parsePartialDate('02.2026'), url: null }],
};

const deathEvent = async (t: TestApp, w: World, caseId: string, over: Record<string, unknown> = {}) =>
  addEvent(
    { db: t.opened.db, clock: t.clock },
    await grantFor(t, w.verifier, caseId, 'add_event'),
    {
      kind: 'death_confirmed',
      date: parsePartialDate('2026-01-20') ?? undefined,
      source: 'official',
      place: 'Бахмут',
      description: undefined,
      verification: 'confirmed',
      ...over,
    },
    { reason: 'Извещение военкомата' },
  );

const deps = (t: TestApp) => ({
  db: t.opened.db,
  clock: t.clock,
  config: { registryNoticeDays: 7, timeZone: 'Europe/Moscow' },
});
const as = (u: TestUser) => principalOf(u.auth);

describe.each(DIALECTS)('publication (%s)', (dialect) => {
  const s = useWorld(dialect);

  it('publishes a confirmed death only after the family was told, then shows it, counts it and withdraws it', async () => {
    const { t, w } = s;
    const d = deps(t);
    const db = t.opened.db;
    // Before any confirmed fact: the rules say no, and the page offers nothing.
    let { grant, ref } = await authoriseCasePublication(db, as(w.verifier), w.caseId, 'desk');
    let view = await publicationView(d, grant, ref);
    expect(view.qualification.problems).toContain('status_not_published');
    expect(view.can).toMatchObject({ announce: false, publish: false });

    await deathEvent(t, w, w.caseId);
    view = await publicationView(d, grant, ref);
    expect(view.qualification).toMatchObject({ status: 'dead', basis: 'official', problems: [] });
    expect(view.preview).toMatchObject({ surname: 'Иванов', name_latin: 'Ivanov Pyotr Sergeevich', birth_year: 1998 });
    expect(view.can).toMatchObject({ announce: true, publish: false });

    // Telling the family first: a news item in her case, then seven days.
    const ann = await authoriseCasePublication(db, as(w.verifier), w.caseId, 'announce');
    const recordId = await announce(d, ann.grant, ann.ref);
    expect(await familyToldAbout(db, w.caseId, recordId)).toMatchObject({ told: true, on: '2026-03-02' });
    await expect(publicRecord(db, PUBLIC, recordId)).rejects.toMatchObject({ kind: 'not_found' });
    const pub = await authoriseCasePublication(db, as(w.verifier), w.caseId, 'publish');
    await expect(publish(d, pub.grant, pub.ref, SOURCES)).rejects.toMatchObject({
      problems: [{ key: 'registry.errors.tellFirst' }],
    });

    t.clock.advance(7 * DAY);
    ({ grant, ref } = await authoriseCasePublication(db, as(w.verifier), w.caseId, 'desk'));
    view = await publicationView(d, grant, ref);
    expect(view.notice).toMatchObject({ satisfied: true, publishableFrom: '2026-03-09' });
    await publish(d, pub.grant, pub.ref, SOURCES);

    const r = await publicRecord(db, PUBLIC, recordId);
    expect(r).toMatchObject({
      surname: 'Иванов',
      status: 'dead',
      date: { value: '2026-01-20', precision: 'day' },
      place: 'Бахмут',
      region: 'RU-ROS',
      basis: 'official',
      sources: [{ title: 'Извещение военного комиссариата', date: { value: '2026-02', precision: 'month' } }],
    });
    // Only the listed fields: nothing about the family or the case leaves through the record.
    expect(Object.keys(r).sort()).toEqual(
      [
        'id',
        'surname',
        'givenName',
        'patronymic',
        'nameLatin',
        'birthYear',
        'region',
        'unitNumber',
        'unitName',
        'rank',
        'category',
        'status',
        'date',
        'place',
        'basis',
        'publishedAt',
        'updatedAt',
        'sources',
        'corrections',
      ].sort(),
    );
    expect(JSON.stringify(r)).not.toContain('МАРКЕР-НАРРАТИВ');
    let stats = await statistics(db, {});
    expect(stats.totals).toMatchObject({ deaths: 1, missing: 0 });
    const rostov = stats.regions.find((x) => x.region === 'RU-ROS')!;
    expect(rostov).toMatchObject({ deaths: 1, population_year: 2021 });
    expect(rostov.deaths_per_100k).toBeCloseTo((1 / rostov.population!) * 100_000, 2);
    expect(stats.months).toEqual([{ month: '2026-01', deaths: 1, missing: 0 }]);
    expect((await statistics(db, { from: '2026-02' })).totals.deaths).toBe(0);
    expect((await statistics(db, { category: 'contract' })).totals.deaths).toBe(0);
    expect((await publicRecords(db, PUBLIC, { q: 'ivanov' })).total).toBe(1);
    // A Latin «o» typed into the Cyrillic name (a mixed keyboard layout) finds it too.
    expect((await publicRecords(db, PUBLIC, { q: 'Иванoв' })).total).toBe(1);

    // A correction: a new date of death on the timeline moves the record and its tally.
    await deathEvent(t, w, w.caseId, { date: parsePartialDate('2026-01') ?? undefined, kind: 'death_reported' });
    const cor = await authoriseRecord(db, as(w.verifier), recordId, 'correct');
    await correct(d, cor.grant, recordId, { ...SOURCES, note: 'Уточнено место' });
    expect((await publicRecord(db, PUBLIC, recordId)).corrections).toEqual([
      { on: '2026-03-09', note: 'Уточнено место' },
    ]);

    // The family says "do not publish": the record is gone at once, from pages and counts.
    await chooseFamilyPublication(d, await grantFor(t, w.family, w.caseId, 'choose_publication'), true);
    await expect(publicRecord(db, PUBLIC, recordId)).rejects.toMatchObject({ kind: 'not_found' });
    stats = await statistics(db, {});
    expect(stats.totals.deaths).toBe(0);
    ({ grant, ref } = await authoriseCasePublication(db, as(w.verifier), w.caseId, 'desk'));
    view = await publicationView(d, grant, ref);
    expect(view.qualification.problems).toEqual(['family_opted_out']);
    expect(view.can.announce).toBe(false);
    const again = await authoriseCasePublication(db, as(w.verifier), w.caseId, 'announce');
    await expect(announce(d, again.grant, again.ref)).rejects.toMatchObject({
      problems: [{ key: 'registry.problems.family_opted_out' }],
    });
  });

  it('keeps publishing to verifiers and admins of the case organisation', async () => {
    const { t, w } = s;
    const db = t.opened.db;
    for (const u of [w.caseworker, w.editor, w.otherOrgAdmin, w.otherOrgCaseworker, w.family])
      await expect(authoriseCasePublication(db, as(u), w.otherCaseId, 'publish')).rejects.toMatchObject({
        kind: 'not_found',
      });
    await expect(authoriseCasePublication(db, PUBLIC, w.otherCaseId, 'publish')).rejects.toMatchObject({
      kind: 'not_found',
    });
    expect((await authoriseCasePublication(db, as(w.admin), w.otherCaseId, 'publish')).grant.organisationId).toBe(
      w.orgA.id,
    );
    await expect(authoriseCasePublication(db, as(w.verifier), 'not-a-uuid', 'desk')).rejects.toMatchObject({
      kind: 'not_found',
    });
  });

  it('publishes at once with a recorded reason, withdraws, and the record outlives its purged case', async () => {
    const { t, w } = s;
    const d = deps(t);
    const db = t.opened.db;
    await deathEvent(t, w, w.otherCaseId, { kind: 'missing', date: parsePartialDate('02.2026') ?? undefined });
    const waive = await authoriseCasePublication(db, as(w.admin), w.otherCaseId, 'waive_notice');
    const recordId = await announce(d, waive.grant, waive.ref, 'family_asked');
    const pub = await authoriseCasePublication(db, as(w.admin), w.otherCaseId, 'publish');
    await publish(d, pub.grant, pub.ref, SOURCES);
    expect(await publicRecord(db, PUBLIC, recordId)).toMatchObject({ status: 'missing', date: { value: '2026-02' } });
    expect((await statistics(db, {})).totals.missing).toBe(1);

    // The case closes and is destroyed by retention; what was published stays public.
    await closeCase({ db, clock: t.clock }, await grantFor(t, w.admin, w.otherCaseId, 'close'), 'death_confirmed');
    t.clock.advance(91 * DAY);
    const report = await runRetention({ db, clock: t.clock }, { days: 90, principal: systemPrincipal('retention') });
    expect(report.failed).toBe(0);
    expect(await publicRecord(db, PUBLIC, recordId)).toMatchObject({ surname: 'Петров' });

    // Withdrawn by a verifier (no case left: the record page still works).
    const wd = await authoriseRecord(db, as(w.verifier), recordId, 'withdraw');
    await withdraw(d, wd.grant, recordId, 'error');
    await expect(publicRecord(db, PUBLIC, recordId)).rejects.toMatchObject({ kind: 'not_found' });
    expect((await statistics(db, {})).totals.missing).toBe(0);
    await expect(withdraw(d, wd.grant, recordId, 'error')).rejects.toMatchObject({
      problems: [{ key: 'registry.errors.stateChanged' }],
    });
    await expect(authoriseRecord(db, as(w.otherOrgAdmin), recordId, 'withdraw')).rejects.toMatchObject({
      kind: 'not_found',
    });
  });
});
