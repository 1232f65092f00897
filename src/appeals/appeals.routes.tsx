import type { FastifyInstance } from 'fastify';
import { appealDraftRoutes } from './appeal-draft.routes.tsx';
import { appealLetterRoutes } from './appeal-letter.routes.tsx';
import { appealPages } from './appeal-page.routes.ts';
import { appealTrackRoutes } from './appeal-track.routes.ts';

// Appeals of a case, for its family and its organisation's staff (the staff's own lists and
// collective appeals are staff-appeals.routes.tsx): writing a letter (appeal-draft.routes.tsx),
// following it once sent (appeal-track.routes.tsx), signing and printing it
// (appeal-letter.routes.tsx), over one appeal page and its forms (appeal-page.routes.ts). Every
// route authorises through the policy (src/policy/appeals.policy.ts).

export const appealsRoutes = async (app: FastifyInstance): Promise<void> => {
  const pages = appealPages(app);
  appealDraftRoutes(app, pages);
  appealTrackRoutes(app, pages);
  appealLetterRoutes(app, pages);
};
