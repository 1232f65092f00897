import { beforeAll, describe, expect, it } from 'vitest';
import { countRows, DIALECTS } from '../../test/helpers/db.ts';
import { browserOf, expectNotSent, expectRefused, sendWithoutCookie, textarea } from '../../test/helpers/not-sent.ts';
import { useWorld } from '../cases/cases.fixtures.ts';
import { parsePartialDate } from '../people/partial-date.ts';
import { grantMatching } from '../policy/matching.policy.ts';
import { principalOf } from '../policy/principal.ts';
import { createIncident } from './incidents.service.ts';

// A caseworker writes down an incident (sixty men of one colony in one assault), its facts and
// their sources; meanwhile the browser loses the CSRF cookie. The form comes back filled in, said
// at the top of the page with the way down to it (src/web/form-not-sent.ts); nothing is saved;
// sent again, it is. Another site's post and anyone not of the organisation's case staff get the
// plain refusal.

const MARK = 'МАРКЕР-CSRF-ИНЦИДЕНТ-4410';
const DESCRIPTION = `Штурм у посёлка, шестьдесят человек из одной колонии ${MARK}`;

describe.each(DIALECTS)('incident forms whose CSRF cookie was lost (%s)', (dialect) => {
  const s = useWorld(dialect);
  let incident: string;

  beforeAll(async () => {
    const grant = grantMatching(principalOf(s.w.caseworker.auth), 'incident_edit');
    incident = await createIncident({ db: s.t.opened.db, clock: s.t.clock }, grant, {
      title: 'Штурм у посёлка',
      date: parsePartialDate('03.2026') ?? undefined,
    });
  });

  const count = (table: 'incidents' | 'incident_facts' | 'incident_sources') => countRows(s.t.opened.db, table);

  it('a new incident comes back with its description; nothing created; sent again, it is', async () => {
    const before = await count('incidents');
    const fields = { title: 'Колония 11', date: '03.2026', place: 'Работино', description: DESCRIPTION };
    const list = '/staff/incidents';
    const { visitor, res } = await sendWithoutCookie(s.t.app, s.w.caseworker, list, list, fields);
    expectNotSent(res);
    expect(res.body).toMatch(/Форма не отправлена[^<]*<a href="#new-h">Перейти к форме<\/a>/);
    expect(res.body).toMatch(textarea('description', DESCRIPTION));
    expect(res.body).toContain('value="Работино"');
    expect(await count('incidents')).toBe(before);
    const sent = await visitor.submit(null, list);
    expect(sent.url).toMatch(/^\/staff\/incidents\/[0-9a-f-]{36}\?done=created$/);
    expect(await count('incidents')).toBe(before + 1);
  });

  it('a fact and a source come back in their open forms, in English too; nothing added', async () => {
    const page = `/staff/incidents/${incident}`;
    const facts = await count('incident_facts');
    const fact = { kind: 'death_reported', date: '03.2026', place: `Работино ${MARK}`, verification: 'reported' };
    const { visitor, res } = await sendWithoutCookie(s.t.app, s.w.caseworker, page, `${page}/facts`, fact);
    expectNotSent(res);
    expect(res.body).toMatch(/<a href="#facts-h">Перейти к форме<\/a>/);
    expect(res.body).toContain(`value="${fact.place}"`);
    expect(res.body).toMatch(/<option value="death_reported" selected/);
    expect(await count('incident_facts')).toBe(facts);
    await visitor.submit(null, `${page}/facts`);
    expect(await count('incident_facts')).toBe(facts + 1);

    const sources = await count('incident_sources');
    const citation = `Список погибших, опубликованный родственниками ${MARK}`;
    const en = await sendWithoutCookie(s.t.app, s.w.caseworker, `${page}?lang=en`, `${page}/sources`, {
      kind: 'news',
      citation,
    });
    expectNotSent(en.res, 'en');
    expect(en.res.body).toMatch(/<a href="#sources-h">Go to the form<\/a>/);
    expect(en.res.body).toContain(`value="${citation}"`);
    expect(await count('incident_sources')).toBe(sources);
  });

  it('another site, a family and another organisation get the plain refusal; nothing is saved', async () => {
    const before = await Promise.all([count('incidents'), count('incident_facts'), count('incident_sources')]);
    const page = `/staff/incidents/${incident}`;
    const cross = await sendWithoutCookie(
      s.t.app,
      s.w.caseworker,
      page,
      `${page}/sources`,
      { kind: 'news', citation: MARK },
      { 'sec-fetch-site': 'cross-site' },
    );
    expectRefused(cross.res, MARK);
    const tries: Array<[typeof s.w.family, string, Record<string, string>]> = [
      [s.w.family, '/staff/incidents', { title: 'x', date: '2026', description: MARK }],
      [s.w.family, `${page}/facts`, { kind: 'captured', date: '2026', place: MARK }],
      [s.w.otherOrgCaseworker, `${page}/sources`, { kind: 'news', citation: MARK }],
      [s.w.otherOrgCaseworker, `${page}/facts`, { kind: 'captured', date: '2026', place: MARK }],
    ];
    for (const [user, action, fields] of tries) {
      const res = await browserOf(s.t.app, user).request('POST', action, { ...fields, _csrf: 'forged' }, false);
      expectRefused(res, MARK);
      expect(res.body, action).not.toContain('Штурм у посёлка');
    }
    expect(await Promise.all([count('incidents'), count('incident_facts'), count('incident_sources')])).toEqual(before);
  });
});
