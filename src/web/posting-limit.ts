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

/** The defaults of POSTS_PER_MINUTE and POSTS_PER_HOUR. */
export const POSTS_PER_MINUTE = 60;
export const POSTS_PER_HOUR = 600;

interface Window {
  minuteStart: number;
  minute: number;
  hourStart: number;
  hour: number;
}

export interface PostingLimits {
  perMinute: number;
  perHour: number;
}

/** One app's counters (two apps in one process, as in the tests, never share them). */
export class PostingLimiter {
  private readonly windows = new Map<string, Window>();
  private lastSweep = 0;

  constructor(
    private readonly clock: Clock,
    private readonly limits: PostingLimits = { perMinute: POSTS_PER_MINUTE, perHour: POSTS_PER_HOUR },
  ) {}

  /** Counts one post for `key`; throws RateLimited (nothing counted) when a window is full. */
  check(key: string): void {
    const now = this.clock.now().getTime();
    if (now - this.lastSweep > HOUR || now < this.lastSweep) {
      for (const [k, w] of this.windows) if (now - w.hourStart >= HOUR || now < w.hourStart) this.windows.delete(k);
      this.lastSweep = now;
    }
    const w = this.windows.get(key) ?? { minuteStart: now, minute: 0, hourStart: now, hour: 0 };
    if (now - w.minuteStart >= MINUTE || now < w.minuteStart) Object.assign(w, { minuteStart: now, minute: 0 });
    if (now - w.hourStart >= HOUR || now < w.hourStart) Object.assign(w, { hourStart: now, hour: 0 });
    if (w.minute >= this.limits.perMinute || w.hour >= this.limits.perHour) throw new RateLimited('posting');
    w.minute += 1;
    w.hour += 1;
    this.windows.set(key, w);
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    postingLimiter: PostingLimiter;
  }
}

const EXEMPT = new Set(['/logout']);

/** Every POST of a fully logged-in account counts against that account. */
export const registerPostingLimits = (app: FastifyInstance, limits: PostingLimits): void => {
  app.decorate('postingLimiter', new PostingLimiter(app.deps.clock, limits));
  app.addHook('preHandler', async (req: FastifyRequest) => {
    if (req.method !== 'POST' || !req.auth?.secondFactorDone) return;
    if (EXEMPT.has(req.routeOptions.url ?? '')) return;
    app.postingLimiter.check(`account:${req.auth.userId}`);
  });
};
