import type { PageContext } from '../web/page-context.ts';
import { formatPartialDate } from '../people/partial-date.ts';
import type { CaseView, EventView } from './cases.service.ts';
import { VERIFICATION_LEVELS } from './timeline.ts';

// The status section of the case page: the derived status, what unverified reports would make
// of it, and the discrepancies. Worded for the viewer (docs/status-rules.md, rule 5).

/** "No contact" alone says nothing useful: say since when (the date of the last contact). */
const statusText = (ctx: PageContext, view: CaseView, status: string, basisId: string | null): string => {
  const basis = basisId ? view.events.find((e) => e.id === basisId) : undefined;
  if (status === 'no_contact' && basis)
    return ctx.t('cases.noContactSince', { date: formatPartialDate(basis.date.value, basis.date.precision) });
  return ctx.t(`cases.statuses.${status}`);
};

/** An unverified report is named for what it is: to the family, what she herself reported. */
const pendingText = (ctx: PageContext, view: CaseView): string => {
  const basis = view.events.find((e) => e.id === view.status.pendingBasisEventId);
  const own = view.can.voice === 'family' && basis?.addedByFamily === true;
  const status = statusText(ctx, view, view.status.pending ?? 'unknown', view.status.pendingBasisEventId);
  return ctx.t(own ? 'cases.statusPending' : 'cases.statusPendingOther', { status });
};

export const Status = ({ ctx, view }: { ctx: PageContext; view: CaseView }) => (
  <section aria-labelledby="status-h">
    <h2 id="status-h">{ctx.t('cases.statusLabel')}</h2>
    <p class="status">{statusText(ctx, view, view.status.status, view.status.basisEventId)}</p>
    {view.status.pending && <p>{pendingText(ctx, view)}</p>}
    {view.can.voice === 'family' && <StatusHelp ctx={ctx} />}
    {view.discrepancies.length > 0 && (
      <div class="discrepancy" role="note">
        <h3>{ctx.t('cases.discrepancies')}</h3>
        <p>{ctx.t('cases.discrepancyIntro')}</p>
        <ul>
          {view.discrepancies.map((d) => (
            <li>
              {ctx.t(`cases.discrepancyRules.${d.rule}`)}
              {d.officialVersusOther && <> ({ctx.t('cases.officialVersusOther')})</>}:{' '}
              {d.eventIds.map((id, i) => (
                <>
                  {i > 0 && ' / '}
                  <a href={`#event-${id}`}>
                    {eventLabel(
                      ctx,
                      view.events.find((e) => e.id === id),
                    )}
                  </a>
                </>
              ))}
            </li>
          ))}
        </ul>
      </div>
    )}
  </section>
);

/** A family cannot guess what "status" and "corroborated" mean here: say it, folded away. */
const StatusHelp = ({ ctx }: { ctx: PageContext }) => (
  <details class="explain">
    <summary>{ctx.t('cases.help.title')}</summary>
    <p>{ctx.t('cases.help.status')}</p>
    <dl>
      {VERIFICATION_LEVELS.map((l) => (
        <>
          <dt>{ctx.t(`cases.levels.${l}`)}</dt>
          <dd>{ctx.t(`cases.help.levels.${l}`)}</dd>
        </>
      ))}
    </dl>
    <p>{ctx.t('cases.help.discrepancies')}</p>
  </details>
);

export const eventLabel = (ctx: PageContext, e: EventView | undefined): string =>
  e ? `${ctx.t(`cases.kinds.${e.kind}`)}, ${formatPartialDate(e.date.value, e.date.precision)}` : '';

/** One button per level the staff member may raise the event to: no select, one click. */
