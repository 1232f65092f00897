import type { FastifyInstance } from 'fastify';
import { submitForm } from '../../test/helpers/factories.ts';

// Test-only: the accounts' pages driven like a browser without JavaScript.

/** Registers as a browser does (the form posted, then the page it is sent on to); shared by the account tests. */
export const registerThroughPages = async (app: FastifyInstance, pseudonym: string, passphrase: string) => {
  const posted = await submitForm(app, '/register', { pseudonym, passphrase, confirm: passphrase });
  if (posted.res.statusCode !== 303) return { ...posted, posted: posted.res };
  const res = await app.inject({
    method: 'GET',
    url: String(posted.res.headers.location),
    cookies: posted.cookies,
  });
  return { res, cookies: posted.cookies, posted: posted.res };
};
