import { describe, expect, it } from 'vitest';
import { useWorld } from '../cases/cases.fixtures.ts';
import { draftAppeal, sentAppeal } from './appeals.fixtures.ts';

// The letters on the case page, one line each under the subject: a draft said «черновик ·» with
// nothing after the dot, and a sent letter «отправлено · отправлено 27.11.2026» (QA walk).

const lineOf = (html: string, appealId: string): string => {
  const at = html.indexOf(`/appeals/${appealId}"`);
  const small = html.slice(at).match(/<small>([\s\S]*?)<\/small>/);
  return (small?.[1] ?? '').replace(/<[^>]+>/g, '');
};

describe("a case's letters, one line each", () => {
  const s = useWorld('sqlite');

  it('say the state once, with a dot only between two things', async () => {
    const { caseworker } = s.w;
    const draft = await draftAppeal(s.t.app, s.w.caseId, caseworker.cookies);
    const sent = await sentAppeal(s.t.app, s.w.caseId, caseworker.cookies);
    const page = await s.t.app.inject({ method: 'GET', url: `/cases/${s.w.caseId}`, cookies: caseworker.cookies });
    expect(lineOf(page.body, draft)).toBe('черновик');
    const line = lineOf(page.body, sent);
    expect(line).toMatch(/^отправлено 20\.02\.2026 · Ответ до: /);
    expect(line).not.toMatch(/отправлено · отправлено/);
  });
});
