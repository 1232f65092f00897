import { hashKeys } from '../prng.ts';
import { loadNames } from '../reference-data.ts';
import { Weighted } from '../weighted.ts';

// Russian surnames come from six groups whose mix depends on the region. faker's 250 are the
// classic "most common" list; alone they would make Russian namesakes far denser than in
// life, so a long tail of surname types written here is added: surnames formed from church
// given names, descriptive and trade surnames, Ukrainian (-енко, -ук) and Belarusian (-вич)
// surnames, common in the south and the Far East, and the Siberian and Ural -ых/-их.

// The head of the frequency list (Unbegaun's and Zhuravlev's counts, in their order), with ё
// where the surname has it; faker's list gives them alphabetically and without ё.
const TOP_RANKED = [
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
  'Соловьёв',
  'Васильев',
  'Зайцев',
  'Павлов',
  'Семёнов',
  'Голубев',
  'Виноградов',
  'Богданов',
  'Воробьёв',
  'Фёдоров',
  'Михайлов',
  'Беляев',
  'Тарасов',
  'Белов',
  'Комаров',
  'Орлов',
  'Киселёв',
  'Макаров',
  'Андреев',
  'Ковалёв',
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
  'Королёв',
  'Герасимов',
  'Пономарёв',
  'Григорьев',
];
// biome-ignore format: a word list
const YO_FORMS: Readonly<Record<string, string>> = Object.fromEntries(
  ['Соловьёв', 'Семёнов', 'Воробьёв', 'Фёдоров', 'Киселёв', 'Ковалёв', 'Королёв', 'Пономарёв', 'Журавлёв',
   'Селезнёв', 'Лихачёв', 'Горбачёв', 'Бобылёв', 'Муравьёв', 'Фомичёв', 'Кошелёв', 'Аксёнов', 'Артёмьев']
    .map((yo) => [yo.replace(/ё/g, 'е'), yo]),
);

// biome-ignore format: a word list
const DESCRIPTIVE = [
  'Гончаров', 'Плотников', 'Столяров', 'Пастухов', 'Скворцов', 'Сомов', 'Щеглов', 'Чижов', 'Снегирёв', 'Грачёв',
  'Уткин', 'Курочкин', 'Гусаков', 'Лосев', 'Медведков', 'Зверев', 'Волчков', 'Лисицын', 'Ежов', 'Карасёв',
  'Окунев', 'Налимов', 'Пчёлкин', 'Шмелёв', 'Кротов', 'Барсуков', 'Хомяков', 'Козырев', 'Телегин', 'Колесов',
  'Дегтярёв', 'Кожевников', 'Сапожников', 'Портнов', 'Ткачёв', 'Рыбин', 'Калачёв', 'Пирогов', 'Караваев', 'Кашин',
  'Квасов', 'Солодов', 'Хлебников', 'Овсянников', 'Горохов', 'Репин', 'Луков', 'Чесноков', 'Огурцов', 'Грибов',
  'Ягодин', 'Малинин', 'Берёзин', 'Дубов', 'Дубинин', 'Соснин', 'Ёлкин', 'Травин', 'Ястребов', 'Коршунов',
  'Кречетов', 'Воронин', 'Синицын', 'Чайкин', 'Цаплин', 'Курицын', 'Рыжов', 'Рыжков', 'Краснов', 'Серов',
  'Седов', 'Сизов', 'Лысов', 'Кудрин', 'Курносов', 'Губин', 'Зубов', 'Головин', 'Головкин', 'Бородин',
  'Усов', 'Ушаков', 'Глазов', 'Хромов', 'Кривцов', 'Косов', 'Левшин', 'Малышев', 'Толстов', 'Худяков',
  'Весёлкин', 'Бойцов', 'Храбров', 'Буянов', 'Шумилов', 'Бурлаков', 'Татаринов', 'Мордвинов', 'Литвинов', 'Немцов',
  'Греков', 'Черкасов', 'Калмыков', 'Башкиров', 'Карелин', 'Вологдин', 'Пермяков', 'Вяткин', 'Устюжанин', 'Сибиряков',
  'Москвин', 'Казанцев', 'Смольянинов', 'Новгородцев', 'Костромин', 'Рязанцев', 'Тулупов', 'Ярославцев', 'Шапошников', 'Бочаров',
  'Гребенщиков', 'Извозчиков', 'Ямщиков', 'Кучеров', 'Мельников', 'Пивоваров', 'Рыбаков', 'Скоробогатов', 'Трубников', 'Шестопалов',
  'Кривошеев', 'Белобородов', 'Чернышёв', 'Чернышов', 'Беспалов', 'Безруков', 'Толоконников', 'Кулешов', 'Бахметьев', 'Мамаев',
  'Преображенский', 'Успенский', 'Воскресенский', 'Вознесенский', 'Покровский', 'Рождественский', 'Никольский', 'Троицкий',
  'Архангельский', 'Знаменский', 'Спасский', 'Введенский', 'Ковальский', 'Вишневский', 'Соболевский', 'Жуковский',
  'Островский', 'Каменский', 'Полянский', 'Высоцкий', 'Новицкий', 'Садовский', 'Дубровский', 'Яворский', 'Левицкий', 'Заречный',
];

