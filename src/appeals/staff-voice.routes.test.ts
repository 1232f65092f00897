import { describe, expect, it } from 'vitest';
import { useWorld } from '../cases/cases.fixtures.ts';
import { draftAppeal } from './appeals.fixtures.ts';

// A lawyer drafting a letter for a family read the family's own words: «Ваш рассказ из заявки мы
// не вставили…», «Вставить в письмо мой рассказ из заявки» (QA walk) — the account is not hers.
// Staff read the same choice about the family's account; the family's pages are unchanged.

describe("the family's account in a new letter, as each side reads it", () => {
  const s = useWorld('sqlite');
  const get = (url: string, cookies: Record<string, string>) => s.t.app.inject({ method: 'GET', url, cookies });

  it('staff read «рассказ семьи», the family «мой рассказ»', async () => {
    const start = `/cases/${s.w.caseId}/appeals/new`;
    const draft = `${start}?next=1&template=inquiry`;

    const staffStart = await get(start, s.w.caseworker.cookies);
    expect(staffStart.body).toContain('Рассказ семьи из заявки в письмо не попадёт, если его не вставить.');
    expect(staffStart.body).not.toContain('Ваш рассказ');
    const staffDraft = await get(draft, s.w.caseworker.cookies);
    expect(staffDraft.statusCode).toBe(200);
    expect(staffDraft.body).toContain('Рассказ семьи из заявки не вставлен в письмо');
    expect(staffDraft.body).toContain('Вставить в письмо рассказ семьи из заявки');
    expect(staffDraft.body).not.toMatch(/мой рассказ|Ваш рассказ|кто вам сообщил/);
    const staffEn = await get(`${draft}&lang=en`, s.w.caseworker.cookies);
    expect(staffEn.body).toMatch(/Put the family(&#x27;|&#39;|')s account from the request into the letter/);

    const familyDraft = await get(draft, s.w.family.cookies);
    expect(familyDraft.body).toContain('Вставить в письмо мой рассказ из запроса');
    expect(familyDraft.body).toContain('Ваш рассказ из запроса мы не вставили');
  });

  // The print section told a lawyer «впишите ваши фамилию, имя, отчество… адрес для ответа» (QA
  // walk 5): the letter is the family's, in their voice; signed in her name, its answer would go to
  // her, and an authority may refuse to tell a stranger about a soldier.
  it('staff are asked for the name of whoever signs, the family for theirs', async () => {
    const id = await draftAppeal(s.t.app, s.w.caseId, s.w.family.cookies);
    const staff = await get(`/appeals/${id}`, s.w.caseworker.cookies);
    expect(staff.statusCode).toBe(200);
    expect(staff.body).toContain('того, кто его подписывает, — родственника или его представителя по доверенности');
    expect(staff.body).not.toContain('должны быть ваши фамилия');
    const staffEn = await get(`/appeals/${id}?lang=en`, s.w.caseworker.cookies);
    expect(staffEn.body).toContain('of whoever signs it — the relative, or their representative');
    const family = await get(`/appeals/${id}`, s.w.family.cookies);
    expect(family.body).toContain('должны быть ваши фамилия');
  });

  // Every page of a letter sent her back «Вернуться к делу» and said its text came «из дела»
  // (QA walk 11), while her menu, her list and her request's own page call it «запрос»; «дело» is
  // the staff's word. Staff still go back to «делу».
  it('the way back from a letter is «к вашему запросу» for the family, «к делу» for staff', async () => {
    const id = await draftAppeal(s.t.app, s.w.caseId, s.w.family.cookies);
    const start = `/cases/${s.w.caseId}/appeals/new`;
    for (const url of [start, `${start}?next=1&template=inquiry`, `/appeals/${id}`, `/appeals/${id}/edit`]) {
      const family = await get(url, s.w.family.cookies);
      expect(family.statusCode, url).toBe(200);
      expect(family.body, url).toContain('Вернуться к вашему запросу');
      expect(family.body, url).not.toMatch(/Вернуться к делу|сведениями из дела/);
      const familyEn = await get(`${url}${url.includes('?') ? '&' : '?'}lang=en`, s.w.family.cookies);
      expect(familyEn.body, url).toContain('Back to your request');
      const staff = await get(url, s.w.caseworker.cookies);
      expect(staff.statusCode, url).toBe(200);
      expect(staff.body, url).toContain('Вернуться к делу');
      expect(staff.body, url).not.toContain('Вернуться к вашему запросу');
    }
    expect((await get(start, s.w.family.cookies)).body).toContain('сведениями из вашего запроса');
  });
});
