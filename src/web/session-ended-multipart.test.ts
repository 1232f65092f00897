import { describe, expect, it } from 'vitest';
import { countRows, DIALECTS } from '../../test/helpers/db.ts';
import { browserOf } from '../../test/helpers/not-sent.ts';
import { sentAppeal } from '../appeals/appeals.fixtures.ts';
import { useWorld } from '../cases/cases.fixtures.ts';
import { MINUTE } from '../shared/clock.ts';

// A mother types the authority's answer into its form and is slower than the idle timeout. That
// form is multipart (it takes the scan): its fields are read by the route itself, which stopped
// at the session check, so the session-ended page found nothing to hand back and sent her to log
// in empty-handed. Now its words come back like any form's, and carry through logging in.

const MARK = 'МАРКЕР-ОТВЕТ-ПОСЛЕ-ТАЙМАУТА-4410';

describe.each(DIALECTS)('a multipart form sent after the session ended (%s)', (dialect) => {
  const s = useWorld(dialect);

  it("the answer's words come back, and after logging in are sent again as multipart", async () => {
    const steps = () => countRows(s.t.opened.db, 'appeal_steps');
    const id = await sentAppeal(s.t.app, s.w.caseId, s.w.family.cookies);
    const before = await steps();
    const family = browserOf(s.t.app, s.w.family);
    await family.get(`/appeals/${id}`);
    s.t.clock.advance(s.t.config.sessionIdleMinutes * MINUTE + MINUTE);
    const answer = { step: 'answer', on: '2026-03-01', number: '12/3-4', summary: `Ответ: сведений нет. ${MARK}` };
    const ended = await family.submit(null, `/appeals/${id}/steps`, answer);
    expect(ended.status).toBe(401);
    expect(ended.body).toContain('Время сеанса истекло');
    expect(ended.body).toContain(MARK);
    expect(await steps()).toBe(before);

    const back = await family.submit(null, '/login', {
      pseudonym: s.w.family.pseudonym,
      passphrase: s.w.family.passphrase,
    });
    expect(back.body).toContain('Отправьте форму ещё раз');
    expect(back.body).toContain('enctype="multipart/form-data"');
    expect(back.body).toMatch(/<textarea[^>]*name="summary"[^>]*>Ответ: сведений нет\. МАРКЕР/);
    await family.submit(null, `/appeals/${id}/steps`);
    expect(await steps()).toBe(before + 1);
  });
});
