import type { ComponentChildren } from 'preact';
import { EventFiles } from './case-files.views.tsx';
import { formatPartialDate } from '../people/partial-date.ts';
import { Layout } from '../web/layout.tsx';
import type { PageContext } from '../web/page-context.ts';
import { FormErrorSummary, PostForm, TextArea, type FormErrors, type FormValues } from '../web/forms.tsx';
import { LevelHistory } from './case-page.views.tsx';
import { Discrepancies, Sides, SourcesList, birthOfView, eventLabel } from './case-status.views.tsx';
import { TEXT_LIMITS } from './cases.schema.ts';
import type { CaseView, EventView } from './cases.service.ts';
import { aboutDeath } from './discrepancies.ts';
import type { PersonStatus } from './status-rules.ts';
import type { DiscrepancyView, LevelPreview } from './timeline-judgement.ts';

// The pages where staff weigh evidence, each working without JavaScript: confirming a level
// that sets a death, a capture or a detention (with the sources, the open discrepancies and a
// reason), correcting a level, and settling a discrepancy.

/** A required choice among a few long options: radio buttons, each with its consequence. */
export const Choices = (p: {
  ctx: PageContext;
  name: string;
  legend: string;
  options: Array<{ value: string; label: ComponentChildren }>;
  values: FormValues;
  errors: FormErrors;
}) => {
  const error = p.errors[p.name];
  return (
    <fieldset aria-describedby={error ? `${p.name}-error` : undefined}>
      <legend>{p.legend}</legend>
      {p.options.map((o) => (
        <label>
          <input type="radio" name={p.name} value={o.value} checked={p.values[p.name] === o.value} required /> {o.label}
        </label>
      ))}
      {error && (
        <small id={`${p.name}-error`} class="field-error">
          {p.ctx.t(error.key === 'errors.required' ? 'errors.chooseOne' : error.key)}
        </small>
      )}
    </fieldset>
  );
};

/** The reason every judgement needs: sealed with the case key, read by staff only. */
export const ReasonField = (p: { ctx: PageContext; values: FormValues; errors: FormErrors; label?: string }) => (
  <TextArea
    ctx={p.ctx}
    values={p.values}
    errors={p.errors}
    name="reason"
    label={p.label ?? p.ctx.t('cases.level.reason')}
    hint={p.ctx.t('cases.level.reasonHint')}
    required
    maxLength={TEXT_LIMITS.reason}
    rows={4}
  />
);

const statusName = (ctx: PageContext, s: PersonStatus) => ctx.t(`cases.statuses.${s}`);

