import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import {
  expectAxeClean,
  hasHorizontalScroll,
  launchBrowser,
  noJsContext,
  startApp,
  type RunningApp,
  shot,
} from '../../test/helpers/browser.ts';
import type { TestApp } from '../../test/helpers/app.ts';
import type { Cookies } from '../../test/helpers/factories.ts';
import type { ManualClock } from '../shared/clock.ts';
import { buildWorld, grantFor, type World } from './cases.fixtures.ts';
import { addEvent } from './events.service.ts';
import { NeedsCheck, warningSignature } from './verification-lifecycle.ts';
import { addNote, sendMessage } from './case-work.service.ts';
import { parsePartialDate } from '../people/partial-date.ts';

// The case pages in a real Chromium with JavaScript off, on a 360 px wide phone: every form
// posts and re-renders without a script, nothing scrolls sideways, axe finds nothing serious.

describe('case pages in a browser', () => {
  let run: RunningApp;
  let browser: Browser;
  let w: World;
  const contextFor = async (cookies: Cookies): Promise<BrowserContext> => {
    const ctx = await noJsContext(browser, { viewport: { width: 360, height: 740 } });
    await ctx.addCookies(Object.entries(cookies).map(([name, value]) => ({ name, value, url: run.baseUrl })));
    return ctx;
  };

  beforeAll(async () => {
    run = await startApp();
    browser = await launchBrowser();
    const t = { opened: { db: run.db }, clock: run.clock as ManualClock } as unknown as TestApp;
    w = await buildWorld(t);
    const deps = { db: run.db, clock: run.clock };
    await addEvent(deps, await grantFor(t, w.family, w.caseId, 'add_event'), {
      kind: 'death_reported',
      date: parsePartialDate('2026-01-25') ?? undefined,
      source: 'witness',
      place: 'Авдеевка',
      description: 'Сослуживец написал в мессенджере',
      verification: undefined,
    });
    // The notice contradicts the family's date and her last call: saved after the check page's
    // warnings, with the verifier's reason (issue 9).
    const notice = {
      kind: 'death_confirmed' as const,
      date: parsePartialDate('2025-12-01') ?? undefined,
      source: 'official' as const,
      place: undefined,
      description: undefined,
      verification: 'confirmed' as const,
    };
    const verifier = await grantFor(t, w.verifier, w.caseId, 'add_event');
    await addEvent(deps, verifier, notice).catch((err: unknown) => {
      if (!(err instanceof NeedsCheck)) throw err;
      const acknowledged = err.check.warnings.map((d) => warningSignature(d, err.check.eventId));
      return addEvent(deps, verifier, notice, { acknowledged, reason: 'Извещение военкомата' });
    });
    await sendMessage(deps, await grantFor(t, w.caseworker, w.caseId, 'message'), 'Мы написали в военную прокуратуру.');
    await addNote(deps, await grantFor(t, w.caseworker, w.caseId, 'note'), 'Проверить списки госпиталя.');
  });
  afterAll(async () => {
    await browser?.close();
    await run?.close();
  });

  it('the family: new case form with errors, list, case page with a discrepancy, adding an event', async () => {
    const ctx = await contextFor(w.family.cookies);
    const page = await ctx.newPage();
    await page.goto(`${run.baseUrl}/cases/new`);
    await expectAxeClean(page, 'new case');
    expect(await hasHorizontalScroll(page)).toBe(false);
    await page.getByLabel('Фамилия').fill('Смирнов');
    await page.getByLabel('Дата рождения').fill('31.02.1990');
    await page.getByRole('button', { name: 'Отправить запрос' }).click();
    await page.getByText('Такого дня нет').first().waitFor();
    expect(await page.getByLabel('Фамилия').inputValue()).toBe('Смирнов');
    await expectAxeClean(page, 'new case with errors');
    await shot(page, 'new-case-errors');

    await page.goto(`${run.baseUrl}/my/cases`);
    await expectAxeClean(page, 'my cases');
    await page.goto(`${run.baseUrl}/cases/${w.caseId}`);
    await page.getByText('Две разные даты гибели').waitFor();
    await page.getByText('Мы написали в военную прокуратуру.').waitFor();
    expect(await page.content()).not.toContain('Проверить списки госпиталя.');
    expect(await hasHorizontalScroll(page)).toBe(false);
    await expectAxeClean(page, 'case (family)');
    await shot(page, 'case-family');

    await page.getByText('Добавить событие').click();
    await page.getByLabel('Что произошло').selectOption('hospitalised');
    await page.getByLabel('Когда').fill('02.2026');
    await page.getByLabel('Источник').selectOption('family');
    await page.getByRole('button', { name: 'Добавить в хронологию' }).click();
    // In hospital after both dates of death: flagged before it is saved, saved after the warning.
    await page.getByText('Человека видели живым после сообщённой даты гибели').first().waitFor();
    await expectAxeClean(page, 'event check page');
    await page.getByRole('button', { name: 'Всё равно сохранить' }).click();
    await page.getByText('02.2026 — Госпитализация').waitFor();
    await ctx.close();
  });

  it('a family corrects a name and withdraws her request, with JavaScript off', async () => {
    const ctx = await contextFor(w.otherFamily.cookies);
    const page = await ctx.newPage();
    await page.goto(`${run.baseUrl}/cases/${w.otherCaseId}`);
    await page.getByRole('link', { name: 'Исправить сведения' }).click();
    await expectAxeClean(page, 'edit case');
    expect(await hasHorizontalScroll(page)).toBe(false);
    await page.getByLabel('Фамилия').fill('Петрова');
    await page.getByRole('button', { name: 'Сохранить изменения' }).click();
    await page.getByText('Изменения сохранены.').waitFor();
    await page.getByText('Петрова Пётр Сергеевич').waitFor();
    await page.getByRole('link', { name: 'Отозвать запрос' }).click();
    await page.getByText('будет безвозвратно удалено', { exact: false }).waitFor();
    await expectAxeClean(page, 'withdraw case');
    await page.getByRole('button', { name: 'Да, отозвать запрос' }).click();
    await page.getByText('Запрос отозван и закрыт.').waitFor();
    await ctx.close();
  });

  it('the caseworker: queue, search, case page with notes and forms; the admin: audit log', async () => {
    const ctx = await contextFor(w.caseworker.cookies);
    const page = await ctx.newPage();
    for (const url of ['/staff', '/staff?filter=stale&days=1']) {
      await page.goto(`${run.baseUrl}${url}`);
      await expectAxeClean(page, url);
      await shot(page, url);
      expect(await hasHorizontalScroll(page), url).toBe(false);
    }
    await page.goto(`${run.baseUrl}/staff/search`);
    await page.getByLabel('Поиск по ФИО или воинской части').fill('иванов 12345');
    await page.getByRole('button', { name: 'Найти' }).click();
    await page.getByRole('link', { name: 'Иванов Пётр Сергеевич' }).waitFor();
    expect(page.url()).toBe(`${run.baseUrl}/staff/search`);
    await expectAxeClean(page, 'search results');
    expect(await hasHorizontalScroll(page)).toBe(false);
    await page.goto(`${run.baseUrl}/cases/${w.caseId}`);
    await page.getByText('Проверить списки госпиталя.').waitFor();
    await expectAxeClean(page, 'case (staff)');
    await shot(page, 'case-staff');
    expect(await hasHorizontalScroll(page)).toBe(false);
    await page.getByLabel('Назначить').selectOption({ label: w.caseworker.pseudonym });
    await page.getByRole('button', { name: 'Назначить' }).click();
    await page.getByText(`Ведёт дело: ${w.caseworker.pseudonym}`).waitFor();
    await ctx.close();

    const admin = await contextFor(w.admin.cookies);
    const audit = await admin.newPage();
    await audit.goto(`${run.baseUrl}/staff/audit`);
    await audit.getByText('назначил(а) дело').first().waitFor();
    await expectAxeClean(audit, 'audit');
    await shot(audit, 'audit');
    expect(await hasHorizontalScroll(audit)).toBe(false);
    await admin.close();
  });
});
