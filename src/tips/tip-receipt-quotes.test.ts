import { describe, expect, it } from 'vitest';
import { Visitor } from '../../test/helpers/visitor.ts';
import { useWorld } from '../cases/cases.fixtures.ts';

// QA walk 6: an organisation whose name carries its own quotes read «…«Север»» on the tip's
// receipt. Its name is quoted as on the invite page (src/web/quotes.ts): „…“ inside «…» in
// Russian, ‘…’ inside “…” in English; on the receipt and on the tip the sender opens later.

describe('the organisation named on a tip', () => {
  const s = useWorld('sqlite');

  it('is quoted once, with the inner quotes nested, in Russian and in English', async () => {
    await s.t.opened.db
      .updateTable('organisations')
      .set({ name: 'Правозащитная группа «Север»' })
      .where('id', '=', s.w.orgA.id)
      .execute();
    for (const [lang, outer] of [
      ['ru', '«Правозащитная группа „Север“»'],
      ['en', '“Правозащитная группа «Север»”'],
    ] as const) {
      const sender = new Visitor(s.t.app);
      await sender.get(`/tips/new?lang=${lang}`);
      const receipt = await sender.submit(null, '/tips/new', {
        organisation: s.w.orgA.id,
        surname: 'Иванов',
        given_name: 'Пётр',
        what_happened: 'Видел его в Рыльске.',
        how_known: 'saw_myself',
      });
      expect(receipt.url).toBe('/tip/receipt');
      expect(receipt.body, lang).toContain(outer);
      expect(receipt.body, lang).not.toContain('«Север»»');
      expect(receipt.body, lang).not.toContain('"Правозащитная');
      const tip = await sender.get('/tip');
      expect(tip.body, lang).toContain(outer);
      expect(tip.body, lang).not.toContain('«Север»»');
    }
  });
});
