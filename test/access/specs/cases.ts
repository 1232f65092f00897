import { CASE_STAFF, FAMILY, only, type RouteSpec } from '../route-spec.ts';
import type { AccessWorld, Who } from '../world.ts';
import { principalOf } from '../../../src/policy/principal.ts';
import { authoriseCase } from '../../../src/cases/case-access.service.ts';
import { attachFile } from '../../../src/cases/case-files.service.ts';
import { cleanFile } from '../../../src/evidence/file-rules.ts';
import { jpegWithGps } from '../../../src/evidence/evidence.fixtures.ts';

// The tracing requests: the requesting family and organisation A's case staff, nobody else.
// Changes that end or reopen a case are tried on a fresh case each time.

const EVENT = { kind: 'missing', date: '2026-02-10', source: 'family' };
// No field repeats the case's secrets: a "session ended" page hands typed values back.
const EDIT = {
  surname: 'Иванов',
  given_name: 'Пётр',
  rank: 'ефрейтор',
  relation: 'mother',
  narrative: 'Исправленный рассказ',
  wants_to_learn: 'Где он',
};

/** Correcting a level and settling a discrepancy: a verifier's judgement (policy: 'revise', 'resolve'). */
const VERIFIERS: Who[] = ['verifier', 'orgAdmin', 'siteAdminInOrg'];
const REASON = 'Второй источник: список обмена';

/** A photo the owner attached to her case (case-files.service.ts), made once per world. */
const attached = new WeakMap<AccessWorld, Promise<string>>();
const attachedFile = (w: AccessWorld): Promise<string> => {
  if (!attached.has(w))
    attached.set(
      w,
      (async () => {
        const grant = await authoriseCase(w.t.opened.db, principalOf(w.users.owner.auth), w.caseId, 'add_event');
        const deps = { db: w.t.opened.db, clock: w.t.clock };
        return attachFile(deps, grant, { summary: 'Извещение' }, await cleanFile(await jpegWithGps()));
      })(),
    );
  return attached.get(w)!;
};

