import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { type Cookies, submitForm } from '../../test/helpers/factories.ts';
import type { Clock } from '../shared/clock.ts';
import { totpCode } from './totp.crypto.ts';

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

/** Turns 2FA on through the account pages, as a browser does; the secret, for codes. */
export const turnOnTwoFactor = async (
  app: FastifyInstance,
  clock: Clock,
  cookies: Cookies,
  passphrase: string,
): Promise<string> => {
  await submitForm(app, '/account/2fa', { passphrase }, cookies, '/account/2fa/passphrase');
  const setup = await app.inject({ method: 'GET', url: '/account/2fa', cookies });
  const secret = /<code class="secret">([A-Z2-7 ]+)<\/code>/.exec(setup.body)![1].replace(/ /g, '');
  const done = await submitForm(
    app,
    '/account/2fa',
    { code: totpCode(secret, clock.now()) },
    cookies,
    '/account/2fa/confirm',
  );
  expect(done.res.headers.location).toBe('/account?done=2fa');
  return secret;
};
