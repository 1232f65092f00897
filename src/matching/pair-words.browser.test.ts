import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAxeClean, hasHorizontalScroll, phoneContext, shotsOf } from '../../test/helpers/browser.ts';
import { grantFor } from '../cases/cases.fixtures.ts';
import { addEvent } from '../cases/events.service.ts';
import { parsePartialDate } from '../people/partial-date.ts';
import { systemPrincipal } from '../policy/principal.ts';
import { runMatching } from './scoring.service.ts';
import { usePairWorld } from './pair-world.test-helper.ts';

// The pair page's comparison on a 360 px phone, JavaScript off: a QA walk found the words of its
// two narrow columns cut anywhere («Подтверждени / е»). Every word of the table stays whole on its
// line (a line breaks between words, or after a hyphen or a slash), and nothing scrolls sideways.
// A typed place wider than the column (QA walk 7: «Верхнесолоновс / кий») breaks only between
// its syllables (web/long-words.tsx); one that fits the column is never split.

const shot = shotsOf('pair-words');

/** The words of the comparison that the browser cut across two lines, with where. */
const brokenWords = (page: Page): Promise<string[]> =>
  page.locator('table.pair').evaluate((table) => {
    const broken: string[] = [];
    const walker = document.createTreeWalker(table, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      // A word, or the part of a hyphenated or slashed one up to its hyphen: a break there is fine.
      for (const m of text.matchAll(/[^\s\-/]+[-/]?/g)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (tops.size > 1) broken.push(`${m[0]} in «${text.trim()}»`);
      }
    }
    return broken;
  });

/** The long stretches (span.word) split across lines although the column had room for them whole. */
const needlesslySplit = (page: Page): Promise<string[]> =>
  page.locator('table.pair').evaluate((table) =>
    [...table.querySelectorAll<HTMLElement>('span.word')].flatMap((span) => {
      const lines = new Set([...span.getClientRects()].map((r) => Math.round(r.top))).size;
      const lineHeight = Number.parseFloat(getComputedStyle(span).lineHeight);
      const wrapped = lines > 1 || span.getBoundingClientRect().height > lineHeight * 1.5;
      span.style.whiteSpace = 'nowrap';
      const whole = span.getBoundingClientRect().width;
      span.style.whiteSpace = '';
      const cell = span.closest('li, td') as HTMLElement;
      const room =
        cell.clientWidth -
        Number.parseFloat(getComputedStyle(cell).paddingLeft) -
        Number.parseFloat(getComputedStyle(cell).paddingRight);
      return wrapped && whole <= room ? [span.textContent ?? ''] : [];
    }),
  );

describe('the pair page’s comparison at 360 px, in a browser', () => {
  const s = usePairWorld();
  // The other request's long words: a confirmed death from an official letter, a deployment.
  beforeAll(async () => {
    const deps = { db: s.run.db, clock: s.run.clock };
    const grant = await grantFor(s.t, s.w.verifier, s.otherCaseId, 'add_event');
    await addEvent(deps, grant, {
      kind: 'deployed',
      date: parsePartialDate('11.2025') ?? undefined,
      source: 'witness',
      place: 'Петропавловск-Камчатский',
      description: undefined,
      verification: 'corroborated',
    });
    await addEvent(
      deps,
      await grantFor(s.t, s.w.verifier, s.otherCaseId, 'add_event'),
      {
        kind: 'death_confirmed',
        date: parsePartialDate('02.2026') ?? undefined,
        source: 'official',
        place: undefined,
        description: undefined,
        verification: 'confirmed',
      },
      { reason: 'Извещение военкомата' },
    );
    // Typed places wider than the column (QA walk 7): cut at any letter before.
    for (const place of ['Новоалександровско-Великоархангельское', 'Верхнесолоновский'])
      await addEvent(deps, await grantFor(s.t, s.w.verifier, s.otherCaseId, 'add_event'), {
        kind: 'wounded',
        date: parsePartialDate('12.2025') ?? undefined,
        source: 'witness',
        place,
        description: undefined,
        verification: 'reported',
      });
    await runMatching(deps, systemPrincipal('scheduler'));
  });

  it('keeps every word whole, in Russian and in English, and nothing scrolls sideways', async () => {
    const ctx = await phoneContext(s.browser, s.run.baseUrl, s.w.caseworker.cookies);
    const page = await ctx.newPage();
    for (const [lang, death] of [
      ['ru', 'Подтверждение гибели'],
      ['en', 'Confirmation of death'],
    ] as const) {
      await page.goto(`${s.run.baseUrl}/staff/matches/${s.pairId}?lang=${lang}`);
      await page.locator('table.pair').getByText(death).waitFor();
      await shot(page, lang);
      await page.locator('table.pair').getByText('Верхне').waitFor();
      expect(await brokenWords(page), lang).toEqual([]);
      expect(await needlesslySplit(page), lang).toEqual([]);
      expect(await hasHorizontalScroll(page), lang).toBe(false);
      await expectAxeClean(page, `pair ${lang}`);
    }
    await ctx.close();
  });
});
