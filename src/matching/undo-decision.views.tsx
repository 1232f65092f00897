import type { PageContext } from '../web/page-context.ts';
import { PostForm } from '../web/forms.tsx';
import { localDate, localDateTime, zoneName } from '../web/time.ts';
import type { DecisionMark } from './review.service.ts';

// Who decided a pair and when, and the button that takes the decision back: on the pair's page,
// in the queue's decided list and on a record's page (each says where to come back to).

/** "Решение принял(а) Анна, 07.12.2026": with the time of day and its zone where `exact`. */
export const DecidedLine = ({ ctx, mark, exact }: { ctx: PageContext; mark: DecisionMark; exact?: boolean }) => {
  const { t } = ctx;
  const who = mark.by ?? t('matching.formerStaff');
  const when = exact
    ? `${localDateTime(mark.at, ctx.timeZone)} (${zoneName(ctx.timeZone, new Date(mark.at), ctx.lang)})`
    : localDate(mark.at, ctx.timeZone);
  return <>{t('matching.decidedBy', { who, when })}</>;
};

/** One button, no JavaScript: POST to the pair's undo, then back to `back` (a record or the queue). */
export const UndoDecisionForm = ({
  ctx,
  id,
  merged,
  back,
}: {
  ctx: PageContext;
  id: string;
  /** the decision merged records: the button says the merge is undone too */
  merged: boolean;
  back?: { record: string } | 'decided';
}) => (
  <PostForm ctx={ctx} action={`/staff/matches/${id}/undo`}>
    {back === 'decided' && <input type="hidden" name="back" value="decided" />}
    {back && back !== 'decided' && <input type="hidden" name="record" value={back.record} />}
    <button type="submit" class="secondary">
      {ctx.t(merged ? 'matching.undo' : 'matching.undoDecision')}
    </button>
  </PostForm>
);
