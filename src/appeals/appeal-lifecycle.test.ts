import { describe, expect, it } from 'vitest';
import { APPEAL_STATES, stepTo, stepsOpen } from './appeal-lifecycle.ts';

const refusalOf = (fn: () => unknown): string | null => {
  try {
    fn();
    return null;
  } catch (err) {
    return (err as { problems?: Array<{ key: string }> }).problems?.[0]?.key ?? 'threw';
  }
};

describe('appeal lifecycle', () => {
  it('walks a letter from draft to answer and closing', () => {
    expect(stepTo('draft', 'send', 'family')).toBe('sent');
    expect(stepTo('sent', 'register', 'staff')).toBe('registered');
    expect(stepTo('registered', 'forward', 'family')).toBe('forwarded');
    expect(stepTo('forwarded', 'extend', 'family')).toBe('extended');
    expect(stepTo('extended', 'mark_overdue', 'system')).toBe('overdue');
    expect(stepTo('overdue', 'answer', 'family')).toBe('answered');
    expect(stepTo('answered', 'close', 'staff')).toBe('closed');
    expect(stepTo('draft', 'discard', 'family')).toBe('deleted');
  });

  it('refuses steps the state does not allow, with a reason', () => {
    expect(refusalOf(() => stepTo('sent', 'send', 'family'))).toBe('appeals.errors.notDraft');
    expect(refusalOf(() => stepTo('draft', 'answer', 'family'))).toBe('appeals.errors.notWaiting');
    expect(refusalOf(() => stepTo('closed', 'close', 'staff'))).toBe('appeals.errors.closed');
    expect(refusalOf(() => stepTo('answered', 'mark_overdue', 'system'))).toBe('appeals.errors.notWaiting');
    expect(refusalOf(() => stepTo(undefined, 'send', 'family'))).toBe('appeals.errors.notDraft');
  });

  it('keeps each step to its actors: only the scheduler marks overdue, only families sign', () => {
    expect(refusalOf(() => stepTo('sent', 'mark_overdue', 'staff'))).toBe('errors.notFound');
    expect(refusalOf(() => stepTo('draft', 'sign', 'staff'))).toBe('errors.notFound');
    expect(refusalOf(() => stepTo('draft', 'send', 'system'))).toBe('errors.notFound');
  });

  it('offers no step from closed and every state has a way to close but closed', () => {
    expect(stepsOpen('closed')).toEqual([]);
    for (const s of APPEAL_STATES.filter((x) => x !== 'closed')) expect(stepsOpen(s)).toContain('close');
  });
});
