import { describe, expect, it } from 'vitest';
import { submitForm } from '../../test/helpers/factories.ts';
import { useWorld } from '../cases/cases.fixtures.ts';
import { draftAppeal, sendAppeal } from './appeals.fixtures.ts';
import { BLANK } from './template-rules.ts';

// A letter with «звание ________» could be printed and marked sent without a word (QA walk 5):
// only the bracketed hint stopped it. Now the print and send sections say which lines are still
// blank; nothing is refused, since a family may fill a blank by hand on the printed letter.

const SENDER = { full_name: 'Сазонова Валентина Ивановна', postal_address: '346400, г. Новочеркасск, д. 9' };
const BODY = `Прошу сообщить о военнослужащем Сазонове Иване, воинская часть в/ч 12345, звание ${BLANK}, дата рождения ${BLANK}.`;

describe('blank lines left in a letter', () => {
  const s = useWorld('sqlite');
  const app = () => s.t.app;
  const page = async (id: string, lang: string) =>
    (await app().inject({ method: 'GET', url: `/appeals/${id}?lang=${lang}`, cookies: s.w.family.cookies })).body;
  const section = (html: string, id: string) => html.slice(html.indexOf(`id="${id}"`)).split('</section>')[0];

  it('are named in the print and send sections, in Russian and English, and do not stop either', async () => {
    const id = await draftAppeal(app(), s.w.caseId, s.w.family.cookies, 'inquiry', { body: BODY });
    const ru = await page(id, 'ru');
    for (const h of ['print-h', 'send-h'])
      expect(section(ru, h), h).toContain(
        'В письме остались пустые строки «________»: <span lang="ru">«звание», «дата рождения»</span>. Впишите их до печати и отправки',
      );
    expect(section(ru, 'print-h')).toContain(`href="/appeals/${id}/edit"`);
    const en = await page(id, 'en');
    for (const h of ['print-h', 'send-h'])
      expect(section(en, h), h).toContain(
        'The letter still has blank lines “________”: <span lang="ru">“звание”, “дата рождения”</span>. Fill them in',
      );
    // Warned, not refused: it prints and is marked sent as before.
    const printed = await submitForm(
      app(),
      `/appeals/${id}`,
      { ...SENDER, format: 'html' },
      s.w.family.cookies,
      `/appeals/${id}/print`,
    );
    expect(printed.res.statusCode).toBe(200);
    expect(printed.res.body).toContain('class="letter-title"');
    const sent = await sendAppeal(app(), id, s.w.family.cookies, { channel: 'post', sent_on: '2026-03-01' });
    expect(sent.res.statusCode).toBe(303);
  });

  it('are not warned of when every line is filled in', async () => {
    const id = await draftAppeal(app(), s.w.caseId, s.w.family.cookies, 'inquiry', {
      body: 'Прошу сообщить о военнослужащем Сазонове Иване, звание рядовой.',
    });
    expect(await page(id, 'ru')).not.toContain('пустые строки');
  });
});
