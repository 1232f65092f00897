import type { FastifyInstance } from 'fastify';
import { formToken, submitForm, type Cookies } from '../../test/helpers/factories.ts';
import type { Queryable } from '../db/database.ts';
import type { TemplateView } from './directory.service.ts';
import { OWN_WORDS } from './template-rules.ts';

// Test-only: driving the appeal pages like a browser without JavaScript.

/** A multipart body as a browser sends it (fields, then at most one file). */
export const multipart = (
  fields: Record<string, string>,
  file?: { name: string; type: string; bytes: Buffer },
): { payload: Buffer; headers: Record<string, string> } => {
  const boundary = '----kintraceTestBoundary7MA4YWxkTrZu0gW';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file)
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from('\r\n'),
    );
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
};

/** The appeal page's multipart form: its token is the body's first field, as the page's form sends it. */
export const postStep = async (
  app: FastifyInstance,
  appealId: string,
  cookies: Cookies,
  fields: Record<string, string>,
  file?: { name: string; type: string; bytes: Buffer },
) => {
  // The token from a page that is not the appeal's: opening a late appeal's page marks it overdue
  // (catchUpOverdue), and the tests of the overdue job set up late appeals with this.
  const { token, cookies: jar } = await formToken(app, '/account', cookies);
  const body = multipart({ _csrf: token, ...fields }, file);
  return app.inject({
    method: 'POST',
    url: `/appeals/${appealId}/steps`,
    cookies: jar,
    payload: body.payload,
    headers: body.headers,
  });
};

/** What a family writes in place of the hint (OWN_WORDS) in a letter drafted by draftAppeal. */
export const OWN_TEXT = 'Сын не выходит на связь с 10 января.';

/**
 * Drafts an appeal from a template through the pages; returns its id. The hint for the family's
 * own words is replaced with OWN_TEXT, as a family does before printing, unless `keepHint`.
 */
export const draftAppeal = async (
  app: FastifyInstance,
  caseId: string,
  cookies: Cookies,
  template = 'inquiry',
  over: Record<string, string> = {},
  opts: { keepHint?: boolean } = {},
): Promise<string> => {
  const page = await app.inject({ method: 'GET', url: `/cases/${caseId}/appeals/new?template=${template}`, cookies });
  const field = (name: string) => {
    const input = new RegExp(`name="${name}" value="([^"]*)"`).exec(page.body)?.[1];
    const area = new RegExp(`<textarea name="${name}"[^>]*>([\\s\\S]*?)</textarea>`).exec(page.body)?.[1];
    return (input ?? area ?? '')
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
  };
  const { res } = await submitForm(
    app,
    `/cases/${caseId}/appeals/new?template=${template}`,
    {
      template,
      addressee: 'Командир войсковой части 12345',
      address: field('address'),
      subject: field('subject'),
      body: opts.keepHint ? field('body') : field('body').replace(OWN_WORDS, OWN_TEXT),
      ...over,
    },
    cookies,
    `/cases/${caseId}/appeals`,
  );
  if (res.statusCode !== 303) throw new Error(`draft failed: ${res.statusCode} ${res.body.slice(0, 500)}`);
  return /\/appeals\/([0-9a-f-]{36})/.exec(String(res.headers.location))![1];
};

/** What the appeal page's "sent" form takes: how and on which day the letter went. */
export type SentFields = { channel: string; sent_on: string; tracking?: string };

/** Marks a drafted letter sent through its page's form, as the family does once it is posted; returns the answer. */
export const sendAppeal = (app: FastifyInstance, appealId: string, cookies: Cookies, sent: SentFields) =>
  submitForm(app, `/appeals/${appealId}`, sent, cookies, `/appeals/${appealId}/send`);

/**
 * A letter drafted by draftAppeal and marked sent (by post on 20.02.2026 unless `sent` says
 * otherwise): the set-up every test of what follows a sent letter repeated; returns its id.
 */
export const sentAppeal = async (
  app: FastifyInstance,
  caseId: string,
  cookies: Cookies,
  sent: SentFields = { channel: 'post', sent_on: '2026-02-20' },
  over: Record<string, string> = {},
): Promise<string> => {
  const id = await draftAppeal(app, caseId, cookies, 'inquiry', over);
  await sendAppeal(app, id, cookies, sent);
  return id;
};

/**
 * A caseworker writes a collective appeal to the families of `caseIds` through the staff's form;
 * returns the answer (303 to the collective's page, or 400 with the form again).
 */
export const postCollective = async (
  app: FastifyInstance,
  cookies: Cookies,
  body: string,
  caseIds: string[],
  subject = 'Коллективное обращение семей',
) => {
  const payload = new URLSearchParams([
    ['addressee', 'Министерство обороны РФ'],
    ['subject', subject],
    ['body', body],
    ...caseIds.map((c) => ['cases', c]),
  ]);
  const { token, cookies: jar } = await formToken(app, '/staff/collective/new', cookies);
  payload.set('_csrf', token);
  return app.inject({
    method: 'POST',
    url: '/staff/collective',
    cookies: jar,
    payload: payload.toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
};

/** The appeal of `caseId` in a collective (its family's copy). */
export const collectiveCopyOf = async (db: Queryable, caseId: string): Promise<string> =>
  (
    await db
      .selectFrom('appeals')
      .select('id')
      .where('case_id', '=', caseId)
      .where('collective_id', 'is not', null)
      .executeTakeFirstOrThrow()
  ).id;

/** A family signs her copy of a collective as the page's form sends it (name, address, consent). */
export const signCollectiveCopy = (app: FastifyInstance, appealId: string, cookies: Cookies) =>
  submitForm(
    app,
    `/appeals/${appealId}`,
    { full_name: 'Сазонова Валентина', postal_address: 'г. Новочеркасск', consent: 'yes' },
    cookies,
    `/appeals/${appealId}/sign`,
  );

/** An editor saves `tpl` with a new body and its other fields as they were: the template form's set-up. */
export const saveTemplateBody = (app: FastifyInstance, cookies: Cookies, tpl: TemplateView, body: string) =>
  submitForm(
    app,
    `/editor/templates/${tpl.key}`,
    {
      title_ru: tpl.titleRu,
      title_en: tpl.titleEn,
      guidance_ru: tpl.guidanceRu,
      guidance_en: tpl.guidanceEn,
      body,
      base: String(tpl.version),
    },
    cookies,
  );
