import type { Queryable } from '../db/database.ts';
import { NotFound } from '../shared/errors.ts';
import type { OrganisationGrant } from '../policy/organisation.policy.ts';
import type { AccountsDeps } from './auth.service.ts';
import { auditAccountEvent } from './account-audit.service.ts';
import { findOrganisationAbout, listOrganisationChoiceRows, setOrganisationAbout } from './organisations.repository.ts';

// What an organisation says of itself to the people choosing it. A mother opening a request or a
// witness sending a tip picks one organisation, and only its staff will read her: a list of names
// told her nothing of whom each helps. Its admin writes a paragraph (Russian, and English if they
// like); the forms show it above the choice in the reader's language, else the other one.

export interface OrganisationAbout {
  ru: string | null;
  en: string | null;
}

/** An organisation as the request and tip forms offer it. */
export interface OrganisationChoice {
  id: string;
  name: string;
  about: OrganisationAbout;
}

export const organisationChoiceList = async (db: Queryable): Promise<OrganisationChoice[]> =>
  (await listOrganisationChoiceRows(db)).map((o) => ({
    id: o.id,
    name: o.name,
    about: { ru: o.about_ru, en: o.about_en },
  }));

/** The admin's form: the organisation's name and its words as saved. */
export const organisationAbout = async (
  db: Queryable,
  grant: OrganisationGrant<'manage'>,
): Promise<{ name: string; about: OrganisationAbout }> => {
  const row = await findOrganisationAbout(db, grant.organisationId);
  if (!row) throw new NotFound('organisation');
  return { name: row.name, about: { ru: row.about_ru, en: row.about_en } };
};

/** Whether an organisation the admin page shows (the policy chose it) has written about itself. */
export const organisationAboutWritten = async (db: Queryable, organisationId: string): Promise<boolean> => {
  const row = await findOrganisationAbout(db, organisationId);
  return !!(row?.about_ru || row?.about_en);
};

/** Saves both texts at once (an empty one is none) and notes in the audit log that they changed. */
export const saveOrganisationAbout = async (
  deps: AccountsDeps,
  grant: OrganisationGrant<'manage'>,
  about: OrganisationAbout,
): Promise<void> =>
  deps.db.transaction().execute(async (tx) => {
    await setOrganisationAbout(tx, grant.organisationId, { about_ru: about.ru, about_en: about.en });
    await auditAccountEvent(tx, {
      actorUserId: grant.auth.userId,
      actorRole: grant.auth.role,
      organisationId: grant.organisationId,
      action: 'organisation.about_changed',
      at: deps.clock.now().toISOString(),
    });
  });