export const caseSpecs: RouteSpec[] = [
  { method: 'GET', route: '/my/cases', request: () => ({ url: '/my/cases' }), outcome: only('owner', 'otherFamily') },
  { method: 'GET', route: '/cases/new', request: () => ({ url: '/cases/new' }), outcome: only('owner', 'otherFamily') },
  {
    method: 'POST',
    route: '/cases/new',
    // Missing fields: the families reach the form's errors, nobody else reaches the form.
    request: () => ({ url: '/cases/new', fields: { surname: 'Сидоров' } }),
    outcome: only('owner', 'otherFamily'),
  },
  {
    method: 'GET',
    route: '/cases/:id',
    request: (w) => ({ url: `/cases/${w.caseId}` }),
    outcome: only(...FAMILY, ...CASE_STAFF),
  },
  {
    method: 'POST',
    route: '/cases/:id/events',
    request: (w) => ({ url: `/cases/${w.caseId}/events`, fields: EVENT }),
    outcome: only(...FAMILY, ...CASE_STAFF),
  },
  {
    method: 'POST',
    route: '/cases/:id/files',
    // No file: those who may attach reach the form's error, nobody else reaches the form.
    request: (w) => ({ url: `/cases/${w.caseId}/files`, fields: { summary: 'Извещение' } }),
    outcome: only(...FAMILY, ...CASE_STAFF),
  },
  {
    method: 'GET',
    route: '/cases/:id/files/:fileId',
    request: async (w) => ({ url: `/cases/${w.caseId}/files/${await attachedFile(w)}` }),
    outcome: only(...FAMILY, ...CASE_STAFF),
  },
  {
    method: 'GET',
    route: '/cases/:id/files/:fileId/remove',
    // The owner's photo: only she may remove it (mayRemoveFile); her case's staff get NotFound too.
    request: async (w) => ({ url: `/cases/${w.caseId}/files/${await attachedFile(w)}/remove` }),
    outcome: only(...FAMILY),
  },
  {
    method: 'POST',
    route: '/cases/:id/files/:fileId/remove',
    // Without the confirmation: she reaches the question again, the file stays for the next principal.
    request: async (w) => ({ url: `/cases/${w.caseId}/files/${await attachedFile(w)}/remove`, fields: {} }),
    outcome: only(...FAMILY),
  },
  {
    method: 'POST',
    route: '/cases/:id/messages',
    request: (w) => ({ url: `/cases/${w.caseId}/messages`, fields: { body: 'сообщение' } }),
    outcome: only(...FAMILY, ...CASE_STAFF),
  },
  {
    method: 'GET',
    route: '/cases/:id/edit',
    request: (w) => ({ url: `/cases/${w.caseId}/edit` }),
    outcome: only(...FAMILY, ...CASE_STAFF),
  },
  {
    method: 'POST',
    route: '/cases/:id/edit',
    request: (w) => ({ url: `/cases/${w.caseId}/edit`, fields: EDIT }),
    outcome: only(...FAMILY, ...CASE_STAFF),
  },
  {
    method: 'GET',
    route: '/cases/:id/withdraw',
    request: (w) => ({ url: `/cases/${w.caseId}/withdraw` }),
    outcome: only(...FAMILY),
  },
  {
    method: 'POST',
    route: '/cases/:id/withdraw',
    request: async (w) => ({ url: `/cases/${await w.freshCase()}/withdraw`, fields: { confirm: 'yes' } }),
    outcome: only(...FAMILY),
  },
  {
    method: 'GET',
    route: '/staff',
    request: () => ({ url: '/staff?filter=open' }),
    outcome: only(...CASE_STAFF, 'otherOrgStaff', 'otherOrgAdmin'),
  },
  {
    method: 'GET',
    route: '/staff/search',
    request: () => ({ url: '/staff/search' }),
    outcome: only(...CASE_STAFF, 'otherOrgStaff', 'otherOrgAdmin'),
  },
  {
    method: 'POST',
    route: '/staff/search',
    request: () => ({ url: '/staff/search', fields: { q: 'Сазонт' } }),
    outcome: only(...CASE_STAFF, 'otherOrgStaff', 'otherOrgAdmin'),
  },
  {
    method: 'POST',
    route: '/staff/cases/:id/assign',
    request: (w) => ({ url: `/staff/cases/${w.caseId}/assign`, fields: { assignee: w.users.caseworker.id } }),
    outcome: only(...CASE_STAFF),
  },
  {
    method: 'POST',
    route: '/staff/cases/:id/notes',
    request: (w) => ({ url: `/staff/cases/${w.caseId}/notes`, fields: { body: 'заметка' } }),
    outcome: only(...CASE_STAFF),
  },
  {
    method: 'GET',
    route: '/staff/cases/:id/close',
    request: (w) => ({ url: `/staff/cases/${w.caseId}/close` }),
    outcome: only(...CASE_STAFF),
  },
  {
    method: 'POST',
    route: '/staff/cases/:id/close',
    request: async (w) => ({
      url: `/staff/cases/${await w.freshCase()}/close`,
      fields: { reason: 'other', note: 'Семья просила закрыть', confirm: 'yes' },
    }),
    outcome: only(...CASE_STAFF),
  },
  {
    method: 'POST',
    route: '/staff/cases/:id/reopen',
    // An open case: the staff reach the lifecycle's "not closed" answer, everyone else a 404.
    request: (w) => ({ url: `/staff/cases/${w.caseId}/reopen`, fields: {} }),
    outcome: only(...CASE_STAFF),
  },
  {
    method: 'POST',
    route: '/staff/events/:id/verify',
    request: async (w) => ({
      url: `/staff/events/${await w.freshEvent(w.caseId)}/verify`,
      fields: { verification: 'corroborated' },
    }),
    outcome: only(...CASE_STAFF),
  },
  {
    method: 'GET',
    route: '/staff/events/:id/confirm',
    request: async (w) => ({ url: `/staff/events/${await w.freshEvent(w.caseId)}/confirm?level=corroborated` }),
    outcome: only(...CASE_STAFF),
  },
  {
    method: 'POST',
    route: '/staff/events/:id/confirm',
    request: async (w) => ({
      url: `/staff/events/${await w.freshEvent(w.caseId)}/confirm`,
      fields: { verification: 'corroborated', reason: REASON },
    }),
    outcome: only(...CASE_STAFF),
  },
  {
    method: 'GET',
    route: '/staff/events/:id/revise',
    request: async (w) => ({ url: `/staff/events/${await w.freshEvent(w.caseId)}/revise` }),
    outcome: only(...VERIFIERS),
  },
  {
    method: 'POST',
    route: '/staff/events/:id/revise',
    request: async (w) => ({
      url: `/staff/events/${await w.freshEvent(w.caseId)}/revise`,
      fields: { verification: 'corroborated', reason: REASON },
    }),
    outcome: only(...VERIFIERS),
  },
  {
    method: 'GET',
    route: '/staff/cases/:id/discrepancies',
    request: (w) => ({ url: `/staff/cases/${w.caseId}/discrepancies` }),
    outcome: only(...VERIFIERS),
  },
  {
    method: 'POST',
    route: '/staff/cases/:id/discrepancies',
    // No such discrepancy: the verifiers reach the service's refusal (400), everyone else a 404.
    request: (w) => ({
      url: `/staff/cases/${w.caseId}/discrepancies`,
      fields: { d: 'death_dates:a:b', outcome: 'both', reason: REASON },
    }),
    outcome: only(...VERIFIERS),
  },
  {
    method: 'GET',
    route: '/staff/audit',
    request: () => ({ url: '/staff/audit' }),
    outcome: only('orgAdmin', 'siteAdminInOrg', 'otherOrgAdmin'),
  },
];
