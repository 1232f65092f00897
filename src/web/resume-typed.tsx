import type { FastifyReply, FastifyRequest } from 'fastify';
import { Layout } from './layout.tsx';
import { PostForm } from './forms.tsx';
import type { PageContext } from './page-context.ts';
import { sendPage } from './render.ts';

// A form that arrived after its session ended comes back on the session-ended page
// (session-ended.tsx). Copying a long letter out of a box and pasting it back, on a phone, is
// where a frightened mother gives up; so that page also carries what she typed through the log-in
// form (and the second factor's, if her account has one), and the first page after logging in is
// her form's fields, filled in, to send again with one tap. Nothing is stored on the way: it
// travels in the forms themselves, in this browser's requests only, like the text she first sent.

/** The hidden field of the log-in forms that carries the form to resume. */
export const RESUME_FIELD = 'resume';

export interface ResumeField {
  name: string;
  value: string;
  /** the field's label on its form, as shown then; null for a hidden field (an id, a choice's key) */
  label: string | null;
  /** a choice as it read on the form ("мать", not "mother"), when it is not the value itself */
  shown: string | null;
  /** a text the person wrote: handed back editable */
  long: boolean;
}

export interface Resume {
  /** the path the form was sent to */
  to: string;
  multipart: boolean;
  fields: ResumeField[];
}

/** The most fields, and characters in all, carried through (a letter with its attachments' notes fits). */
const MAX_FIELDS = 200;
const MAX_CHARS = 200_000;
/**
 * Never drawn back into a page nor carried through a log-in, whatever the form: a passphrase, a
 * token, a code, the CSRF token (form-not-sent.ts hands back what a form held by the same rule).
 */
export const SECRET_FIELD = /pass|token|secret|(^|_)code$|^_csrf$/i;
const FIELD_NAME = /^[A-Za-z0-9_.[\]-]{1,100}$/;
/** A path of this site, never another host ("//x"), and never the log-in pages themselves. */
const LOCAL_PATH = /^\/(?![/\\])[^\s\\]{0,2000}$/;
const NOT_RESUMED = /^\/(login|logout|register|recover)(\/|\?|$)/;

export const encodeResume = (resume: Resume): string =>
  Buffer.from(
    JSON.stringify([
      resume.to,
      resume.multipart ? 1 : 0,
      resume.fields.map((f) => [f.name, f.value, f.label ?? '', f.shown ?? '', f.long ? 1 : 0]),
    ]),
    'utf8',
  ).toString('base64url');

const str = (x: unknown): x is string => typeof x === 'string';

/** The form to resume, or null for anything that is not one this site would have made. */
export const decodeResume = (raw: unknown): Resume | null => {
  if (!str(raw) || raw.length === 0 || raw.length > MAX_CHARS * 3) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) return null;
  const [to, multipart, list] = parsed as unknown[];
  if (!str(to) || !LOCAL_PATH.test(to) || NOT_RESUMED.test(to) || !Array.isArray(list) || list.length > MAX_FIELDS)
    return null;
  const fields: ResumeField[] = [];
  let chars = 0;
  for (const item of list) {
    if (!Array.isArray(item) || item.length !== 5) return null;
    const [name, value, label, shown, long] = item as unknown[];
    if (!str(name) || !str(value) || !str(label) || !str(shown)) return null;
    if (!FIELD_NAME.test(name) || SECRET_FIELD.test(name)) return null;
    chars += value.length + label.length + shown.length;
    if (chars > MAX_CHARS) return null;
    fields.push({ name, value, label: label || null, shown: shown || null, long: long === 1 });
  }
  return { to, multipart: multipart === 1, fields };
};

/** The form to resume that a log-in form's body carries, if any. */
export const resumeOf = (body: unknown): Resume | null =>
  body && typeof body === 'object' ? decodeResume((body as Record<string, unknown>)[RESUME_FIELD]) : null;

/** Inside a log-in form: what was typed, carried on, and a word that it will come back. */
export const ResumeCarried = ({ ctx, resume }: { ctx: PageContext; resume: string | undefined }) =>
  resume && decodeResume(resume) ? (
    <>
      <input type="hidden" name={RESUME_FIELD} value={resume} />
      <p class="muted">{ctx.t('sessionEnded.carried')}</p>
    </>
  ) : null;

/** After logging in: the form's fields, filled in, to send again (nothing was saved before). */
export const sendResumePage = (req: FastifyRequest, reply: FastifyReply, resume: Resume, home: string) =>
  sendPage(req, reply, (ctx) => {
    const listed = resume.fields.filter((f) => !f.long && f.label && (f.shown ?? f.value).trim() !== '');
    return (
      <Layout ctx={ctx} heading={ctx.t('sessionEnded.resumeTitle')}>
        <p role="status">{ctx.t('sessionEnded.resumeExplain')}</p>
        <PostForm
          ctx={ctx}
          // Multipart too: PostForm's token is the body's first field (web/multipart-token.ts).
          action={resume.to}
          enctype={resume.multipart ? 'multipart/form-data' : undefined}
        >
          {listed.length > 0 && (
            <dl>
              {listed.map((f) => (
                <>
                  <dt>{f.label}</dt>
                  <dd>{f.shown ?? f.value}</dd>
                </>
              ))}
            </dl>
          )}
          {resume.fields.map((f) =>
            f.long ? (
              <label>
                {f.label ?? ctx.t('sessionEnded.yourText')}
                <textarea name={f.name} rows={Math.min(16, 3 + Math.ceil(f.value.length / 40))}>
                  {f.value}
                </textarea>
              </label>
            ) : (
              <input type="hidden" name={f.name} value={f.value} />
            ),
          )}
          <button type="submit">{ctx.t('sessionEnded.sendAgain')}</button>
        </PostForm>
        <p>
          <a href={home}>{ctx.t('sessionEnded.discard')}</a>
        </p>
      </Layout>
    );
  });
