import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { Visitor } from '../../test/helpers/visitor.ts';
import { useWorld } from '../cases/cases.fixtures.ts';

// A tip sent at 22:30 UTC on 5 March is sent at 01:30 on 6 March in Moscow: the sender is told
// the 6th (it was the UTC day, the 5th), and its retention counts from that day.

const codeOn = (html: string): string => {
  const m = /<code class="secret receipt">([\s\S]*?)<\/code>/.exec(html);
  if (!m) throw new Error('no receipt code on the page');
  return m[1].replace(/<wbr\/?>/g, '');
};

describe.each(DIALECTS)('a tip’s days are the organisation’s days (%s)', (dialect) => {
  const s = useWorld(dialect);

  it('the sender sees the Moscow day of sending', async () => {
    s.t.clock.set('2026-03-05T22:30:00.000Z');
    const sender = new Visitor(s.t.app);
    const sent = await sender.submit('/tips/new', '/tips/new', {
      organisation: s.w.orgA.id,
      surname: 'Ночной',
      given_name: 'Пётр',
      what_happened: 'Видел его ночью.',
      how_known: 'saw_myself',
    });
    const code = codeOn(sent.body);
    const row = await s.t.opened.db
      .selectFrom('tips')
      .select(['id', 'received_on'])
      .where('lookup_id', '=', code.replace(/-/g, '').slice(0, 8))
      .executeTakeFirstOrThrow();
    expect(row.received_on).toBe('2026-03-06');
    await sender.submit('/tip', '/tip/leave');
    const back = await sender.submit('/tip', '/tip/open', { code });
    expect(back.body).toContain('06.03.2026');
    expect(back.body).not.toContain('05.03.2026');
  });
});
