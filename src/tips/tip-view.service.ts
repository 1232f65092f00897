import { orgDay, isoNow } from '../shared/clock.ts';
import { NotFound } from '../shared/errors.ts';
import { openText } from '../shared/crypto/index.ts';
import { listOrganisations, staffOfOrganisation } from '../accounts/accounts.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { fileHeads, readFile, type FileHead, type OpenedFile } from '../evidence/evidence.service.ts';
import type { TipAbilities } from '../policy/tips.policy.ts';
import { tipAbilitiesFor, type TipAccess } from './tip-access.service.ts';
import type { TipsDeps } from './tip-deps.ts';
import { openContent, openLinks, postAad, tipFileScope, type TipContent, type TipLink } from './tip-keys.ts';
import type { TipState } from './tip-lifecycle.ts';
import { findTip, listTipPosts, updateTipFlags } from './tips.repository.ts';
import { isUuid } from '../shared/ids.ts';
import type { QueueRow } from '../cases/queue.service.ts';
import type { Principal } from '../policy/principal.ts';
import { caseCandidates, caseQueryOf } from './tip-attach.service.ts';

// Reading a tip, for the sender (with the key from their visit) or for staff (with the
// organisation's key). A staff read is audited in the same transaction; it also clears "the
// sender wrote", as the sender's read clears "a reply is waiting". A staff member who may attach
// the tip is also shown the organisation's cases bearing the name the sender wrote: that read of
// case data is part of the same entry ('tip.read_with_cases', "read the tip and the matching
// cases"), not a second «searched the cases» entry for a search nobody typed (QA walk 6).

export const TIP_POSTS_PAGE = 30;

export interface TipPostView {
  id: string;
  seq: number;
  fromSender: boolean;
  /** staff pseudonym, shown to staff only */
  author: string | null;
  body: string;
  /** a file the sender added with this post */
  file: FileHead | null;
  at: string;
}

export interface TipView {
  id: string;
  can: TipAbilities;
  state: TipState;
  closeReason: string | null;
  receivedOn: string;
  lastActivityOn: string;
  closedOn: string | null;
  organisationName: string;
  content: TipContent;
  /** the files sent with the tip itself (type, size: what the list shows) */
  files: FileHead[];
  /** oldest first, the newest page (or the page before `before`) */
  posts: TipPostView[];
  /** where the next older page starts (the `before` of its link); null when this is the oldest */
  olderBefore: number | null;
  /** staff only: the cases it went into */
  links: TipLink[];
  /** staff who may attach it, when asked for (caseMatchesFor): the cases bearing the name the sender wrote */
  caseMatches: QueueRow[];
  /** for the sender: a reply came since their last visit; for staff: the sender wrote since */
  unseen: boolean;
  retention: { days: number; deletesOn: string | null; ifClosedToday: string };
}

const addDays = (day: string, days: number): string =>
  new Date(Date.parse(`${day}T00:00:00.000Z`) + days * 86_400_000).toISOString().slice(0, 10);

export const getTipForViewer = async (
  deps: TipsDeps,
  access: TipAccess,
  opts: { before?: number; caseMatchesFor?: Principal } = {},
): Promise<TipView> => {
  const { grant, key } = access;
  const staff = grant.side === 'staff';
  const names = staff
    ? new Map((await staffOfOrganisation(deps.db, grant.organisationId)).map((s) => [s.id, s.pseudonym]))
    : new Map<string, string>();
  const orgName = (await listOrganisations(deps.db)).find((o) => o.id === grant.organisationId)?.name ?? '';
  const view = await deps.db.transaction().execute(async (tx) => {
    const row = await findTip(tx, grant.tipId);
    if (!row) throw new NotFound('tip');
    const found = await listTipPosts(tx, grant.tipId, TIP_POSTS_PAGE + 1, opts.before);
    const page = found.slice(0, TIP_POSTS_PAGE).reverse();
    const content = openContent(key, row.id, row.content_sealed);
    const fileIds = [...(content.files ?? []), ...page.flatMap((p) => (p.file_id ? [p.file_id] : []))];
    const heads = await fileHeads(tx, tipFileScope(row.id), fileIds, { kind: 'symmetric', key });
    const posts = page.map((p) => ({
      id: p.id,
      seq: p.seq,
      fromSender: p.from_sender === 1,
      author: staff && p.author_user_id ? (names.get(p.author_user_id) ?? null) : null,
      body: openText(key, p.body_sealed, postAad(grant.tipId, p.id)),
      file: p.file_id ? (heads.get(p.file_id) ?? null) : null,
      at: p.created_at,
    }));
    const view: TipView = {
      id: row.id,
      can: tipAbilitiesFor(grant, row.state),
      state: row.state,
      closeReason: row.close_reason,
      receivedOn: row.received_on,
      lastActivityOn: row.last_activity_on,
      closedOn: row.closed_on,
      organisationName: orgName,
      content,
      files: (content.files ?? []).flatMap((id) => heads.get(id) ?? []),
      posts,
      olderBefore: found.length > TIP_POSTS_PAGE ? page[0].seq : null,
      links: staff ? openLinks(key, row.id, row.links_sealed) : [],
      caseMatches: [],
      unseen: staff ? row.sender_wrote === 1 : row.reply_unseen === 1,
      retention: {
        days: deps.config.retentionDays,
        deletesOn: row.closed_on ? addDays(row.closed_on, deps.config.retentionDays) : null,
        ifClosedToday: addDays(orgDay(deps), deps.config.retentionDays),
      },
    };
    // Decided, and recorded, before the cases are read: an entry never says less than was shown.
    const withCases = Boolean(staff && opts.caseMatchesFor && view.can.attach && caseQueryOf(content));
    if (staff && grant.auth) {
      if (row.sender_wrote === 1) await updateTipFlags(tx, row.id, { sender_wrote: 0 });
      await recordAudit(tx, {
        actorUserId: grant.auth.userId,
        actorRole: grant.auth.role,
        organisationId: grant.organisationId,
        action: withCases ? 'tip.read_with_cases' : 'tip.read',
        tipId: row.id,
        at: isoNow(deps.clock),
      });
    } else if (row.reply_unseen === 1) {
      await updateTipFlags(tx, row.id, { reply_unseen: 0 });
    }
    return { view, withCases };
  });
  if (view.withCases && opts.caseMatchesFor)
    view.view.caseMatches = await caseCandidates(deps, opts.caseMatchesFor, view.view.content);
  return view.view;
};

/**
 * One of the tip's files, opened with the tip key; a file of another tip (its scope is bound into
 * every AAD) or any other id is not found. A staff download is audited as a read of the tip.
 */
export const readTipFile = async (deps: TipsDeps, access: TipAccess, fileId: string): Promise<OpenedFile> => {
  if (!isUuid(fileId)) throw new NotFound('file');
  const file = await readFile(
    deps.db,
    { id: fileId, scope: tipFileScope(access.grant.tipId) },
    {
      kind: 'symmetric',
      key: access.key,
    },
  );
  const { grant } = access;
  if (grant.side === 'staff' && grant.auth) {
    const auth = grant.auth;
    await deps.db.transaction().execute((tx) =>
      recordAudit(tx, {
        actorUserId: auth.userId,
        actorRole: auth.role,
        organisationId: grant.organisationId,
        action: 'tip.read',
        tipId: grant.tipId,
        at: isoNow(deps.clock),
      }),
    );
  }
  return file;
};
