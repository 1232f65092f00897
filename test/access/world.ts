import type { TestApp } from '../helpers/app.ts';
import {
  createFamily,
  createOrganisation,
  createSiteAdmin,
  createStaff,
  type Cookies,
  type TestOrganisation,
  type TestUser,
} from '../helpers/factories.ts';
import { createSession, SESSION_COOKIE } from '../../src/accounts/sessions.service.ts';
import { createInvite } from '../../src/accounts/staff.service.ts';
import { openCase } from '../../src/cases/cases.service.ts';
import { addEvent } from '../../src/cases/events.service.ts';
import { authoriseCase } from '../../src/cases/case-access.service.ts';
import { caseInput, NARRATIVE } from '../../src/cases/cases.fixtures.ts';
import { parsePartialDate } from '../../src/people/partial-date.ts';
import { principalOf } from '../../src/policy/principal.ts';
import { Scheduler } from '../../src/scheduler/scheduler.service.ts';
import { submitTip } from '../../src/tips/tip-intake.service.ts';
import { TIP_COOKIE } from '../../src/tips/tip-sessions.service.ts';
import { parseForm } from '../../src/shared/validation.ts';
import { tipSchema } from '../../src/tips/tips.schema.ts';
import { prepareUpload } from '../../src/evidence/evidence.service.ts';
import sharp from 'sharp';
import { allJobs } from '../../src/jobs.ts';

// The people of the access matrix: every kind of principal, in two organisations, and helpers
// that make a fresh object (a case, an event, a staff member, an invite) for one attempt, so an
// allowed change by one principal never changes what the next principal is tried against.

export const WHO = [
  'anonymous',
  'owner',
  'otherFamily',
  'caseworker',
  'verifier',
  'editor',
  'orgAdmin',
  'otherOrgStaff',
  'otherOrgAdmin',
  'staffWithout2fa',
  'siteAdmin',
  'siteAdminInOrg',
  // no account: someone who sent a tip to organisation A and holds its receipt code (a visit)
  'tipSender',
] as const;
export type Who = (typeof WHO)[number];

export interface AccessWorld {
  t: TestApp;
  orgA: TestOrganisation;
  orgB: TestOrganisation;
  users: Record<Exclude<Who, 'anonymous' | 'staffWithout2fa' | 'tipSender'>, TestUser>;
  cookies: Record<Who, Cookies>;
  /** a case of the owner's in organisation A, kept open for the whole matrix */
  caseId: string;
  /** texts that only those allowed to read the case may ever see */
  secrets: string[];
  /** a tip sent to organisation A (by the tipSender), and what only its readers may see */
  tipId: string;
  /** a photo sent with that tip */
  tipFileId: string;
  tipSecrets: string[];
  freshTip(): Promise<string>;
  freshCase(): Promise<string>;
  freshEvent(caseId: string): Promise<string>;
  freshStaff(): Promise<TestUser>;
  freshInvite(): Promise<string>;
  /** a new session of the same account, for requests that end the session they are made with */
  freshCookies(who: Who): Promise<Cookies>;
}

