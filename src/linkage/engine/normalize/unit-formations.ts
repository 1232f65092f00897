// Formation types: the canonical Russian abbreviation, the abbreviations people write in
// Russian and Latin, and the word stems of the full Russian and English names. "Отдельная" /
// "separate" and "гвардейская" / "Guards" are dropped: all brigades are "separate" and the
// honorific is often omitted, so keeping them would only split one unit into several keys.
export interface FormationType {
  canonical: string;
  abbrs: readonly string[];
  stems: ReadonlyArray<readonly string[]>;
}

export const FORMATION_TYPES: readonly FormationType[] = [
  {
    canonical: 'омсбр',
    abbrs: ['омсбр', 'мсбр', 'омсб', 'omsbr', 'msbr', 'mrb', 'mrbr', 'omrb'],
    stems: [
      ['мотострелк', 'бригад'],
      ['motor', 'rifle', 'brigade'],
      ['motorized', 'rifle', 'brigade'],
      ['motorised', 'rifle', 'brigade'],
      // The two mountain brigades (34th, 55th) are motor rifle brigades "(горная)".
      ['горн', 'бригад'],
      ['mountain', 'brigade'],
    ],
  },
  {
    canonical: 'мсд',
    abbrs: ['мсд', 'msd', 'mrd'],
    stems: [
      ['мотострелк', 'дивизи'],
      ['motor', 'rifle', 'division'],
      ['motorized', 'rifle', 'division'],
      ['motorised', 'rifle', 'division'],
    ],
  },
  {
    canonical: 'мсп',
    abbrs: ['мсп', 'омсп', 'msp', 'omsp', 'mrr'],
    stems: [
      ['мотострелк', 'полк'],
      ['motor', 'rifle', 'regiment'],
      ['motorized', 'rifle', 'regiment'],
      ['motorised', 'rifle', 'regiment'],
    ],
  },
  {
    canonical: 'мсб',
    abbrs: ['мсб', 'msb', 'mrbn'],
    stems: [
      ['мотострелк', 'батальон'],
      ['motor', 'rifle', 'battalion'],
      ['motorized', 'rifle', 'battalion'],
    ],
  },
  {
    canonical: 'ошб',
    abbrs: ['ошб', 'шб', 'oshb'],
    stems: [
      ['штурмов', 'батальон'],
      ['assault', 'battalion'],
    ],
  },
  {
    canonical: 'орб',
    abbrs: ['орб', 'орвб', 'orb'],
    stems: [
      ['разведыв', 'батальон'],
      ['reconnaissance', 'battalion'],
    ],
  },
  {
    canonical: 'отб',
    abbrs: ['отб', 'тб', 'otb'],
    stems: [
      ['танков', 'батальон'],
      ['tank', 'battalion'],
    ],
  },
  {
    canonical: 'отбр',
    abbrs: ['отбр', 'тбр', 'otbr', 'tbr'],
    stems: [
      ['танк', 'бригад'],
      ['tank', 'brigade'],
      ['armored', 'brigade'],
      ['armoured', 'brigade'],
    ],
  },
  {
    canonical: 'тд',
    abbrs: ['тд', 'td'],
    stems: [
      ['танк', 'дивизи'],
      ['tank', 'division'],
      ['armored', 'division'],
      ['armoured', 'division'],
    ],
  },
  {
    canonical: 'тп',
    abbrs: ['тп', 'tp'],
    stems: [
      ['танк', 'полк'],
      ['tank', 'regiment'],
    ],
  },
  {
    canonical: 'одшбр',
    abbrs: ['одшбр', 'дшбр', 'odshbr', 'dshbr'],
    stems: [
      ['десантно', 'штурм', 'бригад'],
      ['air', 'assault', 'brigade'],
    ],
  },
  // The assault brigades formed since 2023 ("1-я отдельная штурмовая бригада", "11 ошбр"); after
  // the air-assault ones, whose full name also holds "штурмовая бригада".
  {
    canonical: 'ошбр',
    abbrs: ['ошбр', 'oshbr'],
    stems: [
      ['штурм', 'бригад'],
      ['assault', 'brigade'],
    ],
  },
  {
    canonical: 'дшд',
    abbrs: ['дшд', 'dshd'],
    stems: [
      ['десантно', 'штурм', 'дивизи'],
      ['air', 'assault', 'division'],
    ],
  },
  {
    canonical: 'дшп',
    abbrs: ['дшп', 'dshp'],
    stems: [
      ['десантно', 'штурм', 'полк'],
      ['air', 'assault', 'regiment'],
    ],
  },
  {
    canonical: 'вдд',
    abbrs: ['вдд', 'vdd'],
    stems: [
      ['воздушно', 'десант', 'дивизи'],
      ['airborne', 'division'],
    ],
  },
  {
    canonical: 'пдп',
    abbrs: ['пдп', 'pdp'],
    stems: [
      ['парашютно', 'десант', 'полк'],
      ['parachute', 'regiment'],
      ['airborne', 'regiment'],
    ],
  },
  {
    canonical: 'обрспн',
    abbrs: ['обрспн', 'брспн', 'обр спн', 'obrspn', 'brspn'],
    stems: [
      ['бригад', 'специальн', 'назначени'],
      ['бригад', 'спецназ'],
      ['spetsnaz', 'brigade'],
      ['special', 'purpose', 'brigade'],
      ['special', 'forces', 'brigade'],
    ],
  },
  {
    canonical: 'обрмп',
    abbrs: ['обрмп', 'брмп', 'obrmp', 'brmp'],
    stems: [
      ['бригад', 'морск', 'пехот'],
      ['naval', 'infantry', 'brigade'],
      ['marine', 'brigade'],
      ['marines', 'brigade'],
    ],
  },
  {
    canonical: 'оа',
    abbrs: ['оа', 'гв оа', 'ова', 'общевойсковая армия', 'caa', 'oa'],
    stems: [
      ['общевойсков', 'арми'],
      ['combined', 'arms', 'army'],
    ],
  },
  {
    canonical: 'та',
    abbrs: ['та', 'гв та', 'ta'],
    stems: [
      ['танков', 'арми'],
      ['tank', 'army'],
    ],
  },
  {
    canonical: 'ак',
    abbrs: ['ак', 'ak'],
    stems: [
      ['армейск', 'корпус'],
      ['army', 'corps'],
    ],
  },
  {
    canonical: 'абр',
    abbrs: ['абр', 'габр', 'реабр', 'abr'],
    stems: [
      ['артиллер', 'бригад'],
      ['artillery', 'brigade'],
    ],
  },
  {
    canonical: 'зрбр',
    abbrs: ['зрбр', 'zrbr'],
    stems: [
      ['зенитн', 'ракетн', 'бригад'],
      ['anti', 'aircraft', 'brigade'],
      ['air', 'defense', 'brigade'],
      ['air', 'defence', 'brigade'],
    ],
  },
  // Regiments of the artillery, the air defence and the rifle regiments formed of the mobilised
  // in 2022: "181 ап", "960 зрп", "806 сп" (after мсп: "мотострелковый" holds "стрелков").
  {
    canonical: 'ап',
    abbrs: ['ап', 'гап', 'ap'],
    stems: [
      ['артиллер', 'полк'],
      ['artillery', 'regiment'],
    ],
  },
  {
    canonical: 'зрп',
    abbrs: ['зрп', 'zrp'],
    stems: [
      ['зенитн', 'ракетн', 'полк'],
      ['anti', 'aircraft', 'regiment'],
    ],
  },
  {
    canonical: 'сп',
    abbrs: ['сп'],
    stems: [
      ['стрелков', 'полк'],
      ['rifle', 'regiment'],
    ],
  },
  {
    canonical: 'рбр',
    abbrs: ['рбр', 'rbr'],
    stems: [
      ['ракетн', 'бригад'],
      ['missile', 'brigade'],
    ],
  },
];

