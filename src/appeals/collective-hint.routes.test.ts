import { describe, expect, it } from 'vitest';
import { countRows, DIALECTS } from '../../test/helpers/db.ts';
import { submitForm } from '../../test/helpers/factories.ts';
import { seal } from '../shared/crypto/index.ts';
import { principalOf } from '../policy/principal.ts';
import { useWorld } from '../cases/cases.fixtures.ts';
import { appealCaseKey, authoriseCaseAppeals } from './appeals-access.service.ts';
import { aad, openLetter } from './appeals.service.ts';
import { findAppeal } from './appeals.repository.ts';
import { collectiveCopyOf, signCollectiveCopy, postCollective } from './appeals.fixtures.ts';
import { OWN_WORDS } from './template-rules.ts';

// A family's own letter that still holds the hint for her own words («[Впишите сюда…]») is not
// printed, made a PDF, signed or marked sent. A collective letter was not checked: the caseworker
// could invite the families to sign it, print it with every signature and mark it sent with the
// hint in it. Now the same rule holds for it, said in Russian and English.

const BODY = `Мы, родственники военнослужащих, просим сообщить о судьбе наших близких.\n\nЧто известно семьям: ${OWN_WORDS}`;
const RU_REFUSED = 'В коллективном письме осталась подсказка в квадратных скобках. Пока она там';
const EN_REFUSED = 'The collective letter still holds the hint in square brackets.';

describe.each(DIALECTS)('the hint left in a collective letter (%s)', (dialect) => {
  const s = useWorld(dialect);
  const app = () => s.t.app;
  const db = () => s.t.opened.db;

  it('is refused when the caseworker invites the families, the text kept in the form to change', async () => {
    const res = await postCollective(app(), s.w.caseworker.cookies, BODY, [s.w.caseId, s.w.otherCaseId]);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('В письме осталась подсказка в квадратных скобках. Пока она там');
    // Said at the text, which is still there to change.
    expect(res.body).toMatch(/<small id="body-error" class="field-error">В письме осталась подсказка/);
    expect(res.body).toContain(`Что известно семьям: ${OWN_WORDS}`);
    expect(await countRows(db(), 'collective_appeals')).toBe(0);
    expect(await countRows(db(), 'appeals')).toBe(0);
  });

  it('written before, is not signed, printed, made a PDF or sent, and each page says why', async () => {
    const made = await postCollective(app(), s.w.caseworker.cookies, 'Просим сообщить о судьбе наших близких.', [
      s.w.caseId,
      s.w.otherCaseId,
    ]);
    expect(made.statusCode).toBe(303);
    const url = String(made.headers.location);
    // A collective written before the rule: its sealed letters hold the hint.
    for (const caseId of [s.w.caseId, s.w.otherCaseId]) {
      const id = await collectiveCopyOf(db(), caseId);
      const grant = await authoriseCaseAppeals(db(), principalOf(s.w.caseworker.auth), caseId, 'write');
      const key = await appealCaseKey(db(), grant);
      const letter = { ...openLetter(key, (await findAppeal(db(), id))!), body: BODY };
      await db()
        .updateTable('appeals')
        .set({ letter_sealed: seal(key, JSON.stringify(letter), aad(id, 'letter')) })
        .where('id', '=', id)
        .execute();
    }
    const mine = await collectiveCopyOf(db(), s.w.caseId);

    // The family: no name and address to type for nothing, and signing is refused.
    const page = await app().inject({ method: 'GET', url: `/appeals/${mine}`, cookies: s.w.family.cookies });
    expect(page.body).not.toContain(`action="/appeals/${mine}/sign"`);
    expect(page.body).toContain('В письме осталась подсказка в квадратных скобках: такое письмо не подписывают.');
    const signed = await signCollectiveCopy(app(), mine, s.w.family.cookies);
    expect(signed.res.statusCode).toBe(400);
    expect(signed.res.body).toContain(RU_REFUSED);

    // The caseworker: no print or send form, the reason and the way to a new letter instead.
    const staffPage = await app().inject({ method: 'GET', url, cookies: s.w.caseworker.cookies });
    expect(staffPage.body).not.toContain(`action="${url}/send"`);
    expect(staffPage.body).not.toContain(`action="${url}/print"`);
    expect(staffPage.body).toContain('Сначала уберите подсказку в квадратных скобках');
    expect(staffPage.body).toContain('href="/staff/collective/new"');

    const print = (format: string, lang = 'ru') =>
      submitForm(app(), `${url}?lang=${lang}`, { format }, s.w.caseworker.cookies, `${url}/print`);
    const html = await print('html');
    expect(html.res.statusCode).toBe(400);
    expect(html.res.body).toContain(RU_REFUSED);
    expect(html.res.body).not.toContain('class="letter-title"');
    const pdf = await print('pdf', 'en');
    expect(pdf.res.statusCode).toBe(400);
    expect(pdf.res.headers['content-type']).toMatch(/^text\/html/);
    expect(pdf.res.body).toContain(EN_REFUSED);

    const sent = await submitForm(
      app(),
      url,
      { channel: 'post', sent_on: '2026-03-01' },
      s.w.caseworker.cookies,
      `${url}/send`,
    );
    expect(sent.res.statusCode).toBe(400);
    expect(await db().selectFrom('appeals').select('state').distinct().execute()).toEqual([{ state: 'draft' }]);
    expect(await db().selectFrom('collective_appeals').select('state').execute()).toEqual([{ state: 'open' }]);
  });
});
