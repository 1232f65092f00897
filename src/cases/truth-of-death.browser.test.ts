import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  expectPhoneReady,
  launchBrowser,
  phoneContext,
  startApp,
  type RunningApp,
} from '../../test/helpers/browser.ts';
import type { TestApp } from '../../test/helpers/app.ts';
import type { Cookies } from '../../test/helpers/factories.ts';
import type { ManualClock } from '../shared/clock.ts';
import { parsePartialDate } from '../people/partial-date.ts';
import { buildWorld, caseInput, grantFor, type World } from './cases.fixtures.ts';
import { openCase } from './cases.service.ts';
import { addEvent } from './events.service.ts';
import { sendMessage } from './case-work.service.ts';
import type { EventInput } from './cases.schema.ts';
import type { CaseGrant } from '../policy/case.policy.ts';
import { NeedsCheck, warningSignature } from './verification-lifecycle.ts';

// Issue 9, "the truth of a death", the closing of a case and "knowing that someone answered",
// in Chromium with JavaScript off on a 360 × 740 phone: each finding of the walk, so that it
// fails if it comes back. Every page is checked with axe and for sideways scrolling.

const event = (
  kind: EventInput['kind'],
  date: string,
  source: EventInput['source'],
  verification?: EventInput['verification'],
): EventInput => ({
  kind,
  date: parsePartialDate(date) ?? undefined,
  source,
  verification,
  place: undefined,
  description: undefined,
});

