import { Layout } from '../web/layout.tsx';
import { formatDay } from '../people/partial-date.ts';
import type { PageContext } from '../web/page-context.ts';
import { localDateTime, zoneName } from '../web/time.ts';
import type { AuditRow } from './audit.service.ts';

export const AuditPage = ({
  ctx,
  rows,
  staffNames,
  older,
}: {
  ctx: PageContext;
  rows: AuditRow[];
  staffNames: Map<string, string>;
  older: string | null;
}) => {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} heading={t('audit.title')}>
      <p>
        {t('audit.intro')}{' '}
        {rows[0] && t('common.timesIn', { zone: zoneName(ctx.timeZone, new Date(rows[0].at), ctx.lang) })}
      </p>
      {rows.length === 0 ? (
        <p>{t('audit.empty')}</p>
      ) : (
        // A card per entry on a phone (site.css, table.cards): three columns did not fit 360 px.
        <table class="cards">
          <thead>
            <tr>
              <th scope="col">{t('audit.when')}</th>
              <th scope="col">{t('audit.whoWhat')}</th>
              <th scope="col">{t('audit.case')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr>
                {/* Family entries keep only the day (threat model): no time of day, no zone. */}
                <td>{r.at.length > 10 ? localDateTime(r.at, ctx.timeZone) : formatDay(r.at)}</td>
                {/* A family is never named here: the admin needs to know that the family acted, not who they are. */}
                <td>
                  <strong>
                    {r.actorRole === 'family'
                      ? t('audit.family')
                      : (staffNames.get(r.actorUserId) ??
                        t(`accounts.roles.${r.actorRole}`, { defaultValue: r.actorRole }))}
                  </strong>{' '}
                  {t(`audit.actions.${r.action}`, { defaultValue: r.action })}
                </td>
                <td data-label={t('audit.case')}>
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
