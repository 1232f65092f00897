import { describe, expect, it } from 'vitest';
import { useWorld } from '../cases/cases.fixtures.ts';

// An editor logged in and landed on /account (chosen before the editor's desk existed); their
// work — guides, letter templates, the directory — is at /editor (QA walk).

describe("an editor's start page", () => {
  const s = useWorld('sqlite');

  it('is the editor desk', async () => {
    const res = await s.t.app.inject({ method: 'GET', url: '/register', cookies: s.w.editor.cookies });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/editor');
    const desk = await s.t.app.inject({ method: 'GET', url: '/editor', cookies: s.w.editor.cookies });
    expect(desk.statusCode).toBe(200);
  });
});
