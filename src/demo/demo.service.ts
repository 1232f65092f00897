import fs from 'node:fs';
import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';
import { DAY, ManualClock, orgDay, type Clock } from '../shared/clock.ts';
import type { AuthContext, Role, StaffRole } from '../policy/principal.ts';
import { parseForm } from '../shared/validation.ts';
import { Said, type Translate } from '../shared/said.ts';
import { principalOf, systemPrincipal } from '../policy/principal.ts';
import { runMatching } from '../matching/scoring.service.ts';
import type { CaseAction } from '../policy/case.policy.ts';
import { generatePassphrase } from '../accounts/account-keys.crypto.ts';
import { countUsers, wrapOrganisationKeyFor } from '../accounts/accounts.service.ts';
import { provisionAccount, provisionOrganisation } from '../accounts/provision.service.ts';
import { authoriseCase } from '../cases/case-access.service.ts';
import { addNote, assignCase, closeCase, sendMessage } from '../cases/case-work.service.ts';
import { openCase } from '../cases/cases.service.ts';
import { addEvent, confirmEvent } from '../cases/events.service.ts';
import { eventSchema, openCaseSchema } from '../cases/cases.schema.ts';
import { playDemoAppeals, type DemoCaseRef } from '../appeals/appeals-demo.service.ts';
import {
  DEMO_CASES,
  DEMO_FAMILY_COUNT,
  DEMO_MARK,
  DEMO_ORGANISATIONS,
  DEMO_STAFF_ROLES,
  demoNames,
  DEMO_TIPS,
  type DemoCase,
  type DemoTip,
} from './demo.data.ts';
import type { TipsDeps } from '../tips/tip-deps.ts';
import { submitTip } from '../tips/tip-intake.service.ts';
import { endTipSession, loadTipSession, takeReceiptCode } from '../tips/tip-sessions.service.ts';
import { authoriseTip, openTipAccess } from '../tips/tip-access.service.ts';
import { closeTip, replyToTip } from '../tips/tip-staff.service.ts';
import { addToTip } from '../tips/tip-sender.service.ts';
import { attachTipToCase } from '../tips/tip-attach.service.ts';
import { attachTipSchema, tipSchema } from '../tips/tips.schema.ts';
import { formatReceiptCode } from '../shared/crypto/receipt-code.ts';
import { tipSenderPrincipal } from '../policy/principal.ts';

// `kintrace demo`: a synthetic, clearly marked world built through the real services (accounts
// provisioning, cases), so every page has something to show. It only ever fills an EMPTY data
// directory (and an empty database): synthetic records must never mix with real ones.

/** A refusal of `kintrace demo`, said by its words in the operator's language. */
export class DemoRefused extends Said {}

/** The reason a demo staff member gives on a confirmation page. */
const DEMO_REASON = `${DEMO_MARK}. Сверено по второму источнику.`;

export interface DemoLogin {
  pseudonym: string;
  passphrase: string;
  role: Role;
  organisation: string | null;
  /** base32 TOTP secret for staff (add it to an authenticator app, or `kintrace demo --totp <secret>`) */
  totpSecret: string | null;
}

export interface DemoReport {
  organisations: string[];
  organisationIds: string[];
  logins: DemoLogin[];
  cases: number;
  /** receipt codes of the demo tips, to try the sender's side at /tip */
  tips: Array<{ code: string; organisation: string }>;
  appeals: number;
}

/** Refuses unless the data directory is missing or empty (checked before the database is opened). */
export const assertEmptyDataDir = (dataDir: string): void => {
  if (!fs.existsSync(dataDir)) return;
  if (!fs.statSync(dataDir).isDirectory()) throw new DemoRefused('demo.cli.notADirectory', { dir: dataDir });
  const entries = fs.readdirSync(dataDir);
  if (entries.length > 0) {
    throw new DemoRefused('demo.cli.notEmpty', {
      dir: dataDir,
      entries: `${entries.slice(0, 3).join(', ')}${entries.length > 3 ? ', …' : ''}`,
    });
  }
};

type Staff = { auth: AuthContext; login: DemoLogin };

