import { describe, expect, it } from 'vitest';
import { useBrowserWorld } from '../cases/browser-world.test-helper.ts';
import { expectPhoneReady, phoneContext } from '../../test/helpers/browser.ts';
import { createGuide } from './guides.service.ts';

// A QA walk of the knowledge base on a phone, JavaScript off: an editor's guide with a sample
// letter as a code block (```) pushed the whole page to 1,037 px at 360, on the public page and in
// the preview alike; a family reading it scrolled sideways for every line. The block wraps.

const SAMPLE =
  'Военному прокурору Западного военного округа от Ивановой Марии Петровны, проживающей по адресу: г. Москва';

describe("a guide's sample letter on a phone", () => {
  const world = useBrowserWorld();

  it('wraps inside the page, on the public page and in the preview, in Russian and English', async () => {
    const markdown = `## Образец\n\n\`\`\`\n${SAMPLE}\n\`\`\`\n\nКоротко.`;
    const { editor } = world.w;
    for (const lang of ['ru', 'en'] as const)
      await createGuide({ db: world.run.db, clock: world.run.clock }, editor.auth, {
        slug: 'sample-letter',
        lang,
        title: lang === 'ru' ? 'Образец запроса' : 'A sample request',
        markdown,
        base: 0,
      });
    const ctx = await phoneContext(world.browser, world.run.baseUrl, editor.cookies);
    const page = await ctx.newPage();
    for (const lang of ['ru', 'en']) {
      await page.goto(`${world.run.baseUrl}/guides/sample-letter?lang=${lang}`);
      await page.getByText(SAMPLE).waitFor();
      await expectPhoneReady(page, `guide ${lang}`);

      await page.goto(`${world.run.baseUrl}/editor/guides?lang=${lang}`);
      await page.getByRole('link', { name: lang === 'ru' ? 'Образец запроса' : 'A sample request' }).click();
      await page.getByRole('button', { name: lang === 'ru' ? 'Предпросмотр' : 'Preview' }).click();
      expect(await page.locator('article.guide pre').textContent()).toContain(SAMPLE);
      await expectPhoneReady(page, `preview ${lang}`);
    }
    await ctx.close();
  });
});
