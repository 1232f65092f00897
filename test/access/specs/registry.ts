import { randomUUID } from 'node:crypto';
import { everyone, FAMILY, only, type RouteSpec } from '../route-spec.ts';
import type { AccessWorld } from '../world.ts';
import { openCase } from '../../../src/cases/cases.service.ts';
import { caseInput } from '../../../src/cases/cases.fixtures.ts';
import { publishedFromCase } from '../../../src/registry/registry.fixtures.ts';
import { submitRequest } from '../../../src/registry/requests.service.ts';
import { PUBLIC } from '../../../src/policy/principal.ts';

// The public registry: anyone reads what is published (pages, downloads, the API); organisation
// A's verifiers and admins publish from A's cases and handle requests about A's records
// (organisation B's admin reaches only B's empty desk); the requesting family alone makes her
// choice. Changes are tried on fresh cases, records and requests.

/** Those who publish for organisation A. */
const PUBLISHERS_A = ['verifier', 'orgAdmin', 'siteAdminInOrg'] as const;
/** Those who publish for some organisation (their own desk). */
const PUBLISHERS = [...PUBLISHERS_A, 'otherOrgAdmin'] as const;

const records = new WeakMap<AccessWorld, Promise<string>>();
const deps = (w: AccessWorld) => ({ db: w.t.opened.db, clock: w.t.clock });

/** A record organisation A published (once per world). */
const record = (w: AccessWorld): Promise<string> => {
  if (!records.has(w)) records.set(w, freshRecord(w));
  return records.get(w)!;
};

const freshRecord = async (w: AccessWorld): Promise<string> =>
  (
    await publishedFromCase(
      deps(w),
      { organisationId: w.orgA.id, family: w.users.owner.auth, verifier: w.users.verifier.auth },
      `Опубликованный-${randomUUID().slice(0, 4)}`,
    )
  ).recordId;

/** A case of organisation A about someone else than the matrix's secret person. */
const freshCase = async (w: AccessWorld): Promise<string> =>
  (await openCase(deps(w), w.users.owner.auth, caseInput(w.orgA.id, { surname: 'Готовимов' }))).caseId;

const freshRequest = async (w: AccessWorld): Promise<string> => {
  const id = await record(w);
  await submitRequest({ ...deps(w), config: w.t.config }, PUBLIC, id, {
    kind: 'correct',
    message: 'Неверный год рождения',
    contact: undefined,
  });
  const row = await w.t.opened.db
    .selectFrom('registry_requests')
    .select('id')
    .where('state', '=', 'new')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  return row.id;
};

const SOURCE = { source_title_1: 'Некролог в районной газете', source_date_1: '02.2026' };

