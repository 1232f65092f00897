// What a new deployment starts with (migration 0032): the federal bodies named in
// data/appeals-facts.md §7 and six letter templates. Editors change both afterwards; the seed is
// only the first version. Postal addresses are left for the deployment's editors to fill from each
// body's official site: the facts file gives none, and an address that is wrong sends a mother's
// letter nowhere.

export const AUTHORITY_KINDS = [
  'unit_command',
  'military_commissariat',
  'district_hq',
  'ministry_of_defence',
  'military_prosecutor',
  'military_investigative',
  'ombudsman_federal',
  'ombudsman_regional',
  'red_cross',
  'court',
  'other',
] as const;
export type AuthorityKind = (typeof AUTHORITY_KINDS)[number];

const SOURCE = 'Источник: data/appeals-facts.md §7.';

export const SEED_AUTHORITIES: Array<{ kind: AuthorityKind; name: string; notes: string }> = [
  {
    kind: 'ministry_of_defence',
    name: 'Министерство обороны Российской Федерации',
    notes: `По словам Уполномоченного по правам человека (январь 2026), при Минобороны работает центр по поиску военнослужащих, пропавших без вести; поиск ведётся вместе с аппаратом Уполномоченного и МККК. ${SOURCE} Адрес и интернет-приёмную редакторы указывают по официальному сайту.`,
  },
  {
    kind: 'military_prosecutor',
    name: 'Главная военная прокуратура',
    notes: `Часть единой системы прокуратуры: надзор за исполнением законов в Вооружённых Силах и других войсках, уголовное преследование. Уровни: Главная военная прокуратура, военные прокуратуры округов и флотов, гарнизонные прокуратуры. ${SOURCE}`,
  },
  {
    kind: 'military_investigative',
    name: 'Главное военное следственное управление Следственного комитета Российской Федерации',
    notes: `Расследует преступления в армии (предварительное следствие). [Проверить: в файле фактов нет источника о полномочиях; см. 403-ФЗ «О Следственном комитете» и ст. 151 УПК.] ${SOURCE}`,
  },
  {
    kind: 'ombudsman_federal',
    name: 'Уполномоченный по правам человека в Российской Федерации',
    notes: `Принимает обращения о поиске пропавших военнослужащих, работает с Минобороны, МККК и украинским омбудсменом; по её словам, установлена судьба более 2000 пропавших (январь 2026). ${SOURCE}`,
  },
  {
    kind: 'red_cross',
    name: 'Международный комитет Красного Креста (МККК), Центральное агентство по розыску — бюро по международному вооружённому конфликту между Россией и Украиной',
    notes: `Бюро в Женеве (с марта 2022) собирает и передаёт сведения о судьбе и местонахождении пропавших и попавших в плен военнослужащих и гражданских; к нему могут обращаться семьи обеих сторон. ${SOURCE}`,
  },
];

export interface SeedTemplate {
  key: string;
  title_ru: string;
  title_en: string;
  guidance_ru: string;
  guidance_en: string;
  body: string;
}

/**
 * The order letters are offered in: when a family needs them. The whereabouts inquiry is the
 * first letter; the complaint, the prosecutor and the ombudsman follow an answer that is late or
 * empty; the letter about a death comes last — a mother looking for her son must not meet it
 * first. A template an editor adds comes after these, by its key.
 */
export const TEMPLATE_ORDER = ['inquiry', 'no_answer', 'prosecutor', 'ombudsman', 'death_documents', 'collective'];

const TITLE = 'от 02.05.2006 № 59-ФЗ «О порядке рассмотрения обращений граждан Российской Федерации»';
/** "в соответствии с …" */
const LAW = `Федеральным законом ${TITLE}`;
/** "ч. 1 ст. 12 …" */
const OF_LAW = `Федерального закона ${TITLE}`;

