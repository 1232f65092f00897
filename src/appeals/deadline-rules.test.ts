import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, appealDeadlines, daysLeft, isPast, POST_TRANSIT_DAYS } from './deadline-rules.ts';

describe('the dates 59-FZ sets', () => {
  it('counts calendar days from the day after: registered 1 March, answer by 31 March', () => {
    const d = appealDeadlines({ channel: 'online', sentOn: '2026-02-26', registeredOn: '2026-03-01' });
    expect(d.arrival).toEqual({ date: '2026-02-26', estimated: false });
    expect(d.registerBy).toEqual({ date: '2026-03-01', estimated: false });
    expect(d.answerBy).toEqual({ date: '2026-03-31', estimated: false });
    expect(d.forwardBy).toEqual({ date: '2026-03-08', estimated: false });
  });

  it('crosses month ends and the end of the year', () => {
    expect(addDays('2026-01-31', 30)).toBe('2026-03-02');
    expect(addDays('2026-04-30', 30)).toBe('2026-05-30');
    expect(addDays('2026-12-20', 30)).toBe('2027-01-19');
    expect(appealDeadlines({ channel: 'online', sentOn: '2026-01-29', registeredOn: '2026-01-31' }).answerBy.date).toBe(
      '2026-03-02',
    );
    expect(
      appealDeadlines({ channel: 'in_person', sentOn: '2026-12-29', registeredOn: '2026-12-31' }).answerBy.date,
    ).toBe('2027-01-30');
  });

  it('knows leap years: 2028 has a 29 February, 2026 and 2100 do not', () => {
    expect(addDays('2028-01-31', 30)).toBe('2028-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2100-02-28', 1)).toBe('2100-03-01');
    expect(addDays('2000-02-28', 1)).toBe('2000-02-29');
    expect(appealDeadlines({ channel: 'online', sentOn: '2028-02-27', registeredOn: '2028-02-29' }).answerBy.date).toBe(
      '2028-03-30',
    );
  });

  it('adds the one extension, and never more than 30 days of it', () => {
    const base = { channel: 'online' as const, sentOn: '2026-03-02', registeredOn: '2026-03-03' };
    expect(appealDeadlines(base).answerBy.date).toBe('2026-04-02');
    expect(appealDeadlines({ ...base, extensionDays: 30 }).answerBy.date).toBe('2026-05-02');
    expect(appealDeadlines({ ...base, extensionDays: 14 }).answerBy.date).toBe('2026-04-16');
    expect(appealDeadlines({ ...base, extensionDays: 90 }).answerBy.date).toBe('2026-05-02');
  });

  it('estimates, and says so, when the registration day is unknown: the latest the law allows', () => {
    const online = appealDeadlines({ channel: 'online', sentOn: '2026-03-02' });
    expect(online.registration).toEqual({ date: '2026-03-05', estimated: true });
    expect(online.answerBy).toEqual({ date: '2026-04-04', estimated: true });
    const post = appealDeadlines({ channel: 'post', sentOn: '2026-03-02' });
    expect(post.arrival).toEqual({ date: addDays('2026-03-02', POST_TRANSIT_DAYS), estimated: true });
    expect(post.answerBy).toEqual({ date: '2026-04-11', estimated: true });
    // A delivery notice makes the arrival exact; the registration is still the latest allowed.
    const delivered = appealDeadlines({ channel: 'post', sentOn: '2026-03-02', deliveredOn: '2026-03-05' });
    expect(delivered.arrival.estimated).toBe(false);
    expect(delivered.answerBy).toEqual({ date: '2026-04-07', estimated: true });
    // A known registration day overrides every estimate before it.
    expect(appealDeadlines({ channel: 'post', sentOn: '2026-03-02', registeredOn: '2026-03-12' }).answerBy).toEqual({
      date: '2026-04-11',
      estimated: false,
    });
  });

  it('runs the 30 days anew from the registration at the body it was forwarded to', () => {
    const known = appealDeadlines({
      channel: 'online',
      sentOn: '2026-03-02',
      registeredOn: '2026-03-03',
      forwardedOn: '2026-03-09',
      forwardRegisteredOn: '2026-03-16',
    });
    expect(known.basis).toBe('forwarded');
    expect(known.forwardBy).toBeNull();
    expect(known.answerBy).toEqual({ date: '2026-04-15', estimated: false });
    const unknown = appealDeadlines({ channel: 'online', sentOn: '2026-03-02', forwardedOn: '2026-03-09' });
    expect(unknown.answerBy).toEqual({ date: addDays('2026-03-09', POST_TRANSIT_DAYS + 3 + 30), estimated: true });
    const extended = appealDeadlines({
      channel: 'online',
      sentOn: '2026-03-02',
      forwardedOn: '2026-03-09',
      forwardRegisteredOn: '2026-03-16',
      extensionDays: 10,
    });
    expect(extended.answerBy.date).toBe('2026-04-25');
  });

  it('is late only from the day after the deadline', () => {
    expect(daysLeft('2026-03-31', '2026-03-31')).toBe(0);
    expect(isPast('2026-03-31', '2026-03-31')).toBe(false);
    expect(isPast('2026-04-01', '2026-03-31')).toBe(true);
    expect(daysLeft('2026-04-03', '2026-03-31')).toBe(-3);
  });

  it('never sets an answer date before the sending or closer than 33 days, whatever is known', () => {
    const day = fc.integer({ min: 0, max: 365 * 30 }).map((n) => addDays('2000-01-01', n));
    fc.assert(
      fc.property(
        day,
        fc.constantFrom('post', 'online', 'in_person' as const),
        fc.option(fc.integer({ min: 0, max: 20 })),
        fc.option(fc.integer({ min: 1, max: 30 })),
        (sentOn, channel, regAfter, ext) => {
          const registeredOn = regAfter === null ? null : addDays(sentOn, regAfter);
          const d = appealDeadlines({ channel, sentOn, registeredOn, extensionDays: ext });
          expect(d.answerBy.date > sentOn).toBe(true);
          expect(d.answerBy.date >= addDays(registeredOn ?? sentOn, 30 + (ext ?? 0))).toBe(true);
          expect(d.answerBy.estimated).toBe(registeredOn === null);
        },
      ),
    );
  });
});
