import type { FastifyReply, FastifyRequest } from 'fastify';
import { echoValues, PostForm, TextField, TextToCopy } from './forms.tsx';
import { encodeResume, ResumeCarried } from './resume-typed.tsx';
import { echoed, echoFormOf, type EchoedValue } from './form-echo.ts';
import { Layout } from './layout.tsx';
import { sendPage } from './render.ts';

// A family member may spend longer writing her story than the session's idle timeout. When the
// form then arrives without a live session, nothing can be saved (without the session there is
// no key to encrypt it with, and we never keep plaintext) — but what she typed must not vanish:
// it comes back on this page, in this response only, so she can copy it, log in and fill the
// form again. Each field is named as on the form, and a choice reads as it did there.

/** What was sent, labelled by the route's declared form; unlabelled texts for a route without one. */
const handBack = async (req: FastifyRequest, body: Record<string, string>): Promise<EchoedValue[]> => {
  const form = echoFormOf(req);
  if (form) return echoed(req, form, body);
  return Object.entries(body)
    .map(([name, v]) => ({ name, value: v.trim() }))
    .filter((v) => v.value.length > 0)
    .map(({ name, value }) => ({ name, label: req.t('sessionEnded.yourText'), value, long: true }));
};

/** A text longer than this, in a form that declares no fields, is something the person wrote. */
const WRITTEN = 60;

/**
 * Every field the form sent, to send again after logging in (resume-typed.tsx): those the page
 * shows with their labels, the rest (ids, a choice's key) carried hidden as they were.
 */
const resumeOf = (req: FastifyRequest, body: Record<string, string>, shown: EchoedValue[]): string => {
  const declared = echoFormOf(req) !== undefined;
  const byName = new Map(shown.map((v) => [v.name, v]));
  // A page opened before multipart forms sent their token in the body still has it in its
  // action's query: a stale token is not carried into another URL.
  const to = new URL(req.url, 'http://site.invalid');
  to.searchParams.delete('_csrf');
  return encodeResume({
    to: to.pathname + to.search,
    multipart: req.isMultipart(),
    fields: Object.entries(body).map(([name, value]) => {
      const echo = byName.get(name);
      const long = declared ? echo?.long === true : value.length > WRITTEN || value.includes('\n');
      return {
        name,
        value,
        label: echo && (declared || long) ? echo.label : null,
        shown: echo && echo.value !== value.trim() ? echo.value : null,
        long,
      };
    }),
  });
};

interface Ended {
  /** the fields as the route read them (a multipart form's are not in req.body); req.body by default */
  fields?: unknown;
  status?: number;
  /**
   * The browser lost every cookie of the site (restarted, a new identity), so the form also
   * failed its CSRF check (form-not-sent.ts): the reason given is that, not a long wait.
   */
  cookiesLost?: boolean;
}

/** Answers a POST that lost its session; returns null when nothing typed needs keeping. */
export const sendSessionEnded = async (
  req: FastifyRequest,
  reply: FastifyReply,
  opts: Ended = {},
): Promise<FastifyReply | null> => {
  // Only for a lost session: a staff member who has not passed 2FA is sent on to it as usual.
  if (req.method !== 'POST' || req.auth) return null;
  const body = echoValues('fields' in opts ? opts.fields : req.body);
  const values = await handBack(req, body);
  if (values.length === 0) return null;
  const resume = resumeOf(req, body, values);
  const short = values.filter((v) => !v.long);
  return sendPage(
    req,
    reply,
    (ctx) => (
      <Layout ctx={ctx} heading={ctx.t(opts.cookiesLost ? 'sessionEnded.lostTitle' : 'sessionEnded.title')}>
        <p role="alert">{ctx.t(opts.cookiesLost ? 'sessionEnded.lostExplain' : 'sessionEnded.explain')}</p>
        {short.length > 0 && (
          <dl>
            {short.map((v) => (
              <>
                <dt>{v.label}</dt>
                <dd>{v.value}</dd>
              </>
            ))}
          </dl>
        )}
        {values
          .filter((v) => v.long)
          .map((v) => (
            <TextToCopy label={v.label} text={v.value} />
          ))}
        <h2>{ctx.t('sessionEnded.loginAgain')}</h2>
        <PostForm ctx={ctx} action="/login">
          <TextField
            ctx={ctx}
            name="pseudonym"
            label={ctx.t('accounts.fields.pseudonym')}
            values={{}}
            errors={{}}
            required
            showLimit={false}
            autocomplete="username"
          />
          <TextField
            ctx={ctx}
            name="passphrase"
            type="password"
            label={ctx.t('accounts.fields.passphrase')}
            values={{}}
            errors={{}}
            required
            showLimit={false}
            autocomplete="current-password"
          />
          <ResumeCarried ctx={ctx} resume={resume} />
          <button type="submit">{ctx.t('sessionEnded.loginAndResume')}</button>
        </PostForm>
      </Layout>
    ),
    opts.status ?? 401,
  );
};
