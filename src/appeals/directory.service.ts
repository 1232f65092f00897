import { randomUUID } from 'node:crypto';
import type { Db, Queryable } from '../db/database.ts';
import { isoNow, type Clock } from '../shared/clock.ts';
import { Conflict, Invalid, NotFound } from '../shared/errors.ts';
import type { AuthContext } from '../policy/principal.ts';
import { isRegionCode } from '../people/regions.ts';
import type { AuthorityInput, TemplateInput } from './appeals.schema.ts';
import { checkTemplate } from './template-rules.ts';
import { letterMarkdown } from './letter-text.ts';
import { TEMPLATE_ORDER } from './appeals.seed.ts';
import {
  findAuthority,
  insertTemplate,
  listAuthorities,
  listCurrentTemplates,
  listTemplateBodies,
  listTemplateVersions,
  upsertAuthority,
} from './appeals.repository.ts';

// The directory of authorities and the letter templates: public reference data in clear, written
// by editors (src/policy/appeals.policy.ts grantEditor). Templates are versioned: a save adds a
// version, so what a letter was drafted from can always be read again.

export interface AuthorityView {
  id: string;
  kind: string;
  name: string;
  regionCode: string | null;
  postalAddress: string | null;
  onlineUrl: string | null;
  notes: string | null;
  seeded: boolean;
}

const authorityView = (r: Awaited<ReturnType<typeof findAuthority>> & object): AuthorityView => ({
  id: r.id,
  kind: r.kind,
  name: r.name,
  regionCode: r.region_code,
  postalAddress: r.postal_address,
  onlineUrl: r.online_url,
  notes: r.notes,
  seeded: r.seeded === 1,
});

export const authorities = async (db: Queryable): Promise<AuthorityView[]> =>
  (await listAuthorities(db)).map(authorityView);

export const authorityById = async (db: Queryable, id: string): Promise<AuthorityView | undefined> => {
  const r = await findAuthority(db, id);
  return r && authorityView(r);
};

/** An editor adds or changes an authority. */
export const saveAuthority = async (
  deps: { db: Db; clock: Clock },
  _editor: AuthContext,
  id: string | null,
  input: AuthorityInput,
): Promise<string> => {
  if (input.region && !isRegionCode(input.region)) throw new Invalid({ field: 'region', key: 'errors.unknownRegion' });
  const existing = id ? await findAuthority(deps.db, id) : undefined;
  if (id && !existing) throw new NotFound('authority');
  const row = {
    id: id ?? randomUUID(),
    kind: input.kind,
    name: input.name,
    region_code: input.region ?? null,
    postal_address: input.postal_address ?? null,
    online_url: input.online_url ?? null,
    notes: input.notes ?? null,
    seeded: existing?.seeded ?? 0,
    updated_at: isoNow(deps.clock),
  };
  await upsertAuthority(deps.db, row, !existing);
  return row.id;
};

export interface TemplateView {
  id: string;
  key: string;
  titleRu: string;
  titleEn: string;
  guidanceRu: string;
  guidanceEn: string;
  body: string;
  version: number;
  updatedAt: string;
}

type TemplateRow = Awaited<ReturnType<typeof listCurrentTemplates>>[number];
const templateView = (r: TemplateRow): TemplateView => ({
  id: r.id,
  key: r.key,
  titleRu: r.title_ru,
  titleEn: r.title_en,
  guidanceRu: r.guidance_ru,
  guidanceEn: r.guidance_en,
  body: r.body,
  version: r.version,
  updatedAt: r.updated_at,
});

const rank = (key: string): number => {
  const i = TEMPLATE_ORDER.indexOf(key);
  return i === -1 ? TEMPLATE_ORDER.length : i;
};

/** The current version of every template, in the order a family needs them (TEMPLATE_ORDER). */
export const templates = async (db: Queryable): Promise<TemplateView[]> =>
  (await listCurrentTemplates(db))
    .map(templateView)
    .sort((a, b) => rank(a.key) - rank(b.key) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

export const currentTemplate = async (db: Queryable, key: string): Promise<TemplateView | undefined> =>
  (await templates(db)).find((t) => t.key === key);

export const templateVersions = (db: Queryable, key: string) => listTemplateVersions(db, key);

/**
 * A letter's body as the renderer (page, print page, PDF) reads it: the lines of its template, in
 * any version, keep the editor's Markdown; what the family or a caseworker typed is literal
 * (letter-text.ts). The stored body is not changed.
 */
export const letterSource = async (db: Queryable, letter: { template: string; body: string }): Promise<string> =>
  letterMarkdown(letter.body, await listTemplateBodies(db, letter.template));

/**
 * An editor saves a new version; an unknown placeholder is refused here, naming it, and so is a
 * save made on an older version than the current one (two editors never overwrite each other
 * silently, as for the guides).
 */
export const saveTemplate = async (
  deps: { db: Db; clock: Clock },
  editor: AuthContext,
  key: string,
  input: TemplateInput,
): Promise<number> => {
  checkTemplate(input.body, 'body');
  for (const f of ['title_ru', 'guidance_ru', 'guidance_en', 'title_en'] as const)
    if (/\{\{|\}\}/.test(input[f])) throw new Invalid({ field: f, key: 'appeals.errors.brokenPlaceholder' });
  return deps.db.transaction().execute(async (tx) => {
    const current = (await listCurrentTemplates(tx)).find((t) => t.key === key);
    if (!current) throw new NotFound('template');
    if (input.base !== current.version) throw new Conflict('appeals.errors.templateChanged');
    const version = current.version + 1;
    await insertTemplate(tx, {
      id: randomUUID(),
      key,
      title_ru: input.title_ru,
      title_en: input.title_en,
      guidance_ru: input.guidance_ru,
      guidance_en: input.guidance_en,
      body: input.body,
      version,
      updated_at: isoNow(deps.clock),
      updated_by: editor.userId,
    });
    return version;
  });
};
