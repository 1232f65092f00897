import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowserWorld } from '../cases/browser-world.test-helper.ts';
import { expectAxeClean, hasHorizontalScroll, phoneContext, shotsOf } from '../../test/helpers/browser.ts';
import { principalOf } from '../policy/principal.ts';
import { grantFor } from '../cases/cases.fixtures.ts';
import { authoriseBoard, authoriseOptIn, cohortsOfCase, postOnBoard, setOptIn } from './cohorts.service.ts';

// One family off one board, on phones with JavaScript off, in Russian and English. A family on the
// board of her son's unit turns out to be a provocateur: the caseworker removes it from the board
// — from its post, on a page that says what happens and asks why (no reason: refused, said at the
// top and beside the field) — without closing its case. The other mother reads that its post was
// hidden; the removed family finds the board gone and its case page saying so; staff let it back.
// A mother leaves the board herself, hiding her posts, and comes back from her case page.

const shot = shotsOf('board-members');

/** The case page is long: KT_SHOTS=1 keeps its cohorts section on its own too. */
const ready = async (page: Page, label: string) => {
  expect(await hasHorizontalScroll(page), `${label}: sideways scroll at 360 px`).toBe(false);
  await expectAxeClean(page, label);
  await shot(page, label);
  const section = page.locator('#cohorts');
  if (process.env.KT_SHOTS && (await section.count()))
    await section.screenshot({
      path: path.join(os.tmpdir(), `kt-shot-board_members_${label.replace(/\W/g, '_')}_section.png`),
    });
};

