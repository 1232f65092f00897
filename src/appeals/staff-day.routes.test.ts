import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/db.ts';
import { useWorld } from '../cases/cases.fixtures.ts';
import { currentTemplate } from './directory.service.ts';
import { postCollective, saveTemplateBody } from './appeals.fixtures.ts';

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
      const made = await postCollective(
        s.t.app,
        s.w.caseworker.cookies,
        'Просим сообщить о судьбе наших родных из одной бригады.',
        [s.w.caseId, s.w.otherCaseId],
      );
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
      const saved = await saveTemplateBody(s.t.app, s.w.editor.cookies, start!, 'Ночная правка: {{person.full_name}}');
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
