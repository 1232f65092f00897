import { describe, expect, it } from 'vitest';
import { useWorld } from '../cases/cases.fixtures.ts';
import { draftAppeal, sendAppeal } from './appeals.fixtures.ts';

// A draft's page showed «Отметить, что письмо отправлено», with its required fields, above
// «Распечатать или скачать PDF»: a mother read it as the way to send the letter (QA walk 9). A
// draft offers printing first; once sent, recording what came back comes first.

describe('the order of the sections of a letter', () => {
  const s = useWorld('sqlite');
  const page = async (id: string) =>
    (await s.t.app.inject({ method: 'GET', url: `/appeals/${id}`, cookies: s.w.family.cookies })).body;
  const at = (html: string, id: string) => {
    const i = html.indexOf(`id="${id}"`);
    expect(i, id).toBeGreaterThan(-1);
    return i;
  };

  it('offers a draft for printing before marking it sent, and a sent one its answers first', async () => {
    const id = await draftAppeal(s.t.app, s.w.caseId, s.w.family.cookies, 'inquiry');
    const draft = await page(id);
    expect(at(draft, 'print-h')).toBeLessThan(at(draft, 'send-h'));
    const sentRes = await sendAppeal(s.t.app, id, s.w.family.cookies, { channel: 'post', sent_on: '2026-02-20' });
    expect(sentRes.res.statusCode).toBe(303);
    const sent = await page(id);
    expect(sent).not.toContain('id="send-h"');
    expect(at(sent, 'step-h')).toBeLessThan(at(sent, 'print-h'));
  });
});
