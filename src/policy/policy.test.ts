import { describe, expect, it } from 'vitest';
import {
  caseAbilities,
  extendGrant,
  grantCase,
  mayRemoveFile,
  grantCases,
  CASE_ACTIONS,
  type CaseFacts,
} from './case.policy.ts';
import { navAbilities } from './nav.policy.ts';
import {
  grantAuditLog,
  grantOpenCase,
  grantQueue,
  manageableOrganisations,
  mayManage,
  mayRemoveAccount,
  mayResetAccount,
} from './organisation.policy.ts';
import { PUBLIC, systemPrincipal, tipSenderPrincipal, type Principal, type Role } from './principal.ts';
import { account } from './policy.fixtures.ts';
import { maySystem } from './system.policy.ts';

// The policy on its own, with no database: every principal kind against every case action, the
// organisation rules, the menu. The route-level matrix (test/access/) checks the same through HTTP.

const facts = (over: Partial<CaseFacts> = {}): CaseFacts => ({
  caseId: 'c1',
  organisationId: 'org-a',
  requesterUserId: 'u-family',
  personId: 'p1',
  active: true,
  reopenable: false,
  ...over,
});

const allowed = (p: Principal, f = facts()) =>
  CASE_ACTIONS.filter((a) => {
    try {
      grantCase(p, f, a);
      return true;
    } catch {
      return false;
    }
  });

const CASEWORKER_ACTIONS = [
  'read',
  'message',
  'add_event',
  'edit',
  'remove_file',
  'assign',
  'note',
  'close',
  'reopen',
  'verify',
  'confirm',
];
// Correcting a level and settling a discrepancy are a verifier's judgement (issue 9).
const STAFF_ACTIONS = [...CASEWORKER_ACTIONS, 'revise', 'resolve'];

describe('case policy', () => {
  it('gives the requester her own actions and case staff theirs; nobody else anything', () => {
    expect(allowed(account('family'))).toEqual([
      'read',
      'message',
      'add_event',
      'edit',
      'correct_last_contact',
      'withdraw',
      'remove_file',
      'choose_publication',
      'erase',
    ]);
    expect(allowed(account('caseworker'))).toEqual(CASEWORKER_ACTIONS);
    for (const role of ['verifier', 'org_admin'] as const) expect(allowed(account(role))).toEqual(STAFF_ACTIONS);
    // A site admin inside the organisation acts as its admin; outside any, as nobody.
    expect(allowed(account('site_admin'))).toEqual(STAFF_ACTIONS);
    expect(allowed(account('site_admin', { organisationId: null }))).toEqual([]);
    for (const p of [
      account('family', { userId: 'someone-else' }),
      account('editor'),
      account('caseworker', { organisationId: 'org-b' }),
      account('org_admin', { organisationId: 'org-b' }),
      account('caseworker', { secondFactorDone: false }),
      PUBLIC,
      tipSenderPrincipal('t1'),
      systemPrincipal('scheduler'),
    ])
      expect(allowed(p)).toEqual([]);
  });

  it('denies everything for a case that does not exist, as for one that is forbidden', () => {
    expect(() => grantCase(account('caseworker'), undefined, 'read')).toThrow(
      expect.objectContaining({ kind: 'not_found' }),
    );
  });

  it('filters a list in one pass', () => {
    const list = [facts(), facts({ caseId: 'c2', organisationId: 'org-b' }), facts({ caseId: 'c3' })];
    expect(grantCases(account('verifier'), list, 'read').map((g) => g.caseId)).toEqual(['c1', 'c3']);
    expect(grantCases(account('family'), list, 'note')).toEqual([]);
  });

  it('hands pages abilities that follow the lifecycle and the role', () => {
    const cw = grantCase(account('caseworker'), facts(), 'read');
    expect(caseAbilities(cw, { active: true, reopenable: false })).toMatchObject({
      voice: 'staff',
      message: true,
      note: true,
      seeNotes: true,
      close: true,
      reopen: false,
      verify: true,
      confirm: true,
      revise: false,
      resolve: false,
      seeLevelHistory: true,
      withdraw: false,
      maxVerification: 'corroborated',
    });
    expect(caseAbilities(cw, { active: false, reopenable: true })).toMatchObject({
      message: false,
      note: false,
      seeNotes: true,
      close: false,
      reopen: true,
      verify: false,
      confirm: false,
    });
    const fam = grantCase(account('family'), facts(), 'read');
    expect(caseAbilities(fam, { active: true, reopenable: false })).toMatchObject({
      voice: 'family',
      withdraw: true,
      seeNotes: false,
      seeAssignee: false,
      assign: false,
      confirm: false,
      revise: false,
      resolve: false,
      seeLevelHistory: false,
      maxVerification: 'reported',
    });
    const verifier = caseAbilities(grantCase(account('verifier'), facts(), 'read'), facts());
    expect(verifier).toMatchObject({ maxVerification: 'confirmed', revise: true, resolve: true });
    expect(caseAbilities(grantCase(account('verifier'), facts(), 'read'), facts({ active: false }))).toMatchObject({
      revise: false,
      resolve: false,
    });
  });

  it('lets each side remove only the files it attached itself', () => {
    const cw = grantCase(account('caseworker'), facts(), 'remove_file');
    const fam = grantCase(account('family'), facts(), 'remove_file');
    expect([mayRemoveFile(cw, { fromFamily: false }), mayRemoveFile(cw, { fromFamily: true })]).toEqual([true, false]);
    expect([mayRemoveFile(fam, { fromFamily: true }), mayRemoveFile(fam, { fromFamily: false })]).toEqual([
      true,
      false,
    ]);
    expect(caseAbilities(fam, { active: true, reopenable: false }).removeFile).toBe(true);
    expect(caseAbilities(fam, { active: false, reopenable: true }).removeFile).toBe(false);
  });

  it('extends a grant to another action only as far as the policy allows', () => {
    const cw = grantCase(account('caseworker'), facts(), 'add_event');
    expect(extendGrant(cw, 'confirm').action).toBe('confirm');
    expect(() => extendGrant(cw, 'revise')).toThrow(expect.objectContaining({ kind: 'not_found' }));
    const fam = grantCase(account('family'), facts(), 'add_event');
    expect(() => extendGrant(fam, 'confirm')).toThrow(expect.objectContaining({ kind: 'not_found' }));
  });
});

