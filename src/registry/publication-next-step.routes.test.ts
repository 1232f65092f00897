import { beforeAll, describe, expect, it } from 'vitest';
import { caseInput, useWorld } from '../cases/cases.fixtures.ts';
import { openCase } from '../cases/cases.service.ts';
import { confirmDeath } from './registry.fixtures.ts';

// A verifier opened the publication page of a case whose status is not confirmed yet: a list of
// rules with ✗ and nothing after it — no button, no word of what to do (QA walk 6). The page now
// says what to do, and where, until there is a button to press.

describe('the publication page of a case that does not qualify yet', () => {
  const s = useWorld('sqlite');
  let caseId: string;

  beforeAll(async () => {
    const deps = { db: s.t.opened.db, clock: s.t.clock };
    caseId = (await openCase(deps, s.w.family.auth, caseInput(s.w.orgA.id, { surname: 'Шагов' }))).caseId;
  });

  const page = (lang: string) =>
    s.t.app.inject({
      method: 'GET',
      url: `/staff/registry/cases/${caseId}?lang=${lang}`,
      cookies: s.w.verifier.cookies,
    });

  it('says what to do in the case, with the way to it, in both languages', async () => {
    for (const [lang, words, link] of [
      ['ru', 'Что сделать: выполните в деле правила, отмеченные ✗', 'Открыть дело'],
      ['en', 'What to do: meet the rules marked ✗ in the case', 'Open the case'],
    ] as const) {
      const res = await page(lang);
      expect(res.statusCode).toBe(200);
      expect(res.body, lang).toContain(words);
      expect(res.body, lang).toContain(`<a href="/cases/${caseId}">${link}</a>`);
    }
  });

  it('says nothing of it once there is a button to press', async () => {
    await confirmDeath({ db: s.t.opened.db, clock: s.t.clock }, s.w.verifier.auth, caseId);
    const res = await page('ru');
    expect(res.body).toContain('Сообщить семье о подготовке публикации');
    expect(res.body).not.toContain('Что сделать: выполните в деле правила');
  });
});