const authOf = (
  userId: string,
  pseudonym: string,
  role: Role,
  organisationId: string | null,
  privateKey: Buffer,
): AuthContext => ({
  userId,
  pseudonym,
  role,
  organisationId,
  secondFactorDone: true,
  totpEnabled: role !== 'family',
  sessionId: 'demo',
  userPrivateKey: privateKey,
});

/** A demo database (its organisations carry the demo mark): the server then says where to log in. */
export const holdsDemo = async (db: Db): Promise<boolean> =>
  (await db.selectFrom('organisations').select('name').where('name', 'like', `${DEMO_MARK}%`).executeTakeFirst()) !==
  undefined;

/** Fills an empty database with the demo; throws DemoRefused if it already holds any account. */
export const runDemo = async (deps: {
  db: Db;
  config: Pick<Config, 'argon2' | 'timeZone'>;
  clock: Clock;
}): Promise<DemoReport> => {
  if ((await countUsers(deps.db)) > 0) throw new DemoRefused('demo.cli.hasAccounts');
  // The story unfolds over the last seven weeks, so queues show recent and stale cases.
  const clock = new ManualClock(new Date(deps.clock.now().getTime() - 49 * DAY));
  const pdeps = { db: deps.db, config: deps.config, clock };
  const cdeps = { db: deps.db, clock, config: { timeZone: deps.config.timeZone } };
  const logins: DemoLogin[] = [];

  const account = async (
    pseudonym: string,
    role: Role,
    org: { id: string; name: string; privateKey: Buffer } | null,
  ) => {
    const passphrase = generatePassphrase();
    const made = await provisionAccount(pdeps, {
      pseudonym,
      passphrase,
      role,
      organisation: org,
      withTotp: role !== 'family',
    });
    const login: DemoLogin = {
      pseudonym,
      passphrase,
      role,
      organisation: org?.name ?? null,
      totpSecret: made.totpSecret,
    };
    logins.push(login);
    return { made, login, auth: authOf(made.userId, pseudonym, role, org?.id ?? null, made.privateKey) };
  };

  const orgs = [];
  for (const name of DEMO_ORGANISATIONS) {
    const o = await provisionOrganisation(pdeps, name);
    orgs.push({ id: o.id, name: o.name, privateKey: o.keyPair.privateKey });
  }
  // A site administrator inside the first organisation who also holds the second one's key.
  const site = await account('demo-site-admin', 'site_admin', orgs[0]);
  await wrapOrganisationKeyFor(
    deps.db,
    orgs[1].id,
    orgs[1].privateKey,
    { id: site.made.userId, publicKey: site.made.publicKey },
    clock,
  );

  const staff: Array<Record<StaffRole, Staff>> = [];
  for (const [i, org] of orgs.entries()) {
    const byRole = {} as Record<StaffRole, Staff>;
    for (const role of DEMO_STAFF_ROLES)
      byRole[role] = await account(`demo-${role.replace('_', '-')}-${i === 0 ? 'north' : 'south'}`, role, org);
    staff.push(byRole);
  }
  const families = [];
  for (let i = 1; i <= DEMO_FAMILY_COUNT; i++) families.push(await account(`demo-family-${i}`, 'family', null));

  const names = demoNames(DEMO_CASES.length);
  const open: DemoCaseRef[] = [];
  const caseIdsByIndex: string[] = [];
  for (const [i, c] of DEMO_CASES.entries()) {
    clock.advance(5 * DAY);
    const caseId = await playCase(
      cdeps,
      c,
      names[c.samePersonAs ?? i],
      orgs[c.org].id,
      families[c.family].auth,
      staff[c.org],
    );
    caseIdsByIndex.push(caseId);
    if (c.org === 0 && !c.close)
      open.push({
        caseId,
        family: families[c.family].auth,
        caseworker: { ...staff[0].caseworker.auth, organisationId: orgs[0].id },
        editor: staff[0].editor.auth,
      });
  }
  // Requests about the same person are scored, so the review queue has pairs to show (issue 11).
  await runMatching(cdeps, systemPrincipal('import'));
  // The tips come in over the last days, never after today: played after the cases' seven weeks,
  // they were received, answered and attached up to three days ahead («получено 10.12» on the 7th).
  const tipsFrom = deps.clock.now().getTime() - DEMO_TIPS.length * 3 * DAY;
  if (clock.now().getTime() > tipsFrom) clock.set(new Date(tipsFrom));
  const tips = [];
  for (const tip of DEMO_TIPS) {
    clock.advance(DAY);
    const about =
      tip.aboutCase === undefined ? undefined : names[DEMO_CASES[tip.aboutCase].samePersonAs ?? tip.aboutCase];
    const code = await playTip(
      {
        db: deps.db,
        clock,
        config: {
          argon2: deps.config.argon2,
          retentionDays: 90,
          sessionIdleMinutes: 30,
          timeZone: deps.config.timeZone,
        },
      },
      tip,
      about,
      orgs[tip.org].id,
      staff[tip.org].caseworker.auth,
      tip.aboutCase === undefined ? undefined : caseIdsByIndex[tip.aboutCase],
    );
    tips.push({ code, organisation: orgs[tip.org].name });
  }
  // Appeals in every state of their lifecycle, some overdue, on today's date (src/appeals/).
  clock.set(deps.clock.now());
  const appeals = await playDemoAppeals(deps.db, clock, deps.config.timeZone, open);
  return {
    organisations: orgs.map((o) => o.name),
    organisationIds: orgs.map((o) => o.id),
    logins,
    cases: DEMO_CASES.length,
    appeals,
    tips,
  };
};

