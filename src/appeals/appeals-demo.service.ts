import sharp from 'sharp';
import type { Db } from '../db/database.ts';
import { DAY, type ManualClock } from '../shared/clock.ts';
import { principalOf, systemPrincipal, type AuthContext } from '../policy/principal.ts';
import { cleanFile } from '../evidence/file-rules.ts';
import { addDays } from './deadline-rules.ts';
import { authoriseCaseAppeals } from './appeals-access.service.ts';
import { draftFor, saveDraft, todayOf } from './appeals.service.ts';
import { OWN_WORDS } from './template-rules.ts';
import { appealsStats, closeAppeal, markOverdue, recordStep, sendAppeal } from './appeal-steps.service.ts';
import { createCollective } from './collective.service.ts';
import { signAppeal } from './appeals-print.service.ts';
import { authorities, saveAuthority } from './directory.service.ts';
import type { StepInput } from './appeals.schema.ts';

// The demo's appeals (`kintrace demo`): one in every state of the lifecycle, two of them overdue,
// a scanned answer, and a collective appeal half signed — built through the real services, on the
// demo's own clock, so every page of the appeals has something to show. Synthetic, marked «ДЕМО».

export interface DemoCaseRef {
  caseId: string;
  family: AuthContext;
  caseworker: AuthContext & { organisationId: string };
  editor: AuthContext;
}

const step = (s: StepInput['step'], on: string, more: Partial<StepInput> = {}): StepInput => ({
  step: s,
  on,
  number: undefined,
  summary: undefined,
  addressee: undefined,
  registered_on: undefined,
  days: undefined,
  ...more,
});

export const playDemoAppeals = async (
  db: Db,
  clock: ManualClock,
  timeZone: string,
  cases: DemoCaseRef[],
): Promise<number> => {
  const [a, b] = cases;
  const deps = { db, clock, timeZone };
  await saveAuthority(deps, a.editor, null, {
    kind: 'military_commissariat',
    name: 'ДЕМО Военный комиссариат Ростовской области',
    region: 'RU-ROS',
    postal_address: '344000, г. Ростов-на-Дону, ул. Демонстрационная, д. 1 (ДЕМО)',
    online_url: undefined,
    notes: 'ДЕМО: вымышленный адрес для показа.',
  });
  const auths = await authorities(db);
  const pick = (kind: string) => auths.find((x) => x.kind === kind)?.id;
  const today = todayOf(deps);
  const ago = (n: number) => addDays(today, -n);
  const make = async (ref: DemoCaseRef, template: string, authorityKind: string) => {
    const grant = await authoriseCaseAppeals(db, principalOf(ref.family), ref.caseId, 'write');
    const draft = await draftFor(deps, grant, { template, authority: pick(authorityKind) });
    const v = draft.values;
    const id = await saveDraft(deps, grant, {
      template,
      authority: v.authority || undefined,
      follows: undefined,
      addressee: v.addressee || 'ДЕМО Командир войсковой части',
      address: v.address || undefined,
      subject: `ДЕМО: ${v.subject}`,
      // A family writes its own words in place of the hint before the letter goes anywhere.
      body: v.body.replace(OWN_WORDS, 'ДЕМО: сын не выходит на связь, сведений от части нет.'),
    });
    return { grant, id };
  };
  const send = async (
    x: { grant: Awaited<ReturnType<typeof make>>['grant']; id: string },
    on: string,
    channel = 'online',
  ) =>
    sendAppeal(deps, x.grant, x.id, {
      channel: channel as 'online',
      sent_on: on,
      delivered_on: undefined,
      tracking: 'ДЕМО-0001',
    });

  await make(a, 'inquiry', 'ministry_of_defence'); // draft
  const sent = await make(a, 'inquiry', 'military_commissariat');
  await send(sent, ago(10));
  const registered = await make(a, 'ombudsman', 'ombudsman_federal');
  await send(registered, ago(20));
  await recordStep(deps, registered.grant, registered.id, step('register', ago(18), { number: 'ДЕМО-ОГ-18' }), null);
  const forwarded = await make(a, 'inquiry', 'ministry_of_defence');
  await send(forwarded, ago(25));
  await recordStep(deps, forwarded.grant, forwarded.id, step('register', ago(23)), null);
  await recordStep(
    deps,
    forwarded.grant,
    forwarded.id,
    step('forward', ago(18), { addressee: 'ДЕМО Штаб Южного военного округа' }),
    null,
  );
  const extended = await make(a, 'death_documents', 'ministry_of_defence');
  await send(extended, ago(40));
  await recordStep(deps, extended.grant, extended.id, step('register', ago(38)), null);
  await recordStep(deps, extended.grant, extended.id, step('extend', ago(10), { days: 30 }), null);
  const answered = await make(a, 'inquiry', 'military_commissariat');
  await send(answered, ago(30), 'post');
  const scan = await sharp({ create: { width: 600, height: 800, channels: 3, background: '#f4f1e8' } })
    .png()
    .toBuffer();
  await recordStep(
    deps,
    answered.grant,
    answered.id,
    step('answer', ago(5), {
      summary: 'ДЕМО: «Сведениями о местонахождении не располагаем». Ответ по существу не дан.',
      number: 'ДЕМО-5/118',
    }),
    await cleanFile(scan),
  );
  const overdue = await make(a, 'inquiry', 'military_prosecutor');
  await send(overdue, ago(45));
  await recordStep(deps, overdue.grant, overdue.id, step('register', ago(44), { number: 'ДЕМО-44' }), null);
  const overdueB = await make(b, 'inquiry', 'ministry_of_defence');
  await send(overdueB, ago(48), 'post');
  const closed = await make(b, 'ombudsman', 'ombudsman_federal');
  await send(closed, ago(12));
  await closeAppeal(deps, closed.grant, closed.id);
  await markOverdue(deps, systemPrincipal('scheduler'));
  // A collective appeal of both families, signed by the first so far.
  const collectiveId = await createCollective(deps, a.caseworker, {
    template: 'collective',
    authority: pick('ministry_of_defence'),
    addressee: 'Министерство обороны Российской Федерации',
    address: undefined,
    subject: 'ДЕМО: Коллективное обращение семей',
    body: 'ДЕМО. Мы, родственники военнослужащих одной части, просим сообщить каждой семье о судьбе её родственника.',
    cases: [a.caseId, b.caseId],
  });
  const mine = await db
    .selectFrom('appeals')
    .select('id')
    .where('collective_id', '=', collectiveId)
    .where('case_id', '=', a.caseId)
    .executeTakeFirstOrThrow();
  const signGrant = await authoriseCaseAppeals(db, principalOf(a.family), a.caseId, 'sign');
  await signAppeal(deps, signGrant, mine.id, {
    full_name: 'ДЕМО Иванова Мария Петровна',
    postal_address: 'ДЕМО, г. Шахты',
  });
  clock.advance(DAY / 24);
  return Object.values(await appealsStats(db)).reduce((a, n) => a + n, 0);
};
