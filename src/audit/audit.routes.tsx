import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { staffOfOrganisation } from '../accounts/accounts.service.ts';
import { grantAuditLog } from '../policy/organisation.policy.ts';
import { requireStaffPrincipal } from '../web/guards.ts';
import { sendPage } from '../web/render.ts';
import { auditCursorOf, auditForOrganisation, parseAuditCursor } from './audit.service.ts';
import { AuditPage } from './audit.views.tsx';

const PAGE = 200;
const querySchema = z.object({ before: z.string().max(80).optional().catch(undefined) });

export const auditRoutes = async (app: FastifyInstance): Promise<void> => {
  app.get('/staff/audit', async (req, reply) => {
    const grant = grantAuditLog(requireStaffPrincipal(req));
    const { before } = querySchema.parse(req.query ?? {});
    const rows = await auditForOrganisation(app.deps.db, grant.organisationId, PAGE, parseAuditCursor(before));
    const staffNames = new Map(
      (await staffOfOrganisation(app.deps.db, grant.organisationId)).map((s) => [s.id, s.pseudonym]),
    );
    const older = rows.length === PAGE ? auditCursorOf(rows[rows.length - 1]) : null;
    return sendPage(req, reply, (ctx) => <AuditPage ctx={ctx} rows={rows} staffNames={staffNames} older={older} />);
  });
};