export const registrySpecs: RouteSpec[] = [
  { method: 'GET', route: '/registry', request: () => ({ url: '/registry?q=ivanov&status=dead' }), outcome: everyone },
  {
    method: 'GET',
    route: '/registry/persons/:id',
    request: async (w) => ({ url: `/registry/persons/${await record(w)}` }),
    outcome: everyone,
  },
  {
    method: 'GET',
    route: '/registry/persons/:id/request',
    request: async (w) => ({ url: `/registry/persons/${await record(w)}/request` }),
    outcome: everyone,
  },
  {
    method: 'POST',
    route: '/registry/persons/:id/request',
    request: async (w) => ({
      url: `/registry/persons/${await record(w)}/request`,
      fields: { kind: 'withdraw', message: 'Прошу убрать запись' },
    }),
    outcome: everyone,
  },
  { method: 'GET', route: '/registry/statistics', request: () => ({ url: '/registry/statistics' }), outcome: everyone },
  {
    method: 'GET',
    route: '/registry/methodology',
    request: () => ({ url: '/registry/methodology' }),
    outcome: everyone,
  },
  { method: 'GET', route: '/registry/data', request: () => ({ url: '/registry/data' }), outcome: everyone },
  {
    method: 'GET',
    route: '/registry/data/:file',
    request: () => ({ url: '/registry/data/persons.csv' }),
    outcome: everyone,
  },
  { method: 'GET', route: '/api/v1/persons', request: () => ({ url: '/api/v1/persons' }), outcome: everyone },
  {
    method: 'GET',
    route: '/api/v1/persons/:id',
    request: async (w) => ({ url: `/api/v1/persons/${await record(w)}` }),
    outcome: everyone,
  },
  {
    method: 'GET',
    route: '/api/v1/statistics/regions',
    request: () => ({ url: '/api/v1/statistics/regions' }),
    outcome: everyone,
  },
  {
    method: 'GET',
    route: '/api/v1/statistics/months',
    request: () => ({ url: '/api/v1/statistics/months' }),
    outcome: everyone,
  },
  { method: 'GET', route: '/api/v1/openapi.yaml', request: () => ({ url: '/api/v1/openapi.yaml' }), outcome: everyone },
  {
    method: 'GET',
    route: '/staff/registry',
    request: () => ({ url: '/staff/registry' }),
    outcome: only(...PUBLISHERS),
  },
  {
    method: 'GET',
    route: '/staff/registry/cases/:id',
    request: (w) => ({ url: `/staff/registry/cases/${w.caseId}` }),
    outcome: only(...PUBLISHERS_A),
  },
  {
    method: 'POST',
    route: '/staff/registry/cases/:id/announce',
    // Nothing confirmed yet: the publishers reach the rules' refusal, everyone else a 404.
    request: async (w) => ({ url: `/staff/registry/cases/${await freshCase(w)}/announce`, fields: {} }),
    outcome: only(...PUBLISHERS_A),
  },
  {
    method: 'POST',
    route: '/staff/registry/cases/:id/waive',
    request: async (w) => ({
      url: `/staff/registry/cases/${await freshCase(w)}/waive`,
      fields: { reason: 'family_asked' },
    }),
    outcome: only(...PUBLISHERS_A),
  },
  {
    method: 'POST',
    route: '/staff/registry/cases/:id/publish',
    request: async (w) => ({ url: `/staff/registry/cases/${await freshCase(w)}/publish`, fields: SOURCE }),
    outcome: only(...PUBLISHERS_A),
  },
  {
    method: 'GET',
    route: '/staff/registry/records/:id',
    request: async (w) => ({ url: `/staff/registry/records/${await record(w)}` }),
    outcome: only(...PUBLISHERS_A),
  },
  {
    method: 'POST',
    route: '/staff/registry/records/:id/correct',
    request: async (w) => ({
      url: `/staff/registry/records/${await record(w)}/correct`,
      fields: { ...SOURCE, note: 'Уточнён источник' },
    }),
    outcome: only(...PUBLISHERS_A),
  },
  {
    method: 'POST',
    route: '/staff/registry/records/:id/withdraw',
    request: async (w) => ({
      url: `/staff/registry/records/${await freshRecord(w)}/withdraw`,
      fields: { reason: 'error' },
    }),
    outcome: only(...PUBLISHERS_A),
  },
  {
    method: 'GET',
    route: '/staff/registry/requests',
    request: () => ({ url: '/staff/registry/requests' }),
    outcome: only(...PUBLISHERS),
  },
  {
    method: 'POST',
    route: '/staff/registry/requests/:id/close',
    request: async (w) => ({ url: `/staff/registry/requests/${await freshRequest(w)}/close`, fields: {} }),
    outcome: only(...PUBLISHERS_A),
  },
  {
    method: 'GET',
    route: '/staff/registry/requests/:id',
    request: async (w) => ({ url: `/staff/registry/requests/${await freshRequest(w)}` }),
    outcome: only(...PUBLISHERS_A),
  },
  {
    method: 'POST',
    route: '/staff/registry/requests/:id',
    request: async (w) => ({
      url: `/staff/registry/requests/${await freshRequest(w)}`,
      fields: { decision: 'in_review', answer: 'Рассматриваем' },
    }),
    outcome: only(...PUBLISHERS_A),
  },
  // A relative's receipt code: no account, anyone may try one (a wrong one here).
  { method: 'GET', route: '/registry/receipt', request: () => ({ url: '/registry/receipt' }), outcome: everyone },
  {
    method: 'GET',
    route: '/registry/request-status',
    request: () => ({ url: '/registry/request-status' }),
    outcome: everyone,
  },
  {
    method: 'POST',
    route: '/registry/request-status',
    request: () => ({ url: '/registry/request-status', fields: { code: 'ZZZZ-ZZZZ-0000-0000-0000-0000' } }),
    outcome: everyone,
  },
  // Adding to a request needs its code again: a wrong one adds nothing, for anyone.
  {
    method: 'POST',
    route: '/registry/request-status/add',
    request: () => ({
      url: '/registry/request-status/add',
      fields: { code: 'ZZZZ-ZZZZ-0000-0000-0000-0000', message: 'Дополнение' },
    }),
    outcome: everyone,
  },
  {
    method: 'GET',
    route: '/cases/:id/publication',
    request: (w) => ({ url: `/cases/${w.caseId}/publication` }),
    outcome: only(...FAMILY),
  },
  {
    method: 'POST',
    route: '/cases/:id/publication',
    request: (w) => ({ url: `/cases/${w.caseId}/publication`, fields: { choice: 'allow' } }),
    outcome: only(...FAMILY),
  },
];
