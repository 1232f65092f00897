import { readFileSync } from 'node:fs';
import { Rng, Weighted, zipf } from './rng.ts';
import { APPROX_POPULATION_THOUSANDS } from './region-populations.ts';

const dataFile = (p: string) => readFileSync(new URL(`../../../data/${p}`, import.meta.url), 'utf8');
const lines = (p: string) =>
  dataFile(p)
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

/** The classic order of the most common Russian surnames (the CSV is alphabetical, without
 * ranks); the rest of the 250 follow in file order. */
const TOP_SURNAMES = [
  'Смирнов',
  'Иванов',
  'Кузнецов',
  'Соколов',
  'Попов',
  'Лебедев',
  'Козлов',
  'Новиков',
  'Морозов',
  'Петров',
  'Волков',
  'Соловьев',
  'Васильев',
  'Зайцев',
  'Павлов',
  'Семенов',
  'Голубев',
  'Виноградов',
  'Богданов',
  'Воробьев',
  'Федоров',
  'Михайлов',
  'Беляев',
  'Тарасов',
  'Белов',
  'Комаров',
  'Орлов',
  'Киселев',
  'Макаров',
  'Андреев',
  'Ковалев',
  'Ильин',
  'Гусев',
  'Титов',
  'Кузьмин',
  'Кудрявцев',
  'Баранов',
  'Куликов',
  'Алексеев',
  'Степанов',
  'Яковлев',
  'Сорокин',
  'Сергеев',
  'Романов',
  'Захаров',
  'Борисов',
  'Королев',
  'Герасимов',
  'Пономарев',
  'Григорьев',
];

/** Boys' names of the 1975–2003 cohorts, per mille (approximate; Nikonov's 1978–81 figures for
 * Александр ≈ 107–143, Алексей ≈ 94–135, Андрей ≈ 63–84 are in data/names). Every other name of
 * the faker list gets a rare weight, so old names such as Авксентий appear but seldom. */
const GIVEN_PER_MILLE: Record<string, number> = {
  Александр: 110,
  Алексей: 90,
  Сергей: 75,
  Андрей: 70,
  Дмитрий: 70,
  Евгений: 40,
  Максим: 35,
  Денис: 35,
  Иван: 30,
  Владимир: 30,
  Михаил: 30,
  Роман: 30,
  Павел: 30,
  Артём: 25,
  Антон: 25,
  Игорь: 22,
  Николай: 20,
  Виталий: 20,
  Олег: 18,
  Константин: 18,
  Илья: 18,
  Юрий: 15,
  Кирилл: 15,
  Вячеслав: 15,
  Руслан: 14,
  Виктор: 14,
  Никита: 12,
  Владислав: 12,
  Вадим: 10,
  Егор: 10,
  Станислав: 10,
  Василий: 9,
  Валерий: 8,
  Анатолий: 7,
  Тимур: 7,
  Даниил: 7,
  Эдуард: 5,
  Георгий: 5,
  Григорий: 5,
  Геннадий: 4,
  Леонид: 4,
  Борис: 4,
  Ярослав: 4,
  Пётр: 4,
  Фёдор: 3,
  Семён: 3,
  Степан: 3,
  Артур: 3,
  Глеб: 2,
  Арсений: 2,
  Тимофей: 2,
  Марат: 2,
  Матвей: 1,
  Филипп: 1,
  Данила: 1,
};

/** Fathers (born about 1945–1980) had an older name distribution: multiply. */
const FATHER_SHIFT: Record<string, number> = {
  Владимир: 3,
  Николай: 3,
  Виктор: 3,
  Юрий: 3,
  Анатолий: 3,
  Валерий: 3,
  Василий: 2.5,
  Геннадий: 4,
  Иван: 1.5,
  Пётр: 2,
  Леонид: 3,
  Борис: 2,
  Михаил: 1.5,
  Григорий: 2,
  Фёдор: 2,
  Максим: 0.1,
  Денис: 0.2,
  Артём: 0.05,
  Никита: 0.1,
  Кирилл: 0.2,
  Даниил: 0.02,
  Тимур: 0.3,
  Владислав: 0.3,
  Егор: 0.2,
  Руслан: 0.3,
  Антон: 0.3,
  Роман: 0.4,
  Илья: 0.3,
  Ярослав: 0.1,
  Арсений: 0.05,
  Матвей: 0.05,
  Глеб: 0.1,
  Артур: 0.3,
  Тимофей: 0.1,
};

const RARE_GIVEN = 0.05;

export interface Region {
  code: string;
  nameRu: string;
  nameEn: string;
  number: string;
  type: string;
}

export interface Pools {
  surnames: Weighted<string>;
  given: Weighted<string>;
  fathers: Weighted<string>;
  regions: Weighted<Region>;
  regionList: readonly Region[];
}

/** A long tail of rarer surnames: stems of given names and common nouns with the usual
 * suffixes, plus made-up two-syllable stems drawn with a fixed seed (the same tail for every
 * run). Real surnames are very diverse; 250 would make every Ivanov a namesake. */
