import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { orgDay } from '../shared/clock.ts';
import { Invalid, NotFound, type FieldProblem } from '../shared/errors.ts';
import { parseForm } from '../shared/validation.ts';
import { grantMatching, matchingAbilities } from '../policy/matching.policy.ts';
import type { Principal } from '../policy/principal.ts';
import { requireStaffPrincipal } from '../web/guards.ts';
import { formErrors } from '../web/forms.tsx';
import { formatPartialDate } from '../people/partial-date.ts';
import { redirect, sendPage } from '../web/render.ts';
import { multipartParts } from '../web/multipart-token.ts';
import { MAX_FILE_BYTES } from './list-format.ts';
import { againQuerySchema, listMetaSchema, mappingSchema } from './imports.schema.ts';
import {
  authoriseImport,
  importsOf,
  importStatus,
  importToCorrect,
  mappingForm,
  startImport,
  uploadList,
} from './imports.service.ts';
import { ImportPage, ImportsPage, MapPage, UploadPage } from './imports.views.tsx';
import type { ImportView } from './imports.service.ts';
import { MAPPING_ECHO } from './imports.echo.ts';

// Importing lists from the web. The upload is multipart (the parser is the app's, from
// src/evidence/evidence.plugin.ts; this route reads it with limits of its own), at most 64 MB and
// one file; a list with the platform's header starts at
// once, another goes to the mapping form. The import runs in this process while its page
// refreshes itself every two seconds; any process can show the page (the state is in the
// database).

type IdParams = { Params: { id: string } };

const FIELD_LIMIT = 2000;
const UPLOAD_LIMITS = { fileSize: MAX_FILE_BYTES, files: 1, fields: 10, parts: 12, fieldSize: FIELD_LIMIT };
const tooLarge = (): FieldProblem => ({
  field: 'file',
  key: 'imports.errors.tooLarge',
  params: { max: MAX_FILE_BYTES / 1048576 },
});

/** The multipart body: its text fields and the file's bytes (or a problem with the file). */
const readUpload = async (
  req: FastifyRequest,
): Promise<{ fields: Record<string, string>; bytes: Buffer | null; problem: FieldProblem | null }> => {
  const fields: Record<string, string> = {};
  let bytes: Buffer | null = null;
  try {
    for await (const part of multipartParts(req)) {
      if (part.type === 'file') {
        const data = await part.toBuffer();
        // Cut at the limit (the app's parser does not throw on it): too large, nothing kept.
        if (part.file.truncated) return { fields, bytes: null, problem: tooLarge() };
        if (part.fieldname === 'file' && bytes === null) bytes = data;
      } else if (typeof part.value === 'string') fields[part.fieldname] = part.value.slice(0, FIELD_LIMIT);
    }
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (
      code === 'FST_REQ_FILE_TOO_LARGE' ||
      code === 'FST_FILES_LIMIT' ||
      code === 'FST_PARTS_LIMIT' ||
      code === 'FST_FIELDS_LIMIT'
    )
      return { fields, bytes: null, problem: tooLarge() };
    // A body cut short or without its boundary: the client's fault, said on the form.
    return { fields, bytes: null, problem: { field: 'file', key: 'errors.badRequest' } };
  }
  if (!bytes || bytes.length === 0)
    return { fields, bytes: null, problem: { field: 'file', key: 'imports.errors.noFile' } };
  return { fields, bytes, problem: null };
};

/** The upload form filled in as the failed import was: its corrected file is one choice away. */
const valuesOf = (v: ImportView): Record<string, string> => ({
  source_name: v.sourceName,
  source_date: formatPartialDate(v.sourceDate, v.sourcePrecision),
  source_origin: v.sourceOrigin ?? '',
  source_kind: v.sourceKind,
  verification: v.verification,
});

