import type { PageContext } from '../web/page-context.ts';
import { localDateTime } from '../web/time.ts';
import { formatPartialDate, type PartialDate } from '../people/partial-date.ts';
import type { CaseView } from './cases.service.ts';
import type { Discrepancy } from './discrepancies.ts';
import type { PersonStatus } from './status-rules.ts';
import type { DiscrepancyView } from './timeline-judgement.ts';
import { warningSignature, type EventCheck } from './verification-lifecycle.ts';
import { VERIFICATION_LEVELS, type TimelineEvent, type Verification } from './timeline.ts';

// The status section of the case page: what is known and how sure it is, the verified status
// when an unverified report says more, and the discrepancies, open and settled. Worded for the
// viewer (docs/status-rules.md, rules 5 and 6): a report is never shown as a verified fact, and a
// death is never "confirmed" while versions of it contradict each other.

/** Statuses whose own words already say how sure they are. */
const SELF_QUALIFIED: ReadonlySet<PersonStatus> = new Set(['unknown', 'reported_dead', 'disputed_death', 'dead']);

/** "No contact" alone says nothing useful: say since when (the date of the last contact). */
const statusText = (ctx: PageContext, view: CaseView, status: PersonStatus, basisId: string | null): string => {
  const basis = basisId ? view.events.find((e) => e.id === basisId) : undefined;
  if (status === 'no_contact' && basis)
    return ctx.t('cases.noContactSince', { date: formatPartialDate(basis.date.value, basis.date.precision) });
  return ctx.t(`cases.statuses.${status}`);
};

/** A status with how sure it is: the level of the event it rests on. */
const qualified = (ctx: PageContext, text: string, status: PersonStatus, level: Verification | undefined): string => {
  if (status === 'unknown' || status === 'disputed_death' || status === 'dead') return text;
  if (level === 'confirmed') return ctx.t('cases.statusConfirmed', { status: text });
  if (level === 'corroborated') return ctx.t('cases.statusCorroborated', { status: text });
  return text;
};

/**
 * One line for lists (the family's requests, the queue): the unverified report when it says more
 * than the verified status, named as such.
 */
export const statusLine = (ctx: PageContext, status: PersonStatus, pending: PersonStatus | null): string =>
  pending
    ? SELF_QUALIFIED.has(pending)
      ? ctx.t(`cases.statuses.${pending}`)
      : ctx.t('cases.statusReported', { status: ctx.t(`cases.statuses.${pending}`) })
    : ctx.t(`cases.statuses.${status}`);

/** What is known and how sure: the most serious report first when it is not verified yet. */
const Headline = ({ ctx, view }: { ctx: PageContext; view: CaseView }) => {
  const { status } = view;
  const byId = (id: string | null) => view.events.find((e) => e.id === id);
  const verified = qualified(
    ctx,
    statusText(ctx, view, status.status, status.basisEventId),
    status.status,
    byId(status.basisEventId)?.verification,
  );
  if (!status.pending) return <p class="status">{verified}</p>;
  const basis = byId(status.pendingBasisEventId);
  const own = view.can.voice === 'family' && basis?.addedByFamily === true;
  const text = statusText(ctx, view, status.pending, status.pendingBasisEventId);
  // One state in one wording whoever reported it; her own report is named apart from the state
  // («не подтверждено · ваше сообщение»): two wordings read as two states (QA walk 4). A dispute
  // is nobody's report: it is not "your report".
  const reported = SELF_QUALIFIED.has(status.pending) ? text : ctx.t('cases.statusReported', { status: text });
  const mine = own && status.pending !== 'disputed_death';
  return (
    <>
      <p class="status">
        {reported}
        {mine && <> · {ctx.t('cases.yourReport')}</>}
      </p>
      <p>
        {status.status === 'unknown'
          ? ctx.t('cases.nothingVerified')
          : ctx.t('cases.verifiedSoFar', { status: verified })}
      </p>
    </>
  );
};

