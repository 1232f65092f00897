import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HOUR, MINUTE, type Clock } from '../shared/clock.ts';
import { RateLimited } from '../shared/errors.ts';

// Posting limits per account (and per tip for an anonymous sender), never per IP: two accounts
// once posted 8,232 messages in 35 s. Every state-changing request of a logged-in account counts
// (logging out excepted); past the limit the answer is 429 and nothing is done.
//
// Kept in memory, per process, on purpose: a counter in the database would write the time of
// every post of every family to disk, which the threat model keeps to the day. With several
// processes behind one address each keeps its own count, so the effective limit is that many
// times higher: still far from a flood.

export const POSTS_PER_MINUTE = 60;
export const POSTS_PER_HOUR = 600;

interface Window {
  minuteStart: number;
  minute: number;
  hourStart: number;
  hour: number;
}

const windows = new Map<string, Window>();
let lastSweep = 0;

/** Counts one post for `key`; throws RateLimited (nothing counted) when a window is full. */
export const checkPostingLimit = (key: string, clock: Clock): void => {
  const now = clock.now().getTime();
  if (now - lastSweep > HOUR || now < lastSweep) {
    for (const [k, w] of windows) if (now - w.hourStart >= HOUR || now < w.hourStart) windows.delete(k);
    lastSweep = now;
  }
  const w = windows.get(key) ?? { minuteStart: now, minute: 0, hourStart: now, hour: 0 };
  if (now - w.minuteStart >= MINUTE || now < w.minuteStart) Object.assign(w, { minuteStart: now, minute: 0 });
  if (now - w.hourStart >= HOUR || now < w.hourStart) Object.assign(w, { hourStart: now, hour: 0 });
  if (w.minute >= POSTS_PER_MINUTE || w.hour >= POSTS_PER_HOUR) throw new RateLimited('posting');
  w.minute += 1;
  w.hour += 1;
  windows.set(key, w);
};

const EXEMPT = new Set(['/logout']);

/** Every POST of a fully logged-in account counts against that account. */
export const registerPostingLimits = (app: FastifyInstance): void => {
  app.addHook('preHandler', async (req: FastifyRequest) => {
    if (req.method !== 'POST' || !req.auth?.secondFactorDone) return;
    if (EXEMPT.has(req.routeOptions.url ?? '')) return;
    checkPostingLimit(`account:${req.auth.userId}`, app.deps.clock);
  });
};
