// Writes one record: what one list held about one man, in that list's own way, with its errors.
import { EMPTY_MARKS, type ListInstance } from './lists.ts';
import { birthCell, formatDate, parseDmy } from './dates.ts';
import { channelError, homoglyph, keyboardTypo, misfile, wrongLayout } from './noise.ts';
import { day, type Man } from './people.ts';
import { regionText, type Unit, unitText } from './places.ts';
import type { Rng } from './random.ts';
import type { Reference } from './reference.ts';
import {
  fromUkrainianLetters,
  genitive,
  initial,
  patronymicOf,
  stripYo,
  titleCase,
  toLatin,
  toUkrainianLetters,
  ukrainianPatronymic,
} from './spelling.ts';

export interface Cells {
  surname: string;
  given: string;
  patronymic: string;
  birth: string;
  region: string;
  unit: string;
  script: 'ru' | 'ua' | 'latin';
}
export type Count = (what: string) => void;

/** Chance that a clerk writes a name part in another accepted spelling, by naming culture. */
const VARIANT_RATE: Record<string, number> = { russian: 0.03, narrow: 0.03, ukr: 0.05, korean: 0.1, khakas: 0.05 };
const variantRate = (culture: string): number =>
  VARIANT_RATE[culture] ?? (['uzbek', 'tajik', 'kyrgyz', 'kazakh'].includes(culture) ? 0.35 : 0.18);

export class Renderer {
  private readonly russianOfUkrainian: Map<string, string>;

  constructor(
    private readonly ref: Reference,
    private readonly units: Unit[],
  ) {
    this.russianOfUkrainian = new Map([...ref.ukrainianGiven].map(([ru, ua]) => [ua, ru]));
  }

  render(man: Man, list: ListInstance, rng: Rng, parent: Cells | undefined, count: Count): Cells {
    const cells = parent ? this.copy(parent, man, list, rng, count) : this.fresh(man, list, rng, count);
    if (rng.chance(list.spec.misfile * (parent ? 0.5 : 1))) misfile(cells, rng, count);
    const mark = list.emptyMark;
    if (mark) for (const key of ['patronymic', 'birth', 'region', 'unit'] as const) if (!cells[key]) cells[key] = mark;
    return cells;
  }

  private fresh(man: Man, list: ListInstance, rng: Rng, count: Count): Cells {
    const spec = list.spec;
    let [s, g, p] = this.legitimateForms(man, rng, count);
    if (rng.chance(spec.diminutive)) {
      const short = this.ref.diminutives.get(g);
      if (short) (g = rng.pick(short)), count('diminutive_given_name');
    }
    if (rng.chance(spec.genitive)) {
      [s, g, p] = [genitive(s, 'surname'), genitive(g, 'given'), genitive(p, 'patronymic')];
      count('genitive_case');
    }
    [s, g, p] = [s, g, p].map((w) => {
      if (!rng.chance(spec.channelRate)) return w;
      const out = channelError(spec.channel, w, rng);
      if (out !== w) count(spec.channel === 'keyboard' ? 'keyboard_typo' : `${spec.channel}_error`);
      return out;
    });
    if (list.script === 'ua') {
      const standard = p === man.patronymic && p === patronymicOf(man.father);
      const fatherUa = this.ref.ukrainianGiven.get(man.father) ?? toUkrainianLetters(man.father);
      p = standard && p ? ukrainianPatronymic(fatherUa) : toUkrainianLetters(p);
      g = this.ref.ukrainianGiven.get(g) ?? toUkrainianLetters(g);
      s = toUkrainianLetters(s, list.softenE);
      count('ukrainian_script');
    } else if (list.script === 'latin') {
      [s, g, p] = this.latinNames(s, g, p, list);
      count('latin_script');
    }
    return this.finishNames(
      { surname: s, given: g, patronymic: p, script: list.script, ...this.facts(man, list, rng, count) },
      list,
      rng,
      count,
      1,
    );
  }

