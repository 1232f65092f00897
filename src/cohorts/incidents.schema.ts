import { z } from 'zod';
import { optionalText } from '../shared/validation.ts';
import { partialDateField, requiredField } from '../people/people.schema.ts';
import { EVENT_KINDS, EVENT_SOURCES, VERIFICATION_LEVELS } from '../cases/timeline.ts';

// One schema per incident form; messages are i18n keys; `today` refuses future dates.

const enumError = (iss: { input?: unknown }) => (iss.input === undefined ? 'errors.required' : 'errors.unknownOption');
const pick = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), z.enum(values, { error: enumError }));

export const incidentSchema = (today: string) =>
  z.object({
    title: requiredField(120),
    date: partialDateField(today, { required: true }),
    place: optionalText(120),
    description: optionalText(4000),
  });

export const factSchema = (today: string) =>
  z.object({
    kind: pick(EVENT_KINDS),
    date: partialDateField(today, { required: true }),
    place: optionalText(120),
    verification: pick(VERIFICATION_LEVELS),
  });

export const verifyFactSchema = z.object({ verification: pick(VERIFICATION_LEVELS) });

export const sourceSchema = (today: string) =>
  z.object({
    kind: pick(EVENT_SOURCES),
    citation: requiredField(500),
    date: partialDateField(today),
  });

export const linkSchema = z.object({
  incident: z.string().uuid({ error: 'errors.unknownOption' }),
  person: z.string().uuid({ error: 'errors.unknownOption' }),
});

export const unlinkSchema = z.object({ person: z.string().uuid({ error: 'errors.unknownOption' }) });
