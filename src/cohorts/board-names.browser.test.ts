import { beforeAll, describe, expect, it } from 'vitest';
import { useBrowserWorld } from '../cases/browser-world.test-helper.ts';
import { expectAxeClean, hasHorizontalScroll, phoneContext, shotsOf } from '../../test/helpers/browser.ts';
import { principalOf } from '../policy/principal.ts';
import { grantFor } from '../cases/cases.fixtures.ts';
import { authoriseOptIn, cohortsOfCase, setOptIn } from './cohorts.service.ts';

// Two mothers whose sons serve in one unit share its board, on phones with JavaScript off. The
// board showed each post under the family's login pseudonym: anyone on it, an informer included,
// learnt what to type to guess the account's passphrase or to lock it (five wrong passphrases, a
// quarter of an hour). Now the first mother's post reads «Семья 4821» (a number of that board
// alone); she tries her login as her name there and is refused, what she typed kept; she chooses
// «Мама из Шахт», and her earlier post shows it to the other mother and to the staff. The staff
// may give her the label back (moderation of names), in either language; she is told so on her
// board, and may choose another name but not that one again.

const shot = shotsOf('board-names');

describe("a family's name on a cohort board", () => {
  const world = useBrowserWorld();
  let boardId: string;

  beforeAll(async () => {
    const { run, w, app } = world;
    const deps = { db: run.db, clock: run.clock };
    // The world's two cases share the unit в/ч 12345: both families join its board.
    for (const [user, caseId] of [
      [w.family, w.caseId],
      [w.otherFamily, w.otherCaseId],
    ] as const)
      await setOptIn(deps, await authoriseOptIn(run.db, principalOf(user.auth), caseId), { optIn: true });
    const cohorts = await cohortsOfCase(deps, await grantFor(app, w.family, w.caseId, 'read'));
    boardId = cohorts.cohorts[0].boardId!;
  });

  it('shows a board label, never the login, and lets the family choose another name but its login', async () => {
    const first = await (await phoneContext(world.browser, world.run.baseUrl, world.w.family.cookies)).newPage();
    await first.goto(`${world.run.baseUrl}/cohorts/${boardId}`);
    await first.getByLabel('Ваше сообщение').fill('Есть кто из роты связи?');
    await first.getByRole('button', { name: 'Отправить' }).click();
    await first.getByText('Сообщение отправлено.').waitFor();
    const mine = (await first.locator('article header strong').first().textContent()) ?? '';
    expect(mine).toMatch(/^Семья [1-9]\d{3}$/);
    await first.getByText('(это вы)').waitFor();
    expect(await first.locator('body').textContent()).not.toContain(world.w.family.pseudonym);

    // The other mother reads the post under the label; nothing on her page names the login.
    const second = await (await phoneContext(world.browser, world.run.baseUrl, world.w.otherFamily.cookies)).newPage();
    await second.goto(`${world.run.baseUrl}/cohorts/${boardId}`);
    await second.locator('article header').getByText(mine, { exact: true }).waitFor();
    expect(await second.content()).not.toContain(world.w.family.pseudonym);
    // Her own label is another one, and the page tells her how she shows.
    const hers = (await second.getByText('На этой доске вас видят как').locator('strong').textContent()) ?? '';
    expect(hers).toMatch(/^Семья [1-9]\d{3}$/);
    expect(hers).not.toBe(mine);
    expect(await hasHorizontalScroll(second)).toBe(false);
    await expectAxeClean(second, 'board (other family)');
    await shot(second, 'other-family');

    // Her login as her name on the board: refused, said at the top and beside the field, kept.
    const field = first.getByLabel('Своё имя на этой доске (необязательно)');
    await field.fill(world.w.family.pseudonym);
    await first.getByRole('button', { name: 'Сохранить имя' }).click();
    await first.getByText('Не сохранено: исправьте ошибку в форме ниже.').waitFor();
    await first.locator('.field-error').getByText('совпадает с именем, под которым вы входите').waitFor();
    expect(await field.inputValue()).toBe(world.w.family.pseudonym);
    expect(await hasHorizontalScroll(first)).toBe(false);
    await expectAxeClean(first, 'board name refused');
    await shot(first, 'name-refused');

    await field.fill('Мама из Шахт');
    await first.getByRole('button', { name: 'Сохранить имя' }).click();
    await first.getByText('Имя сохранено: на этой доске вас видят как «Мама из Шахт».').waitFor();
    await first.locator('article header').getByText('Мама из Шахт', { exact: true }).waitFor();
    expect(await hasHorizontalScroll(first)).toBe(false);
    await expectAxeClean(first, 'board named');
    await shot(first, 'named');

    // The post written before the name shows it too, to the other family and to the staff.
    await second.reload();
    await second.locator('article header').getByText('Мама из Шахт', { exact: true }).waitFor();
    const staff = await (await phoneContext(world.browser, world.run.baseUrl, world.w.caseworker.cookies)).newPage();
    await staff.goto(`${world.run.baseUrl}/cohorts/${boardId}`);
    await staff.locator('article header').getByText('Мама из Шахт', { exact: true }).waitFor();
    expect(await staff.content()).not.toContain(world.w.family.pseudonym);
    await shot(staff, 'staff');

    // A name that should not stand: staff give the family its label back, and her posts read it.
    const reset = staff.getByRole('button', { name: 'Сбросить имя семьи' });
    await reset.click();
    await staff.getByText('Имя сброшено: сообщения этой семьи снова подписаны именем, которое дал сайт.').waitFor();
    await staff.locator('article header').getByText(mine, { exact: true }).waitFor();
    expect(await reset.count()).toBe(0);
    expect(await hasHorizontalScroll(staff)).toBe(false);
    await expectAxeClean(staff, 'board name reset (staff)');
    await shot(staff, 'name-reset');
    // She is told, at the top of her board, and shows as her label again.
    await first.goto(`${world.run.baseUrl}/cohorts/${boardId}`);
    const told = first.locator('p.notice', { hasText: 'сотрудники организации сбросили имя, которое вы выбрали' });
    await told.waitFor();
    expect(await told.textContent()).toContain(`Теперь ваши сообщения здесь подписаны «${mine}».`);
    expect(await hasHorizontalScroll(first)).toBe(false);
    await expectAxeClean(first, 'board told of the reset');
    await shot(first, 'told-reset');
    // The same name again (however spelt) is refused, what she typed kept; another is saved.
    await told.getByRole('link', { name: 'Выбрать другое имя' }).click();
    await field.fill('мама из шахт');
    await first.getByRole('button', { name: 'Сохранить имя' }).click();
    await first.getByText('Не сохранено: исправьте ошибку в форме ниже.').waitFor();
    await first
      .locator('.field-error')
      .getByText('Это имя на этой доске уже сбросили сотрудники организации')
      .waitFor();
    expect(await field.inputValue()).toBe('мама из шахт');
    expect(await hasHorizontalScroll(first)).toBe(false);
    await expectAxeClean(first, 'board reset name refused');
    await shot(first, 'reset-name-refused');
    await field.fill('Мама с Дона');
    await first.getByRole('button', { name: 'Сохранить имя' }).click();
    await first.getByText('Имя сохранено: на этой доске вас видят как «Мама с Дона».').waitFor();
    expect(await told.count()).toBe(0);
    // The staff page in English offers the same reset, and says the family is told.
    await staff.goto(`${world.run.baseUrl}/cohorts/${boardId}?lang=en`);
    await staff.getByRole('button', { name: "Reset the family's name" }).click();
    await staff.getByText("Name reset: this family's posts are signed again with the name the site gave.").waitFor();
    await staff.locator('article header').getByText(mine.replace('Семья', 'Family'), { exact: true }).waitFor();
    expect(await hasHorizontalScroll(staff)).toBe(false);
    await shot(staff, 'name-reset-en');
    // In English she is told too, and refused the name again, kept.
    await first.goto(`${world.run.baseUrl}/cohorts/${boardId}?lang=en`);
    const toldEn = first.locator('p.notice', { hasText: "the organisation's staff reset the name you had chosen" });
    await toldEn.waitFor();
    expect(await toldEn.textContent()).toContain(
      `Your posts here are now signed “${mine.replace('Семья', 'Family')}”.`,
    );
    expect(await hasHorizontalScroll(first)).toBe(false);
    await shot(first, 'told-reset-en');
    const fieldEn = first.getByLabel('A name of your own on this board (optional)');
    await fieldEn.fill('МАМА С ДОНА');
    await first.getByRole('button', { name: 'Save the name' }).click();
    await first.getByText('Not saved: correct the error in the form below.').waitFor();
    await first
      .locator('.field-error')
      .getByText("The organisation's staff reset this name on this board before")
      .waitFor();
    expect(await fieldEn.inputValue()).toBe('МАМА С ДОНА');
    expect(await hasHorizontalScroll(first)).toBe(false);
    await expectAxeClean(first, 'board reset name refused (en)');
    await shot(first, 'reset-name-refused-en');

    // In English the label reads "Family 1234", the form the same.
    await second.goto(`${world.run.baseUrl}/cohorts/${boardId}?lang=en`);
    await second.getByText('On this board you appear as').waitFor();
    expect((await second.getByText('On this board you appear as').locator('strong').textContent()) ?? '').toMatch(
      /^Family [1-9]\d{3}$/,
    );
    await second.getByLabel('A name of your own on this board (optional)').waitFor();
    expect(await hasHorizontalScroll(second)).toBe(false);
    await shot(second, 'other-family-en');
    for (const p of [first, second, staff]) await p.context().close();
  });

  it('refuses a name in look-alike letters of another script, or one that passes for the moderators, kept', async () => {
    const page = await (await phoneContext(world.browser, world.run.baseUrl, world.w.otherFamily.cookies)).newPage();
    for (const lang of ['ru', 'en'] as const) {
      const ru = lang === 'ru';
      await page.goto(`${world.run.baseUrl}/cohorts/${boardId}?lang=${lang}`);
      const field = page.getByLabel(
        ru ? 'Своё имя на этой доске (необязательно)' : 'A name of your own on this board (optional)',
      );
      const save = page.getByRole('button', { name: ru ? 'Сохранить имя' : 'Save the name' });
      const notSaved = ru
        ? 'Не сохранено: исправьте ошибку в форме ниже.'
        : 'Not saved: correct the error in the form below.';
      // «Мама с Дона» with a Greek omicron: to a reader, another family's name.
      const greek = 'Мама с Д\u03bfна';
      await field.fill(greek);
      await save.click();
      await page.getByText(notSaved).waitFor();
      await page
        .locator('.field-error')
        .getByText(ru ? 'Только буквы кириллицы или латиницы' : 'Only Cyrillic or Latin letters')
        .waitFor();
      expect(await field.inputValue()).toBe(greek);
      expect(await hasHorizontalScroll(page)).toBe(false);
      await expectAxeClean(page, `board name in another script refused (${lang})`);
      await shot(page, `other-script-refused-${lang}`);
      const moderators = ru ? 'Модерация доски' : 'Moderation';
      await field.fill(moderators);
      await save.click();
      await page.getByText(notSaved).waitFor();
      await page
        .locator('.field-error')
        .getByText(ru ? 'за сотрудников организации' : "for the organisation's staff")
        .waitFor();
      expect(await field.inputValue()).toBe(moderators);
      expect(await hasHorizontalScroll(page)).toBe(false);
      await shot(page, `moderators-refused-${lang}`);
    }
    await page.context().close();
  });
});
