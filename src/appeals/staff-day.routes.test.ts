import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { formToken, submitForm } from '../../test/helpers/factories.ts';
import { useWorld } from '../cases/cases.fixtures.ts';
import { currentTemplate } from './directory.service.ts';

// A caseworker starts a collective appeal and an editor saves a letter template at 02:30 on
// 2 March in Moscow (23:30 UTC on 1 March). The staff's list of collective appeals and the
// template's versions showed 01.03.2026: the UTC day, the day before, beside the organisation's
// days everywhere else. Both now show the organisation's day.

const LATE_UTC = '2026-03-01T23:30:00.000Z';

describe.each(DIALECTS)("staff's dates are the organisation's days (%s)", (dialect) => {
  const s = useWorld(dialect);
  const get = async (url: string, cookies: Record<string, string>) => {
    const res = await s.t.app.inject({ method: 'GET', url, cookies });
    expect(res.statusCode).toBe(200);
    return res.body;
  };

  it('a collective appeal started at 23:30 UTC is of 02.03.2026 in its list', async () => {
    s.t.clock.set(LATE_UTC);
    try {
      const { token, cookies } = await formToken(s.t.app, '/staff/collective/new', s.w.caseworker.cookies);
      const made = await s.t.app.inject({
        method: 'POST',
        url: '/staff/collective',
        cookies,
        payload: new URLSearchParams([
          ['addressee', 'Министерство обороны РФ'],
          ['subject', 'Коллективное обращение семей'],
          ['body', 'Просим сообщить о судьбе наших родных из одной бригады.'],
          ['cases', s.w.caseId],
          ['cases', s.w.otherCaseId],
          ['_csrf', token],
        ]).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      expect(made.statusCode).toBe(303);
      const list = await get('/staff/collective', s.w.caseworker.cookies);
      expect(list).toMatch(/href="\/staff\/collective\/[0-9a-f-]+">[^<]*02\.03\.2026/);
      expect(list).not.toContain('01.03.2026');
    } finally {
      s.t.clock.set('2026-03-02T09:00:00.000Z');
    }
  });

  it('a template version saved at 23:30 UTC is dated 02.03.2026 in the list and its history', async () => {
    const url = '/editor/templates/inquiry';
    const start = await currentTemplate(s.t.opened.db, 'inquiry');
    s.t.clock.set(LATE_UTC);
    try {
      const saved = await submitForm(
        s.t.app,
        url,
        {
          title_ru: start!.titleRu,
          title_en: start!.titleEn,
          guidance_ru: start!.guidanceRu,
          guidance_en: start!.guidanceEn,
          body: 'Ночная правка: {{person.full_name}}',
          base: String(start!.version),
        },
        s.w.editor.cookies,
      );
      expect(saved.res.statusCode).toBe(303);
      const version = `версия ${start!.version + 1}`;
      const list = await get('/editor/templates', s.w.editor.cookies);
      expect(list).toMatch(new RegExp(`${version} · 02\\.03\\.2026`, 'i'));
      expect(list).not.toContain('01.03.2026');
      const history = await get(url, s.w.editor.cookies);
      expect(history).toMatch(new RegExp(`${version} · 02\\.03\\.2026`, 'i'));
      expect(history).not.toContain('01.03.2026');
    } finally {
      s.t.clock.set('2026-03-02T09:00:00.000Z');
    }
  });
});
