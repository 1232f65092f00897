import { Invalid } from '../shared/errors.ts';

// Letter templates are Russian Markdown with named placeholders: {{person.full_name}}. Editors
// write them; a name that does not exist is refused when the template is saved (with the name),
// never discovered when a mother prints. Filling a template from a case puts each value in; a
// value the case does not have becomes a blank line to write in by hand.

export const PLACEHOLDERS = [
  'person.full_name',
  'person.surname',
  'person.given_name',
  'person.patronymic',
  'person.birth_date',
  'person.unit',
  'person.rank',
  'person.region',
  'last_contact.date',
  'case.what_is_known',
  'authority.name',
  'authority.address',
  'previous.sent_on',
  'previous.addressee',
  'previous.answer_by',
  'previous.registration_number',
  'today',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type FillValues = Partial<Record<Placeholder, string | null>>;

/**
 * What `{{case.what_is_known}}` becomes unless the writer chooses to insert the family's account.
 * That account was written for the organisation and often says who told the family («Сослуживец
 * написал в ВК…»): pasted into a letter, it names a comrade to the authority. So the letter holds
 * this instead, for the family to replace. In Russian only: the letter is Russian, whatever the
 * page's language, and a hint left in it must not put English into a letter to a ministry.
 */
export const OWN_WORDS =
  '[Впишите сюда своими словами только то, что вы хотите сообщить этому органу. Не называйте, от кого вы это узнали.]';

/** The hint as drafts saved before it was Russian only hold it (sealed: no migration can reach them). */
export const OWN_WORDS_BILINGUAL =
  '[Впишите сюда своими словами только то, что вы хотите сообщить этому органу. Не называйте, от кого вы это узнали. / Write here, in your own words, only what you want this authority to know. Do not name who told you.]';

// Either half of the hint, whatever is left of it: a draft whose Russian half was deleted still
// holds the English one.
const HINT_MARKS = [OWN_WORDS.slice(0, 30), 'Write here, in your own words', 'Do not name who told you'];

/** The letter still holds the hint (or a piece of it) where the family's own words should be. */
export const ownWordsLeft = (body: string): boolean => HINT_MARKS.some((m) => body.includes(m));

/** A draft saved with the bilingual hint shows and edits with the Russian one. */
export const currentHint = (body: string): string => body.replaceAll(OWN_WORDS_BILINGUAL, OWN_WORDS);

const TOKEN = /\{\{\s*([^{}]*?)\s*\}\}/g;
export const BLANK = '________________';

/** A line to write in: the filled blank, or one the writer typed (four underscores or more). */
const BLANK_RUN = /_{4,}/g;

/**
 * What a letter still leaves blank, named by the words just before each blank line in its clause
 * («звание ________» → «звание»; after a colon, the words before it), in order, each once. The
 * page warns with it before printing or marking sent (a family may fill blanks by hand on paper,
 * so nothing is refused). Empty when nothing is blank.
 */
export const blanksIn = (text: string): string[] => {
  const names: string[] = [];
  for (const line of text.split('\n')) {
    for (const m of line.matchAll(BLANK_RUN)) {
      const before = line.slice(0, m.index).replace(/[*#>`]/g, '');
      const clause =
        before
          .split(/[,.;:!?()«»"]/)
          .pop()
          ?.trim() ?? '';
      const words = (clause || before.replace(/[,.;:!?()«»"]+\s*$/, '').trim()).split(/\s+/).filter(Boolean);
      const name = words.slice(-4).join(' ') || '…';
      if (!names.includes(name)) names.push(name);
    }
  }
  return names;
};

/** The placeholders a text uses, in order of first use. */
export const placeholdersIn = (text: string): string[] => [...new Set([...text.matchAll(TOKEN)].map((m) => m[1]))];

/** Invalid (on `field`) for an unknown placeholder or a brace left open; nothing when all is well. */
export const checkTemplate = (text: string, field = 'body'): void => {
  const unknown = placeholdersIn(text).filter((p) => !(PLACEHOLDERS as readonly string[]).includes(p));
  // Every one at once: an editor fixing a template learnt of the next one only after saving again.
  const names = unknown.map((name) => `{{${name}}}`).join(', ');
  if (unknown.length === 1)
    throw new Invalid({ field, key: 'appeals.errors.unknownPlaceholder', params: { name: names } });
  if (unknown.length > 1) throw new Invalid({ field, key: 'appeals.errors.unknownPlaceholders', params: { names } });
  const rest = text.replace(TOKEN, '');
  if (rest.includes('{{') || rest.includes('}}')) throw new Invalid({ field, key: 'appeals.errors.brokenPlaceholder' });
};

/** The template with every placeholder replaced; an unknown value becomes a blank to fill by hand. */
export const fillTemplate = (text: string, values: FillValues): string =>
  text.replace(TOKEN, (_m, name: string) => {
    const v = values[name as Placeholder];
    return v === undefined || v === null || v.trim() === '' ? BLANK : v;
  });