export const SEED_TEMPLATES: SeedTemplate[] = [
  {
    key: 'inquiry',
    title_ru: 'Запрос о местонахождении и положении военнослужащего',
    title_en: 'Inquiry about a serviceman’s whereabouts and status',
    guidance_ru:
      'Первое письмо: в воинскую часть, военный комиссариат, штаб округа или Минобороны. Пишите только то, что знаете точно. Орган обязан зарегистрировать письмо в течение 3 дней и ответить в течение 30 дней со дня регистрации.',
    guidance_en:
      'The first letter: to the unit, the military commissariat, the district headquarters or the Ministry of Defence. Write only what you know for sure. The body must register the letter within 3 days and answer within 30 days of registration.',
    body: `Прошу сообщить, где находится и что известно о положении военнослужащего: {{person.full_name}}, дата рождения {{person.birth_date}}, воинская часть {{person.unit}}, звание {{person.rank}}.

Последний раз он выходил на связь {{last_contact.date}}. С тех пор сведений о нём у семьи нет.

Что известно семье: {{case.what_is_known}}

Прошу в письменной форме сообщить:

1. где он находится в настоящее время и в каком он положении (на службе, ранен, госпитализирован, пропал без вести, задержан, в плену, погиб);
2. если он пропал без вести — когда, где и при каких обстоятельствах, и выдать справку об обстоятельствах исчезновения;
3. к кому ещё семье следует обратиться.

Обращение направлено в соответствии с ${LAW}. Прошу зарегистрировать его в течение 3 дней (ч. 2 ст. 8) и дать ответ по существу в течение 30 дней со дня регистрации (ч. 1 ст. 12). Если вопрос не входит в вашу компетенцию, прошу в течение 7 дней со дня регистрации направить обращение в компетентный орган и уведомить меня об этом (ч. 3 ст. 8).`,
  },
  {
    key: 'death_documents',
    title_ru: 'Запрос документов о гибели: извещение, обстоятельства, где тело и личные вещи',
    title_en: 'Request for the documents of a death: notice, circumstances, body and belongings',
    guidance_ru:
      'Когда о гибели сообщили неофициально или без документов. Просите письменное извещение, обстоятельства гибели, место нахождения тела и личных вещей. Справку об обстоятельствах исчезновения или возможной гибели выдают в течение 30 дней (Постановление Правительства № 1421).',
    guidance_en:
      'When a death was reported unofficially or without papers. Ask for the written notice, the circumstances, where the body and the belongings are. The certificate on the circumstances of disappearance or possible death is issued within 30 days (Government Decree No. 1421).',
    body: `Семье сообщили о гибели военнослужащего {{person.full_name}}, дата рождения {{person.birth_date}}, воинская часть {{person.unit}}, звание {{person.rank}}. Официального извещения семья не получила (или получила без сведений об обстоятельствах).

Что известно семье: {{case.what_is_known}}

Прошу в письменной форме:

1. направить извещение о гибели (смерти) и сообщить дату, место и обстоятельства гибели;
2. сообщить, где находится тело, когда и как оно будет передано семье;
3. сообщить, где находятся личные вещи и документы погибшего и как семья может их получить;
4. если гибель не подтверждена — выдать справку об обстоятельствах исчезновения или возможной гибели (Постановление Правительства РФ от 01.09.2023 № 1421).

Обращение направлено в соответствии с ${LAW}; прошу ответить в течение 30 дней со дня регистрации (ч. 1 ст. 12).`,
  },
  {
    key: 'no_answer',
    title_ru: 'Жалоба: ответ не дан в срок',
    title_en: 'Complaint: no answer came in time',
    guidance_ru:
      'Когда срок ответа прошёл. Пишите в вышестоящий орган (не в тот, на который жалуетесь: жалобу нельзя направлять тому, чьи действия обжалуются), в прокуратуру или Уполномоченному. Приложите копию первого письма и доказательство отправки.',
    guidance_en:
      'When the answer is late. Write to the superior body (not to the one you complain about: a complaint may not be sent to the body whose actions it is about), to the prosecutor or to the ombudsman. Attach a copy of the first letter and proof it was sent.',
    body: `{{previous.sent_on}} я направил(а) обращение в {{previous.addressee}} (регистрационный номер {{previous.registration_number}}) о военнослужащем {{person.full_name}}, воинская часть {{person.unit}}.

Срок ответа, установленный ч. 1 ст. 12 ${OF_LAW} — 30 дней со дня регистрации, — истёк {{previous.answer_by}}. Ответа по существу я не получил(а); уведомления о продлении срока или о перенаправлении обращения тоже не было.

Прошу:

1. проверить, почему обращение не рассмотрено в срок, и принять меры к тому, чтобы ответ был дан;
2. сообщить мне о результатах проверки.

Нарушение порядка рассмотрения обращений влечёт ответственность (ст. 15 Федерального закона № 59-ФЗ; ст. 5.59 КоАП РФ).

Приложения: копия обращения от {{previous.sent_on}}; документ об отправке.`,
  },
  {
    key: 'prosecutor',
    title_ru: 'В военную прокуратуру: проверить ответ или задержание',
    title_en: 'To the military prosecutor: check an answer or a detention',
    guidance_ru:
      'Когда ответ пустой или противоречит фактам, или когда военнослужащего удерживают. Военная прокуратура надзирает за соблюдением закона в армии. Опишите коротко, что не так, и приложите копии.',
    guidance_en:
      'When an answer is empty or contradicts the facts, or when the serviceman is being held. The military prosecutor supervises the law in the armed forces. Say briefly what is wrong and attach copies.',
    body: `Прошу провести проверку по обстоятельствам, связанным с военнослужащим {{person.full_name}}, дата рождения {{person.birth_date}}, воинская часть {{person.unit}}, звание {{person.rank}}.

Что известно семье: {{case.what_is_known}}

Прошу:

1. проверить законность действий (бездействия) должностных лиц воинской части и ответа, данного семье;
2. если военнослужащий удерживается — проверить законность его содержания, место и условия;
3. сообщить мне о результатах проверки и принятых мерах.

Обращение направлено в соответствии с ${LAW}; прошу ответить в течение 30 дней со дня регистрации.`,
  },
  {
    key: 'ombudsman',
    title_ru: 'Уполномоченному по правам человека',
    title_en: 'To the human rights commissioner',
    guidance_ru:
      'Федеральный Уполномоченный принимает обращения о розыске пропавших военнослужащих и работает с Минобороны и Красным Крестом. Есть и региональные уполномоченные. Напишите, куда вы уже обращались и что ответили.',
    guidance_en:
      'The federal commissioner takes requests to find missing servicemen and works with the Ministry of Defence and the Red Cross. There are regional commissioners too. Say where you have already written and what they answered.',
    body: `Прошу оказать содействие в установлении судьбы и местонахождения военнослужащего {{person.full_name}}, дата рождения {{person.birth_date}}, воинская часть {{person.unit}}, звание {{person.rank}}.

Последний раз он выходил на связь {{last_contact.date}}.

Что известно семье: {{case.what_is_known}}

Куда семья уже обращалась и что ответили: ________________

Прошу сообщить о результатах в письменной форме.`,
  },
  {
    key: 'collective',
    title_ru: 'Коллективное обращение семей',
    title_en: 'Collective appeal of families',
    guidance_ru:
      'Письмо от нескольких семей одной части или одного случая. Каждая семья подписывает в своей учётной записи; семьи не видят имён друг друга. Подписи появляются в письме только при печати.',
    guidance_en:
      'A letter from several families of one unit or one incident. Each family signs in its own account; families do not see each other’s names. The signatures appear in the letter only when it is printed.',
    body: `Мы, родственники военнослужащих воинской части {{person.unit}}, обращаемся к вам, потому что не можем получить сведений о судьбе наших близких.

Просим:

1. сообщить каждой семье, где находится и в каком положении её родственник;
2. сообщить о пропавших без вести — когда, где и при каких обстоятельствах это произошло, и выдать справки об обстоятельствах исчезновения;
3. ответить каждому подписавшему по указанному им адресу.

Обращение направлено в соответствии с ${LAW}; прошу ответить в течение 30 дней со дня регистрации.`,
  },
];
