import type { FastifyInstance } from 'fastify';
import { Conflict, Invalid, NotFound } from '../shared/errors.ts';
import { parseForm } from '../shared/validation.ts';
import { requireStaffPrincipal } from '../web/guards.ts';
import { echoValues, formFailure } from '../web/forms.tsx';
import { redirect, sendPage } from '../web/render.ts';
import { grantEditor } from '../policy/appeals.policy.ts';
import { isUuid } from '../shared/ids.ts';
import { guideSchema, newGuideSchema, searchSchema } from './guides.schema.ts';
import {
  allGuides,
  createGuide,
  guideById,
  guideBySlug,
  guideHistory,
  guidesIn,
  guideVersion,
  saveGuide,
  searchGuides,
} from './guides.service.ts';
import {
  EditorGuidesPage,
  GuideFormPage,
  GuidePage,
  GuidesPage,
  HistoryPage,
  SearchPage,
  VersionPage,
} from './guides.views.tsx';

// The knowledge base: public pages for everyone, editors' pages behind grantEditor.

type IdParams = { Params: { id: string } };

export const guidesRoutes = async (app: FastifyInstance): Promise<void> => {
  const deps = app.deps;
  const editor = (req: Parameters<typeof requireStaffPrincipal>[0]) => grantEditor(requireStaffPrincipal(req));
  const guideId = (id: string) => {
    if (!isUuid(id)) throw new NotFound('guide');
    return id;
  };

  app.get('/guides', async (req, reply) => {
    const list = await guidesIn(deps.db, req.lang);
    return sendPage(req, reply, (ctx) => <GuidesPage ctx={ctx} list={list} />);
  });

  app.get('/guides/search', async (req, reply) =>
    sendPage(req, reply, (ctx) => <SearchPage ctx={ctx} q="" hits={null} />),
  );

  app.post('/guides/search', async (req, reply) => {
    try {
      const { q } = parseForm(searchSchema, req.body);
      const hits = await searchGuides(deps.db, q, req.lang);
      return sendPage(req, reply, (ctx) => <SearchPage ctx={ctx} q={q} hits={hits} />);
    } catch (err) {
      const failed = formFailure(err);
      if (!failed) throw err;
      return sendPage(
        req,
        reply,
        (ctx) => <SearchPage ctx={ctx} q={echoValues(req.body).q ?? ''} hits={null} errors={failed.errors} />,
        failed.status,
      );
    }
  });

  app.get<{ Params: { slug: string } }>('/guides/:slug', async (req, reply) => {
    if (!/^[a-z0-9-]{1,80}$/.test(req.params.slug)) throw new NotFound('guide');
    const guide = await guideBySlug(deps.db, req.params.slug, req.lang);
    return sendPage(req, reply, (ctx) => <GuidePage ctx={ctx} guide={guide} />);
  });

  app.get('/editor/guides', async (req, reply) => {
    editor(req);
    const list = await allGuides(deps.db);
    return sendPage(req, reply, (ctx) => <EditorGuidesPage ctx={ctx} list={list} />);
  });

  app.get('/editor/guides/new', async (req, reply) => {
    editor(req);
    return sendPage(req, reply, (ctx) => (
      <GuideFormPage ctx={ctx} action="/editor/guides/new" values={{ lang: ctx.lang }} errors={{}} isNew />
    ));
  });

  app.post('/editor/guides/new', async (req, reply) => {
    const auth = editor(req);
    try {
      const id = await createGuide(deps, auth, parseForm(newGuideSchema, req.body));
      return redirect(reply, `/editor/guides/${id}?done=saved`);
    } catch (err) {
      const failed = formFailure(err);
      if (!failed) throw err;
      return sendPage(
        req,
        reply,
        (ctx) => (
          <GuideFormPage
            ctx={ctx}
            action="/editor/guides/new"
            values={echoValues(req.body)}
            errors={failed.errors}
            isNew
          />
        ),
        failed.status,
      );
    }
  });

  app.get<IdParams>('/editor/guides/:id', async (req, reply) => {
    editor(req);
    const g = await guideById(deps.db, guideId(req.params.id));
    const saved = (req.query as Record<string, unknown> | undefined)?.done === 'saved';
    return sendPage(req, reply, (ctx) => (
      <GuideFormPage
        ctx={ctx}
        action={`/editor/guides/${g.id}`}
        values={{ title: g.title, markdown: g.markdown, base: String(g.version) }}
        errors={{}}
        isNew={false}
        saved={saved}
      />
    ));
  });

  app.post<IdParams>('/editor/guides/:id', async (req, reply) => {
    const auth = editor(req);
    const id = guideId(req.params.id);
    await guideById(deps.db, id);
    try {
      await saveGuide(deps, auth, id, parseForm(guideSchema, req.body));
      return redirect(reply, `/editor/guides/${id}?done=saved`);
    } catch (err) {
      if (!(err instanceof Invalid) && !(err instanceof Conflict)) throw err;
      const failed = formFailure(err)!;
      return sendPage(
        req,
        reply,
        (ctx) => (
          <GuideFormPage
            ctx={ctx}
            action={`/editor/guides/${id}`}
            values={echoValues(req.body)}
            errors={failed.errors}
            isNew={false}
          />
        ),
        failed.status,
      );
    }
  });

  app.get<IdParams>('/editor/guides/:id/history', async (req, reply) => {
    editor(req);
    const g = await guideById(deps.db, guideId(req.params.id));
    const versions = await guideHistory(deps.db, g.id);
    return sendPage(req, reply, (ctx) => <HistoryPage ctx={ctx} guide={g} versions={versions} />);
  });

  app.get<{ Params: { id: string; n: string } }>('/editor/guides/:id/versions/:n', async (req, reply) => {
    editor(req);
    const n = Number(req.params.n);
    if (!Number.isInteger(n) || n < 1) throw new NotFound('guide version');
    const v = await guideVersion(deps.db, guideId(req.params.id), n);
    return sendPage(req, reply, (ctx) => <VersionPage ctx={ctx} guideId={req.params.id} v={v} />);
  });
};
