// Regions of origin: population (data/regions.csv) × an own estimate of how over-represented each
// region is among the killed/missing (poor and ethnic republics far above, Moscow and St Petersburg
// far below), the ethnic mix of the men each region sends, and the many ways a region gets written.

import { readFileSync } from 'node:fs';
import type { Rng } from './rng.ts';
import { Weighted } from './rng.ts';

const DATA = new URL('./data/', import.meta.url); // frozen copies of the project's data/

export interface Region {
  code: string;
  nameRu: string;
  nameEn: string;
  type: string;
  population: number;
  factor: number;
  /** [pool id, share]; the rest is Russian */
  mix: Weighted<string>;
  /** ways to write the region in Cyrillic (official first) */
  ru: string[];
  towns: Weighted<Town> | null;
  areas: string[];
}

export interface Town {
  name: string;
  area: string;
  population: number;
}

/** Parses one CSV line (the data files quote fields with commas). */
const parseCsvLine = (line: string): string[] => {
  const out: string[] = [];
  let cur = '';
  let q = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (q) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') q = false;
      else cur += c;
    } else if (c === '"') q = true;
    else if (c === ',') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
};

/** Deaths per capita relative to the national mean (own estimate from the shape of public counts). */
// biome-ignore format: hand-aligned table
const FACTOR: Record<string, number> = {
  '01': 1.0, '02': 1.7, '03': 3.2, '04': 3.0, '05': 1.1, '06': 0.4, '07': 0.7, '08': 1.6, '09': 0.9, '10': 1.3,
  '11': 1.4, '12': 1.5, '13': 1.1, '14': 1.3, '15': 1.6, '16': 1.0, '17': 4.0, '18': 1.5, '19': 1.5, '20': 0.35,
  '21': 1.3, '22': 1.5, '23': 1.1, '24': 1.4, '25': 1.4, '26': 1.0, '27': 1.3, '28': 1.5, '29': 1.4, '30': 1.2,
  '31': 0.9, '32': 1.1, '33': 1.0, '34': 1.4, '35': 1.4, '36': 0.9, '37': 1.3, '38': 1.7, '39': 1.0, '40': 0.9,
  '41': 1.3, '42': 1.4, '43': 1.5, '44': 1.6, '45': 1.8, '46': 0.9, '47': 0.7, '48': 0.9, '49': 1.2, '50': 0.45,
  '51': 1.3, '52': 0.9, '53': 1.3, '54': 1.1, '55': 1.3, '56': 1.7, '57': 1.1, '58': 1.1, '59': 1.5, '60': 2.0,
  '61': 0.9, '62': 1.1, '63': 1.0, '64': 1.2, '65': 1.4, '66': 1.35, '67': 1.1, '68': 1.0, '69': 1.1, '70': 1.2,
  '71': 0.9, '72': 1.1, '73': 1.2, '74': 1.5, '75': 2.5, '76': 0.9, '77': 0.12, '78': 0.3, '79': 1.6, '83': 1.8,
  '86': 0.9, '87': 1.5, '89': 1.0, '91': 0.8, '92': 1.2,
};

/** Minorities present almost everywhere (shares of the region's men). */
const DEFAULT_MIX: Record<string, number> = {
  ukrainian: 0.03,
  tatar: 0.015,
  azerbaijani: 0.004,
  armenian: 0.004,
  kazakh: 0.002,
  central_asian: 0.002,
  dagestani: 0.002,
  chuvash: 0.003,
};