export const buildAccessWorld = async (t: TestApp): Promise<AccessWorld> => {
  const db = t.opened.db;
  const clock = t.clock;
  const orgA = await createOrganisation(db, { clock });
  const orgB = await createOrganisation(db, { clock });
  const users = {
    owner: await createFamily(db, { clock }),
    otherFamily: await createFamily(db, { clock }),
    caseworker: await createStaff(db, orgA, 'caseworker', { clock }),
    verifier: await createStaff(db, orgA, 'verifier', { clock }),
    editor: await createStaff(db, orgA, 'editor', { clock }),
    orgAdmin: await createStaff(db, orgA, 'org_admin', { clock }),
    otherOrgStaff: await createStaff(db, orgB, 'caseworker', { clock }),
    otherOrgAdmin: await createStaff(db, orgB, 'org_admin', { clock }),
    siteAdmin: await createSiteAdmin(db, { clock }),
    siteAdminInOrg: await createSiteAdmin(db, { clock, org: orgA }),
  };
  // A caseworker of organisation A who has passed the passphrase but not the second factor (an
  // account of their own: "log out my other devices" by the caseworker must not end this session).
  const halfStaff = await createStaff(db, orgA, 'caseworker', { clock });
  const half = await createSession(db, {
    userId: halfStaff.id,
    privateKey: halfStaff.auth.userPrivateKey,
    secondFactorDone: false,
    clock,
  });
  const TIP_TEXT = 'Видел его в подвале. МАРКЕР-ПОДСКАЗКА-МАТРИЦА-4410';
  const photo = await prepareUpload(
    await sharp({ create: { width: 8, height: 8, channels: 3, background: '#345' } })
      .png()
      .toBuffer(),
  );
  const sendTip = (withFile = false) =>
    submitTip(
      { db, clock, config: t.config },
      parseForm(tipSchema('2026-03-02'), {
        organisation: orgA.id,
        surname: 'Тихомиров',
        what_happened: TIP_TEXT,
        how_known: 'saw_myself',
      }),
      { file: withFile ? photo : null },
    );
  const tip = await sendTip(true);
  const tipFile = await db
    .selectFrom('evidence_files')
    .select('id')
    .where('scope', '=', `tip:${tip.tipId}`)
    .executeTakeFirstOrThrow();
  const cookies: Record<Who, Cookies> = {
    anonymous: {},
    tipSender: { [TIP_COOKIE]: tip.cookie },
    staffWithout2fa: { [SESSION_COOKIE]: half.cookie },
    ...(Object.fromEntries(Object.entries(users).map(([k, u]) => [k, u.cookies])) as Record<
      keyof typeof users,
      Cookies
    >),
  };
  // The scheduler's jobs exist as they would after a first start (the jobs page lists them).
  await new Scheduler(
    { db, clock, log: { info: () => {}, error: () => {} } },
    allJobs({ db, clock, config: t.config }),
  ).register();
  const deps = { db, clock };
  // A surname no page shows unless it shows this case (not a form's example).
  const surname = 'Сазонтьев';
  const freshCase = async () => (await openCase(deps, users.owner.auth, caseInput(orgA.id, { surname }))).caseId;
  return {
    t,
    orgA,
    orgB,
    users,
    cookies,
    caseId: await freshCase(),
    secrets: [NARRATIVE, surname, TIP_TEXT],
    tipId: tip.tipId,
    tipFileId: tipFile.id,
    tipSecrets: [TIP_TEXT],
    freshTip: async () => (await sendTip()).tipId,
    freshCase,
    freshEvent: async (caseId) =>
      (
        await addEvent(deps, await authoriseCase(db, principalOf(users.owner.auth), caseId, 'add_event'), {
          kind: 'wounded',
          date: parsePartialDate('2026-02-01') ?? undefined,
          source: 'family',
          place: undefined,
          description: undefined,
          verification: undefined,
        })
      ).eventId,
    freshStaff: () => createStaff(db, orgA, 'caseworker', { clock }),
    freshInvite: async () => {
      await createInvite({ db, clock, config: t.config }, users.orgAdmin.auth, {
        organisationId: orgA.id,
        role: 'caseworker',
      });
      const row = await db
        .selectFrom('invites')
        .select('id')
        .where('organisation_id', '=', orgA.id)
        .where('used_at', 'is', null)
        .orderBy('created_at', 'desc')
        .executeTakeFirstOrThrow();
      return row.id;
    },
    freshCookies: async (who): Promise<Cookies> => {
      if (who === 'anonymous') return {};
      // A tip sender's fresh visit is a new tip of their own (deleting it ends the visit).
      if (who === 'tipSender') return { [TIP_COOKIE]: (await sendTip()).cookie };
      const u = who === 'staffWithout2fa' ? halfStaff : users[who];
      const s = await createSession(db, {
        userId: u.id,
        privateKey: u.auth.userPrivateKey,
        secondFactorDone: who !== 'staffWithout2fa',
        clock,
      });
      return { [SESSION_COOKIE]: s.cookie };
    },
  };
};