/** The open discrepancies, with a warning when one of them is about a death. */
const OpenDiscrepancies = ({ ctx, view }: { ctx: PageContext; view: CaseView }) => {
  const open = view.discrepancies.filter((d) => d.open);
  return (
    <section aria-labelledby="open-h">
      <h2 id="open-h">{ctx.t('cases.level.openTitle')}</h2>
      {open.length === 0 ? (
        <p>{ctx.t('cases.level.noneOpen')}</p>
      ) : (
        <>
          {open.some((d) => aboutDeath(d, view.events)) && (
            <p class="notice" role="note">
              {ctx.t('cases.level.deathDisputed')}
            </p>
          )}
          <ul>
            {open.map((d) => (
              <li>
                {ctx.t(`cases.discrepancyRules.${d.rule}`)}:{' '}
                <Sides ctx={ctx} events={view.events} birth={birthOfView(view)} d={d} anchors={false} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
};

export const LevelChangePage = (p: {
  ctx: PageContext;
  view: CaseView;
  event: EventView;
  mode: 'confirm' | 'revise';
  previews: LevelPreview[];
  values: FormValues;
  errors: FormErrors;
}) => {
  const { ctx, view, event: e, mode } = p;
  const { t } = ctx;
  const back = `/cases/${view.id}#event-${e.id}`;
  return (
    <Layout ctx={ctx} heading={t(`cases.level.${mode}Title`, { event: eventLabel(ctx, e) })}>
      <FormErrorSummary ctx={ctx} errors={p.errors} />
      <p>
        {t('cases.source')}: {t(`cases.sources.${e.source}`)} · {t('cases.level.current')}:{' '}
        <strong>{t(`cases.levels.${e.verification}`)}</strong>
        {e.addedByFamily && <> · {t('cases.addedByFamily')}</>}
        {e.place && <> · {e.place}</>}
      </p>
      {e.description && <p class="prewrap">{e.description}</p>}
      <EventFiles ctx={ctx} caseId={view.id} files={view.files} eventId={e.id} />
      <p>
        {t('cases.level.statusNow')}: <strong>{statusName(ctx, view.status.status)}</strong>
      </p>
      <p>{t(`cases.level.${mode}Why`)}</p>
      <section aria-labelledby="sources-h">
        <h2 id="sources-h">{t('cases.level.sources')}</h2>
        <SourcesList ctx={ctx} view={view} highlight={e.id} />
      </section>
      <OpenDiscrepancies ctx={ctx} view={view} />
      {e.history.length > 0 && <LevelHistory ctx={ctx} history={e.history} />}
      {p.previews.length === 0 ? (
        <p class="notice">{t('cases.level.nothingToChange')}</p>
      ) : (
        <PostForm ctx={ctx} action={`/staff/events/${e.id}/${mode}`}>
          <Choices
            ctx={ctx}
            name="verification"
            legend={t('cases.level.newLevel')}
            values={p.values}
            errors={p.errors}
            options={p.previews.map((l) => ({
              value: l.level,
              label: (
                <>
                  <strong>{t(`cases.levels.${l.level}`)}</strong> — {t('cases.level.statusWouldBe')}{' '}
                  {statusName(ctx, l.status)}
                </>
              ),
            }))}
          />
          <ReasonField ctx={ctx} values={p.values} errors={p.errors} />
          <button type="submit">{t(`cases.level.${mode}Submit`)}</button>
        </PostForm>
      )}
      <p>
        <a href={back}>{t('cases.level.cancel')}</a>
      </p>
    </Layout>
  );
};

const sourceAndLevel = (ctx: PageContext, e: EventView) =>
  `${ctx.t('cases.source')}: ${ctx.t(`cases.sources.${e.source}`)} · ${ctx.t('cases.verification')}: ${ctx.t(`cases.levels.${e.verification}`)}`;

/** One version of a discrepancy, in full, for the verifier deciding it. */
const Version = ({ ctx, e }: { ctx: PageContext; e: EventView | undefined }) =>
  e ? (
    <li>
      <strong>{eventLabel(ctx, e)}</strong>
      {e.place && <> · {e.place}</>}
      <br />
      <small>
        {sourceAndLevel(ctx, e)}
        {e.addedByFamily && <> · {ctx.t('cases.addedByFamily')}</>}
      </small>
      {e.description && <p class="prewrap">{e.description}</p>}
    </li>
  ) : null;

export const DiscrepanciesPage = (p: {
  ctx: PageContext;
  view: CaseView;
  /** the open discrepancy being resolved, with what the status would be for each outcome */
  selected: { d: DiscrepancyView; previews: Array<{ outcome: string; status: PersonStatus }> } | null;
  values: FormValues;
  errors: FormErrors;
}) => {
  const { ctx, view } = p;
  const { t } = ctx;
  const back = `/cases/${view.id}`;
  if (!p.selected)
    return (
      <Layout ctx={ctx} heading={t('cases.resolve.listTitle')}>
        <FormErrorSummary ctx={ctx} errors={p.errors} />
        {view.discrepancies.length === 0 ? <p>{t('cases.resolve.none')}</p> : <Discrepancies ctx={ctx} view={view} />}
        <p>
          <a href={back}>{t('cases.edit.back')}</a>
        </p>
      </Layout>
    );
  const { d, previews } = p.selected;
  const byId = (id: string) => view.events.find((e) => e.id === id);
  const birth = birthOfView(view);
  return (
    <Layout ctx={ctx} heading={t('cases.resolve.title')}>
      <FormErrorSummary ctx={ctx} errors={p.errors} />
      <p>
        <strong>{t(`cases.discrepancyRules.${d.rule}`)}</strong>
        {d.officialVersusOther && <> ({t('cases.officialVersusOther')})</>}
      </p>
      <h2>{t('cases.resolve.versions')}</h2>
      <ul>
        {d.eventIds.map((id) => (
          <Version ctx={ctx} e={byId(id)} />
        ))}
        {d.eventIds.length === 1 && birth && (
          <li>
            {t('cases.birthDateSide', { date: formatPartialDate(birth.value, birth.precision) })}
            <br />
            <small>{t('cases.resolve.birthHint')}</small>
          </li>
        )}
      </ul>
      <p>
        {t('cases.level.statusNow')}: <strong>{statusName(ctx, view.status.status)}</strong>
      </p>
      <p>{t('cases.resolve.why')}</p>
      <PostForm ctx={ctx} action={`/staff/cases/${view.id}/discrepancies`}>
        <input type="hidden" name="d" value={d.key} />
        <Choices
          ctx={ctx}
          name="outcome"
          legend={t('cases.resolve.outcome')}
          values={p.values}
          errors={p.errors}
          options={previews.map((o) => ({
            value: o.outcome,
            label: (
              <>
                {o.outcome === 'both'
                  ? t('cases.resolve.both')
                  : t('cases.resolve.setAside', { event: eventLabel(ctx, byId(o.outcome)) })}{' '}
                — {t('cases.level.statusWouldBe')} {statusName(ctx, o.status)}
              </>
            ),
          }))}
        />
        <ReasonField ctx={ctx} values={p.values} errors={p.errors} />
        <button type="submit">{t('cases.resolve.submit')}</button>
      </PostForm>
      <p>
        <a href={back}>{t('cases.level.cancel')}</a>
      </p>
    </Layout>
  );
};
