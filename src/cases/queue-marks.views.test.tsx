import { describe, expect, it } from 'vitest';
import { renderToString } from 'preact-render-to-string';
import { navAbilities } from '../policy/nav.policy.ts';
import type { Lang } from '../shared/lang.ts';
import { translator } from '../web/i18n/i18n.ts';
import type { PageContext } from '../web/page-context.ts';
import type { QueueRow } from './queue.service.ts';
import { QueuePage } from './staff.views.tsx';

// The queue's counts of what waits read as short phrases, each whole, with Russian's three plural
// forms: they stood side by side after the name («семья написала: 3 новых обращение просрочено»),
// «1 дописано» for a tip with an addition and «Сроки обращений: 1 просрочено» took no plural at all.

const ctxFor = (lang: Lang): PageContext => ({
  t: translator(lang),
  lang,
  csrfToken: 't',
  auth: null,
  nav: navAbilities(null),
  path: '/staff',
  timeZone: 'UTC',
});

const row = (id: string, familyWrote: number): QueueRow => ({
  id,
  name: `Иванов ${id}`,
  unit: '',
  regionCode: null,
  state: 'open',
  assignedTo: null,
  openedOn: '2026-03-01',
  lastActivityOn: '2026-03-02',
  status: 'no_contact',
  pending: null,
  familyWrote,
});

const render = (lang: Lang, n: number) =>
  renderToString(
    <QueuePage
      ctx={ctxFor(lang)}
      page={{ rows: [row('a', n), row('b', 0)], next: null }}
      filter="open"
      days={14}
      staffNames={new Map()}
      tips={{ new: n, senderWrote: n }}
      appeals={{ overdue: n, cases: new Set(['a']) }}
    />,
  );

/** The marks under one case's name, as text. */
const marksOf = (html: string, id: string): string[] => {
  const cell = html.split('<tr>').find((r) => r.includes(`href="/cases/${id}"`)) ?? '';
  return [...cell.matchAll(/<strong class="new">([^<]*)<\/strong>/g)].map((m) => m[1]);
};

describe("the queue's counts of what waits", () => {
  it.each([
    [
      1,
      '1 новое сообщение от семьи',
      'Анонимные сообщения</a>: 1 новое, 1 с дополнением',
      'Сроки обращений: 1 просроченное',
    ],
    [
      3,
      '3 новых сообщения от семьи',
      'Анонимные сообщения</a>: 3 новых, 3 с дополнениями',
      'Сроки обращений: 3 просроченных',
    ],
    [
      5,
      '5 новых сообщений от семьи',
      'Анонимные сообщения</a>: 5 новых, 5 с дополнениями',
      'Сроки обращений: 5 просроченных',
    ],
    [
      21,
      '21 новое сообщение от семьи',
      'Анонимные сообщения</a>: 21 новое, 21 с дополнением',
      'Сроки обращений: 21 просроченное',
    ],
  ])('in Russian, %i', (n, family, tips, appeals) => {
    const html = render('ru', n);
    expect(marksOf(html, 'a')).toEqual([family, 'просрочен ответ на обращение']);
    expect(marksOf(html, 'b')).toEqual([]);
    expect(html).toContain(tips);
    expect(html).toContain(appeals);
    // on a line of their own under the name, not run on after it
    expect(html).toMatch(/<\/a><span class="marks"><strong class="new">/);
  });

  it.each([
    [1, '1 new message from the family', 'Anonymous tips</a>: 1 new, 1 with an addition'],
    [3, '3 new messages from the family', 'Anonymous tips</a>: 3 new, 3 with additions'],
  ])('in English, %i', (n, family, tips) => {
    const html = render('en', n);
    expect(marksOf(html, 'a')).toEqual([family, 'appeal answer overdue']);
    expect(html).toContain(tips);
  });
});
