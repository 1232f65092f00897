import { describe, expect, it } from 'vitest';
import { PUBLIC, principalOf, systemPrincipal, tipSenderPrincipal, type Principal, type Role } from './principal.ts';
import {
  assertSystemRecords,
  grantPublicRecord,
  grantRegistry,
  grantRegistryDesk,
  mayPublish,
  visibleRecords,
} from './registry.policy.ts';

// The registry's rules on their own: anyone reads what is published and nothing else; verifiers
// and admins publish for their own organisation only; only the system adds synthetic records.

const account = (role: Role, organisationId: string | null = 'org-a', secondFactorDone = true): Principal =>
  principalOf({
    userId: `u-${role}`,
    pseudonym: role,
    role,
    organisationId: role === 'family' ? null : organisationId,
    secondFactorDone,
    totpEnabled: true,
    sessionId: 's',
    userPrivateKey: Buffer.alloc(32),
  });

describe('registry policy', () => {
  it('shows every principal the published records and nothing being prepared or withdrawn', () => {
    const records = [
      { id: 'a', state: 'published' },
      { id: 'b', state: 'announced' },
      { id: 'c', state: 'withdrawn' },
    ];
    for (const p of [
      PUBLIC,
      account('family'),
      account('verifier'),
      tipSenderPrincipal('t'),
      systemPrincipal('demo'),
    ]) {
      expect(visibleRecords(p, records).map((r) => r.id)).toEqual(['a']);
      expect(grantPublicRecord(p, records[0]).id).toBe('a');
      for (const r of [records[1], records[2], undefined])
        expect(() => grantPublicRecord(p, r)).toThrow(expect.objectContaining({ kind: 'not_found' }));
    }
  });

  it('lets verifiers and admins publish for their own organisation, nobody else', () => {
    for (const role of ['verifier', 'org_admin', 'site_admin'] as const) {
      expect(grantRegistry(account(role), 'org-a', 'publish').organisationId).toBe('org-a');
      expect(mayPublish(account(role))).toBe(true);
      expect(() => grantRegistry(account(role), 'org-b', 'publish')).toThrow();
    }
    for (const p of [
      account('caseworker'),
      account('editor'),
      account('family'),
      account('verifier', 'org-a', false),
      account('site_admin', null),
      PUBLIC,
      systemPrincipal('scheduler'),
    ]) {
      expect(() => grantRegistry(p, 'org-a', 'publish')).toThrow(expect.objectContaining({ kind: 'not_found' }));
      expect(() => grantRegistryDesk(p)).toThrow();
      expect(mayPublish(p)).toBe(false);
    }
    expect(() => grantRegistry(account('verifier'), undefined, 'desk')).toThrow();
  });

  it('keeps synthetic records to the system', () => {
    expect(() => assertSystemRecords(systemPrincipal('demo'))).not.toThrow();
    expect(() => assertSystemRecords(systemPrincipal('import'))).not.toThrow();
    for (const p of [account('site_admin'), PUBLIC, systemPrincipal('retention')])
      expect(() => assertSystemRecords(p)).toThrow();
  });
});
