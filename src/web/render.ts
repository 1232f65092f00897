import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { pageContext, type PageContext } from './page-context.ts';

/**
 * Renders a full page. `view` receives the page context (translator, language, CSRF token,
 * who is logged in) and returns the page wrapped in <Layout>. Private pages are never cached.
 */
export const sendPage = (
  req: FastifyRequest,
  reply: FastifyReply,
  view: (ctx: PageContext) => VNode,
  status = 200,
): FastifyReply => {
  const html = `<!doctype html>${renderToString(view(pageContext(req, reply)))}`;
  return reply.code(status).type('text/html; charset=utf-8').send(html);
};

/** Post/redirect/get: 303 so a reload never re-submits a form. */
export const redirect = (reply: FastifyReply, to: string): FastifyReply => reply.code(303).redirect(to);