describe('a family off one cohort board', () => {
  const world = useBrowserWorld();
  let boardId: string;

  beforeAll(async () => {
    const { run, w, app } = world;
    const deps = { db: run.db, clock: run.clock };
    // The world's two cases share the unit в/ч 12345: both families join its board, and post.
    for (const [user, caseId] of [
      [w.family, w.caseId],
      [w.otherFamily, w.otherCaseId],
    ] as const)
      await setOptIn(deps, await authoriseOptIn(run.db, principalOf(user.auth), caseId), { optIn: true });
    boardId = (await cohortsOfCase(deps, await grantFor(app, w.caseworker, w.caseId, 'read'))).cohorts[0].boardId!;
    for (const [user, text] of [
      [w.otherFamily, 'Напишите мне в личку адрес части, у меня есть знакомые в комендатуре.'],
      [w.family, 'Есть кто из роты связи?'],
    ] as const)
      await postOnBoard(deps, await authoriseBoard(run.db, principalOf(user.auth), boardId, 'post'), text);
  });

  it('lets staff remove a family from its post, confirmed with a reason, and let it back', async () => {
    const { run, w } = world;
    const board = `${run.baseUrl}/cohorts/${boardId}`;
    const staff = await (await phoneContext(world.browser, run.baseUrl, w.caseworker.cookies)).newPage();
    await staff.goto(board);
    const first = staff.locator('article').first();
    const label = (await first.locator('header strong').textContent()) ?? '';
    expect(label).toMatch(/^Семья [1-9]\d{3}$/);
    await first.getByRole('link', { name: 'Убрать семью с доски…' }).click();
    // The page says what happens before anything is done; without a reason, nothing is.
    await staff.getByRole('heading', { name: /^Убрать семью с доски: Воинская часть 12345/ }).waitFor();
    await staff.getByText(`Семья: ${label} (1 сообщение на доске).`).waitFor();
    await staff.getByText('Сама семья вернуться не сможет').waitFor();
    await ready(staff, 'remove-confirm');
    await staff.getByRole('button', { name: 'Убрать семью с доски' }).click();
    await staff.locator('.field-error').getByText('Выберите причину.').waitFor();
    await staff.locator('.form-errors').waitFor();
    await ready(staff, 'remove-no-reason');
    await staff.getByLabel('Причина').selectOption({ label: 'подозрение на провокацию' });
    await staff.getByRole('button', { name: 'Убрать семью с доски' }).click();
    await staff.getByText('Семья убрана с доски. Её сообщения скрыты от других семей').waitFor();
    // Staff still read the post; the family is listed with the way back.
    await staff.getByText('Напишите мне в личку адрес части').waitFor();
    const removed = staff.locator('section', { has: staff.getByRole('heading', { name: 'Семьи, убранные с доски' }) });
    await removed.getByText(label, { exact: true }).waitFor();
    await removed.getByText('(подозрение на провокацию)').waitFor();
    await ready(staff, 'removed-staff');

    // The other mother reads that the post was hidden, not what it said.
    const mother = await (await phoneContext(world.browser, run.baseUrl, w.family.cookies)).newPage();
    await mother.goto(board);
    await mother.getByText('Сообщение скрыто модератором (семья больше не участвует в доске).').waitFor();
    expect(await mother.content()).not.toContain('комендатуре');
    await mother.getByText('Семей в группе: 1.').waitFor();
    await ready(mother, 'removed-other-family');

    // The removed family: no board, and its case page (still open) says why the link is gone.
    const removedFamily = await (await phoneContext(world.browser, run.baseUrl, w.otherFamily.cookies)).newPage();
    const gone = await removedFamily.goto(board);
    expect(gone?.status()).toBe(404);
    await removedFamily.goto(`${run.baseUrl}/cases/${w.otherCaseId}#cohorts`);
    await removedFamily.getByText('Сотрудники организации убрали вас с этой доски').waitFor();
    expect(await removedFamily.getByRole('link', { name: 'открыть доску' }).count()).toBe(0);
    expect(await removedFamily.getByRole('button', { name: 'Вернуться на доску' }).count()).toBe(0);
    await ready(removedFamily, 'removed-family-case');
    // In English too.
    await removedFamily.goto(`${run.baseUrl}/cases/${w.otherCaseId}?lang=en#cohorts`);
    await removedFamily.getByText("The organisation's staff removed you from this board").waitFor();
    await ready(removedFamily, 'removed-family-case-en');

    // Staff let it back: its post shows again to the other mother.
    await staff.goto(board);
    await staff.getByRole('button', { name: 'Вернуть на доску' }).click();
    await staff.getByText('Семья возвращена на доску').waitFor();
    expect(await staff.getByRole('heading', { name: 'Семьи, убранные с доски' }).count()).toBe(0);
    await mother.reload();
    await mother.getByText('Напишите мне в личку адрес части').waitFor();
    await removedFamily.goto(board);
    await removedFamily.getByText('Есть кто из роты связи?').waitFor();
    for (const p of [staff, mother, removedFamily]) await p.context().close();
  });

  it('removes a family from its case page, in English, with the same confirmation', async () => {
    const { run, w } = world;
    const staff = await (await phoneContext(world.browser, run.baseUrl, w.verifier.cookies)).newPage();
    await staff.goto(`${run.baseUrl}/cases/${w.otherCaseId}#cohorts`);
    await ready(staff, 'staff-case');
    await staff.getByRole('link', { name: 'Убрать семью с доски…' }).click();
    await staff.getByRole('heading', { name: /^Убрать семью с доски: Воинская часть 12345/ }).waitFor();
    // The language link keeps the family the page is about.
    await staff.getByRole('link', { name: 'English' }).click();
    await staff.getByRole('heading', { name: /^Remove a family from the board: Military unit 12345/ }).waitFor();
    await staff.getByText(/^Family: Family [1-9]\d{3}/).waitFor();
    await staff.getByRole('button', { name: 'Remove the family from the board' }).click();
    await staff.locator('.field-error').getByText('Choose a reason.').waitFor();
    await ready(staff, 'remove-no-reason-en');
    // And after a refusal too.
    expect(await staff.getByRole('link', { name: 'Русский' }).getAttribute('href')).toBe(
      `/cohorts/${boardId}/remove?case=${w.otherCaseId}&lang=ru`,
    );
    await staff.getByLabel('Reason').selectOption({ label: 'the family asked' });
    await staff.getByRole('button', { name: 'Remove the family from the board' }).click();
    await staff.getByText('The family was removed from the board.').waitFor();
    await ready(staff, 'removed-staff-en');
    // The case page says so to staff, and leads to the board where it can be let back.
    await staff.goto(`${run.baseUrl}/cases/${w.otherCaseId}?lang=en#cohorts`);
    await staff.getByText('the family was removed from the board on').waitFor();
    await ready(staff, 'removed-staff-case-en');
    await staff.goto(`${run.baseUrl}/cohorts/${boardId}?lang=en`);
    await staff.getByRole('button', { name: 'Let back on the board' }).click();
    await staff.getByText('The family is back on the board').waitFor();
    await staff.context().close();
  });

  it('lets a mother leave the board, hiding her posts, and come back from her case page', async () => {
    const { run, w } = world;
    const board = `${run.baseUrl}/cohorts/${boardId}`;
    const mother = await (await phoneContext(world.browser, run.baseUrl, w.family.cookies)).newPage();
    await mother.goto(board);
    await mother.getByRole('button', { name: 'Покинуть доску…' }).click();
    await mother.getByRole('heading', { name: /^Покинуть доску: Воинская часть 12345/ }).waitFor();
    await mother.getByText('Ваш запрос останется открытым').waitFor();
    await ready(mother, 'leave-confirm');
    await mother.getByLabel('Скрыть от других семей мои сообщения (1)').check();
    await mother.getByRole('button', { name: 'Покинуть доску', exact: true }).click();
    // Back on her case page, which says so and offers the way back.
    await mother.getByText(/Вы покинули эту доску \d{2}\.\d{2}\.\d{4}\./).waitFor();
    await ready(mother, 'left-case');
    const other = await (await phoneContext(world.browser, run.baseUrl, w.otherFamily.cookies)).newPage();
    await other.goto(board);
    await other.getByText('Автор скрыл это сообщение, когда покинул доску.').waitFor();
    expect(await other.content()).not.toContain('роты связи');
    await shot(other, 'left-other-family');
    await mother.getByRole('button', { name: 'Вернуться на доску' }).click();
    await mother.getByText('доска для вас пока закрыта: она откроется сама').waitFor();
    await ready(mother, 'rejoined-case');
    await other.reload();
    await other.getByText('Есть кто из роты связи?').waitFor();
    // The same in English: the page that confirms leaving, and staying.
    await other.goto(`${board}/leave?lang=en`);
    await other.getByRole('heading', { name: /^Leave the board: Military unit 12345/ }).waitFor();
    await other.getByLabel('Hide my 1 post from the other families').waitFor();
    await ready(other, 'leave-confirm-en');
    await other.getByRole('link', { name: 'Stay on the board' }).click();
    await other.getByText('Есть кто из роты связи?').waitFor();
    for (const p of [mother, other]) await p.context().close();
  });
});
