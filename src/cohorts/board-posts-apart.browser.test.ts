import { beforeAll, describe, expect, it } from 'vitest';
import { useBrowserWorld } from '../cases/browser-world.test-helper.ts';
import { hasHorizontalScroll, phoneContext, shotsOf } from '../../test/helpers/browser.ts';
import { principalOf } from '../policy/principal.ts';
import { grantFor } from '../cases/cases.fixtures.ts';
import { authoriseOptIn, cohortsOfCase, setOptIn } from './cohorts.service.ts';

// A moderator on a phone, JavaScript off, reads a families' board: under each post its reason,
// «Скрыть», «Сбросить имя семьи», «Убрать семью с доски…» — and the next post's author line came
// straight after, nothing between them, so which buttons were whose was a guess (QA walk 6). Each
// post now has a rule above it.

const shot = shotsOf('board-posts-apart');

describe("posts on a families' board, as a moderator sees them at 360 px", () => {
  const world = useBrowserWorld();
  let boardId: string;

  beforeAll(async () => {
    const { run, w, app } = world;
    const deps = { db: run.db, clock: run.clock };
    await setOptIn(deps, await authoriseOptIn(run.db, principalOf(w.family.auth), w.caseId), { optIn: true });
    boardId = (await cohortsOfCase(deps, await grantFor(app, w.family, w.caseId, 'read'))).cohorts[0].boardId!;
  });

  it('sets each post apart from the one before, its forms included', async () => {
    const family = await (await phoneContext(world.browser, world.run.baseUrl, world.w.family.cookies)).newPage();
    for (const text of ['Есть кто из роты связи?', 'Нам писали из госпиталя.']) {
      await family.goto(`${world.run.baseUrl}/cohorts/${boardId}`);
      await family.getByLabel('Ваше сообщение').fill(text);
      await family.getByRole('button', { name: 'Отправить' }).click();
      await family.getByText('Сообщение отправлено.').waitFor();
    }
    const staff = await (await phoneContext(world.browser, world.run.baseUrl, world.w.caseworker.cookies)).newPage();
    await staff.goto(`${world.run.baseUrl}/cohorts/${boardId}`);
    const posts = staff.locator('article');
    expect(await posts.count()).toBe(2);
    for (const i of [0, 1]) {
      await posts.nth(i).getByRole('button', { name: 'Скрыть' }).waitFor();
      const rule = await posts.nth(i).evaluate((el) => getComputedStyle(el).borderTopStyle);
      expect(rule).toBe('solid');
    }
    expect(await hasHorizontalScroll(staff)).toBe(false);
    await shot(staff, 'moderator');
  });
});
