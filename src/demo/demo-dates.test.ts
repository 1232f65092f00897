import { describe, expect, it } from 'vitest';
import { freshDb } from '../../test/helpers/db.ts';
import { loadConfig } from '../config.ts';
import { ManualClock } from '../shared/clock.ts';
import { runDemo } from './demo.service.ts';

// The demo's story is played over the last seven weeks; the tips came after the cases' weeks and
// ran past today: a staff list said «получено 09.12.2026» on 7 December, a case «последнее
// изменение 09.12.2026» (QA walk). Nothing in the demo is dated after the day it is run.

const NOW = '2026-12-07T06:10:00.000Z';
const TODAY = NOW.slice(0, 10);

describe('the demo run today', () => {
  it('dates nothing after today', async () => {
    const opened = await freshDb('sqlite');
    try {
      await runDemo({ db: opened.db, config: loadConfig(), clock: new ManualClock(NOW) });
      const db = opened.db;
      const latest = {
        caseActivity: (await db.selectFrom('cases').select('last_activity_on as d').execute()).map((r) => r.d),
        caseNews: (await db.selectFrom('case_news').select('created_on as d').execute()).map((r) => r.d),
        events: (await db.selectFrom('events').select('created_on as d').execute()).map((r) => r.d),
        messages: (await db.selectFrom('case_messages').select('created_at as d').execute()).map((r) => r.d),
        tipsReceived: (await db.selectFrom('tips').select('received_on as d').execute()).map((r) => r.d),
        tipsActivity: (await db.selectFrom('tips').select('last_activity_on as d').execute()).map((r) => r.d),
        tipsClosed: (await db.selectFrom('tips').select('closed_on as d').execute()).map((r) => r.d),
        tipPosts: (await db.selectFrom('tip_posts').select('created_at as d').execute()).map((r) => r.d),
      };
      expect(latest.tipsReceived.length).toBeGreaterThan(0);
      for (const [what, days] of Object.entries(latest)) {
        const after = days.filter((d): d is string => !!d && String(d).slice(0, 10) > TODAY);
        expect(after, what).toEqual([]);
      }
    } finally {
      await opened.close();
    }
  });
});
