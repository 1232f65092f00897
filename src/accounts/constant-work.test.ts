import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { freshDb } from '../../test/helpers/db.ts';
import type { OpenedDb } from '../db/database.ts';
import { loadConfig } from '../config.ts';
import { ManualClock } from '../shared/clock.ts';
import * as crypto from '../shared/crypto/index.ts';
import { login, recoverWithCode, registerFamily } from './auth.service.ts';

// Timing cannot be asserted reliably on a shared machine, so this checks its cause: the paths
// for an existing and an unknown account do the same expensive work (one Argon2id run) and the
// same writes, whatever the outcome.

vi.mock('../shared/crypto/index.ts', async (importOriginal) => {
  const orig = await importOriginal<typeof import('../shared/crypto/index.ts')>();
  return { ...orig, derivePassphraseKeys: vi.fn(orig.derivePassphraseKeys) };
});

describe('same work whether or not the account exists', () => {
  let opened: OpenedDb;
  const clock = new ManualClock();
  const deps = () => ({ db: opened.db, config: loadConfig(), clock });
  const argonRuns = () => vi.mocked(crypto.derivePassphraseKeys).mock.calls.length;

  beforeAll(async () => {
    opened = await freshDb('sqlite');
    await registerFamily(deps(), { pseudonym: 'Существует', passphrase: 'the real passphrase' });
  });
  afterAll(() => opened.close());

  const runsFor = async (fn: () => Promise<unknown>): Promise<number> => {
    const before = argonRuns();
    await fn().catch(() => undefined);
    return argonRuns() - before;
  };

  it('login: one Argon2id run for a wrong passphrase and for an unknown pseudonym', async () => {
    expect(await runsFor(() => login(deps(), { pseudonym: 'Существует', passphrase: 'wrong passphrase!' }))).toBe(1);
    expect(await runsFor(() => login(deps(), { pseudonym: 'Не существует', passphrase: 'wrong passphrase!' }))).toBe(1);
    const counters = await opened.db.selectFrom('attempt_counters').select('failures').execute();
    expect(counters.map((c) => c.failures)).toEqual([1, 1]);
  });

  it('recovery and registration run Argon2id before looking the pseudonym up', async () => {
    const input = { code: 'AAAAA-AAAAA-AAAAA-AAAAA', passphrase: 'a new passphrase' };
    expect(await runsFor(() => recoverWithCode(deps(), { pseudonym: 'Существует', ...input }))).toBe(1);
    expect(await runsFor(() => recoverWithCode(deps(), { pseudonym: 'Не существует', ...input }))).toBe(1);
    expect(
      await runsFor(() => registerFamily(deps(), { pseudonym: 'Существует', passphrase: 'another passphrase' })),
    ).toBe(1);
    expect(
      await runsFor(() => registerFamily(deps(), { pseudonym: 'Свободный', passphrase: 'another passphrase' })),
    ).toBe(1);
  });
});
