import { beforeAll, describe, expect, it } from 'vitest';
import { expectAxeClean, hasHorizontalScroll, phoneContext, shotsOf } from '../../test/helpers/browser.ts';
import { submitForm } from '../../test/helpers/factories.ts';
import { useBrowserWorld } from '../cases/browser-world.test-helper.ts';
import { caseInput } from '../cases/cases.fixtures.ts';
import { openCase } from '../cases/cases.service.ts';
import { importForOrganisation } from '../imports/imports.service.ts';
import { forgetIndexes } from '../matching/index-registry.ts';
import { runMatching } from '../matching/scoring.service.ts';
import { systemPrincipal } from '../policy/principal.ts';
import { parseForm } from '../shared/validation.ts';
import { submitTip } from '../tips/tip-intake.service.ts';
import { tipSchema } from '../tips/tips.schema.ts';
import { postCollective, saveTemplateBody } from './appeals.fixtures.ts';
import { currentTemplate } from './directory.service.ts';

// The staff's pages whose dates moved onto the organisation's day (staff-day.routes.test.ts and
// its neighbours in guides/, imports/ and matching/), on a phone with JavaScript off, in Russian and English:
// what was made at 23:30 UTC on 1 March (02:30 on 2 March in Moscow) reads 02.03.2026, the page
// fits 360 px and axe finds nothing serious. KT_SHOTS=1 keeps the screenshots.

const shot = shotsOf('staff-day');

describe("the staff's dates on a phone without JavaScript", () => {
  const world = useBrowserWorld();
  const matching = { pair: '', record: '', tip: '' };

  beforeAll(async () => {
    const { app, db, config } = world.run;
    const clock = world.app.clock;
    const { w } = world;
    clock.set('2026-03-01T23:30:00.000Z');
    const made = await postCollective(app, w.caseworker.cookies, 'Просим сообщить о судьбе наших родных.', [
      w.caseId,
      w.otherCaseId,
    ]);
    expect(made.statusCode).toBe(303);
    const tpl = (await currentTemplate(db, 'inquiry'))!;
    const saved = await saveTemplateBody(app, w.editor.cookies, tpl, 'Ночная правка: {{person.full_name}}');
    expect(saved.res.statusCode).toBe(303);
    const guide = await submitForm(
      app,
      '/editor/guides/new',
      { slug: 'night-guide', lang: 'ru', title: 'Ночная статья', markdown: 'Текст' },
      w.editor.cookies,
    );
    expect(guide.res.statusCode).toBe(303);
    const list = new TextEncoder().encode('record_id,surname,given_name,birth_date\n1,Ночной,Пётр,1990\n');
    const meta = { sourceName: 'Ночной список', sourceKind: 'news' as const, verification: 'reported' as const };
    const org = { id: w.orgA.id, publicKey: w.orgA.publicKey };
    expect(
      await importForOrganisation({ db, clock, config }, systemPrincipal('import'), org, meta, list),
    ).toMatchObject({ state: 'done', added: 1 });
    // A pair decided (its record merged), and a tip scored against the records.
    forgetIndexes();
    const deps = { db, clock, config };
    await openCase(deps, w.otherFamily.auth, caseInput(w.orgA.id, { surname: 'Ivanov', given_name: 'Pyotr' }));
    await runMatching(deps, systemPrincipal('scheduler'));
    const queue = await app.inject({ method: 'GET', url: '/staff/matches', cookies: w.caseworker.cookies });
    matching.pair = `/staff/matches/${/href="\/staff\/matches\/([0-9a-f-]{36})"/.exec(queue.body)?.[1]}`;
    const decided = await submitForm(app, matching.pair, { decision: 'same' }, w.caseworker.cookies);
    expect(decided.res.statusCode).toBe(303);
    const pair = await app.inject({ method: 'GET', url: matching.pair, cookies: w.caseworker.cookies });
    matching.record = /href="(\/staff\/people\/[0-9a-f-]{36})"/.exec(pair.body)?.[1] ?? '';
    const tip = await submitTip(
      deps,
      parseForm(tipSchema('2026-03-02'), {
        organisation: w.orgA.id,
        surname: 'Иванов',
        given_name: 'Петя',
        birth_date: '12.05.1998',
        what_happened: 'Видел его в подвале',
        how_known: 'other',
      }),
    );
    const scored = await db
      .selectFrom('tip_matches')
      .select('id')
      .where('tip_id', '=', tip.tipId)
      .executeTakeFirstOrThrow();
    matching.tip = `/staff/matches/tips/${scored.id}`;
  });

  const pages = (): Array<[string, string, Record<string, string>]> => [
    ['collective', '/staff/collective', world.w.caseworker.cookies],
    ['templates', '/editor/templates', world.w.editor.cookies],
    ['template', '/editor/templates/inquiry', world.w.editor.cookies],
    ['guide', '/guides/night-guide', {}],
    ['guides', '/editor/guides', world.w.editor.cookies],
    ['imports', '/staff/imports', world.w.caseworker.cookies],
    ['pair', matching.pair, world.w.caseworker.cookies],
    ['record', matching.record, world.w.caseworker.cookies],
    ['tip-match', matching.tip, world.w.caseworker.cookies],
  ];

  it('shows 02.03.2026, never the UTC day before, in Russian and English at 360 px', async () => {
    for (const [label, url, cookies] of pages())
      for (const lang of ['ru', 'en']) {
        const ctx = await phoneContext(world.browser, world.run.baseUrl, cookies);
        const page = await ctx.newPage();
        const res = await page.goto(`${world.run.baseUrl}${url}?lang=${lang}`);
        expect(res?.status(), `${label}-${lang}`).toBe(200);
        const text = (await page.locator('main').textContent()) ?? '';
        expect(text, `${label}-${lang}`).toContain('02.03.2026');
        expect(text, `${label}-${lang}`).not.toContain('01.03.2026');
        expect(await hasHorizontalScroll(page), `${label}-${lang}`).toBe(false);
        await expectAxeClean(page, `${label}-${lang}`);
        await shot(page, `${label}-${lang}`);
        await ctx.close();
      }
    // Nine pages in two languages, each with an axe pass: 36 s alone, near the default minute beside
    // other browser tests on two cores.
  }, 180_000);
});
