import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushDaily, HeldLog, MAX_HELD } from './held-log.ts';
import { createLogger } from './logger.ts';

// The anonymous routes' log: kept without times, written later, each distinct line once with its
// count (test/security/logging.test.ts walks the tip routes through a whole app).

const sink = () => {
  let out = '';
  return { write: (s: string) => (out += s), text: () => out };
};

const fakeReq = { method: 'POST', routeOptions: { url: '/tips/new' } };

describe('the held log of the anonymous routes', () => {
  afterEach(() => vi.useRealTimers());

  it('keeps level, message and error only, counted, and writes them once when flushed', () => {
    const held = new HeldLog('debug');
    const boom = new Error('no such table: tip_sessions');
    held.logger.error({ err: boom }, 'unhandled error');
    held.logger.error({ err: boom }, 'unhandled error');
    held.logger.warn({ req: fakeReq, res: { statusCode: 303, request: fakeReq }, ms: 2_345 }, 'slow request');
    held.logger.warn({ req: fakeReq, ms: 4_100 }, 'slow request');
    held.logger.info({ tipId: 'a1b2c3', what: 'МАРКЕР' }, 'something');
    expect(held.size).toBe(3);

    const out = sink();
    held.flush(createLogger('info', out));
    const lines = out
      .text()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => [l.msg, l.count])).toEqual([
      ['unhandled error (anonymous routes, 2× since the last report)', 2],
      ['slow request (anonymous routes, 2× since the last report)', 2],
      ['something (anonymous routes, 1× since the last report)', 1],
    ]);
    expect(lines[0].err).toMatchObject({ type: 'Error', message: 'no such table: tip_sessions' });
    expect(String((lines[0].err as { stack: string }).stack)).toContain('held-log.test.ts');
    for (const gone of ['/tips/new', '2345', '4100', 'reqId', 'a1b2c3', 'МАРКЕР', '303'])
      expect(out.text()).not.toContain(gone);
    // Forgotten once written.
    expect(held.size).toBe(0);
    const again = sink();
    held.flush(createLogger('info', again));
    expect(again.text()).toBe('');
  });

  it('reads as plain lines on a terminal', () => {
    const held = new HeldLog('info');
    held.logger.error({ err: new TypeError('x is undefined') }, 'unhandled error');
    const out = sink();
    held.flush(createLogger('info', out, 'plain'));
    expect(out.text()).toMatch(/^\d\d:\d\d:\d\d ERROR unhandled error \(anonymous routes, 1× since the last report\)/);
    expect(out.text()).toContain('TypeError: x is undefined');
  });

  it('stays bounded: past the distinct lines it keeps, the rest are only counted', () => {
    const held = new HeldLog('info');
    for (let i = 0; i < MAX_HELD + 7; i++) held.logger.error({ err: new Error(`failure ${i}`) }, 'unhandled error');
    expect(held.size).toBe(MAX_HELD);
    const out = sink();
    held.flush(createLogger('info', out));
    expect(out.text()).toMatch(/"count":7,"msg":"more distinct lines from the anonymous routes than were kept"/);
  });

  it('writes nothing below its level', () => {
    const held = new HeldLog('info');
    held.logger.debug('request');
    expect(held.size).toBe(0);
  });

  it('is written at every midnight UTC, not before', () => {
    vi.useFakeTimers({ now: new Date('2026-03-02T23:59:00.000Z') });
    const held = new HeldLog('info');
    const out = sink();
    const lines = () => out.text().split('\n').filter(Boolean).length;
    const stop = flushDaily(held, createLogger('info', out), { now: () => new Date() });
    held.logger.error('unhandled error');
    vi.advanceTimersByTime(59_000);
    expect(lines()).toBe(0);
    vi.advanceTimersByTime(1_000);
    expect(out.text()).toContain('unhandled error (anonymous routes, 1×');
    // and the next midnight, a whole day later
    held.logger.error('unhandled error');
    vi.advanceTimersByTime(24 * 3_600_000 - 1_000);
    expect(lines()).toBe(1);
    vi.advanceTimersByTime(1_000);
    expect(lines()).toBe(2);
    stop();
  });
});
