import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import type { StaffRole } from '../policy/principal.ts';
import type { CLOSE_REASONS } from '../cases/cases.schema.ts';

// The synthetic demo: who exists and what happens to each case. Pure data, so the test can count
// what the demo must produce. Every person, organisation and text is marked ДЕМО / DEMO; names
// are drawn (with a fixed seed, so every demo looks the same) from data/names/.

export const DEMO_MARK = 'ДЕМО';

export const DEMO_ORGANISATIONS = [
  `${DEMO_MARK} (DEMO) Правозащитная группа «Север»`,
  `${DEMO_MARK} (DEMO) Юридическая служба «Юг»`,
] as const;
export const DEMO_STAFF_ROLES: readonly StaffRole[] = ['org_admin', 'caseworker', 'verifier', 'editor'];
export const DEMO_FAMILY_COUNT = 5;

export type Actor = 'family' | 'caseworker' | 'verifier';

export interface DemoEvent {
  kind: string;
  date: string;
  place?: string;
  source: string;
  description?: string;
  /** who adds it; staff add at `level` (default reported) */
  by: Actor;
  level?: 'reported' | 'corroborated' | 'confirmed';
  /** raised afterwards by a staff member */
  raise?: { by: 'caseworker' | 'verifier'; to: 'corroborated' | 'confirmed' };
}

export interface DemoCase {
  org: 0 | 1;
  family: number;
  person: { birth: string; region: string; unitNumber: string; unitName: string; rank: string; category: string };
  relation: string;
  lastContact?: { date: string; means: string };
  narrative: string;
  wants: string;
  events: DemoEvent[];
  assign?: 'caseworker' | 'verifier';
  /** in order; staff messages come from the assignee (or the caseworker) */
  messages: Array<{ from: 'family' | 'staff'; body: string }>;
  notes: string[];
  close?: (typeof CLOSE_REASONS)[number];
  /** a duplicate request about the person of another demo case (its index) */
  samePersonAs?: number;
}

const d = (text: string) => `${DEMO_MARK}. ${text}`;

