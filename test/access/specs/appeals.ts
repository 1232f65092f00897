import { CASE_STAFF, FAMILY, everyone, only, type RouteSpec } from '../route-spec.ts';
import type { AccessWorld, Who } from '../world.ts';
import { principalOf } from '../../../src/policy/principal.ts';
import { authoriseCaseAppeals } from '../../../src/appeals/appeals-access.service.ts';
import { draftFor, saveDraft } from '../../../src/appeals/appeals.service.ts';
import { OWN_WORDS } from '../../../src/appeals/template-rules.ts';
import { recordStep, sendAppeal } from '../../../src/appeals/appeal-steps.service.ts';
import { createCollective } from '../../../src/appeals/collective.service.ts';
import { cleanFile } from '../../../src/evidence/file-rules.ts';
import { jpegWithGps } from '../../../src/evidence/evidence.fixtures.ts';
import { authorities } from '../../../src/appeals/directory.service.ts';
import { allGuides } from '../../../src/guides/guides.service.ts';

// Appeals belong to a case: its family and its organisation's case staff, nobody else. The kept
// original of a scan: verifiers and the organisation admin. Signing a collective appeal: the family
// only. The deadline list and collective appeals: case staff (of their own organisation's cases).
// The directory, templates and guides are edited by editors and site admins; guides are public.

interface Scene {
  appealId: string;
  fileAppealId: string;
  fileId: string;
  collectiveId: string;
  collectiveAppealId: string;
  authorityId: string;
  guideId: string;
}

const scenes = new WeakMap<AccessWorld, Promise<Scene>>();

const deps = (w: AccessWorld) => ({ db: w.t.opened.db, clock: w.t.clock, timeZone: w.t.config.timeZone });
const ownerGrant = (w: AccessWorld, caseId = w.caseId) =>
  authoriseCaseAppeals(w.t.opened.db, principalOf(w.users.owner.auth), caseId, 'write');

const freshDraft = async (w: AccessWorld, caseId = w.caseId): Promise<string> => {
  const grant = await ownerGrant(w, caseId);
  const { values } = await draftFor(deps(w), grant, { template: 'inquiry' });
  return saveDraft(deps(w), grant, {
    addressee: 'Командир войсковой части',
    subject: values.subject,
    // Her own words in place of the hint: a letter with the hint is neither printed nor sent.
    body: values.body.replace(OWN_WORDS, 'Сын не выходит на связь с 10 января.'),
    template: 'inquiry',
    authority: undefined,
    follows: undefined,
    address: undefined,
  });
};

const scene = (w: AccessWorld): Promise<Scene> => {
  if (!scenes.has(w))
    scenes.set(
      w,
      (async () => {
        const appealId = await freshDraft(w);
        const fileAppealId = await freshDraft(w);
        const grant = await ownerGrant(w);
        await sendAppeal(deps(w), grant, fileAppealId, {
          channel: 'post',
          sent_on: '2026-02-20',
          delivered_on: undefined,
          tracking: undefined,
        });
        const file = await cleanFile(await jpegWithGps());
        await recordStep(
          deps(w),
          grant,
          fileAppealId,
          {
            step: 'answer',
            on: '2026-03-01',
            number: undefined,
            summary: undefined,
            addressee: undefined,
            registered_on: undefined,
            days: undefined,
          },
          file,
        );
        const fileId = (
          await w.t.opened.db
            .selectFrom('appeal_steps')
            .select('file_id')
            .where('appeal_id', '=', fileAppealId)
            .where('file_id', 'is not', null)
            .executeTakeFirstOrThrow()
        ).file_id!;
        const other = await w.freshCase();
        const staff = { ...w.users.caseworker.auth, organisationId: w.orgA.id };
        const collectiveId = await createCollective(deps(w), staff, {
          addressee: 'Министерство обороны',
          subject: 'Коллективное обращение',
          body: 'Просим сообщить.',
          cases: [w.caseId, other],
          template: undefined,
          authority: undefined,
          address: undefined,
        });
        const collectiveAppealId = (
          await w.t.opened.db
            .selectFrom('appeals')
            .select('id')
            .where('collective_id', '=', collectiveId)
            .where('case_id', '=', w.caseId)
            .executeTakeFirstOrThrow()
        ).id;
        return {
          appealId,
          fileAppealId,
          fileId,
          collectiveId,
          collectiveAppealId,
          authorityId: (await authorities(w.t.opened.db))[0].id,
          guideId: (await allGuides(w.t.opened.db))[0].id,
        };
      })(),
    );
  return scenes.get(w)!;
};