/** A stranger's tip, played through the tips services: sent, answered, added to, attached. */
const playTip = async (
  deps: TipsDeps & { clock: ManualClock },
  tip: DemoTip,
  about: { surname: string; given: string; patronymic: string } | undefined,
  orgId: string,
  worker: AuthContext,
  caseId: string | undefined,
): Promise<string> => {
  const today = orgDay(deps);
  const sent = await submitTip(
    deps,
    parseForm(tipSchema(today), {
      organisation: orgId,
      surname: about?.surname ?? '',
      given_name: about?.given ?? '',
      what_happened: tip.what,
      event_date: tip.when ?? '',
      place: tip.place ?? '',
      how_known: tip.how,
    }),
  );
  const visit = await loadTipSession(deps.db, sent.cookie, deps.clock, deps.config.sessionIdleMinutes);
  const code = visit ? await takeReceiptCode(deps.db, visit) : null;
  if (!visit || !code) throw new Error('demo tip without its receipt');
  const staff = principalOf(worker);
  if (tip.reply) {
    deps.clock.advance(DAY / 2);
    await replyToTip(
      deps,
      await openTipAccess(deps.db, await authoriseTip(deps.db, staff, sent.tipId, 'reply')),
      tip.reply,
    );
  }
  if (tip.added) {
    deps.clock.advance(DAY / 2);
    const grant = await authoriseTip(deps.db, tipSenderPrincipal(sent.tipId), sent.tipId, 'add');
    await addToTip(deps, await openTipAccess(deps.db, grant, visit.key), tip.added);
  }
  if (tip.attachAs && caseId) {
    deps.clock.advance(DAY / 2);
    const access = await openTipAccess(deps.db, await authoriseTip(deps.db, staff, sent.tipId, 'attach'));
    await attachTipToCase(
      deps,
      access,
      staff,
      parseForm(attachTipSchema(orgDay(deps)), {
        case_ref: caseId,
        kind: tip.attachAs,
        date: tip.when ?? orgDay(deps),
        place: tip.place ?? '',
        description: tip.what,
      }),
    );
    await closeTip(deps, await authoriseTip(deps.db, staff, sent.tipId, 'close'), 'attached');
  }
  await endTipSession(deps.db, visit.idHash);
  return code;
};