// biome-ignore format: a word list
const UKRAINIAN = [
  'Шевченко', 'Бондаренко', 'Коваленко', 'Ткаченко', 'Кравченко', 'Олейник', 'Мельник', 'Коваль', 'Бойко', 'Ткачук',
  'Савченко', 'Руденко', 'Марченко', 'Лысенко', 'Петренко', 'Клименко', 'Павленко', 'Кузьменко', 'Левченко', 'Гончаренко',
  'Зинченко', 'Приходько', 'Кириченко', 'Мороз', 'Ковальчук', 'Полищук', 'Савчук', 'Бондарчук', 'Сидоренко', 'Яковенко',
  'Демченко', 'Литвиненко', 'Гриценко', 'Дорошенко', 'Литвин', 'Мазур', 'Кучер', 'Гончарук', 'Романюк', 'Мельничук',
  'Кравчук', 'Левчук', 'Лещенко', 'Онищенко', 'Карпенко', 'Назаренко', 'Пономаренко', 'Василенко', 'Захарченко', 'Костенко',
  'Осипенко', 'Шевчук', 'Головко', 'Нестеренко', 'Гайдук', 'Бабенко', 'Федоренко', 'Тарасенко', 'Семенченко', 'Гордиенко',
];
// biome-ignore format: a word list
const BELARUSIAN = [
  'Лукашевич', 'Ярошевич', 'Станкевич', 'Юркевич', 'Гуринович', 'Бабич', 'Мартинович', 'Кулешевич', 'Романович', 'Шинкевич',
  'Климович', 'Радкевич', 'Жданович', 'Казакевич', 'Дашкевич', 'Сенкевич', 'Карпович', 'Левкович', 'Рудкевич', 'Богданович',
];
// biome-ignore format: a word list
const SIBERIAN_YKH = [
  'Черных', 'Белых', 'Седых', 'Толстых', 'Долгих', 'Красных', 'Рыжих', 'Косых', 'Кривых', 'Глухих',
  'Сухих', 'Широких', 'Русских', 'Хромых', 'Гладких', 'Золотых', 'Молодых', 'Старых', 'Тонких', 'Мягких',
];

// Given names that never made surnames (Soviet coinages, neo-Slavic revivals, foreign names).
// biome-ignore format: a word list
const NOT_SURNAME_SOURCES = new Set([
  'Гостомысл', 'Добромысл', 'Любосмысл', 'Владилен', 'Владлен', 'Всемил', 'Гремислав', 'Творимир', 'Твердислав', 'Лучезар',
  'Светозар', 'Ратибор', 'Остромир', 'Вышеслав', 'Будимир', 'Велимир', 'Милован', 'Мир', 'Спартак', 'Ким', 'Мстислав',
  'Изяслав', 'Святополк', 'Ярополк', 'Сигизмунд', 'Эммануил', 'Эраст', 'Эрнест', 'Эрнст', 'Карл', 'Мечислав', 'Чеслав',
  'Болеслав', 'Бронислав', 'Вацлав', 'Казимир', 'Станимир', 'Радован', 'Боян', 'Стоян', 'Милен', 'Милан', 'Любомир',
  'Ладимир', 'Ладислав', 'Доброслав', 'Радислав', 'Борислав', 'Всеслав', 'Мирослав', 'Ратмир', 'Аскольд', 'Рюрик', 'Якуб',
  'Ян', 'Мариан', 'Флорентин', 'Фортунат', 'Максимильян', 'Сократ', 'Аполлон', 'Рубен', 'Эмиль', 'Ювеналий', 'Януарий',
  'Эдуард', 'Артур', 'Феликс', 'Тимур', 'Руслан', 'Вадим', 'Олег', 'Игорь', 'Денис', 'Герман', 'Глеб', 'Спиридон',
]);
// Nor did the Slavic names in -слав and -мир (Ярославцев exists, Ярославов does not).
const NOT_SURNAME_ENDINGS = /(слав|мир|полк)$/;

const IRREGULAR_SURNAMES: Readonly<Record<string, string>> = {
  Лев: 'Львов',
  Павел: 'Павлов',
  Петр: 'Петров',
  Михаил: 'Михайлов',
  Яков: 'Яковлев',
};

