import { Layout } from '../web/layout.tsx';
import { DayField } from './day-field.views.tsx';
import type { PageContext } from '../web/page-context.ts';
import {
  FormErrorSummary,
  PostForm,
  SelectField,
  TextArea,
  TextField,
  type FormErrors,
  type FormValues,
} from '../web/forms.tsx';
import { localDate } from '../web/time.ts';
import { CHANNELS } from './deadline-rules.ts';
import type { AuthorityView } from './directory.service.ts';
import type { CollectiveView } from './collective.service.ts';
import { authorityOptions, DaysLeft } from './appeals.views.tsx';
import { letterHtml } from './appeal-page.views.tsx';

// Collective appeals, the staff side: the list, a new letter with the families invited, and one
// collective with its signatures (how many, never whose to a family), sending and printing.

export const CollectiveListPage = ({
  ctx,
  list,
}: {
  ctx: PageContext;
  list: Array<{ id: string; state: string; created_at: string }>;
}) => {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} heading={t('appeals.collective.title')}>
      <p>{t('appeals.collective.intro')}</p>
      <p>
        <a href="/staff/collective/new">{t('appeals.collective.new')}</a>
      </p>
      {list.length === 0 ? (
        <p>{t('appeals.collective.none')}</p>
      ) : (
        <ul>
          {list.map((c) => (
            <li>
              <a href={`/staff/collective/${c.id}`}>
                {t('appeals.collective.of', { date: localDate(c.created_at, ctx.timeZone) })}
              </a>{' '}
              · {t(`appeals.collective.states.${c.state}`)}
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href="/staff/appeals">{t('appeals.staff.title')}</a>
      </p>
    </Layout>
  );
};

export const NewCollectivePage = ({
  ctx,
  cases,
  authorities,
  values,
  errors,
  picked = [],
}: {
  ctx: PageContext;
  cases: Array<{ id: string; name: string; unit: string }>;
  authorities: AuthorityView[];
  values: FormValues;
  errors: FormErrors;
  picked?: string[];
}) => {
  const { t } = ctx;
  const f = { ctx, values, errors };
  const chosen = new Set(picked);
  return (
    <Layout ctx={ctx} heading={t('appeals.collective.new')}>
      <p>{t('appeals.collective.newIntro')}</p>
      <FormErrorSummary ctx={ctx} errors={errors} />
      <PostForm ctx={ctx} action="/staff/collective">
        <SelectField
          {...f}
          name="authority"
          label={t('appeals.authority')}
          options={authorityOptions(ctx, authorities)}
          emptyLabel={t('appeals.ownAuthority')}
        />
        <TextField
          {...f}
          name="addressee"
          label={t('appeals.addressee')}
          hint={t('appeals.collective.addresseeHint')}
          maxLength={300}
        />
        <TextArea {...f} name="address" label={t('appeals.address')} maxLength={500} rows={2} />
        <TextField {...f} name="subject" label={t('appeals.subject')} required maxLength={300} />
        <TextArea {...f} name="body" label={t('appeals.body')} required maxLength={20000} rows={12} />
        <fieldset>
          <legend>{t('appeals.collective.families')}</legend>
          {cases.map((c) => (
            <label>
              <input type="checkbox" name="cases" value={c.id} checked={chosen.has(c.id)} /> {c.name}
              {c.unit && <> · {c.unit}</>}
            </label>
          ))}
          {errors.cases && <small class="field-error">{t(errors.cases.key)}</small>}
        </fieldset>
        <button type="submit">{t('appeals.collective.invite')}</button>
      </PostForm>
      <p>
        <a href="/staff/collective">← {t('appeals.collective.title')}</a>
      </p>
    </Layout>
  );
};

export const CollectivePage = ({
  ctx,
  view,
  values = {},
  errors = {},
}: {
  ctx: PageContext;
  view: CollectiveView;
  values?: FormValues;
  errors?: FormErrors;
}) => {
  const { t } = ctx;
  const signed = view.members.filter((m) => m.signed).length;
  const f = { ctx, values, errors };
  return (
    <Layout ctx={ctx} heading={view.letter?.subject ?? t('appeals.collective.title')}>
      <p>
        {t(`appeals.collective.states.${view.state}`)} ·{' '}
        {t('appeals.collective.signedCount', { count: signed, total: view.members.length })}
      </p>
      <FormErrorSummary ctx={ctx} errors={errors} />
      {view.letter && (
        <section aria-labelledby="letter-h">
          <h2 id="letter-h">{t('appeals.letter')}</h2>
          <p>
            {t('appeals.to')}: <strong>{view.letter.addressee}</strong>
          </p>
          <div dangerouslySetInnerHTML={{ __html: letterHtml(view.markdown) }} />
        </section>
      )}
      <section aria-labelledby="members-h">
        <h2 id="members-h">{t('appeals.collective.families')}</h2>
        <ul>
          {view.members.map((m, i) => (
            <li>
              <a href={`/appeals/${m.appealId}`}>{t('appeals.collective.family', { n: i + 1 })}</a> ·{' '}
              {t(
                m.signed
                  ? 'appeals.collective.hasSigned'
                  : m.state === 'draft'
                    ? 'appeals.collective.notSigned'
                    : 'appeals.collective.didNotSign',
              )}{' '}
              · {t(`appeals.states.${m.state}`)}
              {m.answerBy && (
                <>
                  {' '}
                  · {t('appeals.answerBy')}: <DaysLeft ctx={ctx} answerBy={m.answerBy} />
                </>
              )}
            </li>
          ))}
        </ul>
      </section>
      {view.hintLeft && view.state === 'open' && (
        <p class="notice">
          {t('appeals.collective.fixFirst')} <a href="/staff/collective/new">{t('appeals.collective.new')}</a>
        </p>
      )}
      {signed > 0 && !view.hintLeft && (
        <section aria-labelledby="cprint-h">
          <h2 id="cprint-h">{t('appeals.print.title')}</h2>
          <PostForm ctx={ctx} action={`/staff/collective/${view.id}/print`}>
            <button type="submit" name="format" value="html">
              {t('appeals.print.html')}
            </button>{' '}
            <button type="submit" name="format" value="pdf" class="secondary">
              {t('appeals.print.pdf')}
            </button>
          </PostForm>
        </section>
      )}
      {view.state === 'open' && !view.hintLeft && (
        <section aria-labelledby="csend-h">
          <h2 id="csend-h">{t('appeals.send.title')}</h2>
          <p>{t('appeals.collective.sendIntro')}</p>
          <PostForm ctx={ctx} action={`/staff/collective/${view.id}/send`}>
            <SelectField
              {...f}
              name="channel"
              label={t('appeals.send.channel')}
              required
              options={CHANNELS.map((c) => ({ value: c, label: t(`appeals.channels.${c}`) }))}
            />
            <DayField {...f} name="sent_on" label={t('appeals.send.sentOn')} required />
            <TextField {...f} name="tracking" label={t('appeals.send.tracking')} maxLength={100} />
            <button type="submit">{t('appeals.send.submit')}</button>
          </PostForm>
        </section>
      )}
      <p>
        <a href="/staff/collective">{t('appeals.collective.title')}</a>
      </p>
    </Layout>
  );
};