describe('the truth of a death, on a phone with JavaScript off', () => {
  let browser: Browser;
  let run: RunningApp;
  let w: World;
  let t: TestApp;
  const deps = () => ({ db: run.db, clock: run.clock });
  const contextFor = (cookies: Cookies): Promise<BrowserContext> => phoneContext(browser, run.baseUrl, cookies);
  const statusOf = async (page: Page) => (await page.locator('p.status').textContent())?.trim();
  const main = async (page: Page) => (await page.locator('main').textContent()) ?? '';

  beforeAll(async () => {
    [browser, run] = await Promise.all([launchBrowser(), startApp()]);
    t = { opened: { db: run.db }, clock: run.clock as ManualClock } as unknown as TestApp;
    w = await buildWorld(t);
  });
  afterAll(async () => {
    await browser?.close();
    await run?.close();
  });

  it('a death is confirmed only on its page, reads disputed while contradicted, is resolved and revised with reasons', async () => {
    // The walk: a confirmed deployment in 10.2025, the family's last call in 01.2026, and an
    // official notice of death dated 20.09.2025 that a verifier was about to confirm in one tap.
    const { caseId } = await openCase(deps(), w.family.auth, caseInput(w.orgA.id, { surname: 'Гордеев' }));
    const staffAdds = await grantFor(t, w.verifier, caseId, 'add_event');
    await addEvent(deps(), staffAdds, event('deployed', '10.2025', 'official', 'confirmed'));
    // The caseworker saw the warnings on the check page and saved the letter as evidence.
    const { eventId: notice } = await saveAnyway(
      await grantFor(t, w.caseworker, caseId, 'add_event'),
      event('death_confirmed', '20.09.2025', 'official', 'reported'),
    );

    const ctx = await contextFor(w.verifier.cookies);
    const page = await ctx.newPage();
    await page.goto(`${run.baseUrl}/cases/${caseId}`);
    // No one-click "confirmed" for a death: the button opens the confirmation page.
    const item = page.locator(`#event-${notice}`);
    expect(await item.locator('form[method="post"]').count()).toBe(0);
    await expectPhoneReady(page, 'truth: staff case page before');
    await item.getByRole('button', { name: 'Отметить: подтверждено…' }).click();
    await page.waitForURL(/\/confirm\?level=confirmed$/);
    const confirm = await main(page);
    expect(confirm).toContain('Источники');
    expect(confirm).toContain('Отправка в зону боевых действий, 10.2025');
    expect(confirm).toContain('Открытые противоречия');
    expect(confirm).toContain('Человека видели живым после сообщённой даты гибели');
    expect(confirm).toContain('статус будет «сведения о гибели противоречат друг другу»');
    await expectPhoneReady(page, 'truth: confirmation page');
    // No reason, no confirmation.
    await page.getByRole('button', { name: 'Отметить', exact: true }).click();
    await page.getByText('Напишите причину.').waitFor();
    expect(await page.getByRole('radio', { name: /^подтверждено/ }).isChecked()).toBe(true);
    await page.getByRole('textbox', { name: /Причина/ }).fill('Извещение военкомата № 4411 с печатью');
    await page.getByRole('button', { name: 'Отметить', exact: true }).click();
    await page.getByText('Отметка проверки изменена.').waitFor();
    expect(await statusOf(page)).toBe('сведения о гибели противоречат друг другу');
    expect(await main(page)).not.toContain('гибель подтверждена');
    await expectPhoneReady(page, 'truth: staff case page disputed');

    // The family: disputed on her case page and in her list, never «гибель подтверждена».
    const family = await contextFor(w.family.cookies);
    const fam = await family.newPage();
    await fam.goto(`${run.baseUrl}/my/cases`);
    expect(await main(fam)).toContain('сведения о гибели противоречат друг другу');
    expect(await main(fam)).not.toContain('гибель подтверждена');
    await expectPhoneReady(fam, 'truth: family list disputed');
    await fam.goto(`${run.baseUrl}/cases/${caseId}`);
    expect(await statusOf(fam)).toBe('сведения о гибели противоречат друг другу');
    expect(await main(fam)).toContain('Пока сотрудники не разберут противоречие, гибель не считается подтверждённой');
    expect(await main(fam)).not.toContain('Извещение военкомата № 4411');
    await expectPhoneReady(fam, 'truth: family case page disputed');

    // The verifier resolves both discrepancies with reasons; both versions stay.
    for (const reason of [
      'Звонок был из госпиталя, часть ошиблась в дате',
      'Отправка — по списку части, дата гибели неточна',
    ]) {
      await page.goto(`${run.baseUrl}/cases/${caseId}`);
      await page.getByRole('link', { name: 'Разобрать' }).first().click();
      await page.getByRole('heading', { name: 'Разобрать противоречие' }).waitFor();
      await expectPhoneReady(page, 'truth: resolve page');
      await page.getByRole('radio', { name: /^Оставить обе версии/ }).check();
      await page.getByRole('button', { name: 'Записать решение' }).click();
      await page.getByText('Напишите причину.').waitFor();
      await page.getByRole('textbox', { name: /Причина/ }).fill(reason);
      await page.getByRole('button', { name: 'Записать решение' }).click();
      await page.getByText('Решение по противоречию записано.').waitFor();
    }
    expect(await statusOf(page)).toBe('гибель подтверждена');
    const resolved = await main(page);
    expect(resolved).toContain('Разобранные противоречия');
    expect(resolved).toContain('Звонок был из госпиталя, часть ошиблась в дате');
    await fam.goto(`${run.baseUrl}/cases/${caseId}`);
    expect(await statusOf(fam)).toBe('гибель подтверждена');
    expect(await main(fam)).toContain('Решение: обе версии остаются');
    expect(await main(fam)).not.toContain('Звонок был из госпиталя');

    // The confirmation was a mistake: revised down by the verifier with a reason, history kept.
    await page.locator(`#event-${notice}`).getByRole('link', { name: 'Исправить отметку проверки' }).click();
    await page.getByRole('radio', { name: /^сообщено/ }).check();
    await page.getByRole('textbox', { name: /Причина/ }).fill('Извещение оказалось о его однофамильце');
    await expectPhoneReady(page, 'truth: revise page');
    await page.getByRole('button', { name: 'Исправить отметку' }).click();
    await page.getByText('Отметка проверки изменена.').waitFor();
    expect(await statusOf(page)).toBe('сообщается о гибели, не подтверждено');
    const history = page.locator(`#event-${notice} details`);
    await history.locator('summary').click();
    const record = (await history.textContent()) ?? '';
    expect(record).toContain('История отметок (2)');
    expect(record).toContain('сообщено → подтверждено');
    expect(record).toContain('Извещение военкомата № 4411 с печатью');
    expect(record).toContain('подтверждено → сообщено');
    expect(record).toContain('Извещение оказалось о его однофамильце');
    await expectPhoneReady(page, 'truth: staff case page with history');
    // The family sees no history and no reasons.
    await fam.goto(`${run.baseUrl}/cases/${caseId}`);
    expect(await main(fam)).not.toContain('История отметок (');
    expect(await main(fam)).not.toContain('однофамильце');
    await family.close();
    await ctx.close();
  }, 240_000);

  it('a family is warned of an impossible date, corrects one, saves the other as evidence', async () => {
    const { caseId } = await openCase(deps(), w.family.auth, caseInput(w.orgA.id, { surname: 'Юлин' }));
    const ctx = await contextFor(w.family.cookies);
    const page = await ctx.newPage();
    await page.goto(`${run.baseUrl}/cases/${caseId}`);
    // Born 12.05.1998: an event in 1997 is flagged before it is saved.
    await page.locator('summary', { hasText: 'Добавить событие' }).click();
    await page.getByLabel('Что произошло').selectOption('wounded');
    await page.getByLabel('Когда').fill('1997');
    await page.getByLabel('Источник').selectOption('family');
    await page.getByRole('button', { name: 'Добавить в хронологию' }).click();
    await page.getByRole('heading', { name: 'Проверьте, прежде чем сохранить' }).waitFor();
    expect(await main(page)).toContain('Дата раньше даты рождения');
    expect(await main(page)).toContain('дата рождения 12.05.1998');
    await expectPhoneReady(page, 'truth: family check page');
    // Corrected on the same page: saved with no further question.
    await page.getByLabel('Когда').fill('02.2026');
    await page.getByRole('button', { name: 'Всё равно сохранить' }).click();
    await page.getByText('Событие добавлено в хронологию.').waitFor();
    await page.getByText('02.2026 — Ранение').waitFor();

    // A ministry letter dates the death the day before he left prison: saved after the warning.
    await page.locator('summary', { hasText: 'Добавить событие' }).click();
    await page.getByLabel('Что произошло').selectOption('released_from_prison');
    await page.getByLabel('Когда').fill('10.04.2025');
    await page.getByLabel('Источник').selectOption('official');
    await page.getByRole('button', { name: 'Добавить в хронологию' }).click();
    await page.getByText('Событие добавлено в хронологию.').waitFor();
    await page.locator('summary', { hasText: 'Добавить событие' }).click();
    await page.getByLabel('Что произошло').selectOption('death_reported');
    await page.getByLabel('Когда').fill('09.04.2025');
    await page.getByLabel('Источник').selectOption('official');
    await page.getByRole('button', { name: 'Добавить в хронологию' }).click();
    await page.getByRole('heading', { name: 'Проверьте, прежде чем сохранить' }).waitFor();
    const warned = await main(page);
    expect(warned).toContain('Дата гибели раньше призыва или выхода из колонии');
    expect(warned).toContain('письмо с ошибкой — тоже свидетельство');
    expect(await page.getByLabel('Когда').inputValue()).toBe('09.04.2025');
    await page.getByRole('button', { name: 'Всё равно сохранить' }).click();
    await page.getByText('Событие добавлено в хронологию.').waitFor();
    // Kept as a discrepancy; the status says what is known and how sure.
    const shown = await main(page);
    expect(shown).toContain('Противоречащие друг другу сведения');
    expect(shown).toContain('Дата гибели раньше призыва или выхода из колонии');
    expect(await statusOf(page)).toBe('сведения о гибели противоречат друг другу');
    await expectPhoneReady(page, 'truth: family case page with a kept discrepancy');
    await ctx.close();
  }, 180_000);

  it('the family reads a reported death as reported, next to what is verified, with the rules in plain words', async () => {
    const { caseId } = await openCase(deps(), w.family.auth, caseInput(w.orgA.id, { surname: 'Сомов' }));
    await addEvent(
      deps(),
      await grantFor(t, w.caseworker, caseId, 'add_event'),
      event('deployed', '01.2026', 'official', 'corroborated'),
    );
    await addEvent(
      deps(),
      await grantFor(t, w.family, caseId, 'add_event'),
      event('death_reported', '20.02.2026', 'witness'),
    );
    const ctx = await contextFor(w.family.cookies);
    const page = await ctx.newPage();
    await page.goto(`${run.baseUrl}/cases/${caseId}`);
    expect(await statusOf(page)).toBe('сообщается о гибели, не подтверждено · ваше сообщение');
    expect(await main(page)).toContain('Проверенные сведения: на службе — подкреплено вторым источником');
    await page.getByText('Что означают статус и отметки проверки').click();
    await page.getByText('Сообщение о гибели не отменяется более поздними сообщениями').waitFor();
    await expectPhoneReady(page, 'truth: family reported death');
    await page.goto(`${run.baseUrl}/my/cases`);
    const list = page.locator('li', { has: page.getByRole('link', { name: /Сомов/ }) });
    expect(await list.textContent()).toContain('сообщается о гибели, не подтверждено');
    expect(await list.textContent()).not.toContain('на службе');
    await ctx.close();
  }, 120_000);

  it('closing a case takes a confirmation page, and «другое» a few words the family reads', async () => {
    const { caseId } = await openCase(deps(), w.family.auth, caseInput(w.orgA.id, { surname: 'Закрытов' }));
    const ctx = await contextFor(w.caseworker.cookies);
    const page = await ctx.newPage();
    await page.goto(`${run.baseUrl}/cases/${caseId}`);
    // Nothing on the case page closes it in one tap.
    expect(await page.locator(`form[action="/staff/cases/${caseId}/close"]`).count()).toBe(0);
    await page.getByRole('link', { name: 'Закрыть дело…' }).click();
    await page.getByRole('heading', { name: 'Закрыть дело' }).waitFor();
    await expectPhoneReady(page, 'close: confirmation page');
    await page.getByRole('combobox', { name: /Причина/ }).selectOption('other');
    await page.getByRole('button', { name: 'Да, закрыть дело' }).click();
    await page.getByText('Причина «другое»: напишите в нескольких словах').waitFor();
    expect(await page.getByRole('combobox', { name: /Причина/ }).inputValue()).toBe('other');
    await page.getByLabel(/Объяснение для семьи/).fill('Семья нашла его в списках обмена и попросила закрыть.');
    await page.getByRole('button', { name: 'Да, закрыть дело' }).click();
    await page.getByText('Дело закрыто.').waitFor();
    await ctx.close();
    const family = await contextFor(w.family.cookies);
    const fam = await family.newPage();
    await fam.goto(`${run.baseUrl}/cases/${caseId}`);
    expect(await main(fam)).toContain(
      'Причина закрытия: другое. Семья нашла его в списках обмена и попросила закрыть.',
    );
    await family.close();
  }, 120_000);

  it('knowing that someone answered: «Новое» marks, the summary and counts for the family, «семья написала» for staff', async () => {
    const { caseId } = await openCase(deps(), w.family.auth, caseInput(w.orgA.id, { surname: 'Ответов' }));
    const { eventId } = await addEvent(
      deps(),
      await grantFor(t, w.family, caseId, 'add_event'),
      event('wounded', '02.2026', 'family'),
    );
    const staff = await contextFor(w.caseworker.cookies);
    const sp = await staff.newPage();
    await sp.goto(`${run.baseUrl}/cases/${caseId}`);
    await sp.locator(`#event-${eventId}`).getByRole('button', { name: 'Отметить: подкреплено' }).click();
    await sp.getByText('Отметка проверки изменена.').waitFor();
    await sendMessage(deps(), await grantFor(t, w.caseworker, caseId, 'message'), 'Мы нашли его в списке госпиталя.');

    const family = await contextFor(w.family.cookies);
    const fam = await family.newPage();
    await fam.goto(`${run.baseUrl}/my/cases`);
    const item = fam.locator('li', { has: fam.getByRole('link', { name: /Ответов/ }) });
    expect(await item.locator('strong.new').textContent()).toMatch(/^\d+ новы[хе]/);
    await expectPhoneReady(fam, 'news: family list');
    await item.getByRole('link', { name: /Ответов/ }).click();
    const news = fam.getByRole('region', { name: 'Что нового с вашего прошлого посещения' });
    expect(await news.textContent()).toContain('1 новое сообщение.');
    expect(await news.textContent()).toContain('Статус изменился: ранен(а)');
    expect(await fam.locator(`#event-${eventId} strong.new`).textContent()).toBe('Новое');
    expect(await fam.locator('ol.posts strong.new').count()).toBe(1);
    await expectPhoneReady(fam, 'news: family case page');
    // Seen once: the next visit has nothing new.
    await fam.reload();
    expect(await fam.locator('strong.new').count()).toBe(0);
    // The family answers; staff see «семья написала» in the queue and its filter.
    await fam.getByLabel('Ваше сообщение').fill('Спасибо! Какой госпиталь?');
    await fam.getByRole('button', { name: 'Отправить' }).click();
    await fam.getByText('Сообщение отправлено.').waitFor();
    await family.close();

    await sp.goto(`${run.baseUrl}/staff`);
    await sp.getByRole('link', { name: 'Семья написала' }).click();
    const row = sp.locator('tr', { has: sp.getByRole('link', { name: /Ответов/ }) });
    expect(await row.locator('strong.new').textContent()).toBe('1 новое сообщение от семьи');
    await expectPhoneReady(sp, 'news: staff queue family wrote');
    await row.getByRole('link', { name: /Ответов/ }).click();
    await sp.getByText('Спасибо! Какой госпиталь?').waitFor();
    await sp.goto(`${run.baseUrl}/staff?filter=family_wrote`);
    expect(await sp.getByRole('link', { name: /Ответов/ }).count()).toBe(0);
    await staff.close();
  }, 180_000);

  /** As the check page's second submit: the date warnings seen, saved anyway. */
  const saveAnyway = (grant: CaseGrant<'add_event'>, input: EventInput) =>
    addEvent(deps(), grant, input).catch((err: unknown) => {
      if (!(err instanceof NeedsCheck)) throw err;
      const acknowledged = err.check.warnings.map((d) => warningSignature(d, err.check.eventId));
      return addEvent(deps(), grant, input, { acknowledged });
    });
});
