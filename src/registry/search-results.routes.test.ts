import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { testApp, type TestApp } from '../../test/helpers/app.ts';
import { DIALECTS } from '../../test/helpers/db.ts';
import { createOrganisation } from '../../test/helpers/factories.ts';
import { systemPrincipal } from '../policy/principal.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { addSyntheticRecords, type SyntheticRecord } from './synthetic-records.service.ts';
import { syntheticRecord } from './synthetic-record.test-helper.ts';

// QA walk 5, a journalist searching the registry: «Тарасов» listed a «…Тарасович» (patronymic)
// among the Тарасовы in publication order, and a person opened from the results had no way back
// to them but the browser's Back button.

const person = (surname: string, given_name: string, patronymic: string | null): SyntheticRecord =>
  syntheticRecord({ surname, given_name, patronymic });

describe.each(DIALECTS)('registry search results (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(dialect);
    const org = await createOrganisation(t.opened.db, { clock: t.clock });
    // Published first, so the registry's own order would list them before the surnames.
    await addSyntheticRecords({ db: t.opened.db, clock: t.clock }, systemPrincipal('demo'), org.id, [
      person('Ковалёв', 'Иван', 'Тарасович'),
      person('Тарасовский', 'Олег', 'Петрович'),
      person('Тарасов', 'Пётр', 'Ильич'),
      person('Сидоров', 'Тарас', null),
    ]);
  });
  afterAll(() => t?.close());

  const get = (url: string) => t.app.inject({ method: 'GET', url });
  const order = (html: string, names: string[]) => names.map((n) => html.indexOf(n));

  it('lists surname matches first, exact then beginning, then names found in the given name or patronymic', async () => {
    const html = (await get(`/registry?q=${encodeURIComponent('Тарасов')}`)).body;
    const at = order(html, ['Тарасов Пётр', 'Тарасовский Олег', 'Ковалёв Иван']);
    expect(at.every((i) => i > 0)).toBe(true);
    expect(at).toEqual([...at].sort((a, b) => a - b));
    // In Latin letters too: the surname's spellings are ranked, not only its Cyrillic form.
    const api = (await get('/api/v1/persons?q=tarasov')).json();
    expect(api.persons.map((p: { surname: string }) => p.surname)).toEqual(['Тарасов', 'Тарасовский', 'Ковалёв']);
  });

  it('ranks records published before the surname words existed (migration 0048)', async () => {
    const db = t.opened.db;
    await db.updateTable('registry_records').set({ surname_key: '' }).execute();
    await sql`DELETE FROM kysely_migration WHERE name = '0048-registry-surname-keys'`.execute(db);
    await sql`ALTER TABLE registry_records DROP COLUMN surname_key`.execute(db);
    expect(await migrateToLatest(db)).toEqual(['0048-registry-surname-keys']);
    const api = (await get('/api/v1/persons?q=%D0%A2%D0%B0%D1%80%D0%B0%D1%81%D0%BE%D0%B2&per_page=10')).json();
    expect(api.persons.map((p: { surname: string }) => p.surname)).toEqual(['Тарасов', 'Тарасовский', 'Ковалёв']);
  });

  it('gives a person opened from the results a link back to them, rebuilt from the validated filter', async () => {
    const list = (await get('/registry?q=%D0%A2%D0%B0%D1%80%D0%B0%D1%81%D0%BE%D0%B2&region=RU-TY&from=03.2024')).body;
    const href = /href="(\/registry\/persons\/[^"]+)">Тарасов Пётр/.exec(list)?.[1].replaceAll('&amp;', '&');
    expect(href).toMatch(/\?q=/);
    const page = (await get(href!)).body;
    const id = href!.split('/').pop()!.split('?')[0];
    const back = `/registry?q=%D0%A2%D0%B0%D1%80%D0%B0%D1%81%D0%BE%D0%B2&amp;region=RU-TY&amp;from=2024-03#r-${id}`;
    expect(page).toContain(`<a href="${back}">← К результатам поиска</a>`);
    // The link lands on her line of the results.
    expect(list).toContain(`id="r-${id}"`);
    expect((await get(`${href}&lang=en`)).body).toContain('← Back to the search results');
    // Opened without a search, or with one that does not parse, the page has no such link and
    // nothing typed is echoed into it.
    const plain = `/registry/persons/${id}`;
    expect((await get(plain)).body).not.toContain('К результатам поиска');
    for (const bad of ['?region=%3Cscript%3E', '?q=x&page=0', '?q=x&q=y', `?q=${'x'.repeat(101)}`]) {
      const res = await get(plain + bad);
      expect(res.statusCode, bad).toBe(200);
      expect(res.body, bad).not.toContain('К результатам поиска');
      expect(res.body, bad).not.toContain('<script>');
    }
    // A stray parameter is dropped, the filter kept.
    expect((await get(`${plain}?utm_source=x&status=dead`)).body).toContain(`href="/registry?status=dead#r-${id}"`);
  });

  // QA walk 7: a person opened from the registry's first page, no filter given, had no way back.
  it('gives the way back to the unfiltered list too, at the page she was opened from', async () => {
    const personLink = (html: string, name: string) =>
      new RegExp(`href="(/registry/persons/[^"]+)">${name}`).exec(html)?.[1].replaceAll('&amp;', '&');
    const first = personLink((await get('/registry')).body, 'Сидоров Тарас');
    expect(first).toMatch(/\?page=1$/);
    const id = first!.split('/').pop()!.split('?')[0];
    expect((await get(first!)).body).toContain(`<a href="/registry#r-${id}">← К результатам поиска</a>`);
    expect((await get(`${first}&lang=en`)).body).toContain(
      `<a href="/registry#r-${id}">← Back to the search results</a>`,
    );
    // A list of more than one page: the way back is to the page she was on.
    await addSyntheticRecords(
      { db: t.opened.db, clock: t.clock },
      systemPrincipal('demo'),
      (await createOrganisation(t.opened.db, { clock: t.clock })).id,
      Array.from({ length: 50 }, (_, i) => person(`Поздний${i}`, 'Олег', null)),
    );
    const second = personLink((await get('/registry?page=2')).body, 'Поздний49 Олег');
    expect(second).toMatch(/\?page=2$/);
    const late = second!.split('/').pop()!.split('?')[0];
    expect((await get(second!)).body).toContain(`<a href="/registry?page=2#r-${late}">← К результатам поиска</a>`);
    // Still nothing for a page opened from elsewhere, nor for a page number the list refuses.
    for (const url of [`/registry/persons/${id}`, `/registry/persons/${id}?page=0`, `/registry/persons/${id}?page=x`])
      expect((await get(url)).body, url).not.toContain('К результатам поиска');
  });

  // QA walk 10: «Трофимав» (one letter wrong) found nothing and said only «no record matches»;
  // a mother or a journalist did not learn what to try. A typo now finds the similar spellings
  // (similar-spellings.routes.test.ts); a name with nothing like it says how else to search.
  it('says how to search by name when a name finds nothing, in Russian and English; not for other filters', async () => {
    const typo = (await get(`/registry?q=${encodeURIComponent('Тарасав')}`)).body;
    expect(typo).toContain('Похожие написания');
    expect(typo).not.toContain('Проверьте, как написано имя');
    const nothing = (await get(`/registry?q=${encodeURIComponent('Щукин')}`)).body;
    expect(nothing).toContain('Записей, подходящих под условия, нет.');
    expect(nothing).toContain('похожих написаний тоже не нашлось');
    const english = (await get('/registry?q=shchukin&lang=en')).body;
    expect(english).toContain('nothing spelt similarly was found either');
    const byYear = (await get('/registry?from=1990&to=1990')).body;
    expect(byYear).toContain('Записей, подходящих под условия, нет.');
    expect(byYear).not.toContain('похожих написаний');
  });
});
