import { beforeAll, describe, expect, it } from 'vitest';
import { browserOf } from '../../test/helpers/not-sent.ts';
import { caseInput, useWorld } from '../cases/cases.fixtures.ts';
import { openCase } from '../cases/cases.service.ts';
import { confirmDeath, publishedForWorld } from './registry.fixtures.ts';

// The verifier's forms sit far down long pages (the checks, the preview, the sources). Without
// JavaScript a form that comes back with a field to fix is shown from the top: a source left
// without its title, a waiver or a withdrawal without its reason came back with nothing said on
// the first screen (QA walk at 360 px), and the verifier took the record for published. The top
// of the page now says so and leads to the form, as the case page does.

const NOTICE = 'Не сохранено: исправьте ошибку в форме ниже.';
const toForm = (id: string) =>
  new RegExp(`<p class="form-errors" role="alert">[^<]*<a href="#${id}">Перейти к форме</a>`);

describe('the verifier forms that come back with a field to fix', () => {
  const s = useWorld('sqlite');
  let readyCase: string;
  let recordId: string;

  beforeAll(async () => {
    const deps = { db: s.t.opened.db, clock: s.t.clock };
    recordId = await publishedForWorld(deps, s.w);
    readyCase = (await openCase(deps, s.w.family.auth, caseInput(s.w.orgA.id, { surname: 'Готовый' }))).caseId;
    await confirmDeath(deps, s.w.verifier.auth, readyCase);
  });

  it('a waiver without its reason, and sources without a title, are said at the top with the way to the form', async () => {
    const page = `/staff/registry/cases/${readyCase}`;
    const verifier = browserOf(s.t.app, s.w.verifier);
    const fresh = await verifier.get(page);
    expect(fresh.body).not.toContain(NOTICE);

    const waive = await verifier.submit(page, `${page}/waive`, { reason: '' });
    expect(waive.status).toBe(400);
    expect(waive.body).toMatch(toForm('waive-h'));
    expect(waive.body).toContain('id="waive-h"');

    // waived: the publish form is offered; its first source sent without a title
    await verifier.submit(page, `${page}/waive`, { reason: 'family_asked' });
    const publish = await verifier.submit(page, `${page}/publish`, {
      source_title_1: '',
      source_date_1: '12.05.2024',
    });
    expect(publish.status).toBe(400);
    expect(publish.body).toMatch(toForm('publish-h'));
    expect(publish.body).toContain('value="12.05.2024"');
    // said before the checks and the preview, on the first screen
    expect(publish.body.indexOf(NOTICE)).toBeLessThan(publish.body.indexOf('id="checks-h"'));
  });

  it("a correction without its note and a withdrawal without its reason, on the record's page", async () => {
    const page = `/staff/registry/records/${recordId}`;
    const verifier = browserOf(s.t.app, s.w.verifier);
    const correct = await verifier.submit(page, `${page}/correct`, { note: '' });
    expect(correct.status).toBe(400);
    expect(correct.body).toMatch(toForm('correct-h'));
    const withdraw = await verifier.submit(page, `${page}/withdraw`, { reason: '' });
    expect(withdraw.status).toBe(400);
    expect(withdraw.body).toMatch(toForm('withdraw-h'));
  });
});
