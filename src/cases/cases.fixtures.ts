import { afterAll, beforeAll } from 'vitest';
import { testApp, type TestApp } from '../../test/helpers/app.ts';
import type { DialectName } from '../db/database.ts';
import {
  createFamily,
  createOrganisation,
  createStaff,
  type TestOrganisation,
  type TestUser,
} from '../../test/helpers/factories.ts';
import { parsePartialDate } from '../people/partial-date.ts';
import type { CaseAction } from '../policy/case.policy.ts';
import { principalOf } from '../policy/principal.ts';
import { authoriseCase } from './case-access.service.ts';
import type { OpenCaseInput } from './cases.schema.ts';
import { openCase } from './cases.service.ts';
import { addEvent } from './events.service.ts';

// Test-only: a small world of two organisations, their staff in every role, and two families.

export const NARRATIVE = 'Сын перестал выходить на связь после звонка из Ростова. МАРКЕР-НАРРАТИВ-7781';

export const caseInput = (orgId: string, over: Partial<OpenCaseInput> = {}): OpenCaseInput => ({
  surname: 'Иванов',
  given_name: 'Пётр',
  patronymic: 'Сергеевич',
  birth_date: parsePartialDate('12.05.1998') ?? undefined,
  region: 'RU-ROS',
  unit_number: 'в/ч 12345',
  unit_name: '155-я бригада',
  rank: 'рядовой',
  service_category: 'mobilised',
  organisation: orgId,
  last_contact_date: parsePartialDate('2026-01-10') ?? undefined,
  last_contact_means: 'phone',
  relation: 'mother',
  narrative: NARRATIVE,
  wants_to_learn: 'Где он сейчас и жив ли он',
  ...over,
});

export interface World {
  orgA: TestOrganisation;
  orgB: TestOrganisation;
  family: TestUser;
  otherFamily: TestUser;
  caseworker: TestUser;
  verifier: TestUser;
  editor: TestUser;
  admin: TestUser;
  otherOrgCaseworker: TestUser;
  otherOrgAdmin: TestUser;
  caseId: string;
  otherCaseId: string;
}

export const buildWorld = async (t: TestApp): Promise<World> => {
  const db = t.opened.db;
  const clock = t.clock;
  const orgA = await createOrganisation(db, { clock });
  const orgB = await createOrganisation(db, { clock });
  const [family, otherFamily] = [await createFamily(db, { clock }), await createFamily(db, { clock })];
  const caseworker = await createStaff(db, orgA, 'caseworker', { clock });
  const verifier = await createStaff(db, orgA, 'verifier', { clock });
  const editor = await createStaff(db, orgA, 'editor', { clock });
  const admin = await createStaff(db, orgA, 'org_admin', { clock });
  const otherOrgCaseworker = await createStaff(db, orgB, 'caseworker', { clock });
  const otherOrgAdmin = await createStaff(db, orgB, 'org_admin', { clock });
  const deps = { db, clock };
  const { caseId } = await openCase(deps, family.auth, caseInput(orgA.id));
  const { caseId: otherCaseId } = await openCase(
    deps,
    otherFamily.auth,
    caseInput(orgA.id, { surname: 'Петров', narrative: 'другая история' }),
  );
  return {
    orgA,
    orgB,
    family,
    otherFamily,
    caseworker,
    verifier,
    editor,
    admin,
    otherOrgCaseworker,
    otherOrgAdmin,
    caseId,
    otherCaseId,
  };
};

export const grantFor = <A extends CaseAction = 'read'>(t: TestApp, user: TestUser, caseId: string, action?: A) =>
  authoriseCase(t.opened.db, principalOf(user.auth), caseId, (action ?? 'read') as A);

/**
 * One app and one world per describe block: `s.t` and `s.w` are set in beforeAll (read them
 * inside tests, not at collection time) and the app is closed in afterAll.
 */
export const useWorld = (dialect: DialectName): { t: TestApp; w: World } => {
  const s = {} as { t: TestApp; w: World };
  beforeAll(async () => {
    s.t = await testApp(dialect);
    s.w = await buildWorld(s.t);
  });
  afterAll(() => s.t.close());
  return s;
};

/** The family's edit form as it is sent: her request's fields, with `over` changed. */
export const editForm = (over: Record<string, string> = {}): Record<string, string> => ({
  surname: 'Иванов',
  given_name: 'Пётр',
  patronymic: 'Сергеевич',
  birth_date: '12.05.1998',
  region: 'RU-ROS',
  unit_number: 'в/ч 12345',
  unit_name: '155-я бригада',
  rank: 'рядовой',
  service_category: 'mobilised',
  relation: 'mother',
  narrative: NARRATIVE,
  wants_to_learn: 'Где он сейчас и жив ли он',
  ...over,
});

/** The version an edit page was drawn at (its hidden "seen" field). */
export const seenOf = (body: string): string => {
  const m = /name="seen" value="([^"]+)"/.exec(body);
  if (!m) throw new Error('no seen field on the edit page');
  return m[1];
};

/** A verifier records an official notice of the death on `date` (warnings accepted): the discrepancy tests' set-up. */
export const officialDeathOn = async (t: TestApp, verifier: TestUser, caseId: string, date: string) =>
  addEvent(
    { db: t.opened.db, clock: t.clock },
    await grantFor(t, verifier, caseId, 'add_event'),
    {
      kind: 'death_confirmed',
      date: parsePartialDate(date) ?? undefined,
      source: 'official',
      verification: 'confirmed',
    },
    { acceptWarnings: true, reason: 'Извещение военкомата' },
  );
