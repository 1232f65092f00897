import type { EchoForm } from '../web/form-echo.ts';
import { PLATFORM_FIELDS } from './row-rules.ts';

// The mapping form as the session-ended page hands it back (web/form-echo.ts): each field with
// the column chosen for it. (The upload is multipart: after a session ends it cannot be read back,
// and the file must be chosen again anyway.)

export const MAPPING_ECHO: EchoForm = Object.fromEntries(
  PLATFORM_FIELDS.map((f) => [f, { label: `imports.fields.${f}` }]),
) as EchoForm;