  /** Accepted variants of the man's own name, different in different papers. */
  private legitimateForms(man: Man, rng: Rng, count: Count): string[] {
    let s = man.surname;
    let p = man.patronymic;
    if (s.endsWith(' уулу')) {
      const r = rng.next();
      if (r < 0.3) (s = `${man.father}ов`), (p = patronymicOf(man.father)), count('kyrgyz_uulu_russified');
      else if (r < 0.45) (s = man.father), (p = 'уулу'), count('kyrgyz_uulu_in_patronymic_cell');
    }
    if (man.culture === 'uzbek' && p && rng.chance(0.12)) (p = `${man.father} угли`), count('uzbek_ugli_patronymic');
    if (man.culture === 'tajik' && s.endsWith('зода') && rng.chance(0.15))
      (s = `${s.slice(0, -4)}ов`), count('tajik_zoda_russified');
    else if (man.culture === 'tajik' && s.endsWith('ов') && rng.chance(0.08))
      (s = s.slice(0, -2)), count('tajik_ov_dropped');
    const rules = this.ref.variants.get(man.culture) ?? [];
    return [s, man.given, p].map((w) => {
      if (!w || !rng.chance(variantRate(man.culture))) return w;
      const fitting = rules.filter((r) => w.includes(r.from));
      if (fitting.length === 0) return w;
      const rule = rng.pick(fitting);
      count('spelling_variant');
      return w.replace(rule.from, rule.to);
    });
  }

  private latinNames(s: string, g: string, p: string, list: ListInstance): string[] {
    const ru = this.russianOfUkrainian.get(g) ?? g;
    const given =
      list.latin === 'press' ? (this.ref.englishGiven.get(ru) ?? toLatin(g, 'press')) : toLatin(g, 'passport');
    return [toLatin(s, list.latin), given, toLatin(p, list.latin)];
  }

  /** Birth date, region and unit as this list knows them. */
  private facts(man: Man, list: ListInstance, rng: Rng, count: Count): Pick<Cells, 'birth' | 'region' | 'unit'> {
    return {
      birth: birthCell(man, list, rng, count),
      region: this.region(man, list, rng, count),
      unit: this.unit(man, list, rng, count),
    };
  }

  private region(man: Man, list: ListInstance, rng: Rng, count: Count): string {
    const spec = list.spec;
    if (!rng.chance(spec.regionPresent)) return '';
    const role = list.region >= 0 ? 'list' : weightedRole(spec.roles, rng);
    const index = {
      home: man.homeRegion,
      birth: man.birthRegion,
      enlist: man.enlistRegion,
      burial: man.burialRegion,
      list: list.region,
    }[role];
    let text = man.birthCountry;
    if (index >= 0) {
      const r = this.ref.regions[index];
      const town = index === man.homeRegion ? man.homeTown : rng.pick(r.towns);
      const style = rng.chance(0.85) ? list.regionStyle : rng.pick(spec.regionStyles);
      const soviet = role === 'birth' && r.oldNames.length > 0 && man.birth < day(1991, 1, 1) && rng.chance(0.4);
      text = soviet ? rng.pick(r.oldNames) : regionText(r, town, style, rng);
      if (soviet) count('soviet_region_name');
      if (index !== man.homeRegion) count(`region_is_${role}_not_home`);
    } else count('birthplace_abroad');
    if (list.script === 'ua')
      return toUkrainianLetters(text.replace(/ская/g, 'ська').replace(/ский/g, 'ський')).replace(/^г\. /, 'м. ');
    if (list.script === 'latin' && list.regionStyle !== 'english') return toLatin(text, list.latin);
    return text;
  }

  private unit(man: Man, list: ListInstance, rng: Rng, count: Count): string {
    const spec = list.spec;
    if (!rng.chance(spec.unitPresent)) return '';
    const index = rng.chance(spec.unitLatest) ? man.units.at(-1)! : man.units[0];
    if (index !== man.units.at(-1)) count('earlier_unit');
    const style = rng.chance(0.85) ? list.unitStyle : rng.pick(spec.unitStyles);
    const mobilized = man.category === 'mobilized' && style === 'informal' && rng.chance(0.2);
    let unit = mobilized ? 'мобилизован' : unitText(this.units, index, style, rng);
    if (spec.kind === 'pow_list_ua' && rng.chance(0.3))
      unit = `${rng.int(1, 9)} рота, ${rng.int(1, 4)} батальон, ${unit}`;
    return unit; // Ukrainian lists quote Russian unit names as the prisoners gave them
  }

