import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { submitForm } from '../../test/helpers/factories.ts';
import { grantFor, useWorld } from '../cases/cases.fixtures.ts';
import { closeCase } from '../cases/case-work.service.ts';
import { runRetention } from '../cases/retention.service.ts';
import { DAY } from '../shared/clock.ts';
import { jpegWithGps } from '../evidence/evidence.fixtures.ts';
import { postStep, sentAppeal } from './appeals.fixtures.ts';

// Retention (docs/retention.md) destroys a closed case: its appeals, their notices and answers,
// their scans and the sender's kept details go with it, by the foreign keys of migrations 0030-0031.

describe.each(DIALECTS)('appeals under retention (%s)', (dialect) => {
  const s = useWorld(dialect);

  it('goes with its case: appeals, steps, files and the kept sender, nothing left behind', async () => {
    const { t, w } = s;
    const id = await sentAppeal(t.app, w.caseId, w.family.cookies);
    await postStep(
      t.app,
      id,
      w.family.cookies,
      { step: 'answer', on: '2026-03-01' },
      { name: 'a.jpg', type: 'image/jpeg', bytes: await jpegWithGps() },
    );
    await submitForm(
      t.app,
      `/appeals/${id}`,
      { full_name: 'Имя', postal_address: 'Адрес', remember: 'yes', format: 'html' },
      w.family.cookies,
      `/appeals/${id}/print`,
    );
    const rows = async () => ({
      appeals: (await t.opened.db.selectFrom('appeals').select('id').where('case_id', '=', w.caseId).execute()).length,
      steps: (await t.opened.db.selectFrom('appeal_steps').select('id').where('case_id', '=', w.caseId).execute())
        .length,
      files: (await t.opened.db.selectFrom('evidence_files').select('id').where('case_id', '=', w.caseId).execute())
        .length,
      senders: (
        await t.opened.db.selectFrom('appeal_senders').select('case_id').where('case_id', '=', w.caseId).execute()
      ).length,
    });
    expect(await rows()).toEqual({ appeals: 1, steps: 2, files: 1, senders: 1 });
    await closeCase(
      { db: t.opened.db, clock: t.clock },
      await grantFor(t, w.caseworker, w.caseId, 'close'),
      'other',
      'Семья перестала отвечать',
    );
    t.clock.advance(91 * DAY);
    const report = await runRetention({ db: t.opened.db, clock: t.clock }, { days: 90 });
    expect(report).toMatchObject({ cases: 1, failed: 0 });
    expect(await rows()).toEqual({ appeals: 0, steps: 0, files: 0, senders: 0 });
  });
});
