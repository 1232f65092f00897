import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { CSRF_COOKIE } from '../../src/web/security.ts';
import type { TestUser } from './factories.ts';
import { Visitor, type Page } from './visitor.ts';

// Shared by the tests of forms that come back filled in after a failed CSRF check
// (src/web/form-not-sent.ts): a logged-in browser, and what such a page must say and carry.

/** A browser logged in as `user` (its session cookie), optionally sending extra headers. */
export const browserOf = (app: FastifyInstance, user: TestUser, headers: Record<string, string> = {}): Visitor => {
  const v = new Visitor(app, headers);
  for (const [k, val] of Object.entries(user.cookies)) v.cookies.set(k, val);
  return v;
};

/**
 * 403, "not sent, nothing saved", a fresh CSRF cookie (unless the browser still had its own: then
 * `cookieLost` false) and a token in the page's forms, made for it: sending again works.
 */
export const expectNotSent = (res: Page, lang: 'ru' | 'en' = 'ru', cookieLost = true): void => {
  expect(res.status).toBe(403);
  expect(res.body).toContain(lang === 'ru' ? 'Форма не отправлена' : 'The form was not sent');
  expect(res.body).toContain(lang === 'ru' ? 'Ничего не сохранено' : 'Nothing was saved');
  if (cookieLost) expect(String(res.headers['set-cookie'])).toMatch(new RegExp(`${CSRF_COOKIE}=[^;]+;`));
  expect(res.body).toMatch(/name="_csrf" value="[^"]+"/);
};

/** The plain refusal: nothing of what was typed, nothing of the page. */
export const expectRefused = (res: Page, mark: string): void => {
  expect(res.status).toBe(403);
  expect(res.body).toContain('Форма устарела');
  expect(res.body).not.toContain(mark);
};

/** A textarea named `name` holding exactly `text` (as the renderer escapes it). */
export const textarea = (name: string, text: string): RegExp =>
  new RegExp(`<textarea[^>]*name="${name}"[^>]*>${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}</textarea>`);

/**
 * Opens `page` as `user`, loses the CSRF cookie, and sends the form posting to `action` with
 * `fields` (cross-site when asked): what a browser that was restarted meanwhile would get.
 */
export const sendWithoutCookie = async (
  app: FastifyInstance,
  user: TestUser,
  page: string,
  action: string,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<{ visitor: Visitor; res: Page }> => {
  const visitor = browserOf(app, user, headers);
  await visitor.get(page);
  visitor.cookies.delete(CSRF_COOKIE);
  return { visitor, res: await visitor.submit(null, action, fields) };
};
