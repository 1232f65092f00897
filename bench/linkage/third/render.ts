// One record = one source's view of one man: which fields it holds and how it writes them.

import type { DateStyle } from './noise.ts';
import {
  digitTypo,
  dropYo,
  femininePatronymic,
  feminineSurname,
  formatDate,
  formatYearOnly,
  initial,
  swapYI,
  typo,
  variantSpelling,
} from './noise.ts';
import { diminutivesOf } from './pools.ts';
import type { Region, Town } from './regions.ts';
import type { Rng } from './rng.ts';
import type { TranslitSystem } from './translit.ts';
import { givenToUa, latinDrift, patronymicToUa, romanise, SYSTEM_WEIGHTS, surnameToUa } from './translit.ts';
import type { UnitStyle } from './units.ts';
import { renderUnitLatin, renderUnitRu } from './units.ts';
import type { Fate, Person } from './world.ts';

export type Source =
  | 'family_request'
  | 'obituary'
  | 'rights_group'
  | 'exchange_list'
  | 'official_letter'
  | 'comrade_tip';

export const SOURCE_BY_FATE: Record<Fate, [Source, number][]> = {
  dead: [
    ['obituary', 42],
    ['family_request', 16],
    ['rights_group', 16],
    ['official_letter', 10],
    ['comrade_tip', 10],
    ['exchange_list', 6],
  ],
  missing: [
    ['family_request', 38],
    ['rights_group', 25],
    ['comrade_tip', 14],
    ['official_letter', 10],
    ['obituary', 6],
    ['exchange_list', 7],
  ],
  captured: [
    ['exchange_list', 42],
    ['family_request', 24],
    ['rights_group', 20],
    ['official_letter', 8],
    ['comrade_tip', 6],
  ],
  other: [
    ['family_request', 35],
    ['rights_group', 35],
    ['official_letter', 18],
    ['comrade_tip', 12],
  ],
};

interface Profile {
  pat: number; // patronymic present
  dob: number; // any birth date present
  dobFull: number; // of those, a full date (else year only)
  region: number;
  unit: number;
  typo: number; // per name field
  upperSurname: number;
  upperAll: number;
  lower: number;
  dimin: number;
  swap: number;
  fullInSurname: number;
  initials: number;
  yo: number; // keeps ё
  noSurname: number;
  regionCode: number; // weight of writing the region as its code
  dateStyles: [DateStyle, number][];
  unitStyles: [UnitStyle, number][];
}

