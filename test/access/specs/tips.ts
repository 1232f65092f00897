import { CASE_STAFF, everyone, only, type Outcome, type RouteSpec } from '../route-spec.ts';
import type { Who } from '../world.ts';

// Anonymous tips: anyone sends one and may try a code; only the holder of a tip's code (a visit)
// reads, adds to or deletes it; only organisation A's case staff list and work it. A sender's
// page without a visit is "not found" for everyone else, as for a tip that does not exist; an
// addition or a deletion sent without a visit comes back on the code form (401, as a form whose
// session ended), what was typed kept and nothing done — the same for everyone, so it says nothing
// of any tip.

const senderOnly = (who: Who): Outcome => (who === 'tipSender' ? 'allow' : 'deny');
const senderOrCode = (who: Who): Outcome => (who === 'tipSender' ? 'allow' : 'login');

export const tipSpecs: RouteSpec[] = [
  { method: 'GET', route: '/tips/new', request: () => ({ url: '/tips/new' }), outcome: everyone },
  {
    method: 'POST',
    route: '/tips/new',
    // Nothing of what happened: the form's errors for everyone, no tip made.
    request: () => ({ url: '/tips/new', fields: { surname: 'Сидоров' } }),
    outcome: everyone,
  },
  { method: 'GET', route: '/tip/receipt', request: () => ({ url: '/tip/receipt' }), outcome: everyone },
  { method: 'GET', route: '/tip', request: () => ({ url: '/tip' }), outcome: everyone },
  {
    method: 'POST',
    route: '/tip/open',
    request: () => ({ url: '/tip/open', fields: { code: 'ZZZZ-ZZZZ-0000-0000-0000-0000' } }),
    outcome: everyone,
  },
  {
    method: 'POST',
    route: '/tip/add',
    request: () => ({ url: '/tip/add', fields: { body: 'ещё сведения' } }),
    outcome: senderOrCode,
  },
  {
    method: 'GET',
    route: '/tip/files/:fileId',
    request: (w) => ({ url: `/tip/files/${w.tipFileId}` }),
    outcome: senderOnly,
  },
  { method: 'GET', route: '/tip/delete', request: () => ({ url: '/tip/delete' }), outcome: senderOnly },
  {
    method: 'POST',
    route: '/tip/delete',
    request: () => ({ url: '/tip/delete', fields: { confirm: 'yes' }, freshSession: true }),
    outcome: senderOrCode,
  },
  {
    method: 'POST',
    route: '/tip/leave',
    request: () => ({ url: '/tip/leave', freshSession: true }),
    outcome: everyone,
  },
  {
    method: 'GET',
    route: '/staff/tips',
    request: () => ({ url: '/staff/tips?filter=new' }),
    outcome: only(...CASE_STAFF, 'otherOrgStaff', 'otherOrgAdmin'),
  },
  {
    method: 'GET',
    route: '/staff/tips/:id',
    request: (w) => ({ url: `/staff/tips/${w.tipId}` }),
    outcome: only(...CASE_STAFF),
  },
  {
    method: 'GET',
    route: '/staff/tips/:id/files/:fileId',
    request: (w) => ({ url: `/staff/tips/${w.tipId}/files/${w.tipFileId}` }),
    outcome: only(...CASE_STAFF),
  },
  {
    method: 'POST',
    route: '/staff/tips/:id/reply',
    request: (w) => ({ url: `/staff/tips/${w.tipId}/reply`, fields: { body: 'ответ' } }),
    outcome: only(...CASE_STAFF),
  },
  {
    method: 'POST',
    route: '/staff/tips/:id/attach',
    request: (w) => ({
      url: `/staff/tips/${w.tipId}/attach`,
      fields: { case_ref: w.caseId, kind: 'detained', date: '02.2026' },
    }),
    outcome: only(...CASE_STAFF),
  },
  {
    method: 'POST',
    route: '/staff/tips/:id/close',
    request: async (w) => ({ url: `/staff/tips/${await w.freshTip()}/close`, fields: { reason: 'other' } }),
    outcome: only(...CASE_STAFF),
  },
  {
    method: 'POST',
    route: '/staff/tips/:id/reopen',
    // An open tip: staff reach the lifecycle's "not closed" answer, everyone else a 404.
    request: (w) => ({ url: `/staff/tips/${w.tipId}/reopen`, fields: {} }),
    outcome: only(...CASE_STAFF),
  },
];
