import { describe, expect, it } from 'vitest';
import { NotFound } from '../shared/errors.ts';
import { boardAbilities, grantBoard, mayOptIn, type BoardAction } from './cohort.policy.ts';
import { grantMatching, grantMatchingObject, matchingAbilities, MATCHING_ACTIONS } from './matching.policy.ts';
import { PUBLIC, systemPrincipal, tipSenderPrincipal, type Principal } from './principal.ts';
import { account } from './policy.fixtures.ts';

// The matching and cohort policies on their own: every principal kind against every action.

const allowed = (p: Principal) =>
  MATCHING_ACTIONS.filter((a) => {
    try {
      grantMatching(p, a);
      return true;
    } catch (err) {
      if (!(err instanceof NotFound)) throw err;
      return false;
    }
  });

describe('matching policy', () => {
  it('gives case staff their own organisation; confirming takes a verifier or the admin', () => {
    const mostly = ['search', 'import', 'review', 'decide', 'undo', 'incident_edit'];
    expect(allowed(account('caseworker'))).toEqual(mostly);
    expect(allowed(account('verifier'))).toEqual([...MATCHING_ACTIONS]);
    expect(allowed(account('org_admin'))).toEqual([...MATCHING_ACTIONS]);
    expect(allowed(account('site_admin'))).toEqual([...MATCHING_ACTIONS]);
    for (const p of [
      account('family'),
      account('editor'),
      account('site_admin', { organisationId: null }),
      account('caseworker', { secondFactorDone: false }),
      PUBLIC,
      tipSenderPrincipal('t'),
      systemPrincipal('import'),
    ])
      expect(allowed(p)).toEqual([]);
  });

  it("answers NotFound for another organisation's object and for a missing one alike", () => {
    expect(grantMatchingObject(account('caseworker'), 'org-a', 'review').organisationId).toBe('org-a');
    expect(() => grantMatchingObject(account('caseworker'), 'org-b', 'review')).toThrow(NotFound);
    expect(() => grantMatchingObject(account('caseworker'), undefined, 'review')).toThrow(NotFound);
  });

  it('hands views abilities, never a role', () => {
    expect(matchingAbilities(account('caseworker'))).toMatchObject({
      decide: true,
      decideUnsure: false,
      confirmFacts: false,
    });
    expect(matchingAbilities(account('verifier'))).toMatchObject({
      decide: true,
      decideUnsure: true,
      confirmFacts: true,
    });
    expect(matchingAbilities(account('family'))).toMatchObject({ search: false, decide: false });
  });
});

describe('cohort policy', () => {
  const facts = (memberCaseIds: string[] = [], leftCaseIds: string[] = []) => ({
    boardId: 'b',
    organisationId: 'org-a',
    memberCaseIds,
    leftCaseIds,
  });
  const may = (p: Principal, f: ReturnType<typeof facts> | undefined, a: BoardAction) => {
    try {
      return grantBoard(p, f, a).side;
    } catch (err) {
      if (!(err instanceof NotFound)) throw err;
      return null;
    }
  };

  it('lets a family with an opted-in case in the cohort read, post and name itself, never moderate', () => {
    expect(may(account('family'), facts(['c1']), 'read')).toBe('family');
    expect(may(account('family'), facts(['c1']), 'post')).toBe('family');
    expect(may(account('family'), facts(['c1']), 'name')).toBe('family');
    expect(may(account('family'), facts(['c1']), 'moderate')).toBeNull();
    // Resetting a family's name is moderation: not even the family's own.
    expect(may(account('family'), facts(['c1']), 'reset_name')).toBeNull();
    expect(may(account('family'), facts([]), 'read')).toBeNull();
    expect(may(account('family'), facts([]), 'name')).toBeNull();
  });

  it('lets a family leave a board it is on, and come back only to one it left on its own', () => {
    expect(may(account('family'), facts(['c1']), 'leave')).toBe('family');
    expect(may(account('family'), facts(['c1']), 'rejoin')).toBeNull();
    // Off the board by its own choice: it may come back, and do nothing else there.
    for (const a of ['read', 'post', 'name', 'leave'] as const)
      expect(may(account('family'), facts([], ['c1']), a)).toBeNull();
    expect(may(account('family'), facts([], ['c1']), 'rejoin')).toBe('family');
    // Removed by staff (neither list holds its cases): nothing, coming back included.
    expect(may(account('family'), facts([], []), 'rejoin')).toBeNull();
    // Removing a family is staff's; leaving and coming back are the family's own.
    expect(may(account('family'), facts(['c1']), 'remove_family')).toBeNull();
    for (const a of ['leave', 'rejoin'] as const) expect(may(account('caseworker'), facts([], ['c1']), a)).toBeNull();
  });

  it("lets the organisation's case staff read, post, moderate, reset names and remove families; nobody else anything", () => {
    for (const a of ['read', 'post', 'moderate', 'reset_name', 'remove_family'] as const) {
      for (const role of ['caseworker', 'verifier', 'org_admin', 'site_admin'] as const)
        expect(may(account(role), facts(), a)).toBe('staff');
      expect(may(account('site_admin', { organisationId: null }), facts(), a)).toBeNull();
      expect(may(account('caseworker', { secondFactorDone: false }), facts(), a)).toBeNull();
      expect(may(account('caseworker'), facts(), a)).toBe('staff');
      expect(may(account('caseworker', { organisationId: 'org-b' }), facts(), a)).toBeNull();
      expect(may(account('editor'), facts(), a)).toBeNull();
      expect(may(PUBLIC, facts(), a)).toBeNull();
      expect(may(account('caseworker'), undefined, a)).toBeNull();
    }
    // Staff have no family name to choose on a board.
    expect(may(account('caseworker'), facts(), 'name')).toBeNull();
    const staff = grantBoard(account('verifier'), facts(), 'read');
    expect(boardAbilities(staff)).toEqual({
      post: true,
      moderate: true,
      seeStaffNames: true,
      seeHidden: true,
      chooseName: false,
      resetNames: true,
      leave: false,
      removeFamilies: true,
    });
    const family = grantBoard(account('family'), facts(['c1']), 'read');
    expect(boardAbilities(family)).toEqual({
      post: true,
      moderate: false,
      seeStaffNames: false,
      seeHidden: false,
      chooseName: true,
      resetNames: false,
      leave: true,
      removeFamilies: false,
    });
  });

  it('leaves opting in to the requesting family, on an active case', () => {
    const f = { caseId: 'c1', requesterUserId: 'u-family', active: true };
    expect(mayOptIn(account('family'), f)).toBe(true);
    expect(mayOptIn(account('family', { userId: 'other' }), f)).toBe(false);
    expect(mayOptIn(account('family'), { ...f, active: false })).toBe(false);
    expect(mayOptIn(account('caseworker'), f)).toBe(false);
    expect(mayOptIn(account('family'), undefined)).toBe(false);
  });
});
