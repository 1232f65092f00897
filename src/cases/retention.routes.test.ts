import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../test/helpers/app.ts';
import { DIALECTS } from '../../test/helpers/db.ts';
import { hasKey } from '../web/i18n/i18n.ts';
import { LANGUAGES } from '../shared/lang.ts';
import { buildWorld, caseInput, grantFor, type World } from './cases.fixtures.ts';
import { closeCase } from './case-work.service.ts';
import { openCase } from './cases.service.ts';
import { runRetention } from './retention.service.ts';
import { DAY } from '../shared/clock.ts';
import { login } from '../../test/helpers/factories.ts';

// The pages say when what was told is destroyed: the close form before closing, the case page
// (family's and staff's) once closed, the family's open case in general terms. The test app
// runs with RETENTION_DAYS=30 and its clock at 2026-03-02.

describe.each(DIALECTS)('retention on the case page (%s)', (dialect) => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await testApp(dialect, { RETENTION_DAYS: '30' });
    w = await buildWorld(t);
  });
  afterAll(() => t.close());

  const page = async (url: string, cookies: Record<string, string>) => {
    const res = await t.app.inject({ method: 'GET', url, cookies });
    expect(res.statusCode).toBe(200);
    return res.body;
  };

  it('the close confirmation page gives the date the data would be deleted if closed today', async () => {
    const ru = await page(`/staff/cases/${w.caseId}/close`, w.caseworker.cookies);
    expect(ru).toContain('будет безвозвратно удалено 01.04.2026 — через 30 дней');
    const en = await page(`/staff/cases/${w.caseId}/close?lang=en`, w.caseworker.cookies);
    expect(en).toContain('deleted for good on 01.04.2026, 30 days later');
  });

  it('the family sees how long its open case is kept after closing', async () => {
    expect(await page(`/cases/${w.caseId}`, w.family.cookies)).toContain(
      'Через 30 дней после закрытия оно будет безвозвратно удалено.',
    );
    expect(await page(`/cases/${w.caseId}?lang=en`, w.family.cookies)).toContain(
      '30 days after it is closed, it is deleted for good.',
    );
  });

  it('a closed case shows its deletion date to the family and to staff, in Russian and English', async () => {
    const { caseId } = await openCase({ db: t.opened.db, clock: t.clock }, w.family.auth, caseInput(w.orgA.id));
    await closeCase({ db: t.opened.db, clock: t.clock }, await grantFor(t, w.caseworker, caseId, 'close'), 'withdrawn');
    for (const cookies of [w.family.cookies, w.caseworker.cookies]) {
      expect(await page(`/cases/${caseId}`, cookies)).toContain(
        'будет безвозвратно удалено 01.04.2026, если запрос не откроют снова',
      );
      expect(await page(`/cases/${caseId}?lang=en`, cookies)).toContain(
        'will be deleted for good on 01.04.2026 unless the request is reopened',
      );
    }
    // Only the family is told that its account goes too once no case is left.
    expect(await page(`/cases/${caseId}`, w.family.cookies)).toContain(
      'не будете входить 30 дней, ваша учётная запись тоже будет удалена',
    );
    expect(await page(`/cases/${caseId}?lang=en`, w.family.cookies)).toContain(
      'do not log in for 30 days, your account is deleted too',
    );
    expect(await page(`/cases/${caseId}`, w.caseworker.cookies)).not.toContain('учётная запись тоже будет удалена');
  });

  it("the organisation admin's audit log names the purge and its actor in words", async () => {
    const { caseId } = await openCase({ db: t.opened.db, clock: t.clock }, w.family.auth, caseInput(w.orgA.id));
    await closeCase({ db: t.opened.db, clock: t.clock }, await grantFor(t, w.caseworker, caseId, 'close'), 'withdrawn');
    t.clock.advance(30 * DAY);
    expect((await runRetention({ db: t.opened.db, clock: t.clock }, { days: 30 })).cases).toBeGreaterThanOrEqual(1);
    const cookies = await login(t.app, w.admin.pseudonym, w.admin.passphrase, w.admin.totpSecret);
    const log = await page('/staff/audit', cookies);
    expect(log).toContain('система (срок хранения)');
    expect(log).toContain('данные дела удалены: срок хранения истёк');
    const en = await page('/staff/audit?lang=en', cookies);
    expect(en).toContain('system (retention)');
    expect(en).toContain('case data deleted: retention period ended');
  });
});

describe('retention translations', () => {
  it('exist in both languages', () => {
    for (const lang of LANGUAGES) {
      for (const k of [
        'cases.retention.deletesOn',
        'cases.retention.closeWarning_other',
        'cases.retention.whileOpen_other',
        'cases.retention.accountToo_other',
        'audit.actions.case.purged',
      ]) {
        expect(hasKey(lang, k), `${lang} ${k}`).toBe(true);
      }
    }
  });
});
