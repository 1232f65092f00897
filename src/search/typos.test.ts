import { sql, type KyselyPlugin } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { staffSearch } from './staff-search.test-helper.ts';
import { caseInput, useWorld } from '../cases/cases.fixtures.ts';
import { openCase } from '../cases/cases.service.ts';
import { deletePerson } from '../people/people.service.ts';
import { deletionForms } from '../people/name-neighbours.ts';
import { listedPerson } from '../people/people.fixtures.ts';
import { surnameKeys } from '../people/search-keys.ts';
import {
  SEARCH_KEYS_VERSION,
  insertIncomingRecords,
  rekeyRecords,
  searchPersonRecords,
  type IncomingPerson,
} from '../people/person-records.service.ts';

// Families type names on phones. A surname with one letter wrong that does not sound like the
// name («Кузнецв», «Петрво», «Смрнов») found nothing, which reads as "your son is in no list".
// Such a word now finds the names one edit from it (src/people/name-neighbours.ts), below the
// exact and sound-alike hits; names of three letters or fewer stay exact.

const listed = (surname: string, given_name: string): IncomingPerson => listedPerson({ surname, given_name });

describe.each(DIALECTS)('a name with one letter wrong (%s)', (dialect) => {
  const s = useWorld(dialect);
  const db = () => s.t.opened.db;
  const deps = () => ({ db: db(), clock: s.t.clock });
  const search = staffSearch(s);
  const insert = (people: IncomingPerson[]) =>
    db()
      .transaction()
      .execute((tx) => insertIncomingRecords(tx, s.w.orgA.id, 'import', people, '2026-03-02T00:00:00Z'));
  const names = async (text: string, org = s.w.orgA.id) =>
    (await searchPersonRecords(db(), org, { text }, 25, 0)).map((r) => `${r.surname} ${r.given_name}`);
  const variantsOf = async (name: string) =>
    (
      await db()
        .selectFrom('person_name_variants')
        .select('variant')
        .where('organisation_id', '=', s.w.orgA.id)
        .where('name', '=', name)
        .execute()
    ).length;

  it('finds «Кузнецв», «Петрво», «Смрнов» on the person search page', async () => {
    await openCase(deps(), s.w.family.auth, caseInput(s.w.orgA.id, { surname: 'Кузнецов', given_name: 'Иван' }));
    await openCase(deps(), s.w.family.auth, caseInput(s.w.orgA.id, { surname: 'Смирнов', given_name: 'Олег' }));
    for (const [q, found] of [
      ['Кузнецв', 'Кузнецов Иван'],
      ['Кузнецв Иван', 'Кузнецов Иван'],
      ['Петрво', 'Петров Пётр'],
      ['Смрнов', 'Смирнов Олег'],
      ['Smrnov', 'Смирнов Олег'],
    ]) {
      const res = await search(q);
      expect(res.statusCode, q).toBe(200);
      expect(res.body, q).toContain(found);
    }
    // Every word must still be one of the names: a typo'd surname does not bring in namesakes of
    // another given name, and two edits are too many.
    expect((await search('Кузнецв Олег')).body).not.toContain('Кузнецов Иван');
    expect(await names('Кузнцв')).toEqual([]);
    // Records of another organisation are not neighbours.
    expect(await names('Кузнецв', s.w.orgB.id)).toEqual([]);
  });

  it('ranks exact, then sound-alike, then one edit off; a given name too', async () => {
    await insert([listed('Ранжиров', 'Антон'), listed('Ранжеров', 'Антон'), listed('Ранжирок', 'Антон')]);
    // «Ранжеров» sounds like it (metaphone), «Ранжирок» (a list's typo) does not.
    expect(await names('Ранжиров')).toEqual(['Ранжиров Антон', 'Ранжеров Антон', 'Ранжирок Антон']);
    expect(await names('Ранжиров Антн')).toEqual(['Ранжиров Антон', 'Ранжеров Антон', 'Ранжирок Антон']);
    expect(await names('Ранжиров Антн')).toHaveLength(3);
    // A given name with two letters swapped.
    await openCase(deps(), s.w.family.auth, caseInput(s.w.orgA.id, { surname: 'Доржиев', given_name: 'Андрей' }));
    expect(await names('Доржиев Андерй')).toEqual(['Доржиев Андрей']);
  });

  it('reads the neighbours only when the exact and sound-alike hits leave room, and pages on past them', async () => {
    await insert([
      listed('Тунгусов', 'Борис'),
      listed('Тунгусов', 'Глеб'),
      listed('Тунгусав', 'Антон'), // sounds alike (тунгусаф)
      listed('Тунгусок', 'Антон'),
      listed('Тунгусон', 'Антон'),
    ]);
    // Every statement the search runs, as Kysely built it (a subquery is built but not run).
    const sent: string[] = [];
    const built = new Map<unknown, string>();
    const counting: KyselyPlugin = {
      transformQuery: (args) => {
        built.set(args.queryId, JSON.stringify(args.node));
        return args.node;
      },
      transformResult: async (args) => {
        sent.push(built.get(args.queryId) ?? '');
        return args.result;
      },
    };
    const page = async (text: string, limit: number, offset: number) => {
      sent.length = 0;
      return (await searchPersonRecords(db().withPlugin(counting), s.w.orgA.id, { text }, limit, offset)).map(
        (r) => `${r.surname} ${r.given_name}`,
      );
    };
    // Two exact and one sound-alike hit fill a page of two and show there is a next one (three
    // rows): one statement for the hits, one for their records, none for the dictionary.
    expect(await page('Тунгусов', 2, 0)).toEqual(['Тунгусов Борис', 'Тунгусов Глеб', 'Тунгусав Антон']);
    expect(sent).toHaveLength(2);
    expect(sent.some((q) => q.includes('person_name_variants'))).toBe(false);
    // The page that holds the last exact hit goes on with the names one edit off, in key order.
    expect(await page('Тунгусов', 2, 2)).toEqual(['Тунгусав Антон', 'Тунгусок Антон', 'Тунгусон Антон']);
    expect(sent.some((q) => q.includes('person_name_variants'))).toBe(true);
    // A page past every exact hit starts where the near ones do.
    expect(await page('Тунгусов', 2, 3)).toEqual(['Тунгусок Антон', 'Тунгусон Антон']);
    expect(await page('Тунгусов', 2, 4)).toEqual(['Тунгусон Антон']);
    expect(await page('Тунгусов', 2, 5)).toEqual([]);
    // A word that is no name here finds only its neighbours (one edit: not «Тунгусок»).
    expect(await page('Тунгусв', 25, 0)).toEqual(['Тунгусав Антон', 'Тунгусов Борис', 'Тунгусов Глеб']);
  });

  it('keeps names of three letters or fewer exact', async () => {
    await openCase(deps(), s.w.family.auth, caseInput(s.w.orgA.id, { surname: 'Ким', given_name: 'Олег' }));
    expect(await names('Ким Олег')).toEqual(['Ким Олег']);
    expect(await names('Кин Олег')).toEqual([]);
    expect(await names('Кнм Олег')).toEqual([]);
  });

  it('forgets a name with the last record bearing it', async () => {
    const [a] = await insert([listed('Забытов', 'Илья')]);
    const [b] = await insert([listed('Забытов', 'Илья')]);
    const key = surnameKeys('Забытов').gl;
    expect(await variantsOf(key)).toBe(deletionForms(key).length);
    await db()
      .transaction()
      .execute((tx) => deletePerson(tx, a));
    expect(await variantsOf(key)).toBe(deletionForms(key).length);
    await db()
      .transaction()
      .execute((tx) => deletePerson(tx, b));
    expect(await variantsOf(key)).toBe(0);
    expect(await names('Забытв')).toEqual([]);
  });

  it('fills the neighbours of records stored before them when the keys are recomputed', async () => {
    expect(SEARCH_KEYS_VERSION).toBe(6);
    // As an upgraded server finds them: keys of version 2, no neighbours yet.
    await insert([listed('Старожилов', 'Пётр')]);
    await sql`DELETE FROM person_name_variants`.execute(db());
    await db().updateTable('persons').set({ keys_version: 2 }).execute();
    expect(await names('Старожилв')).toEqual([]);
    while ((await rekeyRecords(db(), 50)).length > 0);
    expect(await names('Старожилв')).toEqual(['Старожилов Пётр']);
    expect(await names('Кузнецв')).toEqual(['Кузнецов Иван']);
  });

  it('reads a Latin look-alike in a name stored before version 4 as its Cyrillic letter once rekeyed', async () => {
    // «Иванoв» with a Latin o, stored by a server whose plain keys kept the o Latin.
    await insert([{ ...listed('Иванoв', 'Пётр'), unit_name: 'Тaманская дивизия' }]);
    await db()
      .updateTable('persons')
      .set({ surname_key: 'иванoв', unit_key: 'тaманская дивизия', keys_version: 3 })
      .where('surname', '=', 'Иванoв')
      .execute();
    const keys = () =>
      db()
        .selectFrom('persons')
        .select(['surname_key', 'unit_key'])
        .where('surname', '=', 'Иванoв')
        .executeTakeFirstOrThrow();
    expect(await keys()).toEqual({ surname_key: 'иванoв', unit_key: 'тaманская дивизия' });
    while ((await rekeyRecords(db(), 50)).length > 0);
    expect(await keys()).toEqual({ surname_key: 'иванов', unit_key: 'таманская дивизия' });
  });
});
