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
      place: 'Красногоровка',
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
      expect(await brokenWords(page), lang).toEqual([]);
      expect(await hasHorizontalScroll(page), lang).toBe(false);
      await expectAxeClean(page, `pair ${lang}`);
    }
    await ctx.close();
  });
});
