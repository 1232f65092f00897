import { beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { submitForm } from '../../test/helpers/factories.ts';
import { grantFor, useWorld } from '../cases/cases.fixtures.ts';
import { principalOf } from '../policy/principal.ts';
import { authoriseOptIn, cohortsOfCase, setOptIn } from './cohorts.service.ts';

// Moderation of a family's name on a board, through the pages: staff see a reset button on the
// posts of a family that chose a name (families never do); it gives the family its label back,
// says so, and a second click is told there is nothing to reset. The family is told on its board
// page, in its language, and may not choose the same name again. The board's post box says its
// length limit once. Both databases.

describe.each(DIALECTS)("resetting a family's name on a board (%s)", (dialect) => {
  const s = useWorld(dialect);
  let board: string;

  beforeAll(async () => {
    const deps = { db: s.t.opened.db, clock: s.t.clock };
    for (const [user, caseId] of [
      [s.w.family, s.w.caseId],
      [s.w.otherFamily, s.w.otherCaseId],
    ] as const)
      await setOptIn(deps, await authoriseOptIn(s.t.opened.db, principalOf(user.auth), caseId), { optIn: true });
    board = (await cohortsOfCase(deps, await grantFor(s.t, s.w.caseworker, s.w.caseId, 'read'))).cohorts[0].boardId!;
  });

  const page = (cookies: Record<string, string>, query = '') =>
    s.t.app.inject({ method: 'GET', url: `/cohorts/${board}${query}`, cookies });

  it('leads a family back to its request, warns it off naming its town, and gives staff no such link', async () => {
    const ru = await page(s.w.family.cookies);
    // «к вашему запросу», in the words of the rest of the site: «к вашей просьбе» read as something
    // else she had asked for (QA walk 9).
    expect(ru.body).toContain(`<a href="/cases/${s.w.caseId}#cohorts">Вернуться к вашему запросу</a>`);
    expect(ru.body).toContain('город');
    expect(ru.body).not.toContain('Шахт');
    const en = await page(s.w.family.cookies, '?lang=en');
    expect(en.body).toContain(`<a href="/cases/${s.w.caseId}#cohorts">Back to your request</a>`);
    expect(en.body).toContain('your town');
    expect((await page(s.w.caseworker.cookies)).body).not.toContain('#cohorts">');
  });

  it('offers staff the reset on a named family’s post, resets it once, and tells them', async () => {
    const url = `/cohorts/${board}`;
    await submitForm(s.t.app, url, { body: 'Есть кто из роты связи?' }, s.w.family.cookies, `${url}/posts`);
    const unnamed = await page(s.w.caseworker.cookies);
    // No chosen name: nothing to reset, no button.
    expect(unnamed.body).not.toContain('/reset-name"');
    const label = /<strong>(Семья \d{4})<\/strong>/.exec(unnamed.body)![1];
    await submitForm(s.t.app, url, { display_name: 'Мама из Шахт' }, s.w.family.cookies, `${url}/name`);

    const staff = await page(s.w.caseworker.cookies);
    const action = /action="(\/cohorts\/[^"]+\/posts\/[^"]+\/reset-name)"/.exec(staff.body)![1];
    expect(staff.body).toContain('Сбросить имя семьи');
    for (const family of [s.w.family, s.w.otherFamily]) {
      const seen = await page(family.cookies);
      expect(seen.body).toContain('Мама из Шахт');
      expect(seen.body).not.toContain('/reset-name"');
    }

    const reset = await submitForm(s.t.app, url, {}, s.w.verifier.cookies, action);
    expect(reset.res.statusCode).toBe(303);
    expect(reset.res.headers.location).toMatch(new RegExp(`^/cohorts/${board}\\?done=nameReset#post-`));
    const after = await page(s.w.verifier.cookies, '?done=nameReset');
    expect(after.body).toContain('Имя сброшено: сообщения этой семьи снова подписаны именем, которое дал сайт.');
    expect(after.body).not.toContain('Мама из Шахт');
    expect(after.body).toContain(`<strong>${label}</strong>`);
    expect(after.body).not.toContain('/reset-name"');
    const en = await page(s.w.verifier.cookies, '?done=nameReset&lang=en');
    expect(en.body).toContain("Name reset: this family's posts are signed again with the name the site gave.");
    // The family is told, with its label, and offered the form to choose another name.
    const own = await page(s.w.family.cookies);
    expect(own.body).toContain(
      `сотрудники организации сбросили имя, которое вы выбрали на этой доске: например, по нему вас могли узнать. Теперь ваши сообщения здесь подписаны «${label}».`,
    );
    expect(own.body).toContain('<a href="#name-h">Выбрать другое имя</a>');

    // A second click (another staff member's, an old tab) is told the board changed; the
    // language link of that answer goes to the board, not to the form's address.
    const again = await submitForm(s.t.app, url, {}, s.w.caseworker.cookies, action);
    expect(again.res.statusCode).toBe(409);
    expect(again.res.body).toContain('Действие не выполнено: данные изменились. Обновите страницу.');
    expect(again.res.body).toContain(`href="/cohorts/${board}?lang=en"`);
    // A family posting to it is "not found", as for anything it may not do.
    const refused = await submitForm(s.t.app, url, {}, s.w.family.cookies, action);
    expect(refused.res.statusCode).toBe(404);
  });

  it('tells the family its name was reset and refuses the same name, what it typed kept, in Russian and English', async () => {
    const url = `/cohorts/${board}`;
    const choose = (display_name: string, lang = '') =>
      submitForm(s.t.app, url, { display_name }, s.w.family.cookies, `${url}/name${lang}`);
    expect((await choose('Мама из Ростова')).res.statusCode).toBe(303);
    expect((await page(s.w.family.cookies)).body).toContain('На этой доске вас видят как');
    const staff = await page(s.w.caseworker.cookies);
    const action = /action="(\/cohorts\/[^"]+\/posts\/[^"]+\/reset-name)"/.exec(staff.body)![1];
    expect((await submitForm(s.t.app, url, {}, s.w.caseworker.cookies, action)).res.statusCode).toBe(303);
    const day = s.t.clock.now().toISOString().slice(0, 10).split('-').reverse().join('.');

    const ru = await page(s.w.family.cookies);
    expect(ru.body).toContain(`<p class="notice">${day} сотрудники организации сбросили имя, которое вы выбрали`);
    expect(ru.body).not.toContain('На этой доске вас видят как');
    const en = await page(s.w.family.cookies, '?lang=en');
    expect(en.body).toMatch(
      new RegExp(
        `On ${day.replace(/\./g, '\\.')} the organisation's staff reset the name you had chosen on this board, for example because it could identify you\\. Your posts here are now signed “Family \\d{4}”\\. You may choose another name, but not the same one again\\.`,
      ),
    );
    expect(en.body).toContain('<a href="#name-h">Choose another name</a>');
    // The other family and the staff are told nothing of it.
    for (const other of [s.w.otherFamily, s.w.caseworker])
      expect((await page(other.cookies)).body).not.toContain('сбросили имя, которое вы выбрали');

    // The same name again, spelt otherwise: refused on the field, said at the top, kept.
    for (const [lang, said] of [
      [
        '',
        'Это имя на этой доске уже сбросили сотрудники организации: например, по нему вас могли узнать. Выберите другое.',
      ],
      [
        '?lang=en',
        "The organisation's staff reset this name on this board before, for example because it could identify you. Choose another one.",
      ],
    ] as const) {
      const refused = await choose('мама из  ростова', lang);
      expect(refused.res.statusCode, lang).toBe(400);
      expect(refused.res.body, lang).toContain(said);
      expect(refused.res.body, lang).toContain('value="мама из  ростова"');
      expect(refused.res.body, lang).toContain(
        lang ? 'Not saved: correct the error in the form below.' : 'Не сохранено: исправьте ошибку в форме ниже.',
      );
    }
    expect((await page(s.w.family.cookies)).body).toContain('сотрудники организации сбросили имя');

    // Another name: saved, and the notice goes.
    const saved = await choose('Мама с Дона');
    expect(saved.res.statusCode).toBe(303);
    const after = await page(s.w.family.cookies);
    expect(after.body).toContain('На этой доске вас видят как <strong>Мама с Дона</strong>');
    expect(after.body).not.toContain('сбросили имя');
  });

  it('says the post box’s length limit once under it, in Russian and English', async () => {
    const hint = async (lang: string) => {
      const body = (await page(s.w.family.cookies, lang)).body;
      return /<small id="body-hint">([^<]*)<\/small>/.exec(body)![1];
    };
    expect(await hint('')).toBe('Без имён, телефонов и адресов. Не больше 2\u00a0000 символов.');
    expect(await hint('?lang=en')).toBe('No names, phone numbers or addresses. Up to 2,000 characters.');
  });
});