const READERS = only(...FAMILY, ...CASE_STAFF);
const STAFF_ANY_ORG = only(...CASE_STAFF, 'otherOrgStaff', 'otherOrgAdmin');
const EDITORS = only('editor', 'siteAdmin', 'siteAdminInOrg');

export const appealSpecs: RouteSpec[] = [
  {
    method: 'GET',
    route: '/cases/:id/appeals/new',
    request: (w) => ({ url: `/cases/${w.caseId}/appeals/new` }),
    outcome: READERS,
  },
  {
    method: 'POST',
    route: '/cases/:id/appeals',
    // Missing fields: those allowed reach the form's errors, nobody else reaches the form.
    request: (w) => ({ url: `/cases/${w.caseId}/appeals`, fields: { template: 'inquiry' } }),
    outcome: READERS,
  },
  {
    method: 'GET',
    route: '/appeals/:id',
    request: async (w) => ({ url: `/appeals/${(await scene(w)).appealId}` }),
    outcome: READERS,
  },
  {
    method: 'GET',
    route: '/appeals/:id/edit',
    request: async (w) => ({ url: `/appeals/${(await scene(w)).appealId}/edit` }),
    outcome: READERS,
  },
  {
    method: 'POST',
    route: '/appeals/:id/edit',
    request: async (w) => ({ url: `/appeals/${(await scene(w)).appealId}/edit`, fields: { template: 'inquiry' } }),
    outcome: READERS,
  },
  {
    method: 'POST',
    route: '/appeals/:id/discard',
    request: async (w) => ({ url: `/appeals/${await freshDraft(w)}/discard`, fields: {} }),
    outcome: READERS,
  },
  {
    method: 'POST',
    route: '/appeals/:id/send',
    request: async (w) => ({
      url: `/appeals/${await freshDraft(w)}/send`,
      fields: { channel: 'post', sent_on: '2026-03-01' },
    }),
    outcome: READERS,
  },
  {
    method: 'POST',
    route: '/appeals/:id/steps',
    // Not multipart: those allowed get the form's 400, nobody else reaches it.
    request: async (w) => ({ url: `/appeals/${(await scene(w)).fileAppealId}/steps`, fields: { step: 'answer' } }),
    outcome: READERS,
  },
  {
    method: 'POST',
    route: '/appeals/:id/close',
    request: async (w) => ({ url: `/appeals/${await freshDraft(w)}/close`, fields: {} }),
    outcome: READERS,
  },
  {
    method: 'POST',
    route: '/appeals/:id/print',
    request: async (w) => ({
      url: `/appeals/${(await scene(w)).appealId}/print`,
      fields: { format: 'html', full_name: 'Имя Отчество', postal_address: 'Адрес' },
    }),
    outcome: READERS,
  },
  {
    method: 'POST',
    route: '/appeals/:id/sign',
    request: async (w) => ({
      url: `/appeals/${(await scene(w)).collectiveAppealId}/sign`,
      fields: { full_name: 'Имя', postal_address: 'Адрес' },
    }),
    outcome: only(...FAMILY),
  },
  {
    method: 'GET',
    route: '/appeals/:id/files/:fileId',
    request: async (w) => {
      const s = await scene(w);
      return { url: `/appeals/${s.fileAppealId}/files/${s.fileId}` };
    },
    outcome: READERS,
  },
  {
    method: 'GET',
    route: '/appeals/:id/files/:fileId/original',
    request: async (w) => {
      const s = await scene(w);
      return { url: `/appeals/${s.fileAppealId}/files/${s.fileId}/original` };
    },
    outcome: only('verifier', 'orgAdmin', 'siteAdminInOrg'),
  },
  { method: 'GET', route: '/staff/appeals', request: () => ({ url: '/staff/appeals' }), outcome: STAFF_ANY_ORG },
  { method: 'GET', route: '/staff/collective', request: () => ({ url: '/staff/collective' }), outcome: STAFF_ANY_ORG },
  {
    method: 'GET',
    route: '/staff/collective/new',
    request: () => ({ url: '/staff/collective/new' }),
    outcome: STAFF_ANY_ORG,
  },
  {
    method: 'POST',
    route: '/staff/collective',
    request: () => ({ url: '/staff/collective', fields: { subject: 'x' } }),
    outcome: STAFF_ANY_ORG,
  },
  {
    method: 'GET',
    route: '/staff/collective/:id',
    request: async (w) => ({ url: `/staff/collective/${(await scene(w)).collectiveId}` }),
    outcome: only(...CASE_STAFF),
  },
  {
    method: 'POST',
    route: '/staff/collective/:id/send',
    request: async (w) => ({
      url: `/staff/collective/${(await scene(w)).collectiveId}/send`,
      fields: { channel: 'post' },
    }),
    outcome: only(...CASE_STAFF),
  },
  {
    method: 'POST',
    route: '/staff/collective/:id/print',
    request: async (w) => ({
      url: `/staff/collective/${(await scene(w)).collectiveId}/print`,
      fields: { format: 'html' },
    }),
    outcome: only(...CASE_STAFF),
  },
  { method: 'GET', route: '/editor', request: () => ({ url: '/editor' }), outcome: EDITORS },
  { method: 'GET', route: '/editor/authorities', request: () => ({ url: '/editor/authorities' }), outcome: EDITORS },
  {
    method: 'POST',
    route: '/editor/authorities',
    request: () => ({ url: '/editor/authorities', fields: { name: 'x' } }),
    outcome: EDITORS,
  },
  {
    method: 'GET',
    route: '/editor/authorities/:id',
    request: async (w) => ({ url: `/editor/authorities/${(await scene(w)).authorityId}` }),
    outcome: EDITORS,
  },
  {
    method: 'POST',
    route: '/editor/authorities/:id',
    request: async (w) => ({ url: `/editor/authorities/${(await scene(w)).authorityId}`, fields: { name: '' } }),
    outcome: EDITORS,
  },
  { method: 'GET', route: '/editor/templates', request: () => ({ url: '/editor/templates' }), outcome: EDITORS },
  {
    method: 'GET',
    route: '/editor/templates/:key',
    request: () => ({ url: '/editor/templates/inquiry' }),
    outcome: EDITORS,
  },
  {
    method: 'POST',
    route: '/editor/templates/:key',
    request: () => ({ url: '/editor/templates/inquiry', fields: { body: '{{nope}}' } }),
    outcome: EDITORS,
  },
  { method: 'GET', route: '/editor/guides', request: () => ({ url: '/editor/guides' }), outcome: EDITORS },
  { method: 'GET', route: '/editor/guides/new', request: () => ({ url: '/editor/guides/new' }), outcome: EDITORS },
  {
    method: 'POST',
    route: '/editor/guides/new',
    request: () => ({ url: '/editor/guides/new', fields: { slug: 'Bad Slug' } }),
    outcome: EDITORS,
  },
  {
    method: 'GET',
    route: '/editor/guides/:id',
    request: async (w) => ({ url: `/editor/guides/${(await scene(w)).guideId}` }),
    outcome: EDITORS,
  },
  {
    method: 'POST',
    route: '/editor/guides/:id',
    request: async (w) => ({ url: `/editor/guides/${(await scene(w)).guideId}`, fields: { title: '' } }),
    outcome: EDITORS,
  },
  {
    method: 'POST',
    route: '/editor/guides/new/preview',
    request: () => ({ url: '/editor/guides/new/preview', fields: { lang: 'xx' } }),
    outcome: EDITORS,
  },
  {
    method: 'POST',
    route: '/editor/guides/:id/preview',
    request: async (w) => ({ url: `/editor/guides/${(await scene(w)).guideId}/preview`, fields: { title: '' } }),
    outcome: EDITORS,
  },
  {
    method: 'GET',
    route: '/editor/guides/:id/history',
    request: async (w) => ({ url: `/editor/guides/${(await scene(w)).guideId}/history` }),
    outcome: EDITORS,
  },
  {
    method: 'GET',
    route: '/editor/guides/:id/versions/:n',
    request: async (w) => ({ url: `/editor/guides/${(await scene(w)).guideId}/versions/1` }),
    outcome: EDITORS,
  },
  { method: 'GET', route: '/guides', request: () => ({ url: '/guides' }), outcome: everyone },
  { method: 'GET', route: '/guides/search', request: () => ({ url: '/guides/search' }), outcome: everyone },
  {
    method: 'POST',
    route: '/guides/search',
    request: (_w, _who: Who) => ({ url: '/guides/search', fields: { q: 'срок ответа' } }),
    outcome: everyone,
  },
  { method: 'GET', route: '/guides/:slug', request: () => ({ url: '/guides/no-answer' }), outcome: everyone },
];
