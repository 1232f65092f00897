import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { staffNamesEver } from '../accounts/accounts.service.ts';
import { grantAuditLog } from '../policy/organisation.policy.ts';
import { authoriseBoard } from '../cohorts/cohorts.service.ts';
import { authoriseImport } from '../imports/imports.service.ts';
import type { Principal } from '../policy/principal.ts';
import type { Db } from '../db/database.ts';
import { NotFound } from '../shared/errors.ts';
import { requireStaffPrincipal } from '../web/guards.ts';
import { sendPage } from '../web/render.ts';
import { auditCursorOf, auditForOrganisation, parseAuditCursor, type AuditRow } from './audit.service.ts';
import { AuditPage } from './audit.views.tsx';

const PAGE = 200;

/** Whether the policy lets the viewer open it (a refusal is NotFound, as for a missing one). */
const mayOpen = async (ask: () => Promise<unknown>): Promise<boolean> => {
  try {
    await ask();
    return true;
  } catch (err) {
    if (err instanceof NotFound) return false;
    throw err;
  }
};

/**
 * The page an entry's words link to: the list it imported, the board a post was hidden or put
 * back on, each only when the policy lets the viewer open it (an org admin who is no case staff
 * is sent to no page that would refuse them).
 */
const subjectLinks = async (db: Db, principal: Principal, rows: AuditRow[]): Promise<Map<string, string>> => {
  const links = new Map<string, string>();
  // One question per list or board, however many entries name it (a moderator's day on one
  // board is many entries): the answers are the same for one viewer.
  const asked = new Map<string, string | null>();
  const pageOf = async (path: string, ask: () => Promise<unknown>): Promise<string | null> => {
    if (!asked.has(path)) asked.set(path, (await mayOpen(ask)) ? path : null);
    return asked.get(path) ?? null;
  };
  for (const r of rows) {
    const id = r.subjectId;
    if (!id) continue;
    const page =
      r.action === 'import.started'
        ? await pageOf(`/staff/imports/${id}`, () => authoriseImport(db, principal, id))
        : r.action === 'cohort.post_hidden' || r.action === 'cohort.post_restored'
          ? await pageOf(`/cohorts/${id}`, () => authoriseBoard(db, principal, id, 'read'))
          : null;
    if (page) links.set(r.id, page);
  }
  return links;
};
const querySchema = z.object({ before: z.string().max(80).optional().catch(undefined) });

export const auditRoutes = async (app: FastifyInstance): Promise<void> => {
  app.get('/staff/audit', async (req, reply) => {
    const principal = requireStaffPrincipal(req);
    const grant = grantAuditLog(principal);
    const { before } = querySchema.parse(req.query ?? {});
    const rows = await auditForOrganisation(app.deps.db, grant.organisationId, PAGE, parseAuditCursor(before));
    // removed members too: their past entries keep their names (QA walk 7)
    const staffNames = await staffNamesEver(app.deps.db, grant.organisationId);
    const older = rows.length === PAGE ? auditCursorOf(rows[rows.length - 1]) : null;
    const links = await subjectLinks(app.deps.db, principal, rows);
    return sendPage(req, reply, (ctx) => (
      <AuditPage ctx={ctx} rows={rows} staffNames={staffNames} older={older} links={links} />
    ));
  });
};