// biome-ignore format: hand-aligned table
export const PROFILES: Record<Source, Profile> = {
  family_request: {
    pat: 0.88, dob: 0.85, dobFull: 0.88, region: 0.85, unit: 0.82, typo: 0.025, upperSurname: 0.05, upperAll: 0.01,
    lower: 0.01, dimin: 0.02, swap: 0.015, fullInSurname: 0.015, initials: 0.01, yo: 0.25, noSurname: 0,
    regionCode: 1,
    dateStyles: [['dmy', 72], ['dmyLoose', 5], ['dmyShort', 4], ['words', 12], ['wordsG', 4], ['iso', 3]],
    unitStyles: [['vch', 50], ['short', 18], ['full', 8], ['combined', 12], ['bare', 7], ['colloquial', 5]],
  },
  obituary: {
    pat: 0.3, dob: 0.38, dobFull: 0.35, region: 0.9, unit: 0.38, typo: 0.025, upperSurname: 0.03, upperAll: 0.02,
    lower: 0.005, dimin: 0.05, swap: 0.02, fullInSurname: 0.05, initials: 0.01, yo: 0.3, noSurname: 0,
    regionCode: 0,
    dateStyles: [['words', 40], ['wordsG', 10], ['dmy', 50]],
    unitStyles: [['vch', 12], ['short', 35], ['full', 30], ['combined', 5], ['colloquial', 18]],
  },
  rights_group: {
    pat: 0.6, dob: 0.5, dobFull: 0.7, region: 0.8, unit: 0.6, typo: 0.04, upperSurname: 0.3, upperAll: 0.2,
    lower: 0, dimin: 0.01, swap: 0.03, fullInSurname: 0.06, initials: 0.14, yo: 0.1, noSurname: 0, regionCode: 8,
    dateStyles: [['dmy', 50], ['iso', 28], ['slash', 12], ['usSlash', 4], ['dmyShort', 6]],
    unitStyles: [['vch', 35], ['short', 38], ['full', 4], ['combined', 10], ['bare', 10], ['colloquial', 3]],
  },
  exchange_list: {
    pat: 0.85, dob: 0.85, dobFull: 0.93, region: 0.3, unit: 0.6, typo: 0.045, upperSurname: 0.35, upperAll: 0.08,
    lower: 0, dimin: 0.005, swap: 0.04, fullInSurname: 0.03, initials: 0.02, yo: 0.05, noSurname: 0, regionCode: 0,
    dateStyles: [['dmy', 70], ['iso', 15], ['slash', 10], ['dmyShort', 5]],
    unitStyles: [['vch', 50], ['short', 40], ['full', 10]],
  },
  official_letter: {
    pat: 0.97, dob: 0.93, dobFull: 0.97, region: 0.55, unit: 0.92, typo: 0.008, upperSurname: 0.15, upperAll: 0.05,
    lower: 0, dimin: 0, swap: 0.005, fullInSurname: 0.005, initials: 0.03, yo: 0.3, noSurname: 0, regionCode: 0,
    dateStyles: [['dmy', 88], ['dmyG', 12]],
    unitStyles: [['vchOfficial', 85], ['vch', 15]],
  },
  comrade_tip: {
    pat: 0.08, dob: 0.06, dobFull: 0.3, region: 0.5, unit: 0.68, typo: 0.06, upperSurname: 0.02, upperAll: 0.01,
    lower: 0.12, dimin: 0.35, swap: 0.03, fullInSurname: 0.05, initials: 0.01, yo: 0.2, noSurname: 0.04,
    regionCode: 0,
    dateStyles: [['dmy', 60], ['words', 30], ['dmyShort', 10]],
    unitStyles: [['colloquial', 40], ['short', 35], ['vch', 25]],
  },
};

const ETHNIC_SWAP_BOOST: Record<string, number> = { tuvan: 3, buryat: 2, kalmyk: 2, yakut: 1.5, central_asian: 2 };

const patronymicText = (p: Person, rng: Rng): string => {
  switch (p.pool.patronymic) {
    case 'caucasus':
      return rng.chance(0.3) ? p.father : p.patronymic;
    case 'oglu': {
      const r = rng.next();
      if (r < 0.45) return `${p.father} оглы`;
      if (r < 0.5) return `${p.father}-оглы`;
      return p.patronymic;
    }
    case 'uulu': {
      const r = rng.next();
      if (r < 0.25) return `${p.father} уулу`;
      if (r < 0.4) return `${p.father} угли`;
      if (r < 0.5) return p.father;
      return p.patronymic;
    }
    default:
      return p.patronymic;
  }
};

const upper = (s: string) => s.toUpperCase();
const capitalise = (s: string) => s.replace(/(^|[\s-])([a-zа-яё])/g, (_m, a: string, b: string) => a + b.toUpperCase());

// --- region ----------------------------------------------------------------------------------

const regionRu = (reg: Region, town: Town | null, area: string | null, prof: Profile, rng: Rng): string => {
  const opts: [() => string, number][] = [
    [() => reg.ru[0], 22],
    [() => rng.pick(reg.ru.length > 1 ? reg.ru.slice(1) : reg.ru), 34],
  ];
  if (town) {
    opts.push([() => `г. ${town.name}`, 12], [() => town.name, 6], [() => `г.${town.name}`, 2]);
    if (reg.type !== 'federal city') {
      opts.push([() => `${rng.pick(reg.ru)}, г. ${town.name}`, 6], [() => `${rng.pick(reg.ru)}, ${town.name}`, 3]);
    }
  }
  if (area) {
    opts.push([() => `${area} район`, 3], [() => `${area} р-н`, 2], [() => `${rng.pick(reg.ru)}, ${area} р-н`, 2]);
  }
  if (prof.regionCode > 0) opts.push([() => (rng.chance(0.9) ? reg.code : `${reg.code} регион`), prof.regionCode]);
  return rng.pickW(opts)();
};