  private copy(parent: Cells, man: Man, list: ListInstance, rng: Rng, count: Count): Cells {
    const c = { ...parent };
    // The parent's "н/д" or "-" means nothing to the copying list, which has its own habit for empty cells.
    for (const key of ['patronymic', 'birth', 'region', 'unit'] as const)
      if (EMPTY_MARKS.items.includes(c[key])) c[key] = '';
    count(`copied_into_${list.spec.kind}`);
    if (parent.script === 'ua' && list.script === 'ru') {
      // Retyped from a Ukrainian list: names converted back letter by letter, place and unit from its own notes.
      c.given = this.russianOfUkrainian.get(c.given) ?? fromUkrainianLetters(c.given);
      c.surname = fromUkrainianLetters(c.surname);
      // A clerk recognises "Володимирович" as "Владимирович" more often than not; otherwise it is retyped letter by letter.
      const fatherUa = this.ref.ukrainianGiven.get(man.father) ?? toUkrainianLetters(man.father);
      const recognised = c.patronymic === ukrainianPatronymic(fatherUa) && rng.chance(0.6);
      c.patronymic = recognised ? man.patronymic : fromUkrainianLetters(c.patronymic);
      [c.region, c.unit] = [this.region(man, list, rng, count), this.unit(man, list, rng, count)];
      c.script = 'ru';
      count('ukrainian_retyped_in_russian');
    } else if (list.script === 'latin' && parent.script !== 'latin') {
      [c.surname, c.given, c.patronymic] = this.latinNames(c.surname, c.given, c.patronymic, list);
      c.region = this.region(man, list, rng, count);
      [c.unit, c.birth] = [toLatin(c.unit, 'passport'), toLatin(c.birth, 'passport')];
      c.script = 'latin';
      count('latin_script');
    }
    const dmy = parseDmy(c.birth);
    if (dmy && list.dateFormat !== 'dmy')
      (c.birth = formatDate(...dmy, list.dateFormat)), count('date_reformatted_on_copy');
    if (!c.region && rng.chance(0.5)) c.region = this.region(man, list, rng, count);
    if (c.unit && !rng.chance(list.spec.unitPresent)) c.unit = '';
    return this.finishNames(c, list, rng, count, 0.5);
  }

  /** Typing into the list, reducing to initials, letter case. */
  private finishNames(c: Cells, list: ListInstance, rng: Rng, count: Count, typoScale: number): Cells {
    const spec = list.spec;
    for (const key of ['surname', 'given', 'patronymic'] as const) {
      if (c[key] && rng.chance(spec.typoRate * typoScale)) {
        const out = keyboardTypo(c[key], rng);
        if (out !== c[key]) (c[key] = out), count('keyboard_typo');
      }
    }
    if (rng.chance(0.003)) (c.surname = homoglyph(c.surname, rng)), count('latin_lookalike_letter');
    if (rng.chance(0.0005)) (c.given = wrongLayout(c.given)), count('typed_in_wrong_layout');
    if (c.patronymic && !rng.chance(spec.patronymic)) c.patronymic = '';
    if (c.script !== 'latin' && rng.chance(spec.initials)) {
      const both = initial(c.given) + initial(c.patronymic);
      if (list.id % 2) [c.given, c.patronymic] = [both, ''];
      else [c.given, c.patronymic] = [initial(c.given), initial(c.patronymic)];
      count('initials_only');
    }
    if (!list.keepYo || rng.chance(0.2))
      for (const key of ['surname', 'given', 'patronymic'] as const) c[key] = stripYo(c[key]);
    if (list.upper === 'all')
      for (const key of ['surname', 'given', 'patronymic'] as const) c[key] = c[key].toUpperCase();
    else if (list.upper === 'surname') c.surname = c.surname.toUpperCase();
    else if (c.surname === c.surname.toUpperCase() && rng.chance(0.6)) {
      for (const key of ['surname', 'given', 'patronymic'] as const)
        if (!c[key].includes('.')) c[key] = titleCase(c[key]);
    }
    if (list.oneNameCell !== 'no' && c.given) {
      const parts =
        list.oneNameCell === 'given_first' ? [c.given, c.patronymic, c.surname] : [c.surname, c.given, c.patronymic];
      [c.surname, c.given, c.patronymic] = [parts.filter(Boolean).join(' '), '', ''];
      count('whole_name_in_one_cell_by_list_habit');
    }
    return c;
  }
}

function weightedRole<T>(roles: [T, number][], rng: Rng): T {
  let x = rng.next() * roles.reduce((sum, [, w]) => sum + w, 0);
  for (const [role, w] of roles) if ((x -= w) < 0) return role;
  return roles[0][0];
}