const MIX: Record<string, Record<string, number>> = {
  '01': { circassian: 0.25, armenian: 0.03, ukrainian: 0.04 },
  '02': { bashkir: 0.35, tatar: 0.25, chuvash: 0.03 },
  '03': { buryat: 0.5 },
  '04': { altai: 0.4, kazakh: 0.04 },
  '05': { dagestani: 0.96, azerbaijani: 0.01, chechen: 0.01, ukrainian: 0, tatar: 0 },
  '06': { ingush: 0.93, chechen: 0.05, ukrainian: 0, tatar: 0 },
  '07': { circassian: 0.78, ossetian: 0.01, ukrainian: 0.01 },
  '08': { kalmyk: 0.6, dagestani: 0.02, kazakh: 0.02, chechen: 0.01 },
  '09': { circassian: 0.6, ossetian: 0.01 },
  '12': { chuvash: 0.05, tatar: 0.06 },
  '13': { tatar: 0.05 },
  '14': { yakut: 0.55 },
  '15': { ossetian: 0.7, ingush: 0.03, armenian: 0.02 },
  '16': { tatar: 0.5, chuvash: 0.03 },
  '17': { tuvan: 0.88, ukrainian: 0.005, tatar: 0.005 },
  '18': { tatar: 0.06 },
  '19': { khakas: 0.15 },
  '20': { chechen: 0.97, dagestani: 0.01, ingush: 0.01, ukrainian: 0, tatar: 0 },
  '21': { chuvash: 0.68, tatar: 0.03 },
  '22': { kazakh: 0.01 },
  '23': { ukrainian: 0.09, armenian: 0.05 },
  '26': { armenian: 0.05, dagestani: 0.03, circassian: 0.01, chechen: 0.01 },
  '30': { kazakh: 0.15, tatar: 0.07, dagestani: 0.02, azerbaijani: 0.01 },
  '31': { ukrainian: 0.08 },
  '38': { buryat: 0.03, tatar: 0.02 },
  '46': { ukrainian: 0.05 },
  '55': { kazakh: 0.04, tatar: 0.02 },
  '56': { tatar: 0.08, kazakh: 0.06, bashkir: 0.03 },
  '58': { tatar: 0.06 },
  '59': { tatar: 0.05, bashkir: 0.01 },
  '61': { ukrainian: 0.06, armenian: 0.03 },
  '63': { tatar: 0.05, chuvash: 0.03 },
  '64': { kazakh: 0.03, tatar: 0.02 },
  '66': { tatar: 0.05, bashkir: 0.01 },
  '72': { tatar: 0.07, kazakh: 0.01 },
  '73': { tatar: 0.1, chuvash: 0.06 },
  '74': { tatar: 0.06, bashkir: 0.05, kazakh: 0.01 },
  '75': { buryat: 0.07 },
  '77': { armenian: 0.01, azerbaijani: 0.01, tatar: 0.02, central_asian: 0.01, dagestani: 0.01 },
  '86': { tatar: 0.07, dagestani: 0.03, azerbaijani: 0.02, ukrainian: 0.04, bashkir: 0.02, chechen: 0.01 },
  '89': { tatar: 0.05, dagestani: 0.03, azerbaijani: 0.02, ukrainian: 0.05, bashkir: 0.02 },
  '91': { ukrainian: 0.15, tatar: 0.03 },
  '92': { ukrainian: 0.14 },
};

/** Short and colloquial names (besides those built by rule from the official name). */
const EXTRA_RU: Record<string, string[]> = {
  '01': ['Республика Адыгея', 'Адыгея', 'Респ. Адыгея'],
  '02': ['Башкортостан', 'Башкирия', 'Респ. Башкортостан', 'РБ', 'Башкортостан Респ.'],
  '03': ['Бурятия', 'Респ. Бурятия', 'Бурятия Респ.', 'РБ'],
  '04': ['Республика Алтай', 'Горный Алтай', 'Респ. Алтай', 'Алтай'],
  '05': ['Дагестан', 'Респ. Дагестан', 'РД'],
  '06': ['Ингушетия', 'Респ. Ингушетия', 'РИ'],
  '07': ['Кабардино-Балкария', 'КБР', 'Кабардино-Балкарская Респ.'],
  '08': ['Калмыкия', 'Респ. Калмыкия', 'РК'],
  '09': ['Карачаево-Черкесия', 'КЧР', 'Карачаево-Черкесская Респ.'],
  '10': ['Карелия', 'Респ. Карелия'],
  '11': ['Коми', 'Респ. Коми', 'РК'],
  '12': ['Марий Эл', 'Респ. Марий Эл', 'РМЭ'],
  '13': ['Мордовия', 'Респ. Мордовия', 'РМ'],
  '14': ['Якутия', 'Саха (Якутия)', 'Республика Саха', 'РС(Я)', 'Респ. Саха (Якутия)'],
  '15': ['Северная Осетия', 'Северная Осетия — Алания', 'РСО-Алания', 'Осетия', 'Республика Северная Осетия-Алания'],
  '16': ['Татарстан', 'Республика Татарстан', 'Респ. Татарстан', 'РТ'],
  '17': ['Тыва', 'Тува', 'Респ. Тыва', 'Республика Тува', 'РТ'],
  '18': ['Удмуртия', 'Удмуртская Респ.', 'УР'],
  '19': ['Хакасия', 'Респ. Хакасия', 'РХ'],
  '20': ['Чечня', 'Чеченская Респ.', 'ЧР', 'ЧР'],
  '21': ['Чувашия', 'Чувашская Республика', 'Чувашская Респ.', 'ЧР'],
  '22': ['Алтайский кр.', 'Алтайский'],
  '23': ['Краснодарский кр.', 'Кубань', 'Краснодарский'],
  '25': ['Приморье', 'Приморский кр.'],
  '42': ['Кемеровская обл.', 'Кузбасс', 'Кемеровская область'],
  '47': ['Ленинградская обл.', 'Ленобласть', 'ЛО'],
  '50': ['Московская обл.', 'Подмосковье', 'МО'],
  '66': ['Свердловская обл.', 'Свердл. обл.', 'Свердловская'],
  '74': ['Челябинская обл.', 'Челяб. обл.', 'Челябинская'],
  '75': ['Забайкалье', 'Забайкальский кр.', 'Забайк. край'],
  '77': ['Москва', 'г. Москва', 'г.Москва', 'Мск'],
  '78': ['Санкт-Петербург', 'г. Санкт-Петербург', 'СПб', 'Петербург', 'С.-Петербург'],
  '79': ['ЕАО', 'Еврейская АО'],
  '83': ['НАО', 'Ненецкий АО'],
  '86': ['ХМАО', 'ХМАО-Югра', 'Югра', 'Ханты-Мансийский АО'],
  '87': ['Чукотка', 'ЧАО', 'Чукотский АО'],
  '89': ['ЯНАО', 'Ямал', 'Ямало-Ненецкий АО'],
  '91': ['Крым', 'Республика Крым', 'Респ. Крым', 'РК'],
  '92': ['Севастополь', 'г. Севастополь'],
};

