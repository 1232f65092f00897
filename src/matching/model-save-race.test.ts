import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenedDb } from '../../src/db/database.ts';
import { findModel, saveModel } from '../../src/matching/matching.repository.ts';
import { freshDb } from '../../test/helpers/db.ts';

// linkage_models.version is how processes tell a model another process saved (index-registry
// refresh adopts a saved version greater than the one it knows). saveModel reads the row, then
// writes version+1 and labels+n computed from that read, with no lock and no condition on the
// version it read. Two processes saving at once — the job saving what it learned from review
// decisions (learnDecisions → saveLearnedModel, in a transaction) while a web process builds its
// index and saves the model it had to retrain (index-registry build) — both get the same version:
// the second overwrites the first's parameters and its label count, and each process believes it
// holds the current version, so neither ever adopts the other's model.

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const row = (params: string, labels: number) => ({
  organisation_id: 'org-1',
  params,
  records: 10,
  labels,
  updated_at: '2026-03-02T09:00:00.000Z',
});

describe('two processes saving an organisation’s model at once (postgres)', () => {
  let opened: OpenedDb;
  beforeAll(async () => {
    opened = await freshDb('postgres');
  });
  afterAll(() => opened.close());

  it('gives each save its own version and keeps both label counts', async () => {
    const { db } = opened;
    expect(await saveModel(db, row('{"initial":1}', 0))).toBe(1);
    // The job: saves the model it learned from 3 decisions, in learnDecisions' transaction.
    let wroteInTx!: () => void;
    const wrote = new Promise<void>((r) => {
      wroteInTx = r;
    });
    let commit!: () => void;
    const gate = new Promise<void>((r) => {
      commit = r;
    });
    const job = db.transaction().execute(async (tx) => {
      const v = await saveModel(tx, row('{"learned":true}', 3));
      wroteInTx();
      await gate; // markLearned(...) and the rest of the transaction
      return v;
    });
    await wrote;
    // A web process builds its index meanwhile and saves the model it retrained.
    const web = saveModel(db, row('{"retrained":true}', 0));
    await sleep(300);
    commit();
    const [jobVersion, webVersion] = await Promise.all([job, web]);
    const stored = await findModel(db, 'org-1');
    // Fails: both saves return version 2; the stored row says version 2, labels 0.
    expect(jobVersion).not.toBe(webVersion);
    expect(stored!.version).toBe(3);
    expect(stored!.labels).toBe(3);
  });

  it('does not fail the second of two first saves', async () => {
    const { db } = opened;
    // Two processes each build the index of a new organisation and save its first model.
    const results = await Promise.allSettled([
      saveModel(db, { ...row('{"a":1}', 0), organisation_id: 'org-2' }),
      saveModel(db, { ...row('{"b":1}', 0), organisation_id: 'org-2' }),
    ]);
    // Once the second INSERT failed on the primary key (duplicate key value).
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
  });
});
