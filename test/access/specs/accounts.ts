import { anyAccount, everyone, only, type RouteSpec } from '../route-spec.ts';
import type { Who } from '../world.ts';

// Accounts: the public pages (register, log in, recover, single-use links), one's own account,
// and the second factor. What the matrix checks here is who reaches a page; the pages' own
// behaviour is tested in src/accounts/.

const WRONG = 'wrong passphrase 123';

/** /login/2fa is for a session with a TOTP secret; a family without one is sent back to log in. */
const secondFactorPage = (who: Who) =>
  ['anonymous', 'owner', 'otherFamily', 'tipSender'].includes(who) ? 'login' : 'allow';

export const accountSpecs: RouteSpec[] = [
  { method: 'GET', route: '/register', request: () => ({ url: '/register' }), outcome: everyone },
  {
    method: 'POST',
    route: '/register',
    request: () => ({ url: '/register', fields: { pseudonym: '', passphrase: WRONG } }),
    outcome: everyone,
  },
  // The new account's recovery codes, once (then on to one's home): any account's own session.
  { method: 'GET', route: '/register/codes', request: () => ({ url: '/register/codes' }), outcome: anyAccount },
  { method: 'GET', route: '/login', request: () => ({ url: '/login' }), outcome: everyone },
  {
    method: 'POST',
    route: '/login',
    request: () => ({ url: '/login', fields: { pseudonym: 'nobody-here', passphrase: WRONG } }),
    outcome: everyone,
  },
  { method: 'GET', route: '/login/2fa', request: () => ({ url: '/login/2fa' }), outcome: secondFactorPage },
  {
    method: 'POST',
    route: '/login/2fa',
    request: () => ({ url: '/login/2fa', fields: { code: '000000' }, freshSession: true }),
    outcome: secondFactorPage,
  },
  { method: 'POST', route: '/logout', request: () => ({ url: '/logout', freshSession: true }), outcome: everyone },
  // The quick exit: anyone, at once, and it ends the session it is sent with.
  { method: 'POST', route: '/exit', request: () => ({ url: '/exit', freshSession: true }), outcome: everyone },
  { method: 'POST', route: '/tip/exit', request: () => ({ url: '/tip/exit', freshSession: true }), outcome: everyone },
  { method: 'GET', route: '/recover', request: () => ({ url: '/recover' }), outcome: everyone },
  {
    method: 'POST',
    route: '/recover',
    request: () => ({ url: '/recover', fields: { pseudonym: 'nobody-here', code: 'AAAAA', passphrase: WRONG } }),
    outcome: everyone,
  },
  { method: 'GET', route: '/account', request: () => ({ url: '/account' }), outcome: anyAccount },
  {
    method: 'POST',
    route: '/account/passphrase',
    request: () => ({ url: '/account/passphrase', fields: { current: WRONG, passphrase: 'x', confirm: 'y' } }),
    outcome: anyAccount,
  },
  { method: 'POST', route: '/account/sessions', request: () => ({ url: '/account/sessions' }), outcome: anyAccount },
  {
    method: 'POST',
    route: '/account/recovery-codes',
    request: () => ({ url: '/account/recovery-codes', fields: { passphrase: WRONG } }),
    outcome: anyAccount,
  },
  // New recovery codes, once, after the form above redirects (then back to /account).
  {
    method: 'GET',
    route: '/account/recovery-codes',
    request: () => ({ url: '/account/recovery-codes' }),
    outcome: anyAccount,
  },
  // Deleting one's account with every case: families only. Sent without its confirmation, so an
  // allowed family reaches the form's answer and nothing is deleted.
  {
    method: 'GET',
    route: '/account/delete',
    request: () => ({ url: '/account/delete' }),
    outcome: only('owner', 'otherFamily'),
  },
  {
    method: 'POST',
    route: '/account/delete',
    request: () => ({ url: '/account/delete', fields: { confirm: '' } }),
    outcome: only('owner', 'otherFamily'),
  },
  { method: 'GET', route: '/account/2fa', request: () => ({ url: '/account/2fa' }), outcome: anyAccount },
  { method: 'GET', route: '/staff/2fa/setup', request: () => ({ url: '/staff/2fa/setup' }), outcome: anyAccount },
  {
    method: 'POST',
    route: '/account/2fa/passphrase',
    request: () => ({ url: '/account/2fa/passphrase', fields: { passphrase: WRONG } }),
    outcome: anyAccount,
  },
  {
    method: 'POST',
    route: '/account/2fa/confirm',
    request: () => ({ url: '/account/2fa/confirm', fields: { code: '000000' } }),
    outcome: anyAccount,
  },
  // Single-use links: a token that is not (or no longer) valid is "not found" for everyone alike.
  ...(['invite', 'reset', 'setup'] as const).flatMap((kind): RouteSpec[] => [
    {
      method: 'GET',
      route: `/${kind}/:token`,
      request: () => ({ url: `/${kind}/${'x'.repeat(43)}` }),
      outcome: () => 'notFound',
    },
    {
      method: 'POST',
      route: `/${kind}/:token`,
      request: () => ({ url: `/${kind}/${'x'.repeat(43)}`, fields: { pseudonym: 'someone', passphrase: WRONG } }),
      outcome: () => 'notFound',
    },
  ]),
];
