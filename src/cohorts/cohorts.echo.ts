import type { EchoForm } from '../web/form-echo.ts';

// The cohort and incident forms as the session-ended page hands them back (web/form-echo.ts).

export const OPT_IN_ECHO: EchoForm = {
  colony: { label: 'cohorts.colony' },
  mobilisation_wave: { label: 'cohorts.wave' },
  understood: { label: 'cohorts.understood', choice: 'cohorts.ticked' },
};

export const BOARD_POST_ECHO: EchoForm = { body: { label: 'cohorts.post', long: true } };

export const BOARD_NAME_ECHO: EchoForm = { display_name: { label: 'cohorts.name.field' } };

export const HIDE_ECHO: EchoForm = { reason: { label: 'cohorts.hideReason', choice: 'cohorts.reasons' } };

export const INCIDENT_ECHO: EchoForm = {
  title: { label: 'cohorts.incidents.titleField' },
  date: { label: 'cohorts.incidents.date' },
  place: { label: 'cohorts.incidents.place' },
  description: { label: 'cohorts.incidents.description', long: true },
};

export const FACT_ECHO: EchoForm = {
  kind: { label: 'cohorts.incidents.kind', choice: 'cases.kinds' },
  date: { label: 'cohorts.incidents.date' },
  place: { label: 'cohorts.incidents.place' },
  verification: { label: 'cohorts.incidents.verification', choice: 'cases.levels' },
};

export const SOURCE_ECHO: EchoForm = {
  kind: { label: 'cohorts.incidents.sourceKind', choice: 'cases.sources' },
  citation: { label: 'cohorts.incidents.citation', long: true },
  date: { label: 'cohorts.incidents.sourceDate' },
};

export const LEAVE_ECHO: EchoForm = {
  hide_posts: { label: 'cohorts.members.hidePostsEcho', choice: 'cohorts.ticked' },
};

export const REMOVE_ECHO: EchoForm = {
  reason: { label: 'cohorts.members.reason', choice: 'cohorts.removeReasons' },
};
