import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { SEED_TEMPLATES } from '../../appeals/appeals.seed.ts';

// The complaint «ответ не дан в срок» put the first letter's addressee after «в», as it is
// written in the directory: «направил(а) обращение в Главная военная прокуратура», «в Войсковая
// часть 12345» — wrong Russian in a letter to an authority, and no template can decline a name.
// The addressee is named apart instead: «направил(а) обращение (адресат: …, регистрационный
// номер …)». A new version of the template, only where it is still the first one as seeded: an
// editor's own wording is left as it is.
// Numbered in the appeals range (0030s), with the templates it changes.

const SEEDED = SEED_TEMPLATES.find((t) => t.key === 'no_answer')?.body ?? '';
const BEFORE = 'обращение в {{previous.addressee}} (регистрационный номер {{previous.registration_number}})';
const AFTER = 'обращение (адресат: {{previous.addressee}}, регистрационный номер {{previous.registration_number}})';

export const NO_ANSWER_V2 = SEEDED.replace(BEFORE, AFTER);

export async function up(db: Kysely<unknown>): Promise<void> {
  const k = db as unknown as Kysely<Record<string, Record<string, unknown>>>;
  const [latest] = await k
    .selectFrom('appeal_templates')
    .selectAll()
    .where('key', '=', 'no_answer')
    .orderBy('version', 'desc')
    .limit(1)
    .execute();
  if (!latest || Number(latest.version) !== 1 || latest.body !== SEEDED || !SEEDED.includes(BEFORE)) return;
  await k
    .insertInto('appeal_templates')
    .values({
      ...latest,
      id: randomUUID(),
      version: 2,
      body: NO_ANSWER_V2,
      updated_at: new Date().toISOString(),
      updated_by: null,
    })
    .execute();
}
