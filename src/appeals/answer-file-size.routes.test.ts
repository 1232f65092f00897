import { describe, expect, it } from 'vitest';
import { useWorld } from '../cases/cases.fixtures.ts';
import { jpegWithGps } from '../evidence/evidence.fixtures.ts';
import { postStep, sentAppeal } from './appeals.fixtures.ts';

// The scan of an answer is offered with its kind and size in the page's language: the Russian
// page said «фото (JPEG), 13 KB» where every other page, and the hint above, say «КБ» and «МБ».

describe("an answer's scan on the appeal page", () => {
  const s = useWorld('sqlite');

  it('names its size in kilobytes of the page language', async () => {
    const { caseworker } = s.w;
    const id = await sentAppeal(s.t.app, s.w.caseId, caseworker.cookies);
    const scan = { name: 'answer.jpg', type: 'image/jpeg', bytes: await jpegWithGps() };
    const res = await postStep(s.t.app, id, caseworker.cookies, { step: 'answer', on: '2026-03-01' }, scan);
    expect(res.statusCode).toBe(303);
    const ru = await s.t.app.inject({ method: 'GET', url: `/appeals/${id}`, cookies: caseworker.cookies });
    expect(ru.body).toMatch(/Скачать файл \(фото \(JPEG\), \d+ КБ\)/);
    expect(ru.body).not.toMatch(/\d KB/);
    const en = await s.t.app.inject({ method: 'GET', url: `/appeals/${id}?lang=en`, cookies: caseworker.cookies });
    expect(en.body).toMatch(/\(photo \(JPEG\), \d+ KB\)/);
  });
});
