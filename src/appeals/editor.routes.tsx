import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Invalid, NotFound } from '../shared/errors.ts';
import { parseForm } from '../shared/validation.ts';
import { requireStaffPrincipal } from '../web/guards.ts';
import { echoValues, formErrors, formFailure, type FormErrors, type FormValues } from '../web/forms.tsx';
import { keepTyped } from '../web/form-not-sent.ts';
import { redirect, sendPage } from '../web/render.ts';
import { grantEditor } from '../policy/appeals.policy.ts';
import { isUuid } from '../shared/ids.ts';
import { authoritySchema, templateSchema } from './appeals.schema.ts';
import {
  authorities,
  authorityById,
  currentTemplate,
  saveAuthority,
  saveTemplate,
  templates,
  templateVersions,
} from './directory.service.ts';
import { AuthoritiesPage, AuthorityPage, EditorHome, TemplatePage, TemplatesPage } from './editor.views.tsx';

// Editors (and site admins) keep the directory of authorities and the letter templates.
// Editors see no case: these pages hold only public reference data.

type IdParams = { Params: { id: string } };
type KeyParams = { Params: { key: string } };
type Form = { values: FormValues; errors: FormErrors; status: number };

export const editorRoutes = async (app: FastifyInstance): Promise<void> => {
  const deps = app.deps;
  const editor = (req: Parameters<typeof requireStaffPrincipal>[0]) => grantEditor(requireStaffPrincipal(req));
  const saved = (q: unknown) => (q as Record<string, unknown> | undefined)?.done === 'saved';

  app.get('/editor', async (req, reply) => {
    editor(req);
    return sendPage(req, reply, (ctx) => <EditorHome ctx={ctx} />);
  });

  app.get('/editor/authorities', async (req, reply) => {
    editor(req);
    const list = await authorities(deps.db);
    return sendPage(req, reply, (ctx) => <AuthoritiesPage ctx={ctx} list={list} values={{}} errors={{}} />);
  });

  const authoritiesPage = async (req: FastifyRequest, reply: FastifyReply, form: Form) => {
    const list = await authorities(deps.db);
    return sendPage(
      req,
      reply,
      (ctx) => <AuthoritiesPage ctx={ctx} list={list} values={form.values} errors={form.errors} />,
      form.status,
    );
  };

  // An address, notes, a template's guidance and body take long to write: after a lost CSRF
  // cookie they come back filled in (src/web/form-not-sent.ts), for an editor only.
  const newAuthorityNotSent = keepTyped(async (req, reply, kept) => {
    editor(req);
    return authoritiesPage(req, reply, kept);
  });

  app.post('/editor/authorities', { config: { csrfFailed: newAuthorityNotSent } }, async (req, reply) => {
    const auth = editor(req);
    try {
      const id = await saveAuthority(deps, auth, null, parseForm(authoritySchema, req.body));
      return redirect(reply, `/editor/authorities/${id}?done=saved`);
    } catch (err) {
      if (!(err instanceof Invalid)) throw err;
      return authoritiesPage(req, reply, {
        values: echoValues(req.body),
        errors: formErrors(err.problems),
        status: 400,
      });
    }
  });

  app.get<IdParams>('/editor/authorities/:id', async (req, reply) => {
    editor(req);
    const a = isUuid(req.params.id) ? await authorityById(deps.db, req.params.id) : undefined;
    if (!a) throw new NotFound('authority');
    const values = {
      kind: a.kind,
      name: a.name,
      region: a.regionCode ?? '',
      postal_address: a.postalAddress ?? '',
      online_url: a.onlineUrl ?? '',
      notes: a.notes ?? '',
    };
    return sendPage(req, reply, (ctx) => (
      <AuthorityPage ctx={ctx} id={a.id} values={values} errors={{}} saved={saved(req.query)} />
    ));
  });

  const knownAuthority = async (id: string) => {
    if (!isUuid(id) || !(await authorityById(deps.db, id))) throw new NotFound('authority');
    return id;
  };
  const authorityPage = (req: FastifyRequest, reply: FastifyReply, id: string, form: Form) =>
    sendPage(
      req,
      reply,
      (ctx) => <AuthorityPage ctx={ctx} id={id} values={form.values} errors={form.errors} />,
      form.status,
    );

  const authorityNotSent = keepTyped(async (req, reply, kept) => {
    editor(req);
    return authorityPage(req, reply, await knownAuthority((req.params as { id: string }).id), kept);
  });

  app.post<IdParams>('/editor/authorities/:id', { config: { csrfFailed: authorityNotSent } }, async (req, reply) => {
    const auth = editor(req);
    const id = await knownAuthority(req.params.id);
    try {
      await saveAuthority(deps, auth, id, parseForm(authoritySchema, req.body));
      return redirect(reply, `/editor/authorities/${id}?done=saved`);
    } catch (err) {
      if (!(err instanceof Invalid)) throw err;
      return authorityPage(req, reply, id, {
        values: echoValues(req.body),
        errors: formErrors(err.problems),
        status: 400,
      });
    }
  });

  app.get('/editor/templates', async (req, reply) => {
    editor(req);
    const list = await templates(deps.db);
    return sendPage(req, reply, (ctx) => <TemplatesPage ctx={ctx} list={list} />);
  });

  app.get<KeyParams>('/editor/templates/:key', async (req, reply) => {
    editor(req);
    const tp = await currentTemplate(deps.db, req.params.key);
    if (!tp) throw new NotFound('template');
    const values = {
      title_ru: tp.titleRu,
      title_en: tp.titleEn,
      guidance_ru: tp.guidanceRu,
      guidance_en: tp.guidanceEn,
      body: tp.body,
      base: String(tp.version),
    };
    const versions = await templateVersions(deps.db, tp.key);
    return sendPage(req, reply, (ctx) => (
      <TemplatePage
        ctx={ctx}
        keyName={tp.key}
        values={values}
        errors={{}}
        versions={versions}
        saved={saved(req.query)}
      />
    ));
  });

  const templatePage = async (req: FastifyRequest, reply: FastifyReply, key: string, form: Form) => {
    const versions = await templateVersions(deps.db, key);
    return sendPage(
      req,
      reply,
      (ctx) => <TemplatePage ctx={ctx} keyName={key} values={form.values} errors={form.errors} versions={versions} />,
      form.status,
    );
  };
  const knownTemplate = async (key: string) => {
    const tp = await currentTemplate(deps.db, key);
    if (!tp) throw new NotFound('template');
    return tp.key;
  };

  // The version the editor started from (`base`) comes back too: a conflict is still caught.
  const templateNotSent = keepTyped(async (req, reply, kept) => {
    editor(req);
    return templatePage(req, reply, await knownTemplate((req.params as { key: string }).key), kept);
  });

  app.post<KeyParams>('/editor/templates/:key', { config: { csrfFailed: templateNotSent } }, async (req, reply) => {
    const auth = editor(req);
    const key = await knownTemplate(req.params.key);
    try {
      await saveTemplate(deps, auth, key, parseForm(templateSchema, req.body));
      return redirect(reply, `/editor/templates/${key}?done=saved`);
    } catch (err) {
      const failed = formFailure(err);
      if (!failed) throw err;
      return templatePage(req, reply, key, { values: echoValues(req.body), ...failed });
    }
  });
};
