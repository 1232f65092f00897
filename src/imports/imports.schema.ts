import { z } from 'zod';
import { optionalText, requiredText } from '../shared/validation.ts';
import { partialDateField } from '../people/people.schema.ts';
import { EVENT_SOURCES, VERIFICATION_LEVELS } from '../cases/timeline.ts';
import { PLATFORM_FIELDS, type Mapping } from './row-rules.ts';

// The upload form's fields (sent before the file in the multipart body) and the mapping form.

const enumError = (iss: { input?: unknown }) => (iss.input === undefined ? 'errors.required' : 'errors.unknownOption');

export const listMetaSchema = (today: string) =>
  z.object({
    source_name: requiredText(200),
    source_date: partialDateField(today),
    source_origin: optionalText(500),
    source_kind: z.preprocess((v) => (v === '' ? undefined : v), z.enum(EVENT_SOURCES, { error: enumError })),
    verification: z.preprocess(
      (v) => (v === '' || v === undefined ? 'reported' : v),
      z.enum(VERIFICATION_LEVELS, { error: enumError }),
    ),
    // The failed import this file corrects (a hidden field of the form opened from its page).
    again: z.preprocess((v) => (v === '' ? undefined : v), z.uuid().optional()),
  });

/** `/staff/imports/new?again=…`: the form for the corrected file of a failed import. */
export const againQuerySchema = z.object({
  again: z.preprocess((v) => (v === '' ? undefined : v), z.uuid().optional()),
});

/** field → column name; an empty choice means "not used". Which columns exist is checked against the file. */
export const mappingSchema = z
  .object(
    Object.fromEntries(PLATFORM_FIELDS.map((f) => [f, optionalText(200)])) as Record<
      (typeof PLATFORM_FIELDS)[number],
      ReturnType<typeof optionalText>
    >,
  )
  .transform((m): Mapping => Object.fromEntries(Object.entries(m).filter(([, v]) => v)) as Mapping);
