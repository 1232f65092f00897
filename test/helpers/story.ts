import { randomInt } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { ManualClock } from '../../src/shared/clock.ts';
import { createSiteAdmin } from '../../src/accounts/staff.service.ts';
import { totpCode } from '../../src/accounts/totp.crypto.ts';
import { Visitor, type Page } from './visitor.ts';

// The whole story of issue 3 over HTTP, through the real pages and forms (as a browser without
// JavaScript would): an administrator (created as `kintrace admin create` does) sets up 2FA and
// invites a caseworker; a family registers and opens a case with an event; the caseworker sets up
// 2FA, takes the case, corroborates the event, writes a note and a message; the family reads
// them and answers. Every text typed is a caller-chosen marker, so the security tests can look
// for it afterwards in everything the server wrote.

export interface StoryTexts {
  narrative: string;
  wantsToLearn: string;
  eventDescription: string;
  note: string;
  staffMessage: string;
  familyMessage: string;
  /** the caseworker's reason for corroborating the capture (issue 9: a capture is confirmed with a reason) */
  confirmReason: string;
}

export interface StoryResult {
  caseId: string;
  eventId: string;
  organisationId: string;
  family: { pseudonym: string; passphrase: string; recoveryCodes: string[]; visitor: Visitor };
  admin: { pseudonym: string; passphrase: string; totpSecret: string; visitor: Visitor };
  caseworker: { pseudonym: string; passphrase: string; totpSecret: string; visitor: Visitor; userId: string };
  inviteUrl: string;
  /** pages the family saw at the end: the case with the staff message and the corroboration */
  familyCasePage: Page;
  staffCasePage: Page;
}

/** Random Cyrillic letters: markers that cannot collide with anything else on the machine. */
export const cyrillicTag = (n = 10): string =>
  Array.from({ length: n }, () => String.fromCharCode(0x430 + randomInt(32))).join('');

export const storyTexts = (tag = cyrillicTag()): StoryTexts => ({
  narrative: `Сын перестал выходить на связь после звонка из-под Херсона ${tag}РАССКАЗ`,
  wantsToLearn: `Жив ли он и где его держат ${tag}ХОТИМ`,
  eventDescription: `Сослуживец сказал по телефону, что его увезли ${tag}СОБЫТИЕ`,
  note: `Проверить через правозащитников в Ростове ${tag}ЗАМЕТКА`,
  staffMessage: `Мы подтвердили сведения сослуживца ${tag}СООБЩЕНИЕ`,
  familyMessage: `Спасибо, ждём новостей ${tag}ОТВЕТ`,
  confirmReason: `Видео из плена сверено с фото ${tag}ПРИЧИНА`,
});

