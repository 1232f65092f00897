// Writing a man's name as one list would: the informant's knowledge, the list's layout and
// conventions, copy-paste from prose (ranks, call signs, grammatical case), scripts, and damage.
import * as C from './chars.ts';
import type { ListDef } from './lists.ts';
import type { Man } from './men.ts';
import { diminutiveOf, GROUPS, patronymicOf, spellingVariant } from './names.ts';
import type { Rng } from './rng.ts';
import { type LatinSystem, toLatin, ukGiven, ukPatronymic, ukSpell } from './translit.ts';
import type { Unit } from './units.ts';

export type Flags = (noise: string) => boolean;
export type Mark = (noise: string, changed: boolean) => void;

export interface NameOut {
  cells: [string, string, string];
  /** What an informant or a script conversion implies for the other fields. */
  dateHint: '' | 'year' | 'none';
  script: 'ru' | 'uk' | 'latin';
  latin: LatinSystem;
}

type Case = 'gen' | 'dat' | 'ins';
const END: Record<Case, [string, string, string]> = {
  // endings for: hard consonant, -й/-ь stems, -ов/-ин surnames
  gen: ['а', 'я', 'а'],
  dat: ['у', 'ю', 'у'],
  ins: ['ом', 'ем', 'ым'],
};

function declineWord(w: string, c: Case, surname: boolean): string {
  if (w.includes('-') && !/-оол$/.test(w))
    return w
      .split('-')
      .map((p) => declineWord(p, c, surname))
      .join('-');
  const i = c === 'gen' ? 0 : c === 'dat' ? 1 : 2;
  if (surname && /(ов|ев|ёв|ин|ын)$/.test(w)) return w + END[c][2];
  if (surname && /(ский|цкий)$/.test(w)) return w.slice(0, -2) + ['ого', 'ому', 'им'][i];
  if (surname && /(ой|ый)$/.test(w) && w.length > 4) return w.slice(0, -2) + ['ого', 'ому', 'ым'][i];
  if (/(ых|их|ко|уулу)$/.test(w) || /[иоуеэюы]$/.test(w)) return w; // Черных, Шевченко, Гаджи
  if (/[йь]$/.test(w)) return w.slice(0, -1) + END[c][1]; // Сергей → Сергея, Игорь → Игоря, Цой → Цоя
  if (/я$/.test(w)) return w.slice(0, -1) + ['и', 'е', 'ёй'][i]; // Илья → Ильи
  if (/а$/.test(w)) return w.slice(0, -1) + [/[гкхжшчщ]а$/.test(w) ? 'и' : 'ы', 'е', 'ой'][i];
  if (/[жшчщц]$/.test(w) && c === 'ins') return `${w}ем`;
  return w + END[c][0];
}

/** "Иванова Сергея Петровича" — the name as it stood in a sentence ("родные Иванова Сергея..."). */
function decline(cells: [string, string, string], c: Case): [string, string, string] {
  const [s, g, p] = cells;
  const pat = p.includes(' ') ? p : p && /ич$/.test(p) ? p + ['а', 'у', 'ем'][['gen', 'dat', 'ins'].indexOf(c)] : p;
  return [s && declineWord(s, c, true), g && declineWord(g, c, false), pat];
}

const RANK_SHORT: Record<string, string[]> = {
  рядовой: ['рядовой', 'ряд.'],
  ефрейтор: ['ефрейтор', 'ефр.'],
  'младший сержант': ['мл. сержант', 'младший сержант', 'мл.с-т'],
  сержант: ['сержант', 'с-т'],
  'старший сержант': ['ст. сержант', 'старший сержант'],
  старшина: ['старшина'],
  прапорщик: ['прапорщик', 'пр-к'],
  лейтенант: ['лейтенант', 'л-т'],
  'старший лейтенант': ['ст. лейтенант', 'старший лейтенант', 'ст.л-т'],
  капитан: ['капитан'],
  майор: ['майор'],
};
const HONOURS_DEAD = ['(посмертно)', 'Герой России', '†', 'кавалер ордена Мужества', '(погиб)', 'ВЕЧНАЯ ПАМЯТЬ'];
const HONOURS_ALIVE = ['(в плену)', '(пропал б/в)', '(отказник)', '(вернулся)', 'СЗЧ'];

