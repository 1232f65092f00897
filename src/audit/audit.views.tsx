import { Layout } from '../web/layout.tsx';
import { formatDay } from '../people/partial-date.ts';
import type { PageContext } from '../web/page-context.ts';
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
      <p>{t('audit.intro')}</p>
      {rows.length === 0 ? (
        <p>{t('audit.empty')}</p>
      ) : (
        <table>
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
                <td>{r.at.length > 10 ? `${formatDay(r.at)} ${r.at.slice(11, 16)} UTC` : formatDay(r.at)}</td>
                {/* A family is never named here: the admin needs to know that the family acted, not who they are. */}
                {/* Who and what in one cell: four columns do not fit a 360 px phone. */}
                <td>
                  <strong>
                    {r.actorRole === 'family'
                      ? t('audit.family')
                      : (staffNames.get(r.actorUserId) ??
                        t(`accounts.roles.${r.actorRole}`, { defaultValue: r.actorRole }))}
                  </strong>{' '}
                  {t(`audit.actions.${r.action}`, { defaultValue: r.action })}
                </td>
                <td>
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