/** Aким → Акимов, Авдей → Авдеев, Аркадий → Аркадьев, Никита → Никитин, Илья → Ильин. */
export function surnameFromGivenName(name: string): string | null {
  if (IRREGULAR_SURNAMES[name]) return IRREGULAR_SURNAMES[name];
  if (/[оеиуюэ]$/.test(name) || name.length < 3) return null;
  // Two consonants before -ий keep the и: Дмитриев, Георгиев; otherwise Юрьев, Васильев.
  if (/ий$/.test(name)) {
    const lower = name.toLowerCase();
    const twoConsonants = /[^аеиоуыэюяй]{2}ий$/.test(lower) && !/нтий$/.test(lower);
    return `${name.slice(0, -2)}${twoConsonants ? 'иев' : 'ьев'}`;
  }
  if (/[ея]й$/.test(name)) return `${name.slice(0, -1)}ев`;
  if (/ай$/.test(name)) return `${name.slice(0, -1)}ев`;
  if (/ья$/.test(name)) return `${name.slice(0, -2)}ьин`;
  if (/[ая]$/.test(name)) return `${name.slice(0, -1)}ин`;
  if (/ь$/.test(name)) return `${name.slice(0, -1)}ев`;
  if (/[жшчщц]$/.test(name)) return `${name}ев`;
  return `${name}ов`;
}

export type SurnameGroup = 'common' | 'fromGiven' | 'descriptive' | 'ukrainian' | 'belarusian' | 'siberian';

// A mild spread of weights inside each tail group, fixed by the word itself (not by list order).
const tailWeight = (word: string): number => {
  const codes = [...word].map((c) => c.charCodeAt(0));
  return 0.15 + (hashKeys(codes) % 1000) / 1000;
};

let groups: Map<SurnameGroup, Weighted<string>> | undefined;

export function russianSurnames(group: SurnameGroup): Weighted<string> {
  if (!groups) {
    const { surnames, givenNames } = loadNames();
    const common = surnames.map((s) => YO_FORMS[s] ?? s);
    const topRank = new Map(TOP_RANKED.map((s, i) => [s, i]));
    // Head of the list ~1/rank; the rest of faker's 250 share a flat, lower weight.
    const commonWeighted = common.map((s) => [s, topRank.has(s) ? 6 / (topRank.get(s)! + 2) : 0.12] as const);
    const plain = (s: string): string => s.replace(/ё/g, 'е');
    const taken = new Set<string>([...common, ...DESCRIPTIVE, ...UKRAINIAN, ...BELARUSIAN, ...SIBERIAN_YKH].map(plain));
    const fromGiven = new Set<string>();
    for (const g of givenNames) {
      if (NOT_SURNAME_SOURCES.has(g) || NOT_SURNAME_ENDINGS.test(g)) continue;
      const s = surnameFromGivenName(g);
      if (s && !taken.has(plain(s))) fromGiven.add(s);
    }
    const tail = (words: Iterable<string>) => new Weighted([...words].map((w) => [w, tailWeight(w)] as const));
    groups = new Map<SurnameGroup, Weighted<string>>([
      ['common', new Weighted(commonWeighted)],
      ['fromGiven', tail(fromGiven)],
      ['descriptive', tail(DESCRIPTIVE)],
      ['ukrainian', tail(UKRAINIAN)],
      ['belarusian', tail(BELARUSIAN)],
      ['siberian', tail(SIBERIAN_YKH)],
    ]);
  }
  return groups.get(group)!;
}

const SOUTH = new Set([
  'RU-KDA',
  'RU-ROS',
  'RU-BEL',
  'RU-KRS',
  'RU-VOR',
  'RU-STA',
  'UA-43',
  'UA-40',
  'RU-PRI',
  'RU-AMU',
]);
const SIBERIA_URAL = new Set([
  'RU-SVE',
  'RU-CHE',
  'RU-KGN',
  'RU-TYU',
  'RU-OMS',
  'RU-NVS',
  'RU-TOM',
  'RU-KEM',
  'RU-ALT',
]);
const WEST = new Set(['RU-SMO', 'RU-BRY', 'RU-PSK', 'RU-KGD']);

/** Which kind of surname a Russian man from this region has: Ukrainian names in the south… */
export function surnameGroupWeights(regionIso: string): Weighted<SurnameGroup> {
  const ukrainian = SOUTH.has(regionIso) ? 0.18 : 0.05;
  const siberian = SIBERIA_URAL.has(regionIso) || regionIso === 'RU-VOR' ? 0.04 : 0.008;
  const belarusian = WEST.has(regionIso) ? 0.05 : 0.01;
  return new Weighted<SurnameGroup>([
    ['common', 0.45],
    ['fromGiven', 0.12],
    ['descriptive', 0.43 - ukrainian - siberian - belarusian],
    ['ukrainian', ukrainian],
    ['belarusian', belarusian],
    ['siberian', siberian],
  ]);
}