describe('organisation policy', () => {
  it('keeps the queue, the audit log and opening cases to their roles', () => {
    expect(grantQueue(account('verifier')).organisationId).toBe('org-a');
    for (const p of [account('editor'), account('family'), account('site_admin', { organisationId: null }), PUBLIC])
      expect(() => grantQueue(p)).toThrow();
    expect(grantAuditLog(account('org_admin')).organisationId).toBe('org-a');
    expect(grantAuditLog(account('site_admin')).organisationId).toBe('org-a');
    expect(() => grantAuditLog(account('caseworker'))).toThrow();
    expect(grantOpenCase(account('family')).role).toBe('family');
    expect(() => grantOpenCase(account('caseworker'))).toThrow();
  });

  it('lets admins manage their own organisation, site admins any whose key they hold', () => {
    expect(mayManage(account('org_admin'), 'org-a')).toBe(true);
    expect(mayManage(account('org_admin'), 'org-b')).toBe(false);
    expect(mayManage(account('site_admin', { organisationId: null }), 'org-b')).toBe(true);
    expect(mayManage(account('caseworker'), 'org-a')).toBe(false);
    const held = [{ id: 'org-a' }, { id: 'org-b' }];
    expect(manageableOrganisations(account('org_admin'), held)).toEqual([{ id: 'org-a' }]);
    expect(manageableOrganisations(account('site_admin'), held)).toEqual(held);
  });

  it('never lets an organisation admin reset a site admin, anyone reset or remove themselves', () => {
    const staff = (id: string, role: Role) => ({ id, role, organisationId: 'org-a', disabled: false });
    const admin = account('org_admin');
    expect(mayResetAccount(admin, staff('x', 'caseworker'))).toBe(true);
    expect(mayResetAccount(admin, staff('x', 'site_admin'))).toBe(false);
    expect(mayResetAccount(account('site_admin'), staff('x', 'site_admin'))).toBe(true);
    expect(mayResetAccount(admin, staff('u-org_admin', 'org_admin'))).toBe(false);
    expect(mayResetAccount(admin, { ...staff('x', 'family'), organisationId: null })).toBe(false);
    expect(mayRemoveAccount(admin, staff('x', 'verifier'))).toBe(true);
    expect(mayRemoveAccount(admin, staff('x', 'site_admin'))).toBe(false);
    expect(mayRemoveAccount(admin, { ...staff('x', 'verifier'), disabled: true })).toBe(false);
    expect(mayRemoveAccount(admin, { ...staff('x', 'verifier'), organisationId: 'org-b' })).toBe(false);
    expect(mayRemoveAccount(account('caseworker'), staff('x', 'verifier'))).toBe(false);
  });
});

describe('system and menu', () => {
  it('lets only the system run system work', () => {
    expect(maySystem(systemPrincipal('retention'), 'retention')).toBe(true);
    expect(maySystem(systemPrincipal('scheduler'), 'retention')).toBe(true);
    expect(maySystem(systemPrincipal('demo'), 'retention')).toBe(false);
    expect(maySystem(account('site_admin'), 'retention')).toBe(false);
  });

  it('offers each account only the menu links that lead somewhere', () => {
    const nav = (p: Principal) => navAbilities(p.kind === 'account' ? p.auth : null);
    expect(nav(account('family'))).toMatchObject({ myCases: true, queue: false, staffAdmin: false, audit: false });
    expect(nav(account('editor'))).toMatchObject({ myCases: false, queue: false, account: true });
    expect(nav(account('org_admin'))).toMatchObject({ queue: true, staffAdmin: true, audit: true, jobs: false });
    expect(nav(account('site_admin', { organisationId: null }))).toMatchObject({
      queue: false,
      organisations: true,
      jobs: true,
      audit: false,
    });
    expect(nav(PUBLIC)).toMatchObject({ signedIn: false, account: false });
  });
});
