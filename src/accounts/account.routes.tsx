import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { parseForm } from '../shared/validation.ts';
import { redirect, sendPage } from '../web/render.ts';
import { Unauthenticated } from '../shared/errors.ts';
import { changePassphraseSchema, codeSchema, reauthSchema } from './accounts.schema.ts';
import {
  changePassphrase,
  regenerateRecoveryCodes,
  remainingRecoveryCodes,
  verifyOwnPassphrase,
} from './auth.service.ts';
import {
  confirmTotpSetup,
  passphraseJustEntered,
  pendingTotpSecret,
  startFreshTotpSetup,
  startTotpSetup,
} from './twofactor.service.ts';
import { fullSessionOf, sessionOf, SHOWS_PENDING_CODES } from './accounts.plugin.ts';
import { countOtherSessions, deleteOtherSessions } from './sessions.service.ts';
import { formFailure } from '../web/forms.tsx';
import { otpauthUri, qrDataUri } from './totp.crypto.ts';
import { AccountPage, TwoFactorPage } from './account.views.tsx';
import { homeFor, showPendingCodes } from './auth.routes.tsx';
import type { FormErrors } from '../web/forms.tsx';
import { mayEraseOwnAccount } from '../policy/organisation.policy.ts';
import { principalOf } from '../policy/principal.ts';

// One's own account: passphrase, recovery codes, and TOTP setup. 2FA can be changed only here,
// on one's own account, after the passphrase is entered again (a first setup within minutes of
// the passphrase is not asked for it twice: passphraseJustEntered); a staff member who has a TOTP
// secret but has not passed it in this session cannot reach this page (no bypass by passphrase).

/** The 2FA page also serves staff who have not set TOTP up yet (their first login). */
const twoFactorSession = (req: FastifyRequest) => {
  const session = sessionOf(req);
  if (!session) throw new Unauthenticated();
  if (!session.auth.secondFactorDone && session.auth.totpEnabled) throw new Unauthenticated();
  return session;
};

export const accountRoutes = async (app: FastifyInstance): Promise<void> => {
  const deps = () => app.deps;

  const showAccount = async (
    req: FastifyRequest,
    reply: FastifyReply,
    extra: { form?: 'passphrase' | 'codes'; errors?: FormErrors; notice?: string; status?: number } = {},
  ) => {
    const { auth } = fullSessionOf(req);
    const remainingCodes = await remainingRecoveryCodes(deps(), auth.userId);
    const otherSessions = await countOtherSessions(deps().db, auth.userId, auth.sessionId);
    return sendPage(
      req,
      reply,
      (ctx) => (
        <AccountPage
          ctx={ctx}
          auth={auth}
          remainingCodes={remainingCodes}
          otherSessions={otherSessions}
          form={extra.form}
          errors={extra.errors}
          notice={extra.notice}
          canDeleteAccount={mayEraseOwnAccount(principalOf(auth))}
        />
      ),
      extra.status,
    );
  };

  app.get('/account', (req, reply) => {
    const done = (req.query as Record<string, unknown>).done;
    const notices: Record<string, string> = {
      passphrase: 'accounts.account.passphraseChanged',
      '2fa': 'accounts.twoFactor.saved',
      sessions: 'accounts.account.sessionsEnded',
      recovered: 'accounts.recover.done',
    };
    const notice = typeof done === 'string' ? notices[done] : undefined;
    return showAccount(req, reply, { notice });
  });

  app.post(
    '/account/passphrase',
    { config: { rateLimit: { max: 20, timeWindow: '1 minute' } } },
    async (req, reply) => {
      const session = fullSessionOf(req);
      try {
        const input = parseForm(changePassphraseSchema, req.body);
        await changePassphrase(deps(), session, { current: input.current, next: input.passphrase });
        return redirect(reply, '/account?done=passphrase');
      } catch (err) {
        const f = formFailure(err);
        if (!f) throw err;
        return showAccount(req, reply, { form: 'passphrase', errors: f.errors, status: f.status });
      }
    },
  );

  app.post('/account/sessions', async (req, reply) => {
    const { auth } = fullSessionOf(req);
    await deleteOtherSessions(deps().db, auth.userId, auth.sessionId);
    return redirect(reply, '/account?done=sessions');
  });

  app.post(
    '/account/recovery-codes',
    { config: { rateLimit: { max: 10, timeWindow: '1 minute' } } },
    async (req, reply) => {
      const session = fullSessionOf(req);
      try {
        const { passphrase } = parseForm(reauthSchema, req.body);
        await verifyOwnPassphrase(deps(), session.auth.userId, passphrase);
        await regenerateRecoveryCodes(deps(), session);
        // Post/redirect/get, as registration: the codes wait sealed in the session for one view.
        return redirect(reply, '/account/recovery-codes');
      } catch (err) {
        const f = formFailure(err);
        if (!f) throw err;
        return showAccount(req, reply, { form: 'codes', errors: f.errors, status: f.status });
      }
    },
  );

  // The new codes, once (their page in the other language aside); a reload or a later visit goes
  // back to the account page.
  app.get('/account/recovery-codes', { config: SHOWS_PENDING_CODES }, (req, reply) =>
    showPendingCodes(app, req, reply, () => '/account'),
  );

  const showTwoFactor = async (req: FastifyRequest, reply: FastifyReply, errors: FormErrors = {}, status = 200) => {
    const session = twoFactorSession(req);
    // Right after the passphrase was chosen or entered, a first setup starts without asking for
    // it again (twofactor.service.ts passphraseJustEntered says when, and why that is safe).
    const secret =
      pendingTotpSecret(session) ??
      (passphraseJustEntered(session, deps().clock.now()) ? await startFreshTotpSetup(deps(), session) : null);
    // The entry in the app is named after the site, not the pseudonym: the link is a URL on the
    // page (no names in URLs), and a seized phone's app should not hand over half a login.
    const uri = secret ? otpauthUri(secret, new URL(deps().config.publicUrl).host, 'Kintrace') : null;
    const pending = secret && uri ? { secret, uri, qr: await qrDataUri(uri) } : null;
    return sendPage(
      req,
      reply,
      (ctx) => <TwoFactorPage ctx={ctx} auth={session.auth} pending={pending} errors={errors} />,
      status,
    );
  };

  app.get('/account/2fa', (req, reply) => showTwoFactor(req, reply));
  app.get('/staff/2fa/setup', (req, reply) => showTwoFactor(req, reply));

  app.post(
    '/account/2fa/passphrase',
    { config: { rateLimit: { max: 20, timeWindow: '1 minute' } } },
    async (req, reply) => {
      const session = twoFactorSession(req);
      try {
        const { passphrase } = parseForm(reauthSchema, req.body);
        await startTotpSetup(deps(), session, passphrase);
        return redirect(reply, '/account/2fa');
      } catch (err) {
        const f = formFailure(err);
        if (!f) throw err;
        return showTwoFactor(req, reply, f.errors, f.status);
      }
    },
  );

  app.post(
    '/account/2fa/confirm',
    { config: { rateLimit: { max: 30, timeWindow: '1 minute' } } },
    async (req, reply) => {
      const session = twoFactorSession(req);
      try {
        const { code } = parseForm(codeSchema, req.body);
        await confirmTotpSetup(deps(), session, code);
        return redirect(reply, session.auth.role === 'family' ? '/account?done=2fa' : homeFor(session.auth));
      } catch (err) {
        const f = formFailure(err);
        if (!f) throw err;
        return showTwoFactor(req, reply, f.errors, f.status);
      }
    },
  );
};