export const DEMO_CASES: DemoCase[] = [
  {
    org: 0,
    family: 0,
    person: {
      birth: '14.02.1991',
      region: 'RU-SVE',
      unitNumber: '12345',
      unitName: '2-й мотострелковый батальон',
      rank: 'рядовой',
      category: 'mobilised',
    },
    relation: 'mother',
    lastContact: { date: '03.2024', means: 'phone' },
    narrative: d(
      'Сына мобилизовали осенью 2022 года. В марте 2024 он позвонил с чужого телефона и сказал, что их переводят. С тех пор связи нет, в части отвечают, что «всё хорошо».',
    ),
    wants: d('Жив ли он и где находится.'),
    events: [
      {
        kind: 'deployed',
        date: '10.2022',
        source: 'official',
        place: 'Свердловская область',
        by: 'verifier',
        level: 'confirmed',
        description: d('Повестка и справка военкомата.'),
      },
      {
        kind: 'missing',
        date: '04.2024',
        source: 'family',
        by: 'family',
        description: d('Перестал выходить на связь после перевода.'),
        raise: { by: 'caseworker', to: 'corroborated' },
      },
    ],
    assign: 'caseworker',
    messages: [
      {
        from: 'staff',
        body: d('Здравствуйте. Мы приняли ваш запрос. Подскажите, кто ещё из его роты выходил на связь?'),
      },
      { from: 'family', body: d('Жена его сослуживца из Екатеринбурга, она в нашей группе.') },
    ],
    notes: [d('Запросить сведения у группы семей батальона.')],
  },
  {
    org: 0,
    family: 1,
    person: {
      birth: '1998',
      region: 'RU-ROS',
      unitNumber: '54321',
      unitName: '150-я мотострелковая дивизия',
      rank: 'младший сержант',
      category: 'contract',
    },
    relation: 'wife',
    lastContact: { date: '05.06.2024', means: 'messenger' },
    narrative: d('Муж служит по контракту. В июне 2024 в канале противника появилось видео, где он в плену.'),
    wants: d('Включён ли он в списки на обмен.'),
    events: [
      {
        kind: 'captured',
        date: '06.2024',
        source: 'social_media',
        by: 'family',
        description: d('Видео в социальной сети.'),
        raise: { by: 'verifier', to: 'confirmed' },
      },
      {
        kind: 'official_notice',
        date: '08.2024',
        source: 'official',
        by: 'caseworker',
        level: 'corroborated',
        description: d('Извещение: «пропал без вести».'),
      },
    ],
    assign: 'verifier',
    messages: [
      { from: 'staff', body: d('Мы подтвердили видео по второму источнику. Готовим обращение к уполномоченному.') },
      { from: 'family', body: d('Спасибо. Могу ли я подписать обращение сама?') },
      { from: 'staff', body: d('Да, мы пришлём текст на следующей неделе.') },
    ],
    notes: [d('Видео сверено с фотографией из семейного архива.')],
  },
  {
    org: 0,
    family: 2,
    person: {
      birth: '03.1987',
      region: 'RU-BA',
      unitNumber: '67890',
      unitName: 'штурмовая рота',
      rank: 'ефрейтор',
      category: 'mobilised',
    },
    relation: 'sibling',
    lastContact: { date: '15.05.2024', means: 'phone' },
    narrative: d('Брат позвонил 15 мая 2024 года. Потом пришло письмо, что он погиб 2 мая — раньше этого звонка.'),
    wants: d('Где тело и что произошло на самом деле.'),
    events: [
      {
        kind: 'death_confirmed',
        date: '02.05.2024',
        source: 'official',
        by: 'caseworker',
        level: 'corroborated',
        description: d('Извещение о гибели из военкомата.'),
      },
      {
        kind: 'death_reported',
        date: '20.06.2024',
        source: 'witness',
        by: 'family',
        description: d('Сослуживец сказал, что он погиб в июне.'),
      },
    ],
    assign: 'caseworker',
    messages: [
      {
        from: 'staff',
        body: d(
          'Официальная дата гибели противоречит дате последнего звонка. Мы оставили обе версии и готовим запрос.',
        ),
      },
    ],
    notes: [d('Расхождение дат: запросить акт и медицинское свидетельство.')],
  },
  {
    org: 0,
    family: 3,
    person: {
      birth: '1979',
      region: 'RU-NIZ',
      unitNumber: '11111',
      unitName: 'отдельный батальон',
      rank: 'рядовой',
      category: 'volunteer',
    },
    relation: 'partner',
    lastContact: { date: '11.2023', means: 'letter' },
    narrative: d('Попал в плен в конце 2023 года, осенью 2024 вернулся по обмену.'),
    wants: d('Закрыть запрос: он дома.'),
    events: [
      { kind: 'captured', date: '12.2023', source: 'rights_group', by: 'verifier', level: 'confirmed' },
      {
        kind: 'released',
        date: '09.2024',
        source: 'official',
        by: 'verifier',
        level: 'confirmed',
        description: d('Список обмена.'),
      },
      {
        kind: 'returned_home',
        date: '10.2024',
        source: 'family',
        by: 'family',
        raise: { by: 'verifier', to: 'confirmed' },
      },
    ],
    assign: 'verifier',
    messages: [
      { from: 'family', body: d('Он дома! Спасибо вам.') },
      { from: 'staff', body: d('Очень рады. Закрываем запрос.') },
    ],
    notes: [],
    close: 'returned_home',
  },
  {
    org: 1,
    family: 4,
    person: {
      birth: '1990',
      region: 'RU-KDA',
      unitNumber: '',
      unitName: 'штурмовой отряд «Z»',
      rank: '',
      category: 'convict_recruit',
    },
    relation: 'mother',
    lastContact: { date: '01.2025', means: 'through_comrade' },
    narrative: d('Сына завербовали из колонии. Через товарища передали, что он ранен и лежит в госпитале.'),
    wants: d('В каком госпитале он находится.'),
    events: [
      {
        kind: 'wounded',
        date: '01.2025',
        source: 'witness',
        by: 'family',
        description: d('Товарищ по отряду передал через соседку.'),
      },
    ],
    messages: [],
    notes: [],
  },
  {
    org: 1,
    family: 0,
    person: {
      birth: '22.07.2001',
      region: 'RU-VOR',
      unitNumber: '22222',
      unitName: 'танковый полк',
      rank: 'сержант',
      category: 'contract',
    },
    relation: 'mother',
    lastContact: { date: '02.2025', means: 'phone' },
    narrative: d('Сын хочет законно отказаться от дальнейшего участия. Его держат в подвале части.'),
    wants: d('Как законно оформить отказ и добиться освобождения.'),
    events: [
      {
        kind: 'refusal_filed',
        date: '02.2025',
        source: 'family',
        by: 'family',
        description: d('Рапорт подан командиру.'),
        raise: { by: 'caseworker', to: 'corroborated' },
      },
      { kind: 'detained', date: '03.2025', source: 'rights_group', by: 'caseworker', level: 'corroborated' },
    ],
    assign: 'caseworker',
    messages: [
      { from: 'staff', body: d('Юрист свяжется с вами. Сохраните копию рапорта.') },
      { from: 'family', body: d('Копия у меня, фото пришлю.') },
    ],
    notes: [d('Готовим жалобу в военную прокуратуру.')],
  },
  {
    org: 1,
    family: 1,
    person: {
      birth: '1998',
      region: 'RU-ROS',
      unitNumber: '54321',
      unitName: '150-я мотострелковая дивизия',
      rank: 'младший сержант',
      category: 'contract',
    },
    relation: 'wife',
    narrative: d('Повторный запрос о том же человеке, что и в другой организации.'),
    wants: d('То же самое.'),
    events: [],
    messages: [{ from: 'staff', body: d('Этот запрос уже ведёт другая организация; закрываем как дубликат.') }],
    notes: [],
    close: 'duplicate',
    samePersonAs: 1,
  },
];

const dataDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'data', 'names');

/** A small seeded generator (mulberry32): the same demo every time. */
const seeded = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

/** Names for the demo persons from data/names (surname marked ДЕМО so nobody takes it for a real record). */
export const demoNames = (count: number): Array<{ surname: string; given: string; patronymic: string }> => {
  const surnames = (
    parse(fs.readFileSync(path.join(dataDir, 'surnames.csv'), 'utf8'), { columns: true }) as Array<{
      surname_male: string;
    }>
  ).map((r) => r.surname_male);
  const given = (
    parse(fs.readFileSync(path.join(dataDir, 'male_first_name_frequencies.csv'), 'utf8'), { columns: true }) as Array<{
      name: string;
    }>
  ).map((r) => r.name);
  const patronymics = fs
    .readFileSync(path.join(dataDir, 'patronymics_male.txt'), 'utf8')
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);
  const rnd = seeded(20260302);
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  return Array.from({ length: count }, () => ({
    surname: `${pick(surnames)}-${DEMO_MARK}`,
    given: pick(given),
    patronymic: pick(patronymics),
  }));
};

/** Anonymous tips (src/tips/): what a sender writes, and what the organisation does with it. */
export interface DemoTip {
  org: 0 | 1;
  /** the demo case whose person it is about (its names are used), if any */
  aboutCase?: number;
  what: string;
  when?: string;
  place?: string;
  how: 'saw_myself' | 'served_with' | 'from_the_person' | 'from_others' | 'documents' | 'other';
  /** the caseworker answers the sender */
  reply?: string;
  /** the sender comes back and adds this */
  added?: string;
  /** the caseworker attaches it to the case it is about, as this kind of reported event, and closes it */
  attachAs?: string;
}

export const DEMO_TIPS: DemoTip[] = [
  {
    org: 0,
    aboutCase: 0,
    what: d('Видел его в феврале в подвале в Рыльске, с ним было ещё четверо из его роты.'),
    when: '02.2026',
    place: d('Рыльск'),
    how: 'saw_myself',
    reply: d('Спасибо. Если вспомните, в каком здании был подвал, напишите сюда же.'),
    added: d('Здание бывшей школы на окраине, у железной дороги.'),
  },
  {
    org: 0,
    aboutCase: 1,
    what: d('Его фамилия есть в списке раненых, который показывали в госпитале в Ростове.'),
    when: '01.2026',
    place: d('Ростов-на-Дону'),
    how: 'documents',
    attachAs: 'hospitalised',
  },
  { org: 1, what: d('В нашей колонии набирали добровольцев, из наших никто не вернулся.'), how: 'from_others' },
];