/** Whether the page shows `text` (as the renderer escapes it: &, < and "). */
export const shows = (page: Page, text: string): boolean =>
  page.body.includes(text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;'));

const must = (page: Page, what: string, ok: boolean): void => {
  if (!ok) throw new Error(`${what}: unexpected page ${page.url} (status ${page.status})\n${page.body.slice(0, 2000)}`);
};

const one = (re: RegExp, page: Page, what: string): string => {
  const m = re.exec(page.body);
  must(page, what, !!m);
  return m![1];
};

/** The TOTP secret shown on the setup page ("ABCD EFGH …"), without spaces. */
export const shownSecret = (page: Page): string =>
  one(/<code class="secret">([A-Z2-7 ]{16,})<\/code>/, page, 'TOTP secret').replace(/ /g, '');

/**
 * Passphrase again when asked (a first setup minutes after the passphrase is not asked:
 * twofactor.service.ts passphraseJustEntered), read the secret, answer with a code computed here
 * as an authenticator app would.
 */
const setUpTwoFactor = async (app: FastifyInstance, v: Visitor, passphrase: string): Promise<string> => {
  const first = await v.get('/account/2fa');
  const page = first.body.includes('action="/account/2fa/passphrase"')
    ? await v.submit(null, '/account/2fa/passphrase', { passphrase })
    : first;
  const secret = shownSecret(page);
  const done = await v.submit(null, '/account/2fa/confirm', { code: totpCode(secret, app.deps.clock.now()) });
  // Administrators land on the next steps of setting the site up, caseworkers on the queue.
  must(done, '2FA confirmation', ['/staff', '/admin/start'].includes(done.url) && done.status === 200);
  return secret;
};

export const runStory = async (
  app: FastifyInstance,
  texts: StoryTexts,
  headers: Record<string, string> = {},
): Promise<StoryResult> => {
  const deps = app.deps;
  const tag = cyrillicTag(6);

  // The first administrator, as `kintrace admin create --organisation …` makes one.
  const admin = {
    pseudonym: `admin ${tag}`,
    passphrase: `admin passphrase ${tag} 1`,
    totpSecret: '',
    visitor: new Visitor(app, headers),
  };
  const created = await createSiteAdmin(deps, {
    pseudonym: admin.pseudonym,
    passphrase: admin.passphrase,
    organisationName: `Правозащитная группа ${tag}`,
  });
  const organisationId = created.organisationId!;
  const adminLogin = await admin.visitor.submit('/login', '/login', {
    pseudonym: admin.pseudonym,
    passphrase: admin.passphrase,
  });
  must(adminLogin, 'admin sent to 2FA setup', adminLogin.url === '/account/2fa');
  admin.totpSecret = await setUpTwoFactor(app, admin.visitor, admin.passphrase);
  const invite = await admin.visitor.submit(`/admin/invites?org=${organisationId}`, '/admin/invites', {
    organisationId,
    role: 'caseworker',
  });
  const inviteUrl = one(
    /<code class="secret">(https?:\/\/[^<]+\/invite\/[A-Za-z0-9_-]+)<\/code>/,
    invite,
    'invite link',
  );

  // The family: pseudonym and passphrase only; recovery codes shown once.
  const family = {
    pseudonym: `мама ${tag}`,
    passphrase: `семейная фраза ${tag} 7`,
    recoveryCodes: [] as string[],
    visitor: new Visitor(app, headers),
  };
  const codes = await family.visitor.submit('/register', '/register', {
    pseudonym: family.pseudonym,
    passphrase: family.passphrase,
    confirm: family.passphrase,
  });
  family.recoveryCodes = [...codes.body.matchAll(/<code class="secret">([0-9A-Z-]{20,})<\/code>/g)].map((m) => m[1]);
  must(codes, 'recovery codes', family.recoveryCodes.length > 0);
  const opened = await family.visitor.submit('/cases/new', '/cases/new', {
    organisation: organisationId,
    surname: 'Демидов',
    given_name: 'Степан',
    patronymic: 'Ильич',
    birth_date: '1999',
    region: 'RU-ROS',
    unit_number: '12345',
    unit_name: '150-я мотострелковая дивизия',
    service_category: 'mobilised',
    relation: 'other_relative',
    last_contact_date: '03.2025',
    last_contact_means: 'through_comrade',
    narrative: texts.narrative,
    wants_to_learn: texts.wantsToLearn,
  });
  const caseId = one(/^\/cases\/([0-9a-f-]{36})$/, { ...opened, body: opened.url }, 'case opened');
  await family.visitor.submit(`/cases/${caseId}`, `/cases/${caseId}/events`, {
    kind: 'captured',
    date: '04.2025',
    place: 'Херсонская область',
    source: 'witness',
    description: texts.eventDescription,
  });

  // The caseworker accepts the invite and must set up 2FA before seeing any case.
  const caseworker = {
    pseudonym: `сотрудник ${tag}`,
    passphrase: `рабочая фраза ${tag} 3`,
    totpSecret: '',
    visitor: new Visitor(app, headers),
    userId: '',
  };
  const path = new URL(inviteUrl).pathname;
  const accepted = await caseworker.visitor.submit(path, path, {
    pseudonym: caseworker.pseudonym,
    passphrase: caseworker.passphrase,
    confirm: caseworker.passphrase,
  });
  must(accepted, 'invite accepted, 2FA required', accepted.url === '/account/2fa');
  const early = await caseworker.visitor.request('GET', `/cases/${caseId}`, undefined, false);
  must(early, 'no case before 2FA', early.status === 303 && !shows(early, texts.narrative));
  if (deps.clock instanceof ManualClock) deps.clock.advance(30_000);
  caseworker.totpSecret = await setUpTwoFactor(app, caseworker.visitor, caseworker.passphrase);

  const staffCase = await caseworker.visitor.get(`/cases/${caseId}`);
  must(staffCase, 'staff reads the case', staffCase.status === 200 && shows(staffCase, texts.narrative));
  caseworker.userId = one(
    new RegExp(`<option value="([0-9a-f-]{36})"[^>]*>${caseworker.pseudonym}</option>`),
    staffCase,
    'assignee option',
  );
  await caseworker.visitor.submit(null, `/staff/cases/${caseId}/assign`, { assignee: caseworker.userId });
  // A capture is never one click: its confirmation page shows the sources and asks for a reason.
  const eventId = one(
    /action="\/staff\/events\/([0-9a-f-]{36})\/confirm"/,
    caseworker.visitor.last!,
    'event to confirm',
  );
  const confirmPage = `/staff/events/${eventId}/confirm?level=corroborated`;
  const confirmed = await caseworker.visitor.submit(confirmPage, `/staff/events/${eventId}/confirm`, {
    verification: 'corroborated',
    reason: texts.confirmReason,
  });
  must(confirmed, 'capture corroborated with a reason', confirmed.url.startsWith(`/cases/${caseId}?done=verified`));
  await caseworker.visitor.submit(null, `/staff/cases/${caseId}/notes`, { body: texts.note });
  const staffCasePage = await caseworker.visitor.submit(null, `/cases/${caseId}/messages`, {
    body: texts.staffMessage,
  });
  must(
    staffCasePage,
    'staff page shows note and message',
    shows(staffCasePage, texts.note) && shows(staffCasePage, texts.staffMessage),
  );

  // The family sees the message and the corroboration, never the note, and answers.
  const seen = await family.visitor.get(`/cases/${caseId}`);
  must(seen, 'family sees the message', shows(seen, texts.staffMessage) && !shows(seen, texts.note));
  // Staff stay unnamed to families: an informer posing as a family learns no caseworker's name.
  must(
    seen,
    'no staff pseudonym shown to the family',
    !shows(seen, caseworker.pseudonym) && !shows(seen, admin.pseudonym),
  );
  must(seen, 'no staff form shown to the family', !seen.body.includes('action="/staff/'));
  const familyCasePage = await family.visitor.submit(null, `/cases/${caseId}/messages`, { body: texts.familyMessage });
  must(familyCasePage, 'family message shown', shows(familyCasePage, texts.familyMessage));

  return { caseId, eventId, organisationId, family, admin, caseworker, inviteUrl, familyCasePage, staffCasePage };
};

/** Logs a visitor out through the menu's form. */
export const logOut = (v: Visitor): Promise<Page> => v.submit('/', '/logout');
