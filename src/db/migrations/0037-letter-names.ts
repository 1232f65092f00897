import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { SEED_TEMPLATES } from '../../appeals/appeals.seed.ts';
import { NO_ANSWER_V2 } from './0035-no-answer-addressee.ts';

// The seeded letters put the soldier's name straight after a declined noun — «о военнослужащем
// Иванов Пётр Сергеевич», «о гибели военнослужащего Иванов…», «связанным с военнослужащим
// Иванов…» — and no template can decline a name; so it is set apart by a colon, as the first
// letter (inquiry) always did. «Последний раз он выходил на связь 03.2026» (or «… связь 2025»)
// lacked its «в» whenever only the month or the year is known: «Дата последней связи с ним: …»
// reads right at every precision. The collective letter of several families («Мы… просим…»)
// ended «прошу ответить». Wrong Russian in a letter to an authority (QA walk 11).
// A new version of each template, only where it is still the one seeded (for the complaint, the
// version 0035 made): an editor's own wording is left as it is.
// Numbered in the appeals range (0030s), with the templates it changes.

const LAST_CONTACT: [string, string] = [
  'Последний раз он выходил на связь {{last_contact.date}}.',
  'Дата последней связи с ним: {{last_contact.date}}.',
];

const CHANGES: Record<string, Array<[string, string]>> = {
  inquiry: [LAST_CONTACT],
  ombudsman: [
    ['местонахождения военнослужащего {{person.full_name}},', 'местонахождения военнослужащего: {{person.full_name}},'],
    LAST_CONTACT,
  ],
  death_documents: [
    ['о гибели военнослужащего {{person.full_name}},', 'о гибели военнослужащего: {{person.full_name}},'],
  ],
  prosecutor: [
    ['связанным с военнослужащим {{person.full_name}},', 'связанным с военнослужащим: {{person.full_name}},'],
  ],
  no_answer: [['о военнослужащем {{person.full_name}},', 'о военнослужащем: {{person.full_name}},']],
  collective: [['; прошу ответить в течение', '; просим ответить в течение']],
};

/** The body each template still has when nobody has edited it since it was seeded. */
const seededBody = (key: string): string =>
  key === 'no_answer' ? NO_ANSWER_V2 : (SEED_TEMPLATES.find((t) => t.key === key)?.body ?? '');

/** The seeded body with this migration's changes; null when one of them no longer applies. */
export const mendedBody = (key: string): string | null => {
  let body = seededBody(key);
  for (const [before, after] of CHANGES[key] ?? []) {
    if (!body.includes(before)) return null;
    body = body.replace(before, after);
  }
  return body;
};

export async function up(db: Kysely<unknown>): Promise<void> {
  const k = db as unknown as Kysely<Record<string, Record<string, unknown>>>;
  for (const key of Object.keys(CHANGES)) {
    const mended = mendedBody(key);
    const [latest] = await k
      .selectFrom('appeal_templates')
      .selectAll()
      .where('key', '=', key)
      .orderBy('version', 'desc')
      .limit(1)
      .execute();
    if (!latest || mended === null || latest.body !== seededBody(key)) continue;
    await k
      .insertInto('appeal_templates')
      .values({
        ...latest,
        id: randomUUID(),
        version: Number(latest.version) + 1,
        body: mended,
        updated_at: new Date().toISOString(),
        updated_by: null,
      })
      .execute();
  }
}
