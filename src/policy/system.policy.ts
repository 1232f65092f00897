import { NotFound } from '../shared/errors.ts';
import type { Principal, SystemTask } from './principal.ts';

// Work no person asks for: the scheduler's jobs and the operator's commands. Only a system
// principal may do it, never an account: a request from the web cannot start a purge.

/** The scheduler may run any registered job; a command only its own task. */
export const maySystem = (principal: Principal, task: SystemTask): boolean =>
  principal.kind === 'system' && (principal.task === task || principal.task === 'scheduler');

export const assertSystem = (principal: Principal, task: SystemTask): void => {
  if (!maySystem(principal, task)) throw new NotFound(task);
};
