import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { submitForm } from '../../test/helpers/factories.ts';
import { useWorld } from '../cases/cases.fixtures.ts';
import { formatDay } from '../people/partial-date.ts';
import { collectiveCopyOf, signCollectiveCopy, postCollective } from './appeals.fixtures.ts';

// A QA walk of a collective appeal as the caseworker who sends it: once sent, its page listed each
// family's copy as «отправлено» and nothing more; by when the authority must answer was only on
// each copy's own page, one click per family. The page now gives each copy waiting for an answer
// its «Ответ до» with the days left, as the list of deadlines does.

describe.each(DIALECTS)('a collective appeal once sent (%s)', (dialect) => {
  const s = useWorld(dialect);
  const app = () => s.t.app;

  it("shows by when each signed copy's answer is due, in Russian and English", async () => {
    const made = await postCollective(app(), s.w.caseworker.cookies, 'Просим сообщить о судьбе наших близких.', [
      s.w.caseId,
      s.w.otherCaseId,
    ]);
    const url = String(made.headers.location);
    const mine = await collectiveCopyOf(s.t.opened.db, s.w.caseId);
    const signed = await signCollectiveCopy(app(), mine, s.w.family.cookies);
    expect(signed.res.statusCode).toBe(303);
    const before = await app().inject({ method: 'GET', url, cookies: s.w.caseworker.cookies });
    expect(before.body).not.toContain('Ответ до');

    const sent = await submitForm(
      app(),
      url,
      { channel: 'post', sent_on: '01.03.2026' },
      s.w.caseworker.cookies,
      `${url}/send`,
    );
    expect(sent.res.statusCode).toBe(303);
    const row = await s.t.opened.db
      .selectFrom('appeals')
      .select(['answer_by'])
      .where('id', '=', mine)
      .executeTakeFirstOrThrow();
    const due = formatDay(row.answer_by!);

    const ru = await app().inject({ method: 'GET', url, cookies: s.w.caseworker.cookies });
    const items = ru.body.slice(
      ru.body.indexOf('id="members-h"'),
      ru.body.indexOf('</ul>', ru.body.indexOf('id="members-h"')),
    );
    expect(items).toContain(`Ответ до: ${due} (примерно)`);
    // the copy closed unsigned has no deadline to show: one «Ответ до», not two
    expect(items.split('Ответ до').length).toBe(2);
    // and, sent without it, it no longer reads «ещё не подписала» (as if it still could be)
    expect(items).toContain('не подписала · закрыто');
    expect(items).not.toContain('ещё не подписала');
    const en = await app().inject({ method: 'GET', url: `${url}?lang=en`, cookies: s.w.caseworker.cookies });
    expect(en.body).toContain(`Answer due by: ${due} (estimate)`);
    expect(en.body).toContain('did not sign · closed');
    expect(en.body).not.toContain('not signed yet');
  });
});
