import { describe, expect, it } from 'vitest';
import { boardNameSchema } from './cohorts.schema.ts';
import { familyLabel, impersonates, newLabelAttempts, sameName, showsLogin } from './family-names.ts';

// How a family shows on a board: a label stable on one board, another on every other board, that
// says nothing of the login; and the rules for a name a family chooses.

const key = (byte: number) => Buffer.alloc(32, byte);
const users = Array.from({ length: 50 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);

/** The labels a board gives these families, in this order, when none held one before. */
const familyLabels = (boardKey: Buffer, boardId: string, ids: string[], held = new Map<string, number>()) => {
  const all = new Map([...held, ...newLabelAttempts(boardKey, boardId, held, ids)]);
  return new Map([...all].map(([id, attempt]) => [id, familyLabel(boardKey, boardId, id, attempt)]));
};

describe('family labels', () => {
  it('gives a family the same four-digit label on a board every time', () => {
    const once = familyLabels(key(1), 'board-a', users);
    const again = familyLabels(key(1), 'board-a', [...users].reverse().slice(0, 10));
    for (const id of users.slice(-10)) expect(again.get(id)).toBe(once.get(id));
    for (const label of once.values()) expect(label).toMatch(/^[1-9]\d{3}$/);
  });

  it('gives the same family another label on another board (another key)', () => {
    const a = familyLabels(key(1), 'board-a', users);
    const b = familyLabels(key(2), 'board-b', users);
    const same = users.filter((id) => a.get(id) === b.get(id));
    expect(same.length).toBeLessThan(3);
    // The board's id is in the MAC too: one key, two boards, two labels.
    const c = familyLabels(key(1), 'board-c', users);
    expect(users.filter((id) => a.get(id) === c.get(id)).length).toBeLessThan(3);
  });

  it('never gives two families of a board one label, and a label does not move when others join', () => {
    const many = Array.from({ length: 3000 }, (_, i) => `user-${i}`);
    const labels = familyLabels(key(7), 'board-a', many);
    expect(new Set(labels.values()).size).toBe(many.length);
    const first = familyLabels(key(7), 'board-a', many.slice(0, 200));
    for (const id of many.slice(0, 200)) expect(labels.get(id)).toBe(first.get(id));
  });

  it('gives a newcomer none of the labels held, and leaves those held as they are', () => {
    const many = Array.from({ length: 3000 }, (_, i) => `user-${i}`);
    const held = newLabelAttempts(key(7), 'board-a', new Map(), many.slice(0, 2000));
    // Some of the 2,000 had to skip a candidate another held: they keep the one they got.
    expect([...held.values()].some((a) => a > 0)).toBe(true);
    const joined = newLabelAttempts(key(7), 'board-a', held, many);
    expect([...joined.keys()]).toEqual(many.slice(2000));
    const labels = familyLabels(key(7), 'board-a', [], new Map([...held, ...joined]));
    expect(new Set(labels.values()).size).toBe(many.length);
    // A family that leaves frees its label; nobody else's moves.
    const left = new Map(held);
    left.delete(many[0]);
    const after = familyLabels(key(7), 'board-a', [], left);
    for (const [id, label] of after) expect(label).toBe(labels.get(id));
  });
});

describe('a name a family chooses', () => {
  it('may not be or hold the login pseudonym, however it is spelt', () => {
    expect(showsLogin('mama_peti', 'mama_peti')).toBe(true);
    expect(showsLogin('MAMA PETI', 'mama_peti')).toBe(true);
    expect(showsLogin('Это mama.peti из Шахт', 'mama_peti')).toBe(true);
    // Latin look-alikes of a Cyrillic login.
    expect(showsLogin('Mама', 'Мама')).toBe(true);
    expect(showsLogin('Мама из Шахт', 'mama_peti')).toBe(false);
  });

  it("may not pass for the site's label of a family or for the organisation", () => {
    for (const name of [
      'Семья 4821',
      'семья №4821',
      'Ceмья 4821', // Latin C and e
      'Family 12',
      'Семья ЗООО', // letters for 3000
      'Организация',
      'Модератор доски',
      'staff',
      // What a board's moderators, the organisation's lawyers and its helpers are called.
      'Модерация',
      'Moderation team',
      'Служба поддержки',
      'Support',
      'Юрист группы',
      'Адвокат',
      'Куратор',
      'Координатор',
      'Правозащитники',
    ])
      expect(impersonates(name), name).toBe(true);
    // The organisation's own name, however spelt.
    expect(impersonates('Голос матерей', ['Голос матерей'])).toBe(true);
    expect(impersonates('ГОЛОС MАТЕРЕЙ Ростов', ['Голос матерей'])).toBe(true);
    for (const name of ['Семья Пети', 'Мама из Шахт', 'Семья Озеровых', 'Жена 155-й', 'Голос'])
      expect(impersonates(name, ['Голос матерей']), name).toBe(false);
  });

  it('is written in Cyrillic or Latin letters only, so no other script passes for another name', () => {
    const refusal = (name: string) => boardNameSchema.safeParse({ display_name: name }).error?.issues[0]?.message;
    for (const name of ['Мама Олега', 'Mama Olega', 'Мама Їжакова', 'Жена 155-й', "Д'Артаньян (мама)"])
      expect(refusal(name), name).toBeUndefined();
    for (const name of [
      'Мама Οлега', // Greek capital omicron for О
      'Мама Олегɑ', // Latin alpha for а
      'Мама Олега²', // a superscript digit
      'Семья ٤٨٢١', // Arabic-Indic digits
      'Ｍама Олега', // a full-width M
    ])
      expect(refusal(name), name).toBe('cohorts.errors.nameChars');
  });

  it('is the same name as another when a reader could not tell them apart', () => {
    expect(sameName('Мама из Шахт', 'мама  из шахт')).toBe(true);
    expect(sameName('Мама из Шахт', 'Mама из Шахт')).toBe(true);
    expect(sameName('Мама из Шахт', 'Мама из Ростова')).toBe(false);
    // Letters the login folding leaves apart: a capital I, a 1 or a palochka for l; the Cyrillic
    // і, ј and ѕ of other languages for the Latin i, j and s.
    expect(sameName('Mama Olega', 'Mama OIega')).toBe(true);
    expect(sameName('Mama Olega', 'Mama O1ega')).toBe(true);
    expect(sameName('Mama Olega', 'Mama Oӏega')).toBe(true);
    expect(sameName('Mama Sasha', 'Mama \u0405asha')).toBe(true);
    expect(sameName('Mama Vitalija', 'Mama V\u0456tal\u0456\u0458a')).toBe(true);
    expect(sameName('Мама Ильи', 'Мама Ивана')).toBe(false);
  });
});
