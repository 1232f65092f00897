import type { FastifyInstance } from 'fastify';
import { Invalid, NotFound } from '../shared/errors.ts';
import { parseForm } from '../shared/validation.ts';
import { requireStaffPrincipal } from '../web/guards.ts';
import { echoValues, formErrors, formFailure } from '../web/forms.tsx';
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

  app.post('/editor/authorities', async (req, reply) => {
    const auth = editor(req);
    try {
      const id = await saveAuthority(deps, auth, null, parseForm(authoritySchema, req.body));
      return redirect(reply, `/editor/authorities/${id}?done=saved`);
    } catch (err) {
      if (!(err instanceof Invalid)) throw err;
      const list = await authorities(deps.db);
      return sendPage(
        req,
        reply,
        (ctx) => (
          <AuthoritiesPage ctx={ctx} list={list} values={echoValues(req.body)} errors={formErrors(err.problems)} />
        ),
        400,
      );
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

  app.post<IdParams>('/editor/authorities/:id', async (req, reply) => {
    const auth = editor(req);
    if (!isUuid(req.params.id) || !(await authorityById(deps.db, req.params.id))) throw new NotFound('authority');
    try {
      await saveAuthority(deps, auth, req.params.id, parseForm(authoritySchema, req.body));
      return redirect(reply, `/editor/authorities/${req.params.id}?done=saved`);
    } catch (err) {
      if (!(err instanceof Invalid)) throw err;
      return sendPage(
        req,
        reply,
        (ctx) => (
          <AuthorityPage ctx={ctx} id={req.params.id} values={echoValues(req.body)} errors={formErrors(err.problems)} />
        ),
        400,
      );
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

  app.post<KeyParams>('/editor/templates/:key', async (req, reply) => {
    const auth = editor(req);
    const tp = await currentTemplate(deps.db, req.params.key);
    if (!tp) throw new NotFound('template');
    try {
      await saveTemplate(deps, auth, tp.key, parseForm(templateSchema, req.body));
      return redirect(reply, `/editor/templates/${tp.key}?done=saved`);
    } catch (err) {
      const failed = formFailure(err);
      if (!failed) throw err;
      const versions = await templateVersions(deps.db, tp.key);
      return sendPage(
        req,
        reply,
        (ctx) => (
          <TemplatePage
            ctx={ctx}
            keyName={tp.key}
            values={echoValues(req.body)}
            errors={failed.errors}
            versions={versions}
          />
        ),
        failed.status,
      );
    }
  });
};
