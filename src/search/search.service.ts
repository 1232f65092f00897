import type { Db } from '../db/database.ts';
import { isoNow, type Clock } from '../shared/clock.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { clusterOf, clusterSizes, searchPersonRecords, type RecordHit } from '../people/person-records.service.ts';
import type { MatchingGrant } from '../policy/matching.policy.ts';
import type { PersonSearchQuery } from './search.schema.ts';

// Staff search over their organisation's person records in any script (the keys are the linkage
// engine's normalisers', stored on each record: src/people/search-keys.ts). Audited as a search,
// never with what was searched for.

export const PAGE_SIZE = 25;
export const EXPORT_MAX = 5000;

export interface SearchResult {
  rows: Array<RecordHit & { linked: number }>;
  page: number;
  more: boolean;
}

export const hasConditions = (q: PersonSearchQuery): boolean =>
  Boolean(q.q || q.year || q.region || q.unit || q.category || q.status || q.origin);

export const searchPeople = async (
  deps: { db: Db; clock: Clock },
  grant: MatchingGrant<'search'>,
  q: PersonSearchQuery,
  opts: { size?: number; page?: number } = {},
): Promise<SearchResult> => {
  const size = opts.size ?? PAGE_SIZE;
  const page = opts.page ?? q.page ?? 1;
  const rows = await searchPersonRecords(
    deps.db,
    grant.organisationId,
    {
      text: q.q ?? '',
      birthYear: q.year ? Number(q.year) : undefined,
      region: q.region,
      unit: q.unit,
      category: q.category,
      status: q.status,
      origin: q.origin,
    },
    size,
    (page - 1) * size,
  );
  await deps.db.transaction().execute((tx) =>
    recordAudit(tx, {
      actorUserId: grant.auth.userId,
      actorRole: grant.auth.role,
      organisationId: grant.organisationId,
      action: 'person.searched',
      at: isoNow(deps.clock),
    }),
  );
  const shown = rows.slice(0, size);
  const sizes = await clusterSizes(deps.db, [...new Set(shown.filter((r) => r.cluster_id).map(clusterOf))]);
  return {
    rows: shown.map((r) => ({ ...r, linked: Math.max(0, (sizes.get(clusterOf(r)) ?? 1) - 1) })),
    page,
    more: rows.length > size,
  };
};
