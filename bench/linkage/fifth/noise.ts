// Transcription noise: typing slips, OCR confusions of photographed paper, look-alike Latin letters,
// spelling by ear, and the legitimate spelling variants of non-Russian names.
import type { Eth } from './pools.ts';
import type { Rng } from './prng.ts';

const ROWS = ['йцукенгшщзхъ', 'фывапролджэ', 'ячсмитьбю'];
const NEIGH = new Map<string, string>();
for (let r = 0; r < ROWS.length; r++) {
  for (let i = 0; i < ROWS[r].length; i++) {
    let n = '';
    if (i > 0) n += ROWS[r][i - 1];
    if (i + 1 < ROWS[r].length) n += ROWS[r][i + 1];
    if (r > 0 && ROWS[r - 1][i]) n += ROWS[r - 1][i];
    if (r + 1 < ROWS.length && ROWS[r + 1][i]) n += ROWS[r + 1][i];
    NEIGH.set(ROWS[r][i], n);
  }
}
NEIGH.set('ё', 'е');
const LAT_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
for (let r = 0; r < LAT_ROWS.length; r++) {
  for (let i = 0; i < LAT_ROWS[r].length; i++) {
    let n = '';
    if (i > 0) n += LAT_ROWS[r][i - 1];
    if (i + 1 < LAT_ROWS[r].length) n += LAT_ROWS[r][i + 1];
    NEIGH.set(LAT_ROWS[r][i], n);
  }
}

const isLetter = (ch: string): boolean => /[а-яёa-z]/i.test(ch);

function withCase(src: string, repl: string): string {
  return src !== src.toLowerCase() ? repl.toUpperCase() : repl;
}

/** One keyboard slip: neighbour key, dropped letter, doubled letter or swapped pair. */
export function typo(s: string, rng: Rng): string {
  const idx: number[] = [];
  for (let i = 0; i < s.length; i++) if (isLetter(s[i])) idx.push(i);
  if (idx.length < 3) return s;
  // first letter is rarely mistyped
  const i = idx[1 + rng.int(idx.length - 1)];
  const ch = s[i];
  const op = rng.int(20);
  if (op < 9) {
    const n = NEIGH.get(ch.toLowerCase());
    if (!n) return s;
    return s.slice(0, i) + withCase(ch, n[rng.int(n.length)]) + s.slice(i + 1);
  }
  if (op < 13) return s.slice(0, i) + s.slice(i + 1);
  if (op < 16) return s.slice(0, i) + ch + s.slice(i);
  if (i + 1 < s.length && isLetter(s[i + 1])) return s.slice(0, i) + s[i + 1] + ch + s.slice(i + 2);
  return s.slice(0, i) + s.slice(i + 1);
}

const OCR: Record<string, string> = {
  и: 'нпй',
  н: 'ип',
  п: 'ни',
  ш: 'щи',
  щ: 'ш',
  ц: 'щ',
  л: 'пд',
  е: 'сё',
  ё: 'е',
  о: 'а0',
  а: 'о',
  в: 'бз',
  б: '6в',
  з: '3э',
  э: 'з',
  ь: 'ъб',
  ы: 'ь',
  т: 'г',
  г: 'т',
  й: 'и',
  к: 'х',
  х: 'к',
  д: 'л',
  с: 'е',
  у: 'ч',
  ч: 'у4',
  м: 'л',
  И: 'НП',
  Н: 'И',
  П: 'Н',
  Ш: 'Щ',
  Щ: 'Ш',
  Е: 'С',
  О: '0',
  З: '3',
  Б: '6',
  Л: 'П',
  Д: 'Л',
  Ц: 'Щ',
  Й: 'И',
  Ё: 'Е',
  '0': 'О8',
  '3': '8',
  '8': '3',
  '1': '7',
  '7': '1',
  '5': '6',
  '6': '5',
  '9': '0',
};

/** Letter confusions of OCR or of reading a photographed handwritten list, at a per-character rate. */
export function ocr(s: string, rng: Rng, rate: number): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    const c = OCR[ch];
    if (c && rng.chance(rate)) out += c[rng.int(c.length)];
    else out += ch;
  }
  // a lost or split letter now and then
  if (s.length > 4 && rng.chance(rate * 3)) {
    const i = 1 + rng.int(s.length - 2);
    out = s[i] === 'ы' ? `${out.slice(0, i)}ьі${out.slice(i + 1)}` : out.slice(0, i) + out.slice(i + 1);
  }
  return out;
}

const HOMO: Record<string, string> = {
  а: 'a',
  е: 'e',
  о: 'o',
  р: 'p',
  с: 'c',
  х: 'x',
  у: 'y',
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  Х: 'X',
};

