import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { Visitor } from '../../test/helpers/visitor.ts';
import { useWorld } from '../cases/cases.fixtures.ts';

// A witness comes back with the tip's code to add a photo (QA walk 5). Sending the addition empty
// said «Заполните это поле.» under the text, though a photo alone is accepted: she learned that
// words were required. A code typed one character off said «Проверьте код.» over an empty field:
// the code typed is never shown back, so there was nothing to check. Both now say what to do.

describe.each(DIALECTS)("the tip sender's messages say what to do (%s)", (dialect) => {
  const s = useWorld(dialect);

  const sendTip = async (lang: 'ru' | 'en') => {
    const sender = new Visitor(s.t.app);
    const receipt = await sender.submit(`/tips/new?lang=${lang}`, '/tips/new', {
      organisation: s.w.orgA.id,
      surname: 'Иванов',
      what_happened: 'Погиб при обстреле.',
      how_known: 'served_with',
    });
    expect(receipt.url).toBe('/tip/receipt');
    return sender;
  };

  it('an empty addition names the photo as enough, in Russian and English', async () => {
    for (const [lang, words] of [
      ['ru', 'Напишите, что вы узнали, или выберите фото или документ.'],
      ['en', 'Write what you learned, or choose a photo or document.'],
    ] as const) {
      const sender = await sendTip(lang);
      const empty = await sender.submit('/tip', '/tip/add', { body: '' });
      expect(empty.status).toBe(400);
      expect(empty.body).toContain(words);
      expect(empty.body).not.toContain(lang === 'ru' ? 'Заполните это поле.' : 'Please fill in this field.');
    }
  });

  it('a wrong code asks for it again, since the field comes back empty', async () => {
    for (const [lang, words] of [
      ['ru', 'Сверьте код с записью и введите его снова'],
      ['en', 'Compare it with what you wrote down and type it again'],
    ] as const) {
      const visitor = new Visitor(s.t.app);
      const refused = await visitor.submit(`/tip?lang=${lang}`, '/tip/open', { code: 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ12' });
      expect(refused.status).toBe(400);
      expect(refused.body).toContain(words);
      expect(refused.body).not.toContain('ABCD-EFGH');
    }
  });
});
