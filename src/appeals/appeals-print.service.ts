import { Invalid, NotFound } from '../shared/errors.ts';
import { seal } from '../shared/crypto/index.ts';
import { formatPartialDate } from '../people/partial-date.ts';
import type { AppealGrant } from '../policy/appeals.policy.ts';
import { appealCaseKey } from './appeals-access.service.ts';
import {
  aad,
  audit,
  openLetter,
  refuseHintLeft,
  sealSender,
  todayOf,
  type AppealsDeps,
  type SenderDetails,
} from './appeals.service.ts';
import type { PrintInput } from './appeals.schema.ts';
import { stepTo } from './appeal-lifecycle.ts';
import { findAppeal, saveSender, updateAppealIf } from './appeals.repository.ts';
import { membersOfCollective } from './appeals.repository.ts';
import { letterSource } from './directory.service.ts';

// Printing: the sender's full name and postal address (59-FZ art. 7: without them no answer is
// given, art. 11) are typed at print time. They go into the printed page or PDF and, only if the
// sender asks for it, are kept sealed with the case key for the next letter; otherwise any kept
// copy is deleted. They are never stored in clear, never logged, never put in a URL.

export interface LetterToPrint {
  addressee: string;
  address: string | null;
  sender: SenderDetails | null;
  subject: string;
  body: string;
  /** the body as Markdown for the print page and the PDF: her words literal (letterSource) */
  markdown: string;
  date: string;
  signatories?: Array<{ fullName: string; postalAddress: string }>;
  othersCount?: number;
}

export const printLetter = async (
  deps: AppealsDeps,
  grant: AppealGrant<'print'>,
  appealId: string,
  input: PrintInput,
): Promise<LetterToPrint> => {
  const row = await findAppeal(deps.db, appealId);
  if (!row || row.case_id !== grant.caseId) throw new NotFound('appeal');
  const key = await appealCaseKey(deps.db, grant);
  const letter = openLetter(key, row);
  // A copy of a letter already sent is printed as it went; a draft only once it is finished.
  if (row.state === 'draft') refuseHintLeft(letter, row.collective_id !== null);
  const sender: SenderDetails = {
    fullName: input.full_name,
    postalAddress: input.postal_address,
    ...(input.email ? { email: input.email } : {}),
  };
  let othersCount: number | undefined;
  if (row.collective_id) {
    if (!row.signed_on) throw new Invalid({ field: '_form', key: 'appeals.errors.signFirst' });
    othersCount = (await membersOfCollective(deps.db, row.collective_id)).filter(
      (m) => m.signed_on && m.id !== row.id,
    ).length;
  }
  await deps.db.transaction().execute(async (tx) => {
    await saveSender(tx, grant.caseId, input.remember ? sealSender(key, grant.caseId, sender) : null);
    await audit(tx, deps.clock, grant, 'appeal.printed');
  });
  return {
    addressee: letter.addressee,
    address: letter.address,
    sender,
    subject: letter.subject,
    body: letter.body,
    markdown: await letterSource(deps.db, letter),
    date: formatPartialDate(todayOf(deps), 'day'),
    othersCount,
  };
};

/** A family signs its copy of a collective appeal: name and address, sealed with its case key. */
export const signAppeal = async (
  deps: AppealsDeps,
  grant: AppealGrant<'sign'>,
  appealId: string,
  input: { full_name: string; postal_address: string },
): Promise<void> => {
  const row = await findAppeal(deps.db, appealId);
  if (!row || row.case_id !== grant.caseId || !row.collective_id) throw new NotFound('appeal');
  stepTo(row.state, 'sign', grant.side);
  if (row.signed_on) throw new Invalid({ field: '_form', key: 'appeals.errors.alreadySigned' });
  if (!grant.caseActive) throw new Invalid({ field: '_form', key: 'cases.errors.closed' });
  const key = await appealCaseKey(deps.db, grant);
  refuseHintLeft(openLetter(key, row), true);
  const signature = { fullName: input.full_name, postalAddress: input.postal_address };
  await deps.db.transaction().execute(async (tx) => {
    const ok = await updateAppealIf(tx, appealId, ['draft'], {
      signature_sealed: seal(key, JSON.stringify(signature), aad(appealId, 'signature')),
      signed_on: todayOf(deps),
    });
    if (!ok) throw new Invalid({ field: '_form', key: 'appeals.errors.notDraft' });
    await audit(tx, deps.clock, grant, 'appeal.signed');
  });
};
