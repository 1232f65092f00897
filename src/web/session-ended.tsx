import type { FastifyReply, FastifyRequest } from 'fastify';
import { echoValues } from './forms.tsx';
import { echoed, echoFormOf, type EchoedValue } from './form-echo.ts';
import { Layout } from './layout.tsx';
import { sendPage } from './render.ts';

// A family member may spend longer writing her story than the session's idle timeout. When the
// form then arrives without a live session, nothing can be saved (without the session there is
// no key to encrypt it with, and we never keep plaintext) — but what she typed must not vanish:
// it comes back on this page, in this response only, so she can copy it, log in and fill the
// form again. Each field is named as on the form, and a choice reads as it did there.

/** What was sent, labelled by the route's declared form; unlabelled texts for a route without one. */
const handBack = async (req: FastifyRequest, fields: unknown): Promise<EchoedValue[]> => {
  const body = echoValues(fields);
  const form = echoFormOf(req);
  if (form) return echoed(req, form, body);
  return Object.values(body)
    .map((v) => v.trim())
    .filter((v) => v.length > 0)
    .map((value) => ({ label: req.t('sessionEnded.yourText'), value, long: true }));
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
  const values = await handBack(req, 'fields' in opts ? opts.fields : req.body);
  if (values.length === 0) return null;
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
            <label>
              {v.label}
              <textarea readOnly rows={Math.min(16, 3 + Math.ceil(v.value.length / 40))}>
                {v.value}
              </textarea>
            </label>
          ))}
        <p>
          <a href="/login">{ctx.t('sessionEnded.loginAgain')}</a>
        </p>
      </Layout>
    ),
    opts.status ?? 401,
  );
};
