// Name sampling: surnames, given names by birth cohort, fathers' names, patronymics, diminutives.
import { readFileSync } from 'node:fs';
import { patronymicOf } from './morph.ts';
import {
  ETHNIC_DIMINUTIVES,
  type Eth,
  type PatStyle,
  POOLS,
  RU_GIVEN_BY_DECADE,
  RU_SURNAME_EXTRA,
  RU_SURNAME_RANK,
  RU_SURNAME_ROOTS,
  RU_SURNAME_SUFFIXES,
  UKR_SURNAMES,
} from './pools.ts';
import { type Rng, Weighted } from './prng.ts';
import { readCsv } from './regions.ts';

const dataPath = (f: string): string => new URL(`./data/${f}`, import.meta.url).pathname;

export interface NameBank {
  surname(eth: Eth, rng: Rng): string;
  given(eth: Eth, birthYear: number, rng: Rng): string;
  father(eth: Eth, sonBirthYear: number, rng: Rng): string;
  patStyle(eth: Eth, rng: Rng): PatStyle;
  jan1(eth: Eth): number;
  diminutives(given: string): string[];
  /** The distinct Russian surnames available (for reporting). */
  ruSurnameCount: number;
}

function synthSurnames(): string[] {
  const out = new Set<string>();
  for (const root of RU_SURNAME_ROOTS) {
    for (const [suf] of RU_SURNAME_SUFFIXES) {
      let r = root;
      let s = suf;
      const last = r[r.length - 1];
      if (s === 'ов' && 'жшчщцй'.includes(last)) s = 'ев';
      if (last === 'ь' || last === 'й') r = r.slice(0, -1);
      if ((s === 'кин' || s === 'ук') && (last === 'к' || last === 'ч')) s = 'ин';
      if (s === 'ых' && !'дтрнлвм'.includes(last)) s = 'ов';
      if (s === '' && 'аеиоуыэюя'.includes(last)) continue;
      out.add(r + s);
    }
  }
  return [...out];
}

export function buildNameBank(): NameBank {
  // faker's 250 core surnames: ranked ones first, the rest (alphabetical) after; normalise ё forms
  const faker = readCsv(dataPath('surnames.csv')).map((r) => r.surname_male);
  const rankedPlain = new Set(RU_SURNAME_RANK.map((s) => s.replace(/ё/g, 'е')));
  const core = [...RU_SURNAME_RANK, ...faker.filter((s) => !rankedPlain.has(s))];
  const coreW = Weighted.zipf(core, 0.8, 6);
  const extraW = Weighted.zipf(RU_SURNAME_EXTRA, 0.4, 5);
  const synth = synthSurnames();
  const synthW = Weighted.zipf(synth, 0.3, 10);
  const ukrW = Weighted.zipf(UKR_SURNAMES, 0.6, 4);

  // Russian given names: cohort lists (Zipf) plus faker's long tail of rare/archaic names at a small share.
  const fakerGiven = readFileSync(dataPath('male_first_names.txt'), 'utf8')
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) =>
      s === 'Петр' ? 'Пётр' : s === 'Семен' ? 'Семён' : s === 'Федор' ? 'Фёдор' : s === 'Артем' ? 'Артём' : s,
    );
  const tailW = Weighted.zipf(fakerGiven, 0, 1);
  const byDecade = new Map<number, Weighted<string>>();
  for (const [dec, list] of Object.entries(RU_GIVEN_BY_DECADE)) {
    byDecade.set(Number(dec), Weighted.zipf([...new Set(list)], 1.0, 3));
  }
  const decadeOf = (y: number): number => Math.min(2000, Math.max(1930, Math.floor(y / 10) * 10));
  const ruGiven = (y: number, rng: Rng): string => {
    if (rng.chance(0.003)) return tailW.sample(rng);
    // blend with the neighbouring decade for smooth change
    const d = decadeOf(y + rng.range(-4, 4));
    return (byDecade.get(d) ?? byDecade.get(1980)!).sample(rng);
  };

  const pools = new Map<
    Eth,
    { sur: Weighted<string>; giv: Weighted<string>; fat: Weighted<string>; pat: Weighted<PatStyle> }
  >();
  for (const [eth, spec] of Object.entries(POOLS) as [Eth, (typeof POOLS)[keyof typeof POOLS]][]) {
    pools.set(eth, {
      sur: Weighted.zipf(spec.surnames, spec.surnameS, spec.surnameOffset ?? 3),
      giv: Weighted.zipf([...new Set(spec.given)], spec.givenS, spec.givenOffset ?? 2),
      fat: Weighted.zipf([...new Set(spec.fathers)], 0.8, 1),
      pat: Weighted.of(spec.patStyle),
    });
  }

  const dimRows = readCsv(dataPath('diminutives.csv')).filter((r) => r.gender === 'm');
  const dims = new Map<string, string[]>();
  for (const r of dimRows) {
    const l = dims.get(r.full_name) ?? [];
    l.push(r.diminutive);
    dims.set(r.full_name, l);
  }
  for (const [k, v] of Object.entries(ETHNIC_DIMINUTIVES)) dims.set(k, [...(dims.get(k) ?? []), ...v]);

  return {
    ruSurnameCount: core.length + RU_SURNAME_EXTRA.length + synth.length,
    surname(eth, rng) {
      if (eth === 'ru') {
        const x = rng.next();
        if (x < 0.52) return coreW.sample(rng);
        if (x < 0.78) return extraW.sample(rng);
        if (x < 0.83) return ukrW.sample(rng);
        return synthW.sample(rng);
      }
      if (eth === 'ukr') return ukrW.sample(rng);
      return pools.get(eth)!.sur.sample(rng);
    },
    given(eth, y, rng) {
      if (eth === 'ru' || eth === 'ukr') return ruGiven(y, rng);
      const spec = POOLS[eth];
      if (rng.chance(spec.russianGiven)) return ruGiven(y, rng);
      return pools.get(eth)!.giv.sample(rng);
    },
    father(eth, y, rng) {
      const fy = y - rng.range(21, 36);
      if (eth === 'ru' || eth === 'ukr') return ruGiven(fy, rng);
      const spec = POOLS[eth];
      if (rng.chance(spec.russianFather)) return ruGiven(fy, rng);
      return pools.get(eth)!.fat.sample(rng);
    },
    patStyle(eth, rng) {
      if (eth === 'ru' || eth === 'ukr') return 'ru';
      return pools.get(eth)!.pat.sample(rng);
    },
    jan1(eth) {
      if (eth === 'ru' || eth === 'ukr') return 0.002;
      return POOLS[eth].jan1;
    },
    diminutives(given) {
      return dims.get(given) ?? [];
    },
  };
}

export function patronymicFor(style: PatStyle, father: string): string {
  if (style === 'ugli') return `${father} угли`;
  if (style === 'ogly') return `${father} оглы`;
  if (style === 'none' || style === 'uulu') return '';
  return patronymicOf(father);
}