export const eventLabel = (ctx: PageContext, e: Pick<TimelineEvent, 'kind' | 'date'> | undefined): string =>
  e ? `${ctx.t(`cases.kinds.${e.kind}`)}, ${formatPartialDate(e.date.value, e.date.precision)}` : '';

/** An event as one side of a discrepancy: what, when, from whom, how sure. */
const Side = ({ ctx, e, anchors }: { ctx: PageContext; e: TimelineEvent | undefined; anchors: boolean }) =>
  e ? (
    <>
      {anchors ? <a href={`#event-${e.id}`}>{eventLabel(ctx, e)}</a> : eventLabel(ctx, e)} (
      {ctx.t(`cases.sources.${e.source}`)}, {ctx.t(`cases.levels.${e.verification}`)})
    </>
  ) : (
    ctx.t('cases.thisEvent')
  );

/** The sides of a discrepancy: its events, and the date of birth for a rule that compares with it. */
export const Sides = ({
  ctx,
  events,
  birth,
  d,
  anchors = true,
  skip,
}: {
  ctx: PageContext;
  events: readonly TimelineEvent[];
  birth: PartialDate | null;
  d: Discrepancy;
  anchors?: boolean;
  /** an event not to name (the one being checked: its page is about it) */
  skip?: string;
}) => (
  <>
    {d.eventIds
      .filter((id) => id !== skip)
      .map((id, i) => (
        <>
          {i > 0 && ' / '}
          <Side ctx={ctx} e={events.find((e) => e.id === id)} anchors={anchors} />
        </>
      ))}
    {d.eventIds.length === 1 && birth && (
      <>
        {d.eventIds[0] !== skip && ' / '}
        {ctx.t('cases.birthDateSide', { date: formatPartialDate(birth.value, birth.precision) })}
      </>
    )}
  </>
);

/** The person's date of birth as the rules read it. */
export const birthOfView = (view: CaseView): PartialDate | null =>
  view.person.birth_date && view.person.birth_precision
    ? { value: view.person.birth_date, precision: view.person.birth_precision }
    : null;

const Verdict = ({ ctx, view, d }: { ctx: PageContext; view: CaseView; d: DiscrepancyView }) => {
  const v = d.verdict;
  if (!v) return <>{ctx.t('cases.settledBySetAside')}</>;
  return (
    <>
      {v.setAsideEventId
        ? ctx.t('cases.verdict.setAside', {
            event: eventLabel(
              ctx,
              view.events.find((e) => e.id === v.setAsideEventId),
            ),
          })
        : ctx.t('cases.verdict.both')}
      {v.reason !== undefined && (
        <>
          <br />
          <small>
            {v.by} · {localDateTime(v.at, ctx.timeZone)} · {ctx.t('cases.reasonLabel')}:{' '}
          </small>
          <span class="prewrap">{v.reason}</span>
        </>
      )}
    </>
  );
};