/** One Cyrillic letter replaced by the Latin letter that looks the same (mixed-script text from copy-paste). */
export function homoglyph(s: string, rng: Rng): string {
  const idx: number[] = [];
  for (let i = 0; i < s.length; i++) if (HOMO[s[i]]) idx.push(i);
  if (idx.length === 0) return s;
  const i = rng.pick(idx);
  return s.slice(0, i) + HOMO[s[i]] + s.slice(i + 1);
}

const PHONETIC: [RegExp, string][] = [
  [/(?<=[бвгдзклмнпрстфхцчшщ])о(?=[бвгдзклмнпрстфхцчшщ][аеиоуыя])/, 'а'],
  [/(?<=[бвгдзклмнпрстфхцчшщ])а(?=[бвгдзклмнпрстфхцчшщ][аеиоуыя])/, 'о'],
  [/(?<=[бвгдзклмнпрстфхцчшщ])е(?=[бвгдзклмнпрстфхцчшщ])/, 'и'],
  [/(?<=[бвгдзклмнпрстфхцчшщ])и(?=[бвгдзклмнпрстфхцчшщ])/, 'е'],
  [/лл/, 'л'],
  [/нн/, 'н'],
  [/сс/, 'с'],
  [/тс/, 'ц'],
  [/ьев$/, 'ев'],
  [/ьёв$/, 'ев'],
  [/(?<=[жшч])ё/, 'о'],
  [/(?<=[жшч])е(?=в)/, 'о'],
  [/д$/, 'т'],
  [/б$/, 'п'],
  [/г$/, 'к'],
  [/щ/, 'ш'],
  [/(?<=[аеоу])й(?=[аеоу])/, ''],
];

/** One spelling-by-ear change (unstressed vowels, double consonants, devoiced endings). Keeps the first letter. */
export function phonetic(s: string, rng: Rng): string {
  if (s.length < 4) return s;
  const head = s[0];
  const tail = s.slice(1);
  const cands = PHONETIC.filter(([re]) => re.test(tail));
  if (cands.length === 0) return s;
  const [re, rep] = rng.pick(cands);
  return head + tail.replace(re, rep);
}

const PAT_SPELL: [RegExp, string][] = [
  [/еевич$/, 'евич'],
  [/еевич$/, 'еивич'],
  [/ьевич$/, 'иевич'],
  [/иевич$/, 'ьевич'],
  [/ович$/, 'овичь'],
  [/славович$/, 'славич'],
  [/ндрович$/, 'ндрыч'],
  [/левич$/, 'льевич'],
  [/льевич$/, 'левич'],
];

/** A patronymic as people misspell it or say it: "Сергевич", "Валериевич", "Вячеславич". */
export function patronymicSpelling(p: string, rng: Rng): string {
  const cands = PAT_SPELL.filter(([re]) => re.test(p));
  if (cands.length === 0) return p;
  const [re, rep] = rng.pick(cands);
  return p.replace(re, rep);
}

