import { describe, expect, it } from 'vitest';
import {
  ACTIVE_STATES,
  CASE_STATES,
  CASE_TRANSITIONS,
  assertActive,
  isActive,
  transition,
  type CaseActor,
  type CaseTransition,
} from './case-lifecycle.ts';

// Every state × every transition × every actor: the guard allows exactly the table's steps.

const ACTORS: CaseActor[] = ['family', 'staff', 'system'];

describe('case lifecycle', () => {
  it('allows exactly the listed transitions, by the listed actors, from the listed states', () => {
    const allowed: string[] = [];
    for (const state of CASE_STATES)
      for (const name of Object.keys(CASE_TRANSITIONS) as CaseTransition[])
        for (const actor of ACTORS) {
          try {
            allowed.push(`${state} -${name}(${actor})-> ${transition(state, name, actor)}`);
          } catch (err) {
            expect(err).toMatchObject({ kind: 'invalid' });
          }
        }
    expect(allowed.sort()).toEqual(
      [
        'open -await_family(staff)-> waiting_on_family',
        'waiting_on_family -await_family(staff)-> waiting_on_family',
        'open -family_replied(family)-> open',
        'waiting_on_family -family_replied(family)-> open',
        'open -close(staff)-> closed',
        'waiting_on_family -close(staff)-> closed',
        'open -withdraw(family)-> withdrawn',
        'waiting_on_family -withdraw(family)-> withdrawn',
        'closed -reopen(staff)-> open',
        'withdrawn -reopen(staff)-> open',
        'closed -purge(system)-> purged',
        'withdrawn -purge(system)-> purged',
        // the family deleting its account takes every case with it, in any state
        'open -erase(family)-> purged',
        'waiting_on_family -erase(family)-> purged',
        'closed -erase(family)-> purged',
        'withdrawn -erase(family)-> purged',
      ].sort(),
    );
  });

  it('names why a step is refused, as the case page shows it', () => {
    expect(() => transition('closed', 'close', 'staff')).toThrow(
      expect.objectContaining({ message: '_form:cases.errors.closed' }),
    );
    expect(() => transition('open', 'reopen', 'staff')).toThrow(
      expect.objectContaining({ message: '_form:cases.errors.notClosed' }),
    );
    expect(() => transition(undefined, 'close', 'staff')).toThrow();
  });

  it('lets work happen only in an active case', () => {
    expect(CASE_STATES.filter(isActive)).toEqual([...ACTIVE_STATES]);
    expect(() => assertActive('waiting_on_family')).not.toThrow();
    for (const s of ['closed', 'withdrawn', undefined] as const) expect(() => assertActive(s)).toThrow();
  });
});
