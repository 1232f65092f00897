import { describe, expect, it } from 'vitest';
import { NotFound } from '../shared/errors.ts';
import { grantTip, grantTipQueue, grantTips, tipAbilities, TIP_ACTIONS, type TipFacts } from './tips.policy.ts';
import { PUBLIC, systemPrincipal, tipSenderPrincipal, type Principal } from './principal.ts';
import { account } from './policy.fixtures.ts';

// The tips policy with no database: every principal kind against every tip action.

const tip = (over: Partial<TipFacts> = {}): TipFacts => ({
  tipId: 'tip-1',
  organisationId: 'org-a',
  open: true,
  closed: false,
  ...over,
});

const allowed = (p: Principal, f: TipFacts = tip()) =>
  TIP_ACTIONS.filter((a) => {
    try {
      grantTip(p, f, a);
      return true;
    } catch (err) {
      if (!(err instanceof NotFound)) throw err;
      return false;
    }
  });

describe('tips policy', () => {
  it('gives the sender of this tip read, add and delete, and nothing of another tip', () => {
    expect(allowed(tipSenderPrincipal('tip-1'))).toEqual(['read', 'add', 'delete']);
    expect(allowed(tipSenderPrincipal('tip-2'))).toEqual([]);
  });

  it("gives the chosen organisation's case staff the staff actions, never add or delete", () => {
    for (const role of ['caseworker', 'verifier', 'org_admin'] as const)
      expect(allowed(account(role)), role).toEqual(['read', 'reply', 'attach', 'close', 'reopen']);
    expect(allowed(account('site_admin'))).toEqual(['read', 'reply', 'attach', 'close', 'reopen']);
  });

  it('refuses families, editors, other organisations, a site admin outside it, staff before 2FA, the public and the system', () => {
    const refused: Principal[] = [
      account('family'),
      account('editor'),
      account('caseworker', { organisationId: 'org-b' }),
      account('site_admin', { organisationId: null }),
      account('caseworker', { secondFactorDone: false }),
      PUBLIC,
      systemPrincipal('retention'),
    ];
    for (const p of refused) expect(allowed(p)).toEqual([]);
    expect(() => grantTip(account('caseworker'), undefined, 'read')).toThrow(NotFound);
  });

  it('decides a list in one pass and the queue for case staff only', () => {
    const list = [tip(), tip({ tipId: 'tip-2', organisationId: 'org-b' }), tip({ tipId: 'tip-3' })];
    expect(grantTips(account('caseworker'), list, 'read').map((g) => g.tipId)).toEqual(['tip-1', 'tip-3']);
    expect(grantTips(tipSenderPrincipal('tip-3'), list, 'read').map((g) => g.tipId)).toEqual(['tip-3']);
    expect(grantTipQueue(account('verifier')).organisationId).toBe('org-a');
    for (const p of [account('family'), account('editor'), PUBLIC, tipSenderPrincipal('tip-1')])
      expect(() => grantTipQueue(p)).toThrow(NotFound);
  });

  it('abilities follow the state: a closed tip offers reopen to staff; the sender may always add and delete', () => {
    const open = tip();
    const closed = tip({ open: false, closed: true });
    const staff = tipAbilities(grantTip(account('caseworker'), open, 'read'), open);
    expect(staff).toMatchObject({ reply: true, attach: true, close: true, reopen: false, add: false, delete: false });
    const staffClosed = tipAbilities(grantTip(account('caseworker'), closed, 'read'), closed);
    expect(staffClosed).toMatchObject({ reply: false, attach: false, close: false, reopen: true });
    const sender = tipAbilities(grantTip(tipSenderPrincipal('tip-1'), closed, 'read'), closed);
    expect(sender).toMatchObject({ add: true, delete: true, reply: false, reopen: false, seeStaffNames: false });
  });
});
