import { RETURN_FIELD, returnPath, withReturn } from '../web/return-to.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { echoValues } from '../web/forms.tsx';
import { parseForm } from '../shared/validation.ts';
import { redirect, sendPage } from '../web/render.ts';
import { Layout } from '../web/layout.tsx';
import type { AuthContext } from '../policy/principal.ts';
import { codeSchema, loginSchema, recoverSchema, registerSchema } from './accounts.schema.ts';
import { login, recoverWithCode, registerFamily, type LoginResult } from './auth.service.ts';
import { passSecondFactor } from './twofactor.service.ts';
import { RESUME_FIELD, resumeOf, sendResumePage } from '../web/resume-typed.tsx';
import {
  adoptSession,
  clearSessionCookie,
  fullSessionOf,
  SHOWS_PENDING_CODES,
  replaceSessionCookie,
  sessionOf,
  setSessionCookie,
} from './accounts.plugin.ts';
import { deleteSession, parseCookie, SESSION_COOKIE, viewPendingCodes } from './sessions.service.ts';
import { formFailure } from '../web/forms.tsx';
import { LoginPage, RecoverPage, RecoveryCodesPage, RegisterPage, SecondFactorPage } from './auth.views.tsx';
import { Unauthenticated } from '../shared/errors.ts';

// Thin handlers: parse, call one service function, render or redirect (303). Global rate limits
// here (one shared bucket per route, never per IP); per-account limits live in the services.

const limit = (max: number) => ({ rateLimit: { max, timeWindow: '1 minute' } });

/** An administrator's daily page: the queue, or the organisations page for a site admin outside any. */
export const workHomeFor = (auth: Pick<AuthContext, 'role' | 'organisationId'>): string =>
  auth.role === 'site_admin' && !auth.organisationId ? '/admin/organisations' : '/staff';

/**
 * Where a fully logged-in user starts: families at their cases, case staff at the queue, an
 * editor (no case access) at their desk (/editor: guides, templates, authorities; it landed on
 * /account, chosen before that desk existed), administrators at the next steps of setting the site up
 * (/admin/start, which sends them on to their work once nothing is left to do).
 */
export const homeFor = (auth: Pick<AuthContext, 'role' | 'organisationId'>): string => {
  if (auth.role === 'family') return '/my/cases';
  if (auth.role === 'editor') return '/editor';
  if (auth.role === 'site_admin' || auth.role === 'org_admin') return '/admin/start';
  return '/staff';
};

/**
 * Recovery codes waiting in the session (a new account's, or new ones made on /account), shown
 * on this one page. Its language link (carrying a one-time token) shows them again in the other
 * language; a reload, any other visit, or leaving the page (accounts.plugin.ts) erases them, and
 * the page goes on to `next`. Both forms that make codes redirect here, so a reload never posts
 * them again nor shows them twice.
 */
export const showPendingCodes = async (
  app: FastifyInstance,
  req: FastifyRequest,
  reply: FastifyReply,
  nextFor: (auth: AuthContext) => string,
) => {
  const session = fullSessionOf(req);
  const next = nextFor(session.auth);
  const again = (req.query as Record<string, unknown> | undefined)?.again;
  const shown = await viewPendingCodes(app.deps.db, session, typeof again === 'string' ? again : undefined);
  if (!shown) return redirect(reply, next);
  return sendPage(req, reply, (ctx) => (
    <RecoveryCodesPage
      ctx={ctx}
      codes={shown.codes}
      again={shown.again}
      next={next}
      pseudonym={session.auth.pseudonym}
    />
  ));
};

/** Where a log-in leads: the second factor (carrying the page to return to), its set-up, or `home`. */
const afterLogin = (result: LoginResult, home: string, back: string | null = null): string =>
  result.next === 'second_factor'
    ? withReturn('/login/2fa', back)
    : result.next === 'setup_totp'
      ? '/account/2fa'
      : (back ?? home);

/** The page to return to, as the form or the address carries it (return-to.ts). */
const backOf = (from: unknown): string | null =>
  returnPath((from as Record<string, unknown> | undefined)?.[RETURN_FIELD]);