export const Discrepancies = ({ ctx, view }: { ctx: PageContext; view: CaseView }) => {
  const open = view.discrepancies.filter((d) => d.open);
  const settled = view.discrepancies.filter((d) => !d.open);
  if (view.discrepancies.length === 0) return null;
  return (
    <div class="discrepancy" role="note">
      {open.length > 0 && (
        <>
          <h3>{ctx.t('cases.discrepancies')}</h3>
          <p>{ctx.t('cases.discrepancyIntro')}</p>
          <ul>
            {open.map((d) => (
              <li>
                {ctx.t(`cases.discrepancyRules.${d.rule}`)}
                {d.officialVersusOther && <> ({ctx.t('cases.officialVersusOther')})</>}:{' '}
                <Sides ctx={ctx} events={view.events} birth={birthOfView(view)} d={d} />
                {view.can.resolve && (
                  <>
                    {' '}
                    <a href={`/staff/cases/${view.id}/discrepancies?d=${encodeURIComponent(d.key)}`}>
                      {ctx.t('cases.resolveLink')}
                    </a>
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {settled.length > 0 && (
        <>
          <h3>{ctx.t('cases.settledDiscrepancies')}</h3>
          <ul>
            {settled.map((d) => (
              <li>
                {ctx.t(`cases.discrepancyRules.${d.rule}`)}:{' '}
                <Sides ctx={ctx} events={view.events} birth={birthOfView(view)} d={d} />
                <br />
                <Verdict ctx={ctx} view={view} d={d} />
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
};

export const Status = ({ ctx, view }: { ctx: PageContext; view: CaseView }) => (
  <section aria-labelledby="status-h">
    <h2 id="status-h">{ctx.t('cases.statusLabel')}</h2>
    <Headline ctx={ctx} view={view} />
    {(view.status.status === 'disputed_death' || view.status.pending === 'disputed_death') && (
      <p>{ctx.t('cases.disputedExplained')}</p>
    )}
    <StatusHelp ctx={ctx} view={view} />
    <Discrepancies ctx={ctx} view={view} />
  </section>
);

/** A family cannot guess how the status is decided: the rules in plain words, folded away. */
const StatusHelp = ({ ctx, view }: { ctx: PageContext; view: CaseView }) => (
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
    <ul>
      <li>{ctx.t('cases.help.rules.latest')}</li>
      <li>{ctx.t('cases.help.rules.reported')}</li>
      <li>{ctx.t('cases.help.rules.death')}</li>
      <li>{ctx.t('cases.help.rules.disputed')}</li>
      <li>{ctx.t('cases.help.rules.dates')}</li>
      <li>{ctx.t('cases.help.rules.lastContact')}</li>
      <li>{ctx.t('cases.help.rules.corrections')}</li>
    </ul>
    <p>{ctx.t('cases.help.discrepancies')}</p>
    {view.can.voice === 'staff' && <p>{ctx.t('cases.help.staffReference')}</p>}
  </details>
);

/** The sources, for the confirmation pages: every event of the timeline, as a compact list. */
export const SourcesList = ({ ctx, view, highlight }: { ctx: PageContext; view: CaseView; highlight?: string }) => (
  <ol>
    {view.events.map((e) => (
      <li>
        {e.id === highlight ? <strong>{eventLabel(ctx, e)}</strong> : eventLabel(ctx, e)} —{' '}
        {ctx.t(`cases.sources.${e.source}`)}, {ctx.t(`cases.levels.${e.verification}`)}
        {e.addedByFamily && <> · {ctx.t('cases.addedByFamily')}</>}
        {e.setAside && <> · {ctx.t('cases.setAsideShort')}</>}
        {e.corrected && <> · {ctx.t('cases.correctedShort')}</>}
        {e.id === highlight && <> · {ctx.t('cases.thisEvent')}</>}
      </li>
    ))}
  </ol>
);

/**
 * The dates that do not agree, before a form is saved (the check page, the new request, a
 * corrected date of birth): each contradiction with what it contradicts, then what to do.
 */
export const DateWarnings = ({
  ctx,
  check,
  skip,
  advice,
}: {
  ctx: PageContext;
  check: EventCheck;
  /** the event the page is about, not named again */
  skip?: string;
  advice: string;
}) => (
  <section class="notice" aria-labelledby="warnings-h">
    <h2 id="warnings-h">{ctx.t('cases.check.warningsTitle')}</h2>
    <ul>
      {check.warnings.map((d) => (
        <li>
          {ctx.t(`cases.discrepancyRules.${d.rule}`)}:{' '}
          <Sides ctx={ctx} events={check.events} birth={check.birth} d={d} anchors={false} skip={skip} />
        </li>
      ))}
    </ul>
    <p>{advice}</p>
  </section>
);

/** The hidden field that says which warnings were seen, for the form's second submit. */
export const AcknowledgedWarnings = ({ check }: { check: EventCheck }) => (
  <input type="hidden" name="ack" value={check.warnings.map((d) => warningSignature(d, check.eventId)).join(' ')} />
);