const initial = (s: string): string => (s ? `${s[0].toUpperCase()}.` : '');

function pickCell(rng: Rng, cells: string[]): number {
  const filled = cells.map((c, i) => (c ? i : -1)).filter((i) => i >= 0);
  if (filled.length === 0) return 0;
  // Surnames take most of the damage: they are typed most and are the longest field.
  return filled.includes(0) && rng.chance(0.6) ? 0 : rng.pick(filled);
}

export function renderName(m: Man, list: ListDef, unit: Unit, on: Flags, mark: Mark, rng: Rng): NameOut {
  const out: NameOut = { cells: ['', '', ''], dateHint: '', script: 'ru', latin: 'popular' };
  let sur = m.surname;
  let giv = m.given;
  let pat = m.patronymic;
  const apply = (noise: string, f: () => void): void => {
    if (!on(noise)) return;
    const before = `${sur}|${giv}|${pat}|${out.dateHint}`;
    f();
    mark(noise, before !== `${sur}|${giv}|${pat}|${out.dateHint}`);
  };

  apply('surname_alt', () => {
    if (!m.altKind) return;
    if (m.altKind === 'double') sur = rng.chance(0.7) ? m.altSurname : sur.slice(sur.indexOf('-') + 1);
    else sur = rng.chance(0.75) ? m.altSurname : `${sur} (${m.altSurname})`;
  });
  apply('variant_spelling', () => {
    const which = rng.int(0, 2);
    const cur = [sur, giv, pat][which];
    const v = cur ? spellingVariant(cur, rng) : undefined;
    if (v && which === 0) sur = v;
    if (v && which === 1) giv = v;
    if (v && which === 2) pat = v;
  });
  apply('patronymic_missing', () => {
    pat = '';
  });
  let forceCallsign = false;
  apply('informant_partial', () => {
    const who = rng.int(0, 2);
    if (who === 0) out.dateHint = 'year'; // a brother or sister: knows the year, not the day
    if (who === 1) {
      // a comrade or friend: no patronymic, no birth date, a nickname or call sign
      [pat, out.dateHint] = ['', 'none'];
      if (rng.chance(0.5)) giv = diminutiveOf(giv, rng) ?? giv;
      forceCallsign = rng.chance(0.5);
    }
    if (who === 2) [pat, out.dateHint] = ['', 'year']; // an aunt, a neighbour
  });
  apply('diminutive', () => {
    giv = diminutiveOf(giv, rng) ?? giv;
  });
  apply('initials', () => {
    giv = initial(giv);
    pat = initial(pat);
    if (rng.chance(0.4)) [giv, pat] = [`${giv}${pat}`, ''];
  });
  apply('ogly_variant', () => {
    const ogly = GROUPS[m.group].ogly;
    if (!ogly || !pat || pat.endsWith('.') || m.style === 'none') return;
    const forms = [`${m.father} ${ogly}`, patronymicOf(m.father), `${m.father}${ogly}`, `${m.father}-${ogly}`];
    pat = rng.pick(forms.filter((f) => f !== pat));
  });
  apply('hyphen_variant', () => {
    const fix = (s: string): string =>
      s.includes('-')
        ? s.replace('-', rng.pick([' ', '', '–', '—', '- '])).replace(/оол$/, (x) => (rng.chance(0.3) ? 'Оол' : x))
        : s;
    [sur, giv, pat] = [fix(sur), fix(giv), fix(pat)];
  });
  apply('case_inflected', () => {
    [sur, giv, pat] = decline([sur, giv, pat], rng.pick(['gen', 'gen', 'gen', 'dat', 'ins'] as const));
  });
  apply('translit_uk', () => {
    out.script = 'uk';
    sur = ukSpell(sur, list.softE);
    giv = giv.length > 2 ? ukGiven(giv) : ukSpell(giv, false, false);
    pat =
      pat.length > 2 && m.style === 'ovich' && pat === m.patronymic
        ? ukPatronymic(m.father)
        : ukSpell(pat, false, false);
  });
  apply('translit_latin', () => {
    out.latin = out.script === 'uk' ? 'uk' : rng.pick(['icao', 'popular'] as const);
    out.script = 'latin';
    [sur, giv, pat] = [sur, giv, pat].map((x) => toLatin(x, out.latin)) as [string, string, string];
    if (rng.chance(0.6)) pat = ''; // English-language lists rarely keep the patronymic
  });
  apply('yo', () => {
    [sur, giv, pat] = [C.dropYo(sur), C.dropYo(giv), C.dropYo(pat)];
  });
  const damage = (noise: string, f: (s: string) => string): void =>
    apply(noise, () => {
      const cells = [sur, giv, pat];
      const i = pickCell(rng, cells);
      cells[i] = f(cells[i]);
      [sur, giv, pat] = cells as [string, string, string];
    });
  damage('phonetic', (s) => C.phonetic(s, rng));
  damage('typo', (s) => C.typo(s, rng));
  damage('ocr', (s) => C.ocr(s, rng));
  damage('homoglyph', (s) => C.homoglyph(s, rng));
  damage('layout', (s) => C.wrongLayout(s));

  // Decorations copied from posts: rank before the name, honours or status after it.
  let prefix = '';
  let suffix = '';
  apply('rank_title', () => {
    if (rng.chance(0.75)) {
      const guards = unit.guards && rng.chance(0.4) ? rng.pick(['гв. ', 'гвардии ']) : '';
      prefix = guards + rng.pick(RANK_SHORT[m.rank] ?? [m.rank]);
    } else suffix = rng.pick(m.history.endsWith('D') ? HONOURS_DEAD : HONOURS_ALIVE);
    sur = `${prefix} ${sur}`.trim();
    if (suffix && pat) pat = `${pat} ${suffix}`;
    else if (suffix) giv = `${giv} ${suffix}`.trim();
  });
  const callsign = (): void => {
    if (!m.callsign) return;
    if (rng.chance(0.2)) giv = `«${m.callsign}»`;
    else {
      const form = rng.pick([
        `«${m.callsign}»`,
        `(позывной «${m.callsign}»)`,
        `позывной ${m.callsign}`,
        `(${m.callsign})`,
      ]);
      if (pat) pat = `${pat} ${form}`;
      else giv = `${giv} ${form}`.trim();
    }
  };
  apply('callsign', callsign);
  if (forceCallsign) callsign();

  // Layout: the list's own convention, or one row pasted whole into the first cell.
  let layout = list.layout;
  if (on('fio_one_cell')) {
    mark('fio_one_cell', layout === 'split');
    if (layout === 'split') layout = rng.chance(0.8) ? 'one' : 'one_rev';
  }
  const swapped = on('swapped_fields') && layout !== 'initials' && giv !== '';
  if (on('swapped_fields')) mark('swapped_fields', swapped && sur !== giv);
  if (swapped && layout === 'split') [sur, giv] = [giv, sur];
  if (layout === 'one' || layout === 'one_rev') {
    const order = (layout === 'one') !== swapped ? [sur, giv, pat] : [giv, pat, sur];
    [sur, giv, pat] = [order.filter(Boolean).join(' '), '', ''];
  } else if (layout === 'initials') {
    const sep = rng.chance(0.3) ? ' ' : '';
    const ini = giv.endsWith('.')
      ? giv + (pat ? sep + pat : '')
      : [initial(giv), initial(pat)].filter(Boolean).join(sep);
    [sur, giv, pat] = [`${sur} ${ini}`.trim(), '', ''];
  }

  if (list.nameCase === 'upper') [sur, giv, pat] = [sur.toUpperCase(), giv.toUpperCase(), pat.toUpperCase()];
  if (list.nameCase === 'upper_surname') {
    sur = layout === 'split' ? sur.toUpperCase() : sur.replace(/^\S+/, (w) => w.toUpperCase());
  }
  apply('letter_case', () => {
    const f = rng.chance(0.5) ? (s: string) => s.toLowerCase() : (s: string) => s.toUpperCase();
    [sur, giv, pat] = [f(sur), f(giv), f(pat)];
  });
  apply('nfd', () => {
    [sur, giv, pat] = [C.decompose(sur), C.decompose(giv), C.decompose(pat)];
  });
  damage('whitespace', (s) => C.whitespace(s, rng));
  out.cells = [sur, giv, pat];
  return out;
}
