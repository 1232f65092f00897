import pino, { type BaseLogger, type Logger } from 'pino';
import { DAY, type Clock } from './clock.ts';
import { loggerOptions } from './logger.ts';

// The anonymous routes (a stranger sending a tip, opening it with the receipt code, adding to it,
// deleting it) write nothing to the log while they are used. A line written then would tell a
// seized server's reader when a tip was sent, to be matched with what a source did that day: by
// its own time, and without one by its place among timed lines or by the time journald or docker
// put on every line they keep. Their requests log to this logger instead (tips.routes.tsx sets it
// as their request logger): it keeps, in memory, each distinct line's level, message and error
// (type, message, stack) with how often it came — never a time, a request id, a route, a status
// or a duration — and writes them to the real log only when flushed: once a day at midnight UTC
// (main.ts) and when the app closes. A day is what the database keeps of a tip anyway
// (received_on). So an operator still learns that something failed on those routes, and why,
// within a day, and never when.

/** Distinct lines kept between two reports; past this they are only counted (memory stays bounded). */
export const MAX_HELD = 100;
const STACK_MAX = 4_000;

type Level = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';
/** where the report goes: the app's logger */
export type LogSink = Pick<BaseLogger, Level>;

interface HeldErr {
  type?: string;
  message?: string;
  stack?: string;
}

interface Held {
  level: number;
  msg: string;
  err?: HeldErr;
  count: number;
}

const errOf = (err: unknown): HeldErr | undefined => {
  if (!err || typeof err !== 'object') return undefined;
  const { type, message, stack } = err as Record<string, unknown>;
  const text = (v: unknown, max: number) => (typeof v === 'string' ? v.slice(0, max) : undefined);
  return { type: text(type, 200), message: text(message, 1_000), stack: text(stack, STACK_MAX) };
};

export class HeldLog {
  /** the request logger of the anonymous routes: its lines are only kept here */
  readonly logger: Logger;
  readonly #held = new Map<string, Held>();
  #dropped = 0;

  constructor(level: string) {
    // No timestamp, no bindings: what is kept could not carry a time even by mistake.
    this.logger = pino({ ...loggerOptions(level), timestamp: false }, { write: (line: string) => this.#keep(line) });
  }

  #keep(line: string): void {
    for (const one of line.split('\n').filter(Boolean)) {
      const rec = JSON.parse(one) as Record<string, unknown>;
      const held = {
        level: typeof rec.level === 'number' ? rec.level : 50,
        msg: typeof rec.msg === 'string' ? rec.msg.slice(0, 500) : '',
        err: errOf(rec.err),
      };
      const key = JSON.stringify(held);
      const seen = this.#held.get(key);
      if (seen) seen.count += 1;
      else if (this.#held.size < MAX_HELD) this.#held.set(key, { ...held, count: 1 });
      else this.#dropped += 1;
    }
  }

  /** how many distinct lines wait for the next report */
  get size(): number {
    return this.#held.size;
  }

  /** Writes each kept line once to `to`, with how often it came, then forgets them. */
  flush(to: LogSink): void {
    for (const h of this.#held.values()) {
      const method = (pino.levels.labels[h.level] ?? 'error') as Level;
      // The real logger's serializer reads an error's name, message and stack.
      const err = h.err && { name: h.err.type, message: h.err.message, stack: h.err.stack };
      to[method](
        { anonymousRoutes: true, count: h.count, ...(err ? { err } : {}) },
        `${h.msg} (anonymous routes, ${h.count}× since the last report)`,
      );
    }
    if (this.#dropped > 0)
      to.warn(
        { anonymousRoutes: true, count: this.#dropped },
        'more distinct lines from the anonymous routes than were kept',
      );
    this.#held.clear();
    this.#dropped = 0;
  }
}

/** Flushes `held` to `to` at every midnight UTC; returns the function that stops it. */
export const flushDaily = (held: HeldLog, to: LogSink, clock: Clock): (() => void) => {
  let timer: NodeJS.Timeout | undefined;
  const next = () => {
    const now = clock.now().getTime();
    timer = setTimeout(
      () => {
        held.flush(to);
        next();
      },
      DAY - (now % DAY),
    );
    // Never what keeps the process alive.
    timer.unref();
  };
  next();
  return () => clearTimeout(timer);
};
