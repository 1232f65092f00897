// When the tick under the board warning («среди участников может оказаться кто угодно») is
// asked. It is asked before a family is first shown to other families: when she joins. A family
// already on the boards who corrects what she shares — the month of the call-up, the colony's
// number — stays among the same kinds of families she was warned about and accepted, so the
// correction is saved without the tick; a frightened mother asked to tick again reads it as a new
// danger (QA walk 4). A change that would put her among a kind of families she is not with yet
// (a call-up month given for the first time, a colony given for the first time) is a new
// audience: the tick is asked again.

/** Whether a save that leaves the case in `after` needs the tick (before: its cohorts now, if in). */
export const warningNeeded = (
  optedIn: boolean,
  before: ReadonlyArray<{ kind: string }>,
  after: ReadonlyArray<{ kind: string }>,
): boolean => {
  if (!optedIn) return true;
  const known = new Set(before.map((c) => c.kind));
  return after.some((c) => !known.has(c.kind));
};

/**
 * Whether the case page's form shows the tick: the form can only add a call-up (the month) or a
 * colony, so the tick is there when she is not in yet, or when a field she may fill would add a
 * kind she is not with. The service decides on what was sent (warningNeeded).
 */
export const warningAsked = (
  optedIn: boolean,
  kinds: ReadonlyArray<{ kind: string }>,
  fields: { wave: boolean; colony: boolean },
): boolean =>
  !optedIn ||
  (fields.wave && !kinds.some((c) => c.kind === 'mobilised')) ||
  (fields.colony && !kinds.some((c) => c.kind === 'colony'));
