import type { EchoForm } from '../web/form-echo.ts';
import { PERSON_ECHO } from '../people/people.echo.ts';
import { organisationChoices } from './cases.service.ts';

// The case forms as the session-ended page hands them back (web/form-echo.ts): each field named as
// on the form, each choice as it read there. Declared on the routes with `config: { echo }`.

const ABOUT_YOU: EchoForm = {
  relation: { label: 'cases.relation', choice: 'cases.relations' },
  last_contact_date: { label: 'cases.lastContactDate' },
  last_contact_means: { label: 'cases.lastContactMeans', choice: 'cases.means' },
  narrative: { label: 'cases.narrative', long: true },
  wants_to_learn: { label: 'cases.wantsToLearn', long: true },
};

export const NEW_CASE_ECHO: EchoForm = {
  // The organisations a family may choose from are shown to every family: naming one is no leak.
  organisation: {
    label: 'cases.organisation',
    choice: async (id, req) => (await organisationChoices(req.server.deps.db)).find((o) => o.id === id)?.name,
  },
  ...PERSON_ECHO,
  ...ABOUT_YOU,
};

export const EDIT_CASE_ECHO: EchoForm = { ...PERSON_ECHO, ...ABOUT_YOU };

export const EVENT_ECHO: EchoForm = {
  kind: { label: 'cases.eventKind', choice: 'cases.kinds' },
  date: { label: 'cases.eventDate' },
  place: { label: 'cases.place' },
  source: { label: 'cases.source', choice: 'cases.sources' },
  verification: { label: 'cases.verification', choice: 'cases.levels' },
  description: { label: 'cases.description', long: true },
  reason: { label: 'cases.level.reason', long: true },
};

export const FILE_ECHO: EchoForm = { summary: { label: 'cases.files.description', long: true } };
export const MESSAGE_ECHO: EchoForm = { body: { label: 'cases.messageBody', long: true } };
export const NOTE_ECHO: EchoForm = { body: { label: 'cases.noteBody', long: true } };
export const CLOSE_ECHO: EchoForm = {
  reason: { label: 'cases.closeReason', choice: 'cases.closeReasons' },
  note: { label: 'cases.closePage.note', long: true },
};
/** Confirming or correcting a level (verification.routes.tsx). */
export const LEVEL_ECHO: EchoForm = {
  verification: { label: 'cases.level.newLevel', choice: 'cases.levels' },
  reason: { label: 'cases.level.reason', long: true },
};
/** A verdict on a discrepancy: which version was chosen is an event id, not worth handing back. */
export const RESOLVE_ECHO: EchoForm = { reason: { label: 'cases.level.reason', long: true } };
export const SEARCH_ECHO: EchoForm = { q: { label: 'cases.search' } };
