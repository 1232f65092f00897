import type { FastifyInstance } from 'fastify';
import { stringify } from 'csv-stringify/sync';
import { Invalid } from '../shared/errors.ts';
import { parseForm } from '../shared/validation.ts';
import { grantMatching } from '../policy/matching.policy.ts';
import { requireStaffPrincipal } from '../web/guards.ts';
import { formErrors, echoValues } from '../web/forms.tsx';
import { sendPage } from '../web/render.ts';
import { safeCell } from '../imports/list-format.ts';
import { personSearchSchema, type PersonSearchQuery } from './search.schema.ts';
import { EXPORT_MAX, hasConditions, searchPeople } from './search.service.ts';
import { SearchPage } from './search.views.tsx';

// Staff search over their organisation's person records. GET, with every filter in the URL, by
// decision (docs/matching.md): a result can be linked, paginated and gone back to without
// JavaScript; the server logs no URL (only the route pattern), pages are never cached and send
// no referrer; what stays is the staff member's own browser history, which the page says.
// Families have no name search.

export const searchRoutes = async (app: FastifyInstance): Promise<void> => {
  const deps = app.deps;

  app.get('/staff/people', async (req, reply) => {
    const grant = grantMatching(requireStaffPrincipal(req), 'search');
    let q: PersonSearchQuery;
    try {
      q = parseForm(personSearchSchema, req.query);
    } catch (err) {
      if (!(err instanceof Invalid)) throw err;
      const typed = echoValues(req.query) as unknown as PersonSearchQuery;
      return sendPage(
        req,
        reply,
        (ctx) => <SearchPage ctx={ctx} q={typed} result={null} errors={formErrors(err.problems)} />,
        400,
      );
    }
    const result = hasConditions(q) ? await searchPeople(deps, grant, q) : null;
    return sendPage(req, reply, (ctx) => <SearchPage ctx={ctx} q={q} result={result} />);
  });

  // The same search as a CSV a spreadsheet opens safely: no cell ever starts a formula.
  app.get('/staff/people.csv', async (req, reply) => {
    const grant = grantMatching(requireStaffPrincipal(req), 'search');
    const q = parseForm(personSearchSchema, req.query);
    const result = hasConditions(q) ? await searchPeople(deps, grant, q, { size: EXPORT_MAX, page: 1 }) : { rows: [] };
    const header = [
      'record',
      'surname',
      'given_name',
      'patronymic',
      'birth_date',
      'region',
      'unit',
      'category',
      'status',
      'origin',
    ];
    const body = stringify([
      header,
      ...result.rows.map((r) =>
        [
          r.id,
          r.surname,
          r.given_name,
          r.patronymic,
          r.birth_date,
          r.region_code,
          [r.unit_number, r.unit_name].filter(Boolean).join(' '),
          r.service_category,
          r.status,
          r.origin,
        ].map(safeCell),
      ),
    ]);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="people.csv"')
      .send(`\uFEFF${body}`);
  });
};
