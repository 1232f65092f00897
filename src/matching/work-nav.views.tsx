import type { PageContext } from '../web/page-context.ts';

// The staff's pages about person records, linked to each other: a line of links that wraps on a
// 360 px phone (as the queue's filters), the current one in bold.

export const WORK_SECTIONS = [
  ['search', '/staff/people'],
  ['matches', '/staff/matches'],
  ['imports', '/staff/imports'],
  ['incidents', '/staff/incidents'],
  ['cohorts', '/staff/cohorts'],
] as const;
export type WorkSection = (typeof WORK_SECTIONS)[number][0];

export const WorkNav = ({ ctx, current }: { ctx: PageContext; current: WorkSection }) => (
  // biome-ignore lint/a11y/useSemanticElements: a wrapping line of links, as the queue's filters
  <p role="navigation" aria-label={ctx.t('search.work.label')}>
    {WORK_SECTIONS.map(([section, href], i) => (
      <>
        {i > 0 && ' · '}
        <a href={href} aria-current={section === current ? 'page' : undefined}>
          {section === current ? <strong>{ctx.t(`search.work.${section}`)}</strong> : ctx.t(`search.work.${section}`)}
        </a>
      </>
    ))}
  </p>
);