const ruForms = (code: string, nameRu: string): string[] => {
  const official = nameRu.replace(/\s*\([^)]*\)\s*$/, '').trim();
  const forms = [nameRu];
  if (official !== nameRu) forms.push(official);
  let m = /^(.*) область$/.exec(official);
  if (m) forms.push(`${m[1]} обл.`, `${m[1]} обл`, m[1]);
  m = /^(.*) край$/.exec(official);
  if (m) forms.push(`${m[1]} кр.`, m[1]);
  m = /^(.*) область — .*$/.exec(official);
  if (m) forms.push(`${m[1]} область`, `${m[1]} обл.`);
  for (const f of EXTRA_RU[code] ?? []) if (!forms.includes(f)) forms.push(f);
  return forms;
};

const loadTowns = (): Map<string, Town[]> => {
  const by = new Map<string, Town[]>();
  const lines = readFileSync(new URL('towns.csv', DATA), 'utf8').split(/\r?\n/).slice(1);
  for (const line of lines) {
    if (!line.trim()) continue;
    const [code, name, area, pop] = parseCsvLine(line);
    const list = by.get(code) ?? [];
    list.push({ name, area, population: Number(pop) || 5000 });
    by.set(code, list);
  }
  return by;
};

export const loadRegions = (): Region[] => {
  const towns = loadTowns();
  const lines = readFileSync(new URL('regions.csv', DATA), 'utf8').split(/\r?\n/);
  const header = parseCsvLine(lines[0]);
  const col = (name: string) => header.indexOf(name);
  const out: Region[] = [];
  for (const line of lines.slice(1)) {
    if (!line.trim()) continue;
    const f = parseCsvLine(line);
    const code = f[col('region_code')];
    const mixShares: Record<string, number> = { ...DEFAULT_MIX, ...(MIX[code] ?? {}) };
    const ids = Object.keys(mixShares).filter((k) => mixShares[k] > 0);
    const minority = ids.reduce((a, k) => a + mixShares[k], 0);
    const t = towns.get(code) ?? [];
    out.push({
      code,
      nameRu: f[col('name_ru')],
      nameEn: f[col('name_en')],
      type: f[col('type_en')],
      population: Number(f[col('population_census_2021')]),
      factor: FACTOR[code] ?? 1,
      mix: new Weighted(['russian', ...ids], [Math.max(0, 1 - minority), ...ids.map((k) => mixShares[k])]),
      ru: ruForms(code, f[col('name_ru')]),
      towns: t.length
        ? new Weighted(
            t,
            t.map((x) => x.population ** 0.85),
          )
        : null,
      areas: [...new Set(t.map((x) => x.area).filter((a) => a !== ''))],
    });
  }
  return out;
};

/** Where men who moved away live (Moscow and the oil okrugs draw most). */
export const residencePicker = (regions: Region[]): ((rng: Rng, from: Region) => Region) => {
  const byCode = new Map(regions.map((r) => [r.code, r]));
  const hubs = new Weighted(
    ['77', '50', '78', '86', '89', '72', '23', '66', '54'].map((c) => byCode.get(c)!),
    [18, 14, 10, 10, 6, 5, 7, 4, 3],
  );
  const anyByPop = new Weighted(
    regions,
    regions.map((r) => r.population),
  );
  return (rng, from) => {
    for (let i = 0; i < 5; i++) {
      const r = rng.chance(0.67) ? hubs.sample(rng) : anyByPop.sample(rng);
      if (r !== from) return r;
    }
    return byCode.get(from.code === '77' ? '50' : '77')!;
  };
};
