import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, Invalid } from '../shared/errors.ts';
import { readUploadForm } from '../evidence/evidence.plugin.ts';
import { echoValues, NOT_SENT_KEYS, type FormErrors, type FormValues } from './forms.tsx';
import { sendSessionEnded } from './session-ended.tsx';
import { SECRET_FIELD } from './resume-typed.tsx';

// A form that fails its CSRF check because the browser lost the site's cookie (Tor Browser
// restarted or given a new identity, cookies cleared, another tab minted a new secret) must not
// lose what was typed. The route names how its form is drawn from a values object — the same
// renderer that shows the form again after bad input — and `config: { csrfFailed: keepTyped(…) }`
// does the rest (error-handler.tsx calls it, never for a post another site sent). The route's own
// handler never runs, so nothing is stored; the page comes with a fresh token, and a password or
// token field is never shown back (echoValues).

const shownBack = (fields: Record<string, string>): FormValues =>
  echoValues(Object.fromEntries(Object.entries(fields).filter(([name]) => !SECRET_FIELD.test(name))));

/** What the failed form held, for its renderer; the answer is 403 whatever the page. */
export interface KeptForm {
  values: FormValues;
  errors: FormErrors;
  status: 403;
}

export type KeptFormRenderer = (req: FastifyRequest, reply: FastifyReply, kept: KeptForm) => Promise<FastifyReply>;

/**
 * The fields as the route reads them (urlencoded, or multipart read to its end), and whether a
 * file was chosen: its bytes run through unheld, never kept, since the check failed.
 */
export const typedBack = async (
  req: FastifyRequest,
): Promise<{ fields: Record<string, string>; fileChosen: boolean }> => {
  try {
    const form = await readUploadForm(req, { plain: true, dropFile: true });
    return { fields: form.fields, fileChosen: form.fileChosen };
  } catch (err) {
    if (!(err instanceof Invalid)) throw err;
    return { fields: {}, fileChosen: false };
  }
};

/** Nothing saved, everything typed below; a chosen file must be chosen again (a browser cannot give it back). */
export const notSentErrors = (fileChosen: boolean): FormErrors => ({
  _form: { field: '_form', key: fileChosen ? NOT_SENT_KEYS.withFile : NOT_SENT_KEYS.plain },
  ...(fileChosen ? { file: { field: 'file', key: 'common.fileAgain' } } : {}),
});

/**
 * The route's csrfFailed: its form again, filled in — or empty, when it was sent empty: the
 * plain refusal would call it stale or another site's and send her Back to a token that no
 * longer works, where the form again carries a fresh one. Without a session (the browser lost
 * every cookie) the form cannot be drawn for anyone, so what was typed comes back on the
 * session-ended page; with nothing typed there is nothing to keep, and the plain refusal answers
 * (sendSessionEnded gives null). null — the plain refusal — too when the form is not this
 * visitor's to see (the renderer's own authorisation says no).
 */
export const keepTyped =
  (render: KeptFormRenderer) =>
  async (req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | null> => {
    const { fields, fileChosen } = await typedBack(req);
    const values = shownBack(fields);
    if (!req.auth) return sendSessionEnded(req, reply, { fields: values, status: 403, cookiesLost: true });
    try {
      return await render(req, reply, { values, errors: notSentErrors(fileChosen), status: 403 });
    } catch (err) {
      if (err instanceof DomainError) return null;
      throw err;
    }
  };