function tailSurnames(given: readonly string[]): string[] {
  const nouns = [
    'Волк',
    'Медвед',
    'Сокол',
    'Ворон',
    'Лис',
    'Бобр',
    'Галк',
    'Синиц',
    'Щегл',
    'Карас',
    'Щук',
    'Окун',
    'Кузнец',
    'Гончар',
    'Бондар',
    'Пахар',
    'Мельник',
    'Рыбак',
    'Плотник',
    'Сапож',
    'Колес',
    'Дуб',
    'Берез',
    'Лип',
    'Клен',
    'Камен',
    'Гор',
    'Бел',
    'Черн',
    'Сед',
    'Рыж',
    'Мал',
    'Больш',
    'Толст',
    'Тонк',
    'Добр',
    'Хитр',
    'Смел',
    'Тих',
    'Жар',
    'Мороз',
    'Снег',
    'Дожд',
    'Ветр',
    'Лес',
    'Пол',
    'Луг',
    'Рек',
    'Озер',
    'Гриб',
    'Мед',
    'Хлеб',
    'Калач',
    'Пирог',
    'Квас',
  ];
  const stems = [...nouns, ...given.map((g) => g.replace(/[йьаяо]$/, '').replace(/и$/, ''))];
  const suffixes = ['ов', 'ин', 'ский', 'енко', 'ук', 'ников', 'ченко', 'ых', 'анов'];
  const out = new Set<string>();
  const add = (stem: string, suf: string) => out.add(stem + (suf === 'ов' && /[жшчщцй]$/.test(stem) ? 'ев' : suf));
  for (const s of stems) for (const suf of suffixes) add(s, suf);
  const syl = [
    'ба',
    'бо',
    'ве',
    'ви',
    'га',
    'го',
    'да',
    'ду',
    'же',
    'за',
    'зу',
    'ка',
    'ко',
    'ку',
    'ла',
    'ли',
    'ма',
    'ми',
    'на',
    'но',
    'па',
    'по',
    'ра',
    'ро',
    'ру',
    'са',
    'се',
    'та',
    'ту',
    'фе',
    'ха',
    'це',
    'ча',
    'ша',
    'щу',
    'ле',
    'не',
    'ре',
    'те',
    'мо',
    'ло',
    'бе',
    'де',
    'ке',
  ];
  const cons = ['б', 'в', 'г', 'д', 'к', 'л', 'м', 'н', 'п', 'р', 'с', 'т', 'х', 'ш'];
  const rng = new Rng(20240501);
  for (let i = 0; i < 30000; i++) {
    const stem = rng.pick(syl) + rng.pick(syl) + rng.pick(cons);
    add(stem[0].toUpperCase() + stem.slice(1), rng.pick(['ов', 'ов', 'ов', 'ин', 'ин', 'ский', 'енко', 'ук']));
  }
  return [...out];
}

let cached: Pools | null = null;

export function loadPools(): Pools {
  if (cached) return cached;
  const surnameRows = lines('names/surnames.csv')
    .slice(1)
    .map((l) => l.split(',')[0]);
  const common = [...TOP_SURNAMES, ...surnameRows.filter((s) => !TOP_SURNAMES.includes(s))];
  const givenList = [...new Set([...Object.keys(GIVEN_PER_MILLE), ...lines('names/male_first_names.txt')])];
  const tail = tailSurnames(givenList).filter((s) => !common.includes(s));
  // The 250 common surnames carry about a third of people (flattened Zipf); the tail the rest.
  const commonW = zipf(common.length, 1, 10);
  const tailW = zipf(tail.length, 0.6, 5);
  const scale = (ws: number[], total: number) => {
    const s = ws.reduce((a, b) => a + b, 0);
    return ws.map((w) => (w / s) * total);
  };
  const surnames = new Weighted([...common, ...tail], [...scale(commonW, 0.35), ...scale(tailW, 0.65)]);
  // The faker list spells ё as е; our weighted names keep ё, so keep one spelling per name.
  const plain = (s: string) => s.replace(/ё/g, 'е');
  const seen = new Set<string>();
  const gl = givenList.filter((g) => {
    const p = plain(g);
    if (seen.has(p)) return false;
    seen.add(p);
    return true;
  });
  const given = new Weighted(
    gl,
    gl.map((g) => GIVEN_PER_MILLE[g] ?? RARE_GIVEN),
  );
  const fathers = new Weighted(
    gl,
    gl.map((g) => (GIVEN_PER_MILLE[g] ?? RARE_GIVEN * 2) * (FATHER_SHIFT[g] ?? 1)),
  );
  const regionList: Region[] = [];
  const weights: number[] = [];
  for (const l of lines('regions.csv').slice(1)) {
    const f = l.split(',');
    regionList.push({ code: f[0], number: f[1], nameRu: f[4], nameEn: f[5], type: f[6] });
    weights.push(Number(f[10]) || (APPROX_POPULATION_THOUSANDS[f[0]] ?? 500) * 1000);
  }
  cached = { surnames, given, fathers, regions: new Weighted(regionList, weights), regionList };
  return cached;
}
