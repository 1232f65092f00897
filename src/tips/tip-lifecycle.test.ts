import { describe, expect, it } from 'vitest';
import { Invalid } from '../shared/errors.ts';
import { senderAddition, TIP_STATES, TIP_TRANSITIONS, tipTransition, type TipTransition } from './tip-lifecycle.ts';

describe('tip lifecycle', () => {
  it('allows exactly the transitions of the diagram, to the right actor', () => {
    const table: Record<string, string> = {};
    for (const name of Object.keys(TIP_TRANSITIONS) as TipTransition[])
      for (const from of TIP_STATES)
        for (const actor of ['sender', 'staff', 'system'] as const) {
          try {
            table[`${name} ${from} ${actor}`] = tipTransition(from, name, actor);
          } catch (err) {
            if (!(err instanceof Invalid)) throw err;
          }
        }
    expect(table).toEqual({
      'staff_worked new staff': 'in_progress',
      'staff_worked in_progress staff': 'in_progress',
      'sender_added new sender': 'new',
      'sender_added in_progress sender': 'in_progress',
      'sender_returned closed sender': 'new',
      'close new staff': 'closed',
      'close in_progress staff': 'closed',
      'reopen closed staff': 'in_progress',
      'delete new sender': 'deleted',
      'delete in_progress sender': 'deleted',
      'delete closed sender': 'deleted',
      'purge closed system': 'purged',
    });
  });

  it('a sender adding to a closed tip reopens it; to an open one keeps its state', () => {
    expect(senderAddition('closed')).toBe('sender_returned');
    expect(senderAddition('new')).toBe('sender_added');
    expect(() => tipTransition(undefined, 'close', 'staff')).toThrow(Invalid);
  });
});
