import { describe, expect, it } from 'vitest';
import { Invalid } from '../shared/errors.ts';
import { decisionOf, decisionsFrom, publicStateOf, requestTransition, stepOf } from './request-lifecycle.ts';

// The life of a relative's request: what each staff decision does from each state, and what the
// relative is shown with their code.

describe('the lifecycle of a registry request', () => {
  it('takes a request up, decides it, and refuses to send a handled one back to review', () => {
    expect(requestTransition('new', stepOf('in_review')).to).toBe('in_review');
    expect(requestTransition('in_review', stepOf('removed')).to).toBe('done');
    expect(requestTransition('done', stepOf('corrected')).to).toBe('done');
    expect(() => requestTransition('done', stepOf('in_review'))).toThrow(Invalid);
    expect(() => requestTransition('done', 'close')).toThrow(Invalid);
    expect(() => requestTransition(undefined, 'decide')).toThrow(Invalid);
    expect(decisionsFrom('done')).not.toContain('in_review');
    expect(decisionsFrom('new')).toContain('in_review');
  });

  it('puts a request the relative added to back in the queue, from any state', () => {
    for (const state of ['new', 'in_review', 'done'] as const)
      expect(requestTransition(state, 'relative_added').to).toBe('new');
  });

  it('tells the relative received, in review, or how it ended', () => {
    expect(publicStateOf('new', null)).toBe('received');
    expect(publicStateOf('in_review', null)).toBe('in_review');
    expect(publicStateOf('done', 'refused')).toBe('refused');
    // closed with "mark as handled", or before outcomes existed
    expect(publicStateOf('done', null)).toBe('done');
    expect(decisionOf('done', 'removed')).toBe('removed');
    expect(decisionOf('new', null)).toBeUndefined();
  });
});
