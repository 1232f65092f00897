import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { type Cookies, submitForm } from '../../test/helpers/factories.ts';

/**
 * An editor writes a new Russian guide through the editor's form (saved and published at once);
 * the address of its edit page.
 */
export const writeGuide = async (
  app: FastifyInstance,
  cookies: Cookies,
  guide: { slug: string; title: string; markdown: string },
): Promise<string> => {
  const made = await submitForm(app, '/editor/guides/new', { ...guide, lang: 'ru' }, cookies);
  expect(made.res.statusCode).toBe(303);
  return String(made.res.headers.location).replace('?done=saved', '');
};
