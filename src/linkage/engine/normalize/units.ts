import { FORMATION_TYPES, VAGUE_TYPES } from './unit-formations.ts';
import { memo } from './memo.ts';

export interface UnitKey {
  number: string | null;
  formation: string | null;
}

// A military unit appears either as its open number ("в/ч 12345", the 4–6 digit "войсковая
// часть" code, sometimes with a letter suffix for a detached sub-unit: 12345-А) or as a
// formation name ("55 омсбр", "55-я отдельная мотострелковая бригада", "55th Motor Rifle
// Brigade"), or both. The number drops the sub-unit letter: a mother writes "в/ч 12345" where the
// letter says "в/ч 12345-А", and an exact comparison must not call them different. A number with only
// a generic word ("193 бригада", "91 полк") gives a vague key "193 бригада"; formationsCompatible
// tells whether it can be the same as "193 омсбр". A field post number gives "пп 12345".

const UNIT_MARKER =
  /(?:в\s*[/\\.]?\s*ч\.?|войсков\p{L}*\s+част\p{L}*|military\s+unit|mil\.?\s*unit|unit|v\s*[/\\.]?\s*ch\.?|вч|vch)\s*(?:№|n[or]?\.?|#)?\s*/iu;

const MARKED_NUMBER = new RegExp(UNIT_MARKER.source + String.raw`(\d{4,6})(?:\s*-\s*|\s*)?([\p{L}](?![\p{L}]))?`, 'iu');
/** A field post number (полевая почта, п/п) is another numbering: kept apart as "пп 12345" so it
 * never equals the open unit number 12345. */
const FIELD_POST = /(?:п\s*[/\\.]\s*п\.?|полев\p{L}*\s+почт\p{L}*|field\s+post)\s*(?:№|n[or]?\.?|#)?\s*(\d{4,6})/iu;

function findNumber(s: string): { number: string | null; rest: string } {
  let m = s.match(FIELD_POST);
  if (m) return { number: `пп ${m[1]}`, rest: s.replace(m[0], ' ') };
  m = s.match(MARKED_NUMBER);
  if (m) return { number: m[1], rest: s.replace(m[0], ' ') };
  // A bare 4–6 digit number not followed by a formation word is a unit number.
  m = s.match(/(?:^|[^\d\p{L}])(\d{4,6})(?:\s*-\s*([\p{L}])(?![\p{L}]))?(?![\d])/u);
  if (m && !/^\s*[-‐]?\s*(?:[яйгое]|ая|ый|th|st|nd|rd)?\s+\p{L}/u.test(s.slice((m.index ?? 0) + m[0].length))) {
    return { number: m[1], rest: s.replace(m[0], ' ') };
  }
  return { number: null, rest: s };
}

function words(s: string): string[] {
  return s
    .toLowerCase()
    .replace(/ё/g, 'е')
    .split(/[^\p{L}]+/u)
    .filter(Boolean);
}

function findFormation(s: string): string | null {
  const m = s.match(/(\d{1,4})\s*(?:-?\s*(?:[яйгое]|ая|ой|ый|ий|th|st|nd|rd)(?!\p{L}))?/iu);
  if (!m) return null;
  const num = m[1];
  const after = s.slice((m.index ?? 0) + m[0].length);
  const before = s.slice(0, m.index ?? 0);
  const ws = [...words(after), ...words(before)];
  const text = ` ${ws.join(' ')} `;
  for (const t of FORMATION_TYPES) {
    for (const a of t.abbrs)
      if (text.includes(` ${a} `) || ws[0] === a.replace(/\s/g, '')) return `${num} ${t.canonical}`;
  }
  for (const t of FORMATION_TYPES) {
    for (const stems of t.stems) {
      if (stems.every((st) => ws.some((w) => w.startsWith(st) || w.includes(st)))) return `${num} ${t.canonical}`;
    }
  }
  // Only the word right after the number counts for a vague type ("193 бригада"), so that a
  // stray "полк" elsewhere in a note does not invent a formation.
  const first = words(after)[0];
  if (first)
    for (const t of VAGUE_TYPES) if (t.stems.some((st) => first.startsWith(st))) return `${num} ${t.canonical}`;
  return null;
}

/** True when two formation keys can be the same formation: equal, or the same number with one
 * side vague ("193 бригада") and the other a type of that family ("193 омсбр"). */
export function formationsCompatible(a: string, b: string): boolean {
  if (a === b) return true;
  const [na, ta] = a.split(' ');
  const [nb, tb] = b.split(' ');
  if (na !== nb) return false;
  const vague = (t: string) => VAGUE_TYPES.find((v) => v.canonical === t);
  const va = vague(ta);
  const vb = vague(tb);
  if (va && vb) return false;
  if (va) return va.family.includes(tb);
  if (vb) return vb.family.includes(ta);
  return false;
}

const cachedUnit = memo((raw: string): UnitKey => {
  const s = raw.normalize('NFC').trim();
  if (!s) return { number: null, formation: null };
  const { number, rest } = findNumber(s);
  return { number, formation: findFormation(rest) };
});

const isVague = (formation: string | null): boolean =>
  !!formation && VAGUE_TYPES.some((v) => formation.endsWith(` ${v.canonical}`));

/** Unit text → open unit number and/or canonical formation key ("55 омсбр"). A formation whose
 * type is not stated ("193 бригада") is null here, because an exact comparison would count it
 * as different from "193 омсбр"; parseUnitLoose returns it. */
export function parseUnit(raw: string): UnitKey {
  const u = cachedUnit(raw ?? '');
  return { number: u.number, formation: isVague(u.formation) ? null : u.formation }; // a copy
}

/** As parseUnit, but keeps vague formations ("193 бригада"); compare them with
 * formationsCompatible, not with ===. */
export function parseUnitLoose(raw: string): UnitKey {
  const u = cachedUnit(raw ?? '');
  return { number: u.number, formation: u.formation };
}
