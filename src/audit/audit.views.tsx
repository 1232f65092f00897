import { Layout } from '../web/layout.tsx';
import { quoted } from '../web/quotes.ts';
import { formatDay } from '../people/partial-date.ts';
import type { PageContext } from '../web/page-context.ts';
import { localDateTime, zoneName } from '../web/time.ts';
import { isFamilyDay, type AuditRow } from './audit.service.ts';

// Staff entries are instants, shown in the organisation's zone. A family's entry is a stored UTC
// day (audit.service.ts says why it stays one): it cannot be moved to the organisation's calendar,
// so it is labelled as what it is, and the page says once where such a day starts in the zone.

/** Entries whose subject is a staff account, named after the action. */
const STAFF_SUBJECT: ReadonlySet<string> = new Set(['account.removed', 'account.reset_created']);

/** "03:00": where the UTC day `day` starts on the organisation's clock (daylight saving moves it). */
const utcDayStart = (day: string, timeZone: string): string =>
  localDateTime(`${day}T00:00:00.000Z`, timeZone).slice(-5);

export const AuditPage = ({
  ctx,
  rows,
  staffNames,
  older,
  links = new Map(),
}: {
  ctx: PageContext;
  rows: AuditRow[];
  staffNames: Map<string, string>;
  older: string | null;
  /** by entry id: the page its words open (a list, a board), when the viewer may open it */
  links?: Map<string, string>;
}) => {
  const { t } = ctx;
  const familyDay = rows.find((r) => isFamilyDay(r.at));
  return (
    <Layout ctx={ctx} heading={t('audit.title')}>
      <p>
        {t('audit.intro')}{' '}
        {rows[0] && t('common.timesIn', { zone: zoneName(ctx.timeZone, new Date(rows[0].at), ctx.lang) })}
      </p>
      {familyDay && (
        <p>
          {t('audit.familyDays', {
            zone: zoneName(ctx.timeZone, new Date(familyDay.at), ctx.lang),
            start: utcDayStart(familyDay.at, ctx.timeZone),
          })}
        </p>
      )}
      {rows.length === 0 ? (
        <p>{t('audit.empty')}</p>
      ) : (
        // A card per entry on a phone (site.css, table.cards): three columns did not fit 360 px.
        <table class="cards">
          <thead>
            <tr>
              <th scope="col">{t('audit.when')}</th>
              <th scope="col">{t('audit.whoWhat')}</th>
              <th scope="col">{t('audit.caseOrTip')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr>
                {/* Family entries keep only the day (threat model): no time of day, and a UTC day. */}
                <td>
                  {isFamilyDay(r.at) ? (
                    <>
                      {formatDay(r.at)} <small>({t('audit.utcDay')})</small>
                    </>
                  ) : (
                    localDateTime(r.at, ctx.timeZone)
                  )}
                </td>
                {/* A family is never named here: the admin needs to know that the family acted, not who they are. */}
                <td>
                  <strong>
                    {r.actorRole === 'family'
                      ? t('audit.family')
                      : (staffNames.get(r.actorUserId) ??
                        t(`accounts.roles.${r.actorRole}`, { defaultValue: r.actorRole }))}
                  </strong>{' '}
                  {links.has(r.id) ? (
                    <a href={links.get(r.id)}>{t(`audit.actions.${r.action}`, { defaultValue: r.action })}</a>
                  ) : (
                    t(`audit.actions.${r.action}`, { defaultValue: r.action })
                  )}
                  {/* Which member was removed or sent a reset link (QA walk 7: «удалил(а) сотрудника», whom?). */}
                  {STAFF_SUBJECT.has(r.action) && r.subjectId && staffNames.has(r.subjectId) && (
                    <> {quoted(ctx.lang, staffNames.get(r.subjectId)!)}</>
                  )}
                </td>
                {/* On a phone each cell is labelled: a tip's id is not a case's (QA walk 6). */}
                <td data-label={r.tipId && !r.caseId ? t('audit.tip') : t('audit.case')}>
                  {r.caseId ? <a href={`/cases/${r.caseId}`}>{r.caseId.slice(0, 8)}</a> : ''}
                  {r.tipId ? <a href={`/staff/tips/${r.tipId}`}>{r.tipId.slice(0, 8)}</a> : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {older && (
        <p>
          <a href={`/staff/audit?before=${encodeURIComponent(older)}`}>{t('audit.older')}</a>
        </p>
      )}
    </Layout>
  );
};
