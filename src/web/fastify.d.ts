import 'fastify';
import type { T } from './i18n/i18n.ts';
import type { Lang } from '../shared/lang.ts';
import type { AuthContext } from '../policy/principal.ts';

declare module 'fastify' {
  interface FastifyRequest {
    lang: Lang;
    t: T;
    auth: AuthContext | null;
    /** set once the body has been parsed: errors before that are the client's (400) */
    bodyParsed: boolean;
  }
}
