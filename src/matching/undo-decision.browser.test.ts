import { describe, expect, it } from 'vitest';
import { expectPhoneReady, phoneContext } from '../../test/helpers/browser.ts';
import { findCandidate } from './matching.repository.ts';
import { usePairWorld } from './pair-world.test-helper.ts';

// A caseworker marks a pair «Разные люди» by mistake and takes it back, in a real Chromium with
// JavaScript off on a 360 px phone, in Russian and in English: from the pair's page, from the
// decided list and from a record's page. KT_SHOTS=1 keeps the screenshots.

describe('undoing a «Разные люди» decision, in a browser', () => {
  const s = usePairWorld();

  it('shows who decided, and puts the pair back in the queue from its page, the decided list and a record', async () => {
    const ctx = await phoneContext(s.browser, s.run.baseUrl, s.w.caseworker.cookies);
    const page = await ctx.newPage();
    const undo = page.getByRole('button', { name: 'Отменить решение' });

    await page.goto(`${s.run.baseUrl}/staff/matches/${s.pairId}?lang=ru`);
    await page.getByRole('button', { name: 'Разные люди' }).click();
    await page.getByText('Отмечено: разные люди').waitFor();
    await page.getByText(`Решение принял(а): ${s.w.caseworker.pseudonym}`).waitFor();
    await expectPhoneReady(page, 'undo-decision-pair-ru');
    await page.goto(`${s.run.baseUrl}/staff/matches/${s.pairId}?lang=en`);
    await page.getByText(`Decided by ${s.w.caseworker.pseudonym}`).waitFor();
    expect(await page.getByRole('button', { name: 'Undo decision' }).count()).toBe(1);
    await expectPhoneReady(page, 'undo-decision-pair-en');

    await page.goto(`${s.run.baseUrl}/staff/matches/${s.pairId}?lang=ru`);
    await undo.click();
    await page.getByText('Решение отменено: пара снова в очереди.').waitFor();
    expect(await page.getByRole('button', { name: 'Разные люди' }).count()).toBe(1);
    await expectPhoneReady(page, 'undo-decision-undone-ru');

    // The decided list: who and when on each pair, and its button.
    await page.getByRole('button', { name: 'Разные люди' }).click();
    await page.goto(`${s.run.baseUrl}/staff/matches?filter=decided`);
    await expectPhoneReady(page, 'undo-decision-list-ru');
    await page.goto(`${s.run.baseUrl}/staff/matches?filter=decided&lang=en`);
    await page.getByText(`Decided by ${s.w.caseworker.pseudonym}`).waitFor();
    await expectPhoneReady(page, 'undo-decision-list-en');
    await page.getByRole('button', { name: 'Undo decision' }).click();
    await page.getByText('Decision undone: the pair is back in the queue.').waitFor();
    await expectPhoneReady(page, 'undo-decision-list-undone-en');

    // A record's page lists the pair kept apart, with the same button.
    await page.goto(`${s.run.baseUrl}/staff/matches/${s.pairId}?lang=ru`);
    await page.getByRole('button', { name: 'Разные люди' }).click();
    const record = (await findCandidate(s.run.db, s.pairId))!.right_person_id;
    await page.goto(`${s.run.baseUrl}/staff/people/${record}`);
    await expectPhoneReady(page, 'undo-decision-record-ru');
    await undo.click();
    await page.getByText('Решение отменено').waitFor();
    expect(page.url()).toContain(`/staff/people/${record}`);
    expect((await findCandidate(s.run.db, s.pairId))?.state).toBe('pending');

    // «Один и тот же человек» is undone at the same place, by undoing its merge.
    await page.goto(`${s.run.baseUrl}/staff/matches/${s.pairId}`);
    await page.getByRole('button', { name: 'Один и тот же человек' }).click();
    await page.getByText(`Решение принял(а): ${s.w.caseworker.pseudonym}`).waitFor();
    await expectPhoneReady(page, 'undo-decision-same-ru');
    await page.getByRole('button', { name: 'Отменить объединение' }).click();
    await page.getByText('Объединение отменено.').waitFor();
    expect((await findCandidate(s.run.db, s.pairId))?.state).toBe('pending');
    await ctx.close();
  });
});