const playCase = async (
  deps: { db: Db; clock: ManualClock; config: { timeZone: string } },
  c: DemoCase,
  name: { surname: string; given: string; patronymic: string },
  orgId: string,
  family: AuthContext,
  staff: Record<StaffRole, Staff>,
): Promise<string> => {
  const today = () => orgDay(deps);
  const input = parseForm(openCaseSchema(today()), {
    organisation: orgId,
    surname: name.surname,
    given_name: name.given,
    patronymic: name.patronymic,
    birth_date: c.person.birth,
    region: c.person.region,
    unit_number: c.person.unitNumber,
    unit_name: c.person.unitName,
    rank: c.person.rank,
    service_category: c.person.category,
    relation: c.relation,
    last_contact_date: c.lastContact?.date ?? '',
    last_contact_means: c.lastContact?.means ?? '',
    narrative: c.narrative,
    wants_to_learn: c.wants,
  });
  const { caseId } = await openCase(deps, family, input);
  const grant = <A extends CaseAction>(auth: AuthContext, action: A) =>
    authoriseCase(deps.db, principalOf(auth), caseId, action);
  const actor = (who: 'family' | 'caseworker' | 'verifier') => (who === 'family' ? family : staff[who].auth);
  const step = () => deps.clock.advance(DAY / 3);

  for (const e of c.events) {
    step();
    const fields = {
      kind: e.kind,
      date: e.date,
      place: e.place ?? '',
      source: e.source,
      description: e.description ?? '',
      verification: e.by === 'family' ? '' : (e.level ?? 'reported'),
    };
    const adder = await grant(actor(e.by), 'add_event');
    const input = parseForm(eventSchema(today()), fields);
    // As on the check page: the date warnings seen and saved anyway, a reason for a grave change.
    const { eventId } = await addEvent(deps, adder, input, { acceptWarnings: true, reason: DEMO_REASON });
    if (e.raise) {
      step();
      await confirmEvent(deps, await grant(actor(e.raise.by), 'confirm'), eventId, e.raise.to, DEMO_REASON);
    }
  }
  const worker = staff[c.assign ?? 'caseworker'].auth;
  if (c.assign) {
    step();
    await assignCase(deps, await grant(worker, 'assign'), worker.userId);
  }
  for (const m of c.messages) {
    step();
    await sendMessage(deps, await grant(m.from === 'family' ? family : worker, 'message'), m.body);
  }
  for (const n of c.notes) {
    step();
    await addNote(deps, await grant(worker, 'note'), n);
  }
  if (c.close) {
    step();
    await closeCase(deps, await grant(worker, 'close'), c.close);
  }
  return caseId;
};

/** What `kintrace demo` prints: where to log in and as whom, in the operator's language (t). */
export const formatReport = (report: DemoReport, publicUrl: string, t: Translate): string => {
  const role = (r: Role) => t(`accounts.roles.${r}`);
  const roleWidth = Math.max(11, ...report.logins.map((l) => role(l.role).length));
  const rows = report.logins.map((l) =>
    [
      role(l.role).padEnd(roleWidth),
      l.pseudonym.padEnd(22),
      l.passphrase,
      l.totpSecret ? `  ${t('demo.cli.report.secret', { secret: l.totpSecret })}` : '',
      l.organisation ? `  (${l.organisation})` : '',
    ].join('  '),
  );
  return [
    t('demo.cli.report.title', {
      mark: DEMO_MARK,
      organisations: report.organisations.length,
      accounts: report.logins.length,
      cases: report.cases,
      appeals: report.appeals,
    }),
    // The address is the one PORT, HOST and PUBLIC_URL give now: the server, started with the same
    // settings, prints it again (main.ts), so a later PORT=3000 is not met with a stale :8080.
    t('demo.cli.report.start'),
    `  ${publicUrl}/login`,
    t('demo.cli.report.with'),
    '',
    `${t('demo.cli.report.role').padEnd(roleWidth)}  ${t('demo.cli.report.pseudonym').padEnd(22)}  ${t('demo.cli.report.passphrase')}`,
    ...rows,
    '',
    t('demo.cli.report.twoFactor'),
    '',
    t('demo.cli.report.tips', { url: `${publicUrl}/tip` }),
    ...report.tips.map((t) => `  ${formatReceiptCode(t.code)}  (${t.organisation})`),
    '',
  ].join('\n');
};