export const importsRoutes = async (app: FastifyInstance): Promise<void> => {
  const deps = app.deps;

  /** The failed import a form corrects (`again`), if it is one of the organisation's. */
  const correcting = async (principal: Principal, again: unknown): Promise<ImportView | null> => {
    const parsed = againQuerySchema.safeParse({ again });
    if (!parsed.success || !parsed.data.again) return null;
    return importToCorrect(deps, principal, parsed.data.again);
  };

  const uploadForm = async (
    req: FastifyRequest,
    reply: FastifyReply,
    principal: Principal,
    values: Record<string, string>,
    problems: FieldProblem[],
  ) => {
    // A form sent back with a problem names the list it corrects; one not of this organisation, none.
    const again = await correcting(principal, values.again).catch((err: unknown) => {
      if (err instanceof NotFound) return null;
      throw err;
    });
    return sendPage(
      req,
      reply,
      (ctx) => (
        <UploadPage
          ctx={ctx}
          can={matchingAbilities(principal)}
          values={values}
          errors={formErrors(problems)}
          again={again}
        />
      ),
      problems.some((p) => p.key === 'imports.errors.tooLarge') ? 413 : 400,
    );
  };

  app.get('/staff/imports', async (req, reply) => {
    const grant = grantMatching(requireStaffPrincipal(req), 'import');
    const imports = await importsOf(deps, grant);
    return sendPage(req, reply, (ctx) => <ImportsPage ctx={ctx} imports={imports} />);
  });

  app.get<{ Querystring: { again?: string } }>('/staff/imports/new', async (req, reply) => {
    const principal = requireStaffPrincipal(req);
    grantMatching(principal, 'import');
    const again = await correcting(principal, req.query.again);
    return sendPage(req, reply, (ctx) => (
      <UploadPage ctx={ctx} can={matchingAbilities(principal)} values={again ? valuesOf(again) : {}} again={again} />
    ));
  });

  // The limits are the route's: its body's first part (the token) is read before the handler runs.
  app.post('/staff/imports', { config: { multipartOptions: { limits: UPLOAD_LIMITS } } }, async (req, reply) => {
    const principal = requireStaffPrincipal(req);
    const grant = grantMatching(principal, 'import');
    if (!req.isMultipart())
      return uploadForm(req, reply, principal, {}, [{ field: 'file', key: 'imports.errors.noFile' }]);
    const { fields, bytes, problem } = await readUpload(req);
    const { _csrf, ...values } = fields;
    void _csrf;
    try {
      const meta = parseForm(listMetaSchema(orgDay(deps)), values);
      if (problem || !bytes) throw new Invalid(problem ?? { field: 'file', key: 'imports.errors.noFile' });
      const { importId, started } = await uploadList(
        deps,
        grant,
        {
          sourceName: meta.source_name,
          sourceDate: meta.source_date,
          sourceOrigin: meta.source_origin,
          sourceKind: meta.source_kind,
          verification: meta.verification,
        },
        new Uint8Array(bytes),
        { again: meta.again },
      );
      return redirect(reply, started ? `/staff/imports/${importId}` : `/staff/imports/${importId}/map`);
    } catch (err) {
      if (!(err instanceof Invalid)) throw err;
      return uploadForm(
        req,
        reply,
        principal,
        values,
        problem && !err.problems.some((p) => p.field === 'file') ? [...err.problems, problem] : err.problems,
      );
    }
  });

  app.get<IdParams>('/staff/imports/:id', async (req, reply) => {
    const grant = await authoriseImport(deps.db, requireStaffPrincipal(req), req.params.id);
    const { view, waiting } = await importStatus(deps, grant, req.params.id);
    return sendPage(req, reply, (ctx) => <ImportPage ctx={ctx} view={view} waiting={waiting} />);
  });

  app.get<IdParams>('/staff/imports/:id/map', async (req, reply) => {
    const grant = await authoriseImport(deps.db, requireStaffPrincipal(req), req.params.id);
    const form = await mappingForm(deps, grant, req.params.id);
    return sendPage(req, reply, (ctx) => <MapPage ctx={ctx} form={form} errors={formErrors(form.problems)} />);
  });

  app.post<IdParams>('/staff/imports/:id/map', { config: { echo: MAPPING_ECHO } }, async (req, reply) => {
    const grant = await authoriseImport(deps.db, requireStaffPrincipal(req), req.params.id);
    try {
      await startImport(deps, grant, req.params.id, parseForm(mappingSchema, req.body));
      return redirect(reply, `/staff/imports/${req.params.id}`);
    } catch (err) {
      if (!(err instanceof Invalid)) throw err;
      const form = await mappingForm(deps, grant, req.params.id);
      const typed = Object.fromEntries(
        Object.entries((req.body ?? {}) as Record<string, unknown>).filter(([, v]) => typeof v === 'string'),
      ) as never;
      return sendPage(
        req,
        reply,
        (ctx) => <MapPage ctx={ctx} form={{ ...form, mapping: typed }} errors={formErrors(err.problems)} />,
        400,
      );
    }
  });
};
