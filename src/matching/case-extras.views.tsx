import type { VNode } from 'preact';
import { factLine } from './fact-line.views.tsx';
import type { PageContext } from '../web/page-context.ts';
import type { FormErrors, FormValues } from '../web/forms.tsx';
import type { CaseGrant } from '../policy/case.policy.ts';
import { cohortsOfCase, type CohortsDeps } from '../cohorts/cohorts.service.ts';
import { incidentsAround } from '../cohorts/incidents.service.ts';
import { CaseCohortsSection } from '../cohorts/cohorts.views.tsx';
import { CaseIncidents } from '../cohorts/incidents.views.tsx';
import { linksOfCase, type CaseLinks } from './records.service.ts';
import { OriginOf } from './review.views.tsx';

// What the case page shows of issue 11, for both sides: facts from other records about the same
// soldier (the family: verified facts and their source kind only; staff: the records themselves),
// the incidents linked to him, and the cohorts with the family's opt-in. The case page asks for
// this once per view (src/cases/case-page.routes.ts).

const LinkedFacts = ({ ctx, links, staff }: { ctx: PageContext; links: CaseLinks; staff: boolean }) => {
  const { t } = ctx;
  return (
    <section aria-labelledby="linked-h" id="linked">
      <h2 id="linked-h">{t('matching.linkedTitle')}</h2>
      <p class="muted">{t(staff ? 'matching.linkedIntroStaff' : 'matching.linkedIntroFamily')}</p>
      {staff && links.records.length > 0 && (
        <ul>
          {links.records.map((r) => (
            <li>
              <a href={`/staff/people/${r.record.id}`}>{r.name}</a> — <OriginOf ctx={ctx} card={r} />
            </li>
          ))}
        </ul>
      )}
      {links.facts.length > 0 && (
        <ul>
          {links.facts.map((f) => {
            // Staff see which record each fact came from; the family its source only.
            const from = staff ? links.records.find((r) => r.record.id === f.personId) : undefined;
            return (
              <li>
                {factLine(ctx, {
                  ...f,
                  source: f.list ? { named: t('matching.sourceList', { name: f.list.sourceName }) } : f.source,
                })}
                {from && (
                  <>
                    <br />
                    <small>
                      {t('matching.fromRecord')} <a href={`/staff/people/${from.record.id}`}>{from.name}</a>
                    </small>
                  </>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
};

export const caseExtras = async (
  deps: CohortsDeps,
  grant: CaseGrant,
  cohortForm?: { values: FormValues; errors: FormErrors },
): Promise<(ctx: PageContext) => VNode> => {
  const staff = grant.side === 'staff';
  const links = await linksOfCase(deps.db, grant);
  const incidents = await incidentsAround(deps.db, [grant.personId]);
  const cohorts = await cohortsOfCase(deps, grant);
  return (ctx) => (
    <>
      {staff && (
        // Staff reach the case's person record (its possible matches, merges, incidents) from here.
        <p>
          <a href={`/staff/people/${grant.personId}`}>{ctx.t('matching.caseRecordLink')}</a>
        </p>
      )}
      {links && <LinkedFacts ctx={ctx} links={links} staff={staff} />}
      <CaseIncidents ctx={ctx} incidents={incidents} staff={staff} />
      {(cohorts.canChange || cohorts.optedIn || (staff && cohorts.cohorts.length > 0)) && (
        <CaseCohortsSection ctx={ctx} caseId={grant.caseId} data={cohorts} staff={staff} form={cohortForm} />
      )}
    </>
  );
};
