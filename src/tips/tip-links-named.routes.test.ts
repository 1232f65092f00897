import { describe, expect, it } from 'vitest';
import { Visitor } from '../../test/helpers/visitor.ts';
import { browserOf } from '../../test/helpers/not-sent.ts';
import { useWorld } from '../cases/cases.fixtures.ts';

// A tip put into a case listed the case under «Добавлено в дела» as the first eight characters of
// its id («b3310b44 · 07.12.2026», QA walk): a developer's word where the caseworker looks for whom
// the tip was about. It names the person now.

describe("a tip's page, once the tip is in a case", () => {
  const s = useWorld('sqlite');

  it('names the person of the case it went into, not a piece of its id', async () => {
    const sender = new Visitor(s.t.app);
    const sent = await sender.submit('/tips/new', '/tips/new', {
      organisation: s.w.orgA.id,
      surname: 'Иванов',
      what_happened: 'Видел его в госпитале в Ростове.',
      how_known: 'saw_myself',
    });
    expect(sent.url).toBe('/tip/receipt');
    const tip = await s.t.opened.db.selectFrom('tips').select('id').executeTakeFirstOrThrow();
    const caseworker = browserOf(s.t.app, s.w.caseworker);
    const attached = await caseworker.submit(`/staff/tips/${tip.id}`, `/staff/tips/${tip.id}/attach`, {
      case_ref: s.w.caseId,
      kind: 'hospitalised',
      date: '02.2026',
      description: 'Видели в госпитале.',
    });
    expect(attached.url).toContain('done=attached');
    const person = await s.t.opened.db
      .selectFrom('cases')
      .innerJoin('persons', 'persons.id', 'cases.person_id')
      .select(['persons.surname'])
      .where('cases.id', '=', s.w.caseId)
      .executeTakeFirstOrThrow();
    const section = attached.body.slice(attached.body.indexOf('id="links-h"'));
    const item = section.slice(0, section.indexOf('</ul>'));
    expect(item).toContain(`href="/cases/${s.w.caseId}#event-`);
    expect(item).toContain(person.surname);
    expect(item).not.toContain(`>${s.w.caseId.slice(0, 8)}<`);
  });
});
