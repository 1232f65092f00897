import { Layout } from '../web/layout.tsx';
import type { PageContext } from '../web/page-context.ts';
import { FormErrorSummary, PostForm, type FormErrors, type FormValues } from '../web/forms.tsx';
import { EventFields } from './case-page.views.tsx';
import { DateWarnings, Sides, eventLabel } from './case-status.views.tsx';
import type { Verification } from './timeline.ts';
import { warningSignature, type EventCheck } from './verification-lifecycle.ts';
import { ReasonField } from './verification.views.tsx';

// The page a new event stops at, once, before it is saved: its date contradicts the timeline or
// the date of birth (a warning: it can be saved as it is — an official letter is evidence even
// when it is wrong — and the contradiction stays flagged), or, for staff, it sets the status to a
// death, a capture or a detention (the sources, the open discrepancies and a written reason).
// The form is the same as on the case page, filled in, so a mistyped date is corrected here.

export const EventCheckPage = (p: {
  ctx: PageContext;
  caseId: string;
  voice: 'family' | 'staff';
  /** absent when what was sent back could not even be read (a date made invalid here, say) */
  check: EventCheck | null;
  levels: readonly Verification[];
  values: FormValues;
  errors: FormErrors;
}) => {
  const { ctx, check } = p;
  const { t } = ctx;
  const warnings = check?.warnings ?? [];
  const ack = check ? warnings.map((d) => warningSignature(d, check.eventId)).join(' ') : (p.values.ack ?? '');
  const others = (check?.events ?? []).filter((e) => e.id !== check?.eventId);
  const statusName = (s: string) => t(`cases.statuses.${s}`);
  return (
    <Layout ctx={ctx} heading={t('cases.check.title')}>
      <FormErrorSummary ctx={ctx} errors={p.errors} />
      {warnings.length > 0 && check && (
        <DateWarnings
          ctx={ctx}
          check={check}
          skip={check.eventId}
          advice={t(p.voice === 'family' ? 'cases.check.warningsFamily' : 'cases.check.warningsStaff')}
        />
      )}
      {check?.grave && (
        <section aria-labelledby="grave-h">
          <h2 id="grave-h">{t('cases.check.graveTitle')}</h2>
          <p>
            {t('cases.check.statusChange', {
              before: statusName(check.statusBefore),
              after: statusName(check.statusAfter),
            })}
          </p>
          <p>{t('cases.level.confirmWhy')}</p>
          <h3>{t('cases.level.sources')}</h3>
          {others.length === 0 ? (
            <p>{t('cases.noEvents')}</p>
          ) : (
            <ol>
              {others.map((e) => (
                <li>
                  {eventLabel(ctx, e)} — {t(`cases.sources.${e.source}`)}, {t(`cases.levels.${e.verification}`)}
                </li>
              ))}
            </ol>
          )}
          <h3>{t('cases.level.openTitle')}</h3>
          {check.open.length === 0 ? (
            <p>{t('cases.level.noneOpen')}</p>
          ) : (
            <ul>
              {check.open.map((d) => (
                <li>
                  {t(`cases.discrepancyRules.${d.rule}`)}:{' '}
                  <Sides ctx={ctx} events={others} birth={check.birth} d={d} anchors={false} />
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      <PostForm ctx={ctx} action={`/cases/${p.caseId}/events`}>
        <input type="hidden" name="checked" value="1" />
        <input type="hidden" name="ack" value={ack} />
        <EventFields ctx={ctx} values={p.values} errors={p.errors} levels={p.levels} />
        {(check?.grave || p.values.reason !== undefined) && (
          <ReasonField ctx={ctx} values={p.values} errors={p.errors} />
        )}
        <button type="submit">{t(warnings.length > 0 ? 'cases.check.saveAnyway' : 'cases.check.save')}</button>
      </PostForm>
      <p>
        <a href={`/cases/${p.caseId}`}>{t('cases.check.cancel')}</a>
      </p>
    </Layout>
  );
};