export const authRoutes = async (app: FastifyInstance): Promise<void> => {
  const deps = () => app.deps;

  app.get('/register', (req, reply) =>
    req.auth?.secondFactorDone
      ? redirect(reply, homeFor(req.auth))
      : sendPage(req, reply, (ctx) => <RegisterPage ctx={ctx} />),
  );

  app.post('/register', { config: limit(20) }, async (req, reply) => {
    try {
      const input = parseForm(registerSchema, req.body);
      const { cookie } = await registerFamily(deps(), input);
      await replaceSessionCookie(app, req, reply, cookie);
      // Post/redirect/get: a reload of the codes page must not post the registration again. The
      // codes wait sealed in the new session (never in the URL) for that one page.
      return redirect(reply, '/register/codes');
    } catch (err) {
      const f = formFailure(err, 'pseudonym');
      if (!f) throw err;
      return sendPage(
        req,
        reply,
        (ctx) => <RegisterPage ctx={ctx} values={echoValues(req.body)} errors={f.errors} />,
        f.status,
      );
    }
  });

  // The recovery codes of a new account, once. A reload (or any later visit) goes on to one's
  // home (the family's cases); new codes are made on /account.
  app.get('/register/codes', { config: SHOWS_PENDING_CODES }, (req, reply) =>
    showPendingCodes(app, req, reply, homeFor),
  );

  app.get('/login', (req, reply) => {
    const auth = req.auth;
    if (auth?.secondFactorDone) return redirect(reply, homeFor(auth));
    if (auth) return redirect(reply, auth.totpEnabled ? '/login/2fa' : '/account/2fa');
    const back = backOf(req.query);
    return sendPage(req, reply, (ctx) => <LoginPage ctx={ctx} values={back ? { [RETURN_FIELD]: back } : {}} />);
  });

  app.post('/login', { config: limit(30) }, async (req, reply) => {
    try {
      const input = parseForm(loginSchema, req.body);
      const result = await login(deps(), {
        ...input,
        previousSessionHash: parseCookie(req.cookies[SESSION_COOKIE])?.idHash ?? null,
      });
      setSessionCookie(app, reply, result.cookie);
      // A form that arrived after the session ended, carried through this log-in
      // (web/resume-typed.tsx): its fields come back at once, or after the second factor.
      const resume = resumeOf(req.body);
      if (resume && result.next !== 'setup_totp') {
        await adoptSession(app, req, result.cookie);
        if (result.next === 'done') return sendResumePage(req, reply, resume, homeFor(result));
        const carried = { [RESUME_FIELD]: String((req.body as Record<string, unknown>)[RESUME_FIELD]) };
        return sendPage(req, reply, (ctx) => <SecondFactorPage ctx={ctx} values={carried} />);
      }
      return redirect(reply, afterLogin(result, homeFor(result), backOf(req.body)));
    } catch (err) {
      const f = formFailure(err);
      if (!f) throw err;
      return sendPage(
        req,
        reply,
        (ctx) => <LoginPage ctx={ctx} values={echoValues(req.body)} errors={f.errors} />,
        f.status,
      );
    }
  });

  const pendingSecondFactor = (req: FastifyRequest) => {
    const session = sessionOf(req);
    if (!session?.auth.totpEnabled) throw new Unauthenticated();
    return session;
  };

  app.get('/login/2fa', (req, reply) => {
    const session = pendingSecondFactor(req);
    if (session.auth.secondFactorDone) return redirect(reply, homeFor(session.auth));
    const back = backOf(req.query);
    return sendPage(req, reply, (ctx) => <SecondFactorPage ctx={ctx} values={back ? { [RETURN_FIELD]: back } : {}} />);
  });

  app.post('/login/2fa', { config: limit(30) }, async (req, reply) => {
    const session = pendingSecondFactor(req);
    try {
      const { code } = parseForm(codeSchema, req.body);
      const { cookie } = await passSecondFactor(deps(), session, code);
      setSessionCookie(app, reply, cookie);
      const resume = resumeOf(req.body);
      if (resume) {
        await adoptSession(app, req, cookie);
        return sendResumePage(req, reply, resume, homeFor(session.auth));
      }
      return redirect(reply, backOf(req.body) ?? homeFor(session.auth));
    } catch (err) {
      const f = formFailure(err);
      if (!f) throw err;
      return sendPage(
        req,
        reply,
        (ctx) => <SecondFactorPage ctx={ctx} values={echoValues(req.body)} errors={f.errors} />,
        f.status,
      );
    }
  });

  app.post('/logout', async (req, reply: FastifyReply) => {
    const parsed = parseCookie(req.cookies[SESSION_COOKIE]);
    if (parsed) await deleteSession(deps().db, parsed.idHash);
    clearSessionCookie(app, reply);
    reply.header('clear-site-data', '"cookies", "storage"');
    req.auth = null;
    return sendPage(req, reply, (ctx) => (
      <Layout ctx={ctx} heading={ctx.t('accounts.logout.title')}>
        <p>{ctx.t('accounts.logout.done')}</p>
        {/* Clear-Site-Data takes cookies and storage, never the history: «данные удалены» alone let a
            mother think no trace was left on a phone others may look at (QA walk 9). */}
        <p class="notice">{ctx.t('accounts.logout.history')}</p>
        <p>
          <a href="/login">{ctx.t('accounts.logout.again')}</a> · <a href="/">{ctx.t('common.home')}</a>
        </p>
      </Layout>
    ));
  });

  app.get('/recover', (req, reply) => sendPage(req, reply, (ctx) => <RecoverPage ctx={ctx} />));

  app.post('/recover', { config: limit(10) }, async (req, reply) => {
    try {
      const input = parseForm(recoverSchema, req.body);
      const result = await recoverWithCode(deps(), input);
      await replaceSessionCookie(app, req, reply, result.cookie);
      return redirect(reply, afterLogin(result, '/account?done=recovered'));
    } catch (err) {
      const f = formFailure(err);
      if (!f) throw err;
      return sendPage(
        req,
        reply,
        (ctx) => <RecoverPage ctx={ctx} values={echoValues(req.body)} errors={f.errors} />,
        f.status,
      );
    }
  });
};
