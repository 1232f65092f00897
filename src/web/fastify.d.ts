import 'fastify';
import type { FastifyReply } from 'fastify';
import type { T } from './i18n/i18n.ts';
import type { Lang } from '../shared/lang.ts';
import type { AuthContext } from '../policy/principal.ts';
import type { EchoForm } from './form-echo.ts';

declare module 'fastify' {
  interface FastifyRequest {
    lang: Lang;
    t: T;
    auth: AuthContext | null;
    /** set once the body has been parsed: errors before that are the client's (400) */
    bodyParsed: boolean;
  }
  interface FastifyContextConfig {
    /** what the form's fields mean, for the page that hands them back after a lost session */
    echo?: EchoForm;
    /** no CSRF check (the quick exit only) */
    csrfExempt?: boolean;
    /**
     * A form sent with a lost or stale CSRF cookie comes back on this page instead of the error
     * page: what was typed, a fresh token, a message. It runs instead of the handler (the check
     * has failed), so it must only read and show; error-handler.tsx calls it. null: the plain
     * refusal after all (the form is not this visitor's to see). keepTyped (form-not-sent.ts)
     * makes one from the form's renderer.
     */
    csrfFailed?: (req: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply | null>;
  }
}