const regionLatin = (reg: Region, town: Town | null, sys: TranslitSystem, rng: Rng): string => {
  const stripped = reg.nameEn
    .replace(/^Republic of /, '')
    .replace(/ Republic$/, '')
    .replace(/ (Oblast|Krai|Autonomous Okrug|Autonomous Oblast)\b.*$/, '');
  const opts: [() => string, number][] = [
    [() => reg.nameEn, 40],
    [() => stripped, 25],
    [() => (/Oblast|Krai/.test(reg.nameEn) ? `${stripped} region` : stripped), 10],
    [() => romanise(rng.pick(reg.ru), sys, 'other', rng), 15],
  ];
  if (town) opts.push([() => romanise(town.name, sys, 'other', rng), 10]);
  return rng.pickW(opts)();
};

// --- record ----------------------------------------------------------------------------------

export const renderRecord = (p: Person, rng: Rng): string[] => {
  const source = rng.pickW(SOURCE_BY_FATE[p.fate]);
  const prof = PROFILES[source];
  const script: 'ru' | 'latin' | 'ua' =
    source === 'exchange_list'
      ? rng.pickW([
          ['latin', 72],
          ['ua', 12],
          ['ru', 16],
        ])
      : 'ru';
  const ethnic = p.pool.id !== 'russian' && p.pool.id !== 'ukrainian';

  // Names.
  let surname = p.surname;
  let given = p.given;
  if (rng.chance(prof.dimin)) {
    const d = diminutivesOf.get(given);
    if (d) given = rng.pick(d);
  }
  const variantRate = ethnic ? 0.12 : 0.012;
  if (rng.chance(variantRate)) surname = variantSpelling(surname, rng, ethnic);
  if (rng.chance(variantRate)) given = variantSpelling(given, rng, ethnic);
  let pat = '';
  const patProb = prof.pat * (p.pool.patronymic === 'caucasus' ? 0.65 : 1);
  if (p.patronymic && rng.chance(patProb)) pat = patronymicText(p, rng);
  if (rng.chance(0.004)) surname = feminineSurname(surname);
  if (pat && rng.chance(0.002)) pat = femininePatronymic(pat);
  if (!rng.chance(prof.yo)) {
    surname = dropYo(surname);
    given = dropYo(given);
    pat = dropYo(pat);
  }
  if (rng.chance(0.01)) given = swapYI(given);
  if (pat && rng.chance(0.01)) pat = swapYI(pat);

  let sys: TranslitSystem = 'bgn';
  if (script === 'latin') {
    sys = rng.pickW(SYSTEM_WEIGHTS);
    const drift = (s: string) => latinDrift(s, rng);
    surname = drift(romanise(surname, sys, 'surname', rng));
    given = drift(romanise(given, sys, 'given', rng));
    pat = drift(romanise(pat, sys, 'patronymic', rng, p.father));
  } else if (script === 'ua') {
    surname = surnameToUa(surname);
    given = givenToUa(given);
    if (/(вич|ич)$/.test(pat)) pat = patronymicToUa(p.father);
    else pat = surnameToUa(pat);
  }
  if (rng.chance(prof.typo * (surname.length > 8 ? 1.3 : 1))) surname = typo(surname, rng);
  if (rng.chance(prof.typo)) given = typo(given, rng);
  if (pat && rng.chance(prof.typo)) pat = typo(pat, rng);

  // Structure: everything in the surname field, initials, swapped fields.
  const r = rng.next();
  if (r < prof.fullInSurname) {
    const form = rng.pickW([
      [[surname, given, pat], 60],
      [[given, surname], 20],
      [[surname, given], 15],
      [[surname, `${initial(given)}${pat ? initial(pat) : ''}`], 5],
    ] as [string[], number][]);
    surname = form.filter((x) => x !== '').join(' ');
    given = '';
    pat = '';
  } else if (r < prof.fullInSurname + prof.initials) {
    const k = rng.next();
    if (k < 0.4) {
      given = initial(given);
      pat = initial(pat);
    } else if (k < 0.7) {
      given = `${initial(given)}${initial(pat)}`;
      pat = '';
    } else if (k < 0.85) pat = initial(pat);
    else {
      given = initial(given);
      pat = '';
    }
  }
  if (given && rng.chance(prof.swap * (ETHNIC_SWAP_BOOST[p.pool.id] ?? 1))) [surname, given] = [given, surname];
  if (rng.chance(prof.noSurname)) surname = '';

  // Letter case.
  const c = rng.next();
  const upSurname = script === 'latin' ? 0.45 : prof.upperSurname;
  if (c < prof.upperAll) {
    surname = upper(surname);
    given = upper(given);
    pat = upper(pat);
  } else if (c < prof.upperAll + upSurname) surname = upper(surname);
  else if (c < prof.upperAll + upSurname + prof.lower) {
    surname = surname.toLowerCase();
    given = given.toLowerCase();
    pat = pat.toLowerCase();
  } else if (script === 'latin' && rng.chance(0.05)) surname = capitalise(surname.toLowerCase());
  if (rng.chance(0.008)) surname = `${surname} `;
  if (rng.chance(0.004)) given = ` ${given}`;

  // Birth date.
  let dob = '';
  if (rng.chance(prof.dob)) {
    let y = p.by;
    let m = p.bm;
    let d = p.bd;
    if (rng.chance(prof.dobFull)) {
      if (rng.chance(0.02)) y += rng.chance(0.5) ? 1 : -1;
      if (d <= 12 && rng.chance(0.03)) [d, m] = [m, d];
      const styles =
        script === 'ru'
          ? prof.dateStyles
          : ([
              ['dmy', 70],
              ['iso', 15],
              ['slash', 10],
              ['dmyShort', 5],
            ] as [DateStyle, number][]);
      dob = formatDate(y, m, d, rng.pickW(styles));
      if (rng.chance(0.015)) dob = digitTypo(dob, rng);
    } else {
      // Year only — often computed from an age in a post, so sometimes one off.
      if (rng.chance(source === 'obituary' || source === 'comrade_tip' ? 0.2 : 0.05)) y += rng.chance(0.7) ? -1 : 1;
      if (script !== 'ru') dob = String(y);
      else if (rng.chance(0.07)) dob = `${m < 10 ? '0' : ''}${m}.${y}`;
      else dob = formatYearOnly(y, rng);
    }
  }

  // Region: mostly where he was born, for men who moved sometimes where he lived.
  let region = '';
  if (rng.chance(prof.region)) {
    const useRes = p.residence !== null && rng.chance(0.45);
    const reg = useRes ? p.residence! : p.region;
    const town = useRes ? (reg.towns && rng.chance(0.5) ? reg.towns.sample(rng) : null) : p.town;
    const area = useRes ? null : p.area;
    if (script === 'latin') region = regionLatin(reg, town, sys, rng);
    else {
      region = regionRu(reg, town, area, prof, rng);
      if (script === 'ua') region = surnameToUa(region);
    }
    if (rng.chance(0.02)) region = typo(region, rng);
    if (c < prof.upperAll && rng.chance(0.5)) region = upper(region);
    else if (source === 'comrade_tip' && rng.chance(0.15)) region = region.toLowerCase();
  }

  // Unit: a man who changed units shows one or the other.
  let unit = '';
  if (rng.chance(prof.unit)) {
    const u = p.units.length > 1 && rng.chance(0.5) ? p.units[1] : p.units[0];
    unit = script === 'latin' ? renderUnitLatin(u, rng) : renderUnitRu(u, rng.pickW(prof.unitStyles), rng);
    if (rng.chance(0.02) && /\d{5}/.test(unit)) unit = digitTypo(unit, rng);
  }

  return [source, surname, given, pat, dob, region, unit];
};