/** Type words without the arm ("193 бригада", "91st brigade"): the number is known, the type only
 * roughly. They get their own key and are compatible with every type of the same family. */
export const VAGUE_TYPES: ReadonlyArray<{ canonical: string; stems: readonly string[]; family: readonly string[] }> = [
  {
    canonical: 'бригада',
    stems: ['бригад', 'brigade', 'бр', 'bde', 'обр', 'obr'],
    family: ['омсбр', 'отбр', 'одшбр', 'ошбр', 'обрспн', 'обрмп', 'абр', 'зрбр', 'рбр'],
  },
  { canonical: 'полк', stems: ['полк', 'regiment'], family: ['мсп', 'тп', 'пдп', 'дшп', 'ап', 'зрп', 'сп'] },
  { canonical: 'дивизия', stems: ['дивизи', 'division'], family: ['мсд', 'тд', 'вдд', 'дшд'] },
  { canonical: 'армия', stems: ['арми', 'army'], family: ['оа', 'та'] },
];

/**
 * A formation written as its ordinal alone ("132-я", "«27-й»": "служил в 132-й"). "-я" is a
 * brigade, division or army (бригада, дивизия, армия are feminine); "-й" may be a regiment (27-й
 * полк) or any of those in another case ("в 132-й бригаде"), and "-го" a regiment's genitive or
 * a feminine one's in speech: any kind. Keyed "132 -я" and "27 -й"; each agrees with a formation
 * of those kinds with its number (units.ts, formationsCompatible).
 */
const ANY_KIND = VAGUE_TYPES.flatMap((v) => [v.canonical, ...v.family]);
export const ORDINAL_TYPES: ReadonlyArray<{ canonical: string; family: readonly string[] }> = [
  {
    canonical: '-я',
    family: VAGUE_TYPES.filter((v) => v.canonical !== 'полк').flatMap((v) => [v.canonical, ...v.family]),
  },
  { canonical: '-й', family: ANY_KIND },
];
