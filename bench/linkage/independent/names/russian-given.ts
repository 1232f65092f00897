import { loadNames } from '../reference-data.ts';
import { Weighted } from '../weighted.ts';

// Men's given names by birth cohort. faker's list has no frequencies, so each cohort gets its
// own weights (per mille, approximate), written from general knowledge of Soviet and Russian
// naming fashions and anchored on the published figures in data/names: the Social Fund's shares
// among male pensioners (Владимир 8.9 %, Александр 8.8 %, Сергей 8.1 %, Николай 6.2 %,
// Виктор 4.9 %) set the fathers' cohort, and Nikonov's counts for boys born 1978–81
// (Александр ~119 ‰, Алексей ~111 ‰, Андрей ~74 ‰, Антон ~12 ‰, Василий ~10 ‰…) the 1960–79
// and 1980–94 columns. The rest of faker's list (mostly archaic church names) gets a tiny weight.
//
// Columns: fathers (born before 1960) | 1960–79 | 1980–94 | 1995–2006.
const COHORT_WEIGHTS: Readonly<Record<string, readonly [number, number, number, number]>> = {
  Александр: [88, 100, 115, 85],
  Владимир: [89, 45, 25, 15],
  Сергей: [81, 95, 70, 30],
  Николай: [62, 25, 20, 15],
  Виктор: [49, 25, 10, 5],
  Алексей: [35, 70, 105, 50],
  Андрей: [20, 80, 72, 45],
  Дмитрий: [10, 40, 85, 80],
  Евгений: [25, 40, 55, 30],
  Юрий: [45, 40, 15, 5],
  Игорь: [20, 50, 30, 8],
  Олег: [15, 45, 25, 5],
  Михаил: [35, 30, 35, 45],
  Иван: [40, 10, 30, 60],
  Анатолий: [40, 15, 5, 2],
  Валерий: [35, 20, 8, 2],
  Василий: [45, 10, 10, 5],
  Геннадий: [35, 15, 3, 1],
  Вячеслав: [15, 30, 15, 5],
  Павел: [20, 25, 35, 20],
  Роман: [3, 15, 40, 35],
  Максим: [2, 8, 40, 70],
  Денис: [1, 8, 45, 35],
  Артём: [1, 3, 8, 65],
  Антон: [2, 10, 25, 20],
  Константин: [15, 20, 25, 15],
  Вадим: [5, 15, 8, 10],
  Виталий: [10, 25, 25, 8],
  Илья: [3, 5, 20, 45],
  Кирилл: [1, 2, 15, 50],
  Никита: [1, 2, 10, 60],
  Даниил: [0, 1, 5, 45],
  Данил: [0, 1, 4, 12],
  Данила: [0, 1, 4, 18],
  Егор: [1, 2, 10, 40],
  Владислав: [3, 10, 25, 40],
  Станислав: [8, 12, 15, 8],
  Руслан: [2, 10, 20, 15],
  Тимур: [1, 5, 12, 15],
  Артур: [1, 4, 15, 15],
  Эдуард: [8, 12, 8, 3],
  Григорий: [15, 5, 5, 8],
  Пётр: [25, 8, 5, 5],
  Фёдор: [15, 3, 3, 10],
  Леонид: [20, 8, 4, 4],
  Борис: [20, 8, 3, 3],
  Валентин: [15, 5, 2, 1],
  Аркадий: [8, 3, 1, 1],
  Георгий: [8, 4, 5, 15],
  Степан: [10, 2, 3, 15],
  Семён: [8, 2, 3, 10],
  Ярослав: [1, 2, 5, 20],
  Матвей: [0, 0, 1, 12],
  Тимофей: [1, 0, 2, 15],
  Глеб: [0, 1, 3, 12],
  Богдан: [1, 1, 2, 10],
  Арсений: [0, 0, 2, 10],
  Марк: [0, 0, 1, 6],
  Захар: [1, 0, 1, 8],
  Савелий: [0, 0, 1, 6],
  Макар: [0, 0, 1, 6],
  Лев: [2, 1, 1, 6],
  Яков: [6, 1, 1, 2],
  Ефим: [4, 1, 0, 1],
  Герман: [3, 3, 3, 5],
  Филипп: [2, 1, 3, 8],
  Тарас: [1, 1, 2, 2],
  Родион: [0, 1, 2, 5],
  Ростислав: [1, 1, 2, 4],
  Святослав: [0, 1, 2, 5],
  Иннокентий: [3, 1, 1, 1],
  Афанасий: [3, 0, 0, 1],
  Всеволод: [1, 1, 1, 3],
  Назар: [0, 0, 1, 4],
  Мирон: [0, 0, 1, 4],
  Прохор: [1, 0, 0, 3],
};

// About one man in a thousand has one of faker's rare or archaic names (Авксентий, Гремислав).
const TAIL_WEIGHT = 0.005;

// faker writes Артем, Семен, Федор, Петр; the true name keeps its ё (sources may drop it).
const WITH_YO: Readonly<Record<string, string>> = { Артем: 'Артём', Семен: 'Семён', Федор: 'Фёдор', Петр: 'Пётр' };

export type Cohort = 0 | 1 | 2 | 3;

export function cohortOf(birthYear: number): Cohort {
  if (birthYear < 1960) return 0;
  if (birthYear < 1980) return 1;
  if (birthYear < 1995) return 2;
  return 3;
}

let tables: Weighted<string>[] | undefined;

/** One weighted table per cohort. */
export function russianGivenNames(cohort: Cohort): Weighted<string> {
  if (!tables) {
    const all = new Set(Object.keys(COHORT_WEIGHTS));
    for (const raw of loadNames().givenNames) all.add(WITH_YO[raw] ?? raw);
    tables = ([0, 1, 2, 3] as const).map(
      (c) => new Weighted([...all].map((name) => [name, COHORT_WEIGHTS[name]?.[c] ?? TAIL_WEIGHT] as const)),
    );
  }
  return tables[cohort];
}

/** Whether a name belongs to the Russian list (so a diminutive or English form may apply). */
export function isCommonRussianGiven(name: string): boolean {
  return name in COHORT_WEIGHTS;
}