const VARIANTS: Partial<Record<Eth | 'all', [RegExp, string][]>> = {
  dag: [
    [/Абдулл/, 'Абдул'],
    [/Абдул(?!л)/, 'Абдулл'],
    [/^Гадж/, 'Хадж'],
    [/^Гас/, 'Хас'],
    [/^Гус/, 'Хус'],
    [/Магомед/, 'Магомет'],
    [/Магомед/, 'Мухаммед'],
    [/^Магомед(?=[а-я])/, 'Магомед-'],
    [/улаев$/, 'уллаев'],
    [/уллаев$/, 'улаев'],
    [/Меджид/, 'Маджид'],
  ],
  vain: [
    [/Магомадов/, 'Магамадов'],
    [/Ахмадов/, 'Ахмедов'],
    [/^Хасан/, 'Гасан'],
    [/Межидов/, 'Меджидов'],
    [/Магомед/, 'Мохмад'],
    [/-(?=[А-Я])/, ''],
    [/([а-я])([А-Я])/, '$1-$2'],
    [/Абдул-/, 'Абдул'],
  ],
  tat: [
    [/улл/, 'ул'],
    [/уллин$/, 'улин'],
    [/Мухамет/, 'Мухамед'],
    [/Мухамед/, 'Мухамет'],
    [/итович$/, 'идович'],
    [/идович$/, 'итович'],
    [/Рустам/, 'Рустем'],
    [/Ринат/, 'Ренат'],
    [/левич$/, 'льевич'],
    [/Фарит/, 'Фарид'],
    [/Рашит/, 'Рашид'],
    [/Гайн/, 'Гаин'],
  ],
  bash: [
    [/улл/, 'ул'],
    [/Рустем/, 'Рустам'],
    [/Мухамет/, 'Мухамед'],
    [/итович$/, 'идович'],
    [/левич$/, 'льевич'],
    [/утдин/, 'утдинов'],
    [/ьянов$/, 'янов'],
  ],
  bur: [
    [/э/, 'е'],
    [/Э/, 'Е'],
    [/ыд/, 'ыт'],
    [/Доржиев/, 'Доржеев'],
    [/ж/, 'дж'],
    [/Цыр/, 'Цир'],
    [/Тумэн|Тумен/, 'Тумун'],
    [/Бато(?=[а-я])/, 'Бата'],
  ],
  tuv: [
    [/оо/, 'о'],
    [/уу/, 'у'],
    [/-оол/, '-Оол'],
    [/-оол/, 'оол'],
    [/-оол/, ' оол'],
    [/Тюлюш/, 'Тулуш'],
    [/ы/, 'и'],
    [/Монгуш/, 'Монгущ'],
  ],
  yak: [
    [/Нь/, 'Н'],
    [/ьу/, 'ю'],
    [/Дь/, 'Д'],
    [/аа/, 'а'],
    [/ээ/, 'э'],
  ],
  kalm: [
    [/дж/, 'ж'],
    [/Церен/, 'Цэрэн'],
    [/Баатр/, 'Батр'],
    [/Санджи/, 'Санжи'],
  ],
  circ: [
    [/Мухамед/, 'Мухаммед'],
    [/хъ/, 'х'],
    [/Тх/, 'Т'],
    [/ж/, 'дж'],
  ],
  oss: [
    [/Дз/, 'З'],
    [/Дж/, 'Дз'],
    [/Цх/, 'Ц'],
  ],
  kaz: [
    [/Бауржан/, 'Бауыржан'],
    [/ж/, 'дж'],
    [/Нурмухамбет/, 'Нурмухамет'],
    [/ылы/, 'ыли'],
  ],
  uzb: [
    [/мон/, 'ман'],
    [/ё/, 'я'],
    [/^Ж/, 'Дж'],
    [/Усмонов/, 'Усманов'],
    [/хмон/, 'хман'],
    [/ угли$/, 'угли'],
    [/ угли$/, ' оглы'],
    [/ угли$/, ' уғли'],
    [/Исмоил/, 'Исмаил'],
    [/Шерзод/, 'Шерзот'],
  ],
  taj: [
    [/зода$/, 'заде'],
    [/зода$/, 'зоде'],
    [/лло/, 'лла'],
    [/ё/, 'е'],
    [/^Дж/, 'Ж'],
    [/Рахмон/, 'Рахман'],
    [/ед$/, 'ид'],
  ],
  kyr: [
    [/ уулу/, ' улу'],
    [/ уулу/, 'уулу'],
    [/ээ/, 'е'],
    [/Ч/, 'Ш'],
  ],
  arm: [
    [/Акопян/, 'Акобян'],
    [/Оганесян/, 'Ованесян'],
    [/Оганесян/, 'Оганисян'],
    [/Мкртчян/, 'Мкртычян'],
    [/Арутюнян/, 'Арутюнов'],
    [/Хачатрян/, 'Хачатурян'],
    [/Айк/, 'Гайк'],
    [/Мгер/, 'Мхер'],
    [/ян$/, 'ьян'],
  ],
  aze: [
    [/Мамедов/, 'Мамадов'],
    [/Гусейнов/, 'Гусеинов'],
    [/Гулиев/, 'Кулиев'],
    [/Кулиев/, 'Гулиев'],
    [/ оглы$/, ' оглу'],
    [/ оглы$/, 'оглы'],
    [/Рзаев/, 'Рза'],
    [/Эльвин/, 'Елвин'],
  ],
  ru: [
    [/Кирилл/, 'Кирил'],
    [/ьев$/, 'ев'],
    [/Дьяч/, 'Дяч'],
    [/Аксёнов/, 'Аксенов'],
    [/^Дань/, 'Дан'],
    [/Данила/, 'Данил'],
    [/Данила/, 'Даниил'],
    [/Даниил/, 'Данила'],
    [/Семёнов/, 'Семенов'],
  ],
  ukr: [
    [/енко$/, 'енков'],
    [/ь$/, ''],
    [/ий$/, 'ой'],
    [/^Ткач/, 'Ткачь'],
  ],
};

/** One legitimate spelling variant of a non-Russian (or Russian) name, as different documents spell it. */
export function variant(s: string, eth: Eth, rng: Rng): string {
  const rules = VARIANTS[eth] ?? [];
  const cands = rules.filter(([re]) => re.test(s));
  if (cands.length === 0) return s;
  const [re, rep] = rng.pick(cands);
  return s.replace(re, rep);
}

/** Stray whitespace of spreadsheets: double spaces, trailing space, non-breaking space. */
export function spaces(s: string, rng: Rng): string {
  const x = rng.int(4);
  if (x === 0) return `${s} `;
  if (x === 1) return ` ${s}`;
  if (x === 2 && s.includes(' ')) return s.replace(' ', '  ');
  if (s.includes(' ')) return s.replace(' ', '\u00a0');
  return `${s}  `;
}
