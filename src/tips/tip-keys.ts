import { open, openText, openWith, seal, sealTo } from '../shared/crypto/index.ts';
import type { PartialDate } from '../people/partial-date.ts';
import type { HowKnown } from './tips.schema.ts';

// Each tip has its own random key. It is stored only wrapped: to the chosen organisation's public
// key (so the server can seal a stranger's tip without holding any secret) and under the key the
// receipt code derives. AAD "tip:<id>:<field>" binds every ciphertext to its tip and field.

export const tipAad = (tipId: string, field: string): string => `tip:${tipId}:${field}`;

export const wrapForOrganisation = (orgPublicKey: string, tipId: string, key: Buffer): string =>
  sealTo(orgPublicKey, key, tipAad(tipId, 'key'));

export const openForOrganisation = (orgPrivateKey: Buffer, tipId: string, wrapped: string): Buffer =>
  openWith(orgPrivateKey, wrapped, tipAad(tipId, 'key'));

export const wrapForCode = (kek: Buffer, tipId: string, key: Buffer): string =>
  seal(kek, key, tipAad(tipId, 'key:code'));

export const openForCode = (kek: Buffer, tipId: string, wrapped: string): Buffer =>
  open(kek, wrapped, tipAad(tipId, 'key:code'));

/** What the sender wrote, sealed as one value: which fields were filled in is hidden too. */
export interface TipContent {
  person: {
    surname?: string;
    given_name?: string;
    patronymic?: string;
    birth_date?: PartialDate;
    region?: string;
    unit_number?: string;
    unit_name?: string;
  };
  what_happened: string;
  event_date?: PartialDate;
  place?: string;
  how_known: HowKnown;
  /** files sent with the tip (src/evidence/, scope "tip:<id>", sealed with the tip key) */
  files?: string[];
}

/** The evidence scope of a tip's files: bound into every file's AAD, so a file cannot move. */
export const tipFileScope = (tipId: string): string => `tip:${tipId}`;

export const sealContent = (key: Buffer, tipId: string, content: TipContent): string =>
  seal(key, JSON.stringify(content), tipAad(tipId, 'content'));

export const openContent = (key: Buffer, tipId: string, sealed: string): TipContent =>
  JSON.parse(openText(key, sealed, tipAad(tipId, 'content'))) as TipContent;

export const postAad = (tipId: string, postId: string): string => tipAad(tipId, `post:${postId}`);

/** Staff only: which cases (and events) the tip went into. */
export interface TipLink {
  caseId: string;
  eventId: string;
  on: string;
}

export const sealLinks = (key: Buffer, tipId: string, links: TipLink[]): string =>
  seal(key, JSON.stringify(links), tipAad(tipId, 'links'));

export const openLinks = (key: Buffer, tipId: string, sealed: string | null): TipLink[] =>
  sealed === null ? [] : (JSON.parse(openText(key, sealed, tipAad(tipId, 'links'))) as TipLink[]);
