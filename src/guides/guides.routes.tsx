import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Conflict, Invalid, NotFound } from '../shared/errors.ts';
import { parseForm } from '../shared/validation.ts';
import { requireStaffPrincipal } from '../web/guards.ts';
import { echoValues, formFailure, type FormErrors, type FormValues } from '../web/forms.tsx';
import { keepTyped } from '../web/form-not-sent.ts';
import { redirect, sendPage } from '../web/render.ts';
import { grantEditor } from '../policy/appeals.policy.ts';
import { isUuid } from '../shared/ids.ts';
import { LANGUAGES } from '../shared/lang.ts';
import { guideSchema, newGuidePreviewSchema, newGuideSchema, searchSchema, SLUG } from './guides.schema.ts';
import {
  allGuides,
  createGuide,
  guideById,
  guideBySlug,
  guideForEditing,
  guideHistory,
  guidesIn,
  guideVersion,
  NewerVersion,
  previewGuide,
  saveGuide,
  twinOf,
  type GuideView,
  type GuideText,
} from './guides.service.ts';
import { searchGuides } from './guide-search.service.ts';
import {
  EditorGuidesPage,
  GuideFormPage,
  GuidePage,
  GuidePreviewPage,
  GuidesPage,
  HistoryPage,
  SearchPage,
  VersionPage,
} from './guides.views.tsx';

// The knowledge base: public pages for everyone, editors' pages behind grantEditor.

type IdParams = { Params: { id: string } };
type Form = { values: FormValues; errors: FormErrors; status: number; newer?: GuideText };
const NEW_GUIDE = '/editor/guides/new';

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
      const { hits, partial } = await searchGuides(deps.db, q, req.lang);
      return sendPage(req, reply, (ctx) => <SearchPage ctx={ctx} q={q} hits={hits} partial={partial} />);
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
      <GuideFormPage ctx={ctx} action={NEW_GUIDE} values={{ lang: ctx.lang }} errors={{}} isNew />
    ));
  });

  /** A guide's form again, as typed: after bad input, a conflict, or a lost CSRF cookie. */
  const guideForm = (req: FastifyRequest, reply: FastifyReply, action: string, form: Form) =>
    sendPage(
      req,
      reply,
      (ctx) => (
        <GuideFormPage
          ctx={ctx}
          action={action}
          values={form.values}
          errors={form.errors}
          isNew={action === NEW_GUIDE}
          newer={form.newer}
        />
      ),
      form.status,
    );

  // A guide is long to write: a lost CSRF cookie gives it back (src/web/form-not-sent.ts), to an
  // editor only, the version it was opened at (`base`) kept so a conflict is still caught.
  const guideNotSent = keepTyped(async (req, reply, kept) => {
    editor(req);
    const id = (req.params as { id?: string }).id;
    if (id === undefined) return guideForm(req, reply, NEW_GUIDE, kept);
    await guideById(deps.db, guideId(id));
    return guideForm(req, reply, `/editor/guides/${id}`, kept);
  });

  app.post(NEW_GUIDE, { config: { csrfFailed: guideNotSent } }, async (req, reply) => {
    const auth = editor(req);
    try {
      const input = parseForm(newGuideSchema, req.body);
      const id = await createGuide(deps, auth, input);
      return redirect(reply, `/editor/guides/${id}?done=${input.draft === '1' ? 'draft' : 'saved'}`);
    } catch (err) {
      const failed = formFailure(err);
      if (!failed) throw err;
      return guideForm(req, reply, NEW_GUIDE, { values: echoValues(req.body), ...failed });
    }
  });

  // Preview: the guide as readers would see it with the typed text, nothing saved; then the same
  // form, filled in, to go on writing or to save. Bad input gives the form back as a save would.
  const previewPage = (req: FastifyRequest, reply: FastifyReply, action: string, guide: () => GuideView) => {
    try {
      const shown = guide();
      return sendPage(req, reply, (ctx) => (
        <GuidePreviewPage
          ctx={ctx}
          action={action}
          values={echoValues(req.body)}
          isNew={action === NEW_GUIDE}
          guide={shown}
        />
      ));
    } catch (err) {
      const failed = formFailure(err);
      if (!failed) throw err;
      return guideForm(req, reply, action, { values: echoValues(req.body), ...failed });
    }
  };

  app.post(`${NEW_GUIDE}/preview`, { config: { csrfFailed: guideNotSent } }, async (req, reply) => {
    editor(req);
    // The other language's version, found by the address typed, is linked as the published page will.
    const typed = echoValues(req.body);
    const slug = (typed.slug ?? '').trim().toLowerCase();
    const lang = LANGUAGES.find((l) => l === typed.lang);
    const other = lang && SLUG.test(slug) ? await twinOf(deps.db, slug, lang) : null;
    return previewPage(req, reply, NEW_GUIDE, () => {
      const input = parseForm(newGuidePreviewSchema, req.body);
      const at = deps.clock.now().toISOString();
      return previewGuide(input, { id: '', slug, lang: input.lang, version: 0, editedAt: at, other });
    });
  });

  app.post<IdParams>('/editor/guides/:id/preview', { config: { csrfFailed: guideNotSent } }, async (req, reply) => {
    editor(req);
    const saved = await guideById(deps.db, guideId(req.params.id));
    return previewPage(req, reply, `/editor/guides/${saved.id}`, () =>
      previewGuide(parseForm(guideSchema, req.body), saved),
    );
  });

  app.get<IdParams>('/editor/guides/:id', async (req, reply) => {
    editor(req);
    // the form opens on the draft when there is one: the text the editor was working on
    const { guide: g, draft } = await guideForEditing(deps.db, guideId(req.params.id));
    const shown = draft ?? { title: g.title, markdown: g.markdown, version: g.version };
    const done = (req.query as Record<string, unknown> | undefined)?.done;
    return sendPage(req, reply, (ctx) => (
      <GuideFormPage
        ctx={ctx}
        action={`/editor/guides/${g.id}`}
        values={{ title: shown.title, markdown: shown.markdown, base: String(shown.version) }}
        errors={{}}
        isNew={false}
        saved={done === 'saved' ? 'published' : done === 'draft' ? 'draft' : undefined}
        draftOf={draft ? { version: draft.version, published: g.version, slug: g.slug, lang: g.lang } : undefined}
      />
    ));
  });

  app.post<IdParams>('/editor/guides/:id', { config: { csrfFailed: guideNotSent } }, async (req, reply) => {
    const auth = editor(req);
    const id = guideId(req.params.id);
    await guideById(deps.db, id);
    try {
      const saved = await saveGuide(deps, auth, id, parseForm(guideSchema, req.body));
      return redirect(reply, `/editor/guides/${id}?done=${saved.published ? 'saved' : 'draft'}`);
    } catch (err) {
      // Another editor saved meanwhile: her text back in the form, theirs shown to read, and the
      // form based on theirs, so saving again replaces it knowingly.
      if (err instanceof NewerVersion)
        return guideForm(req, reply, `/editor/guides/${id}`, {
          values: { ...echoValues(req.body), base: String(err.newer.version) },
          errors: { _form: { field: '_form', key: err.key, params: { n: err.newer.version } } },
          status: 409,
          newer: err.newer,
        });
      if (!(err instanceof Invalid) && !(err instanceof Conflict)) throw err;
      const failed = formFailure(err)!;
      return guideForm(req, reply, `/editor/guides/${id}`, { values: echoValues(req.body), ...failed });
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
