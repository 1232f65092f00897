import type { FastifyReply, FastifyRequest } from 'fastify';
import { echoValues } from './forms.tsx';
import { Layout } from './layout.tsx';
import { sendPage } from './render.ts';

// A family member may spend longer writing her story than the session's idle timeout. When the
// form then arrives without a live session, nothing can be saved (without the session there is
// no key to encrypt it with, and we never keep plaintext) — but what she typed must not vanish:
// it comes back on this page, in this response only, so she can copy it, log in and paste it.

/** The texts a user typed into a form, without passphrases and tokens. */
const typedTexts = (req: FastifyRequest): string[] =>
  Object.values(echoValues(req.body))
    .map((v) => v.trim())
    .filter((v) => v.length > 0);

/** Answers a POST that lost its session; returns null when nothing typed needs keeping. */
export const sendSessionEnded = (req: FastifyRequest, reply: FastifyReply): FastifyReply | null => {
  // Only for a lost session: a staff member who has not passed 2FA is sent on to it as usual.
  if (req.method !== 'POST' || req.auth) return null;
  const texts = typedTexts(req);
  if (texts.length === 0) return null;
  return sendPage(
    req,
    reply,
    (ctx) => (
      <Layout ctx={ctx} heading={ctx.t('sessionEnded.title')}>
        <p role="alert">{ctx.t('sessionEnded.explain')}</p>
        <label>
          {ctx.t('sessionEnded.yourText')}
          <textarea readOnly rows={Math.min(16, 3 + texts.length * 3)}>
            {texts.join('\n\n')}
          </textarea>
        </label>
        <p>
          <a href="/login">{ctx.t('sessionEnded.loginAgain')}</a>
        </p>
      </Layout>
    ),
    401,
  );
};
