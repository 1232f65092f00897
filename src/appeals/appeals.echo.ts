import type { EchoForm } from '../web/form-echo.ts';

// The appeal forms a family or a caseworker types at length, as the session-ended page hands
// them back (web/form-echo.ts) and carries them through logging in again (web/resume-typed.tsx):
// each field named as on the form. Ids (the template, the authority) are not shown, only carried.

/** A letter's draft, new or edited (appeals.views.tsx DraftPage). */
export const DRAFT_ECHO: EchoForm = {
  addressee: { label: 'appeals.addressee' },
  address: { label: 'appeals.address', long: true },
  subject: { label: 'appeals.subject' },
  body: { label: 'appeals.body', long: true },
};

/** What came from the authority (appeal-page.views.tsx, the step form). */
export const STEP_ECHO: EchoForm = {
  step: { label: 'appeals.step.what', choice: 'appeals.step.kinds' },
  on: { label: 'appeals.step.on' },
  number: { label: 'appeals.step.number' },
  addressee: { label: 'appeals.step.addressee' },
  registered_on: { label: 'appeals.step.registeredOn' },
  days: { label: 'appeals.step.days' },
  summary: { label: 'appeals.step.summary', long: true },
};
