import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUICK_EXIT_PATH, NEUTRAL_TITLE, TIP_QUICK_EXIT_PATH } from '../../src/web/layout.tsx';
import { STYLESHEET } from '../../src/web/assets.ts';
import { testApp, type TestApp } from '../helpers/app.ts';
import { logOut, runStory, storyTexts, type StoryResult } from '../helpers/story.ts';
import { Visitor, type Page } from '../helpers/visitor.ts';

// Headers and page hygiene on every page a family, a caseworker, an administrator and an
// anonymous visitor can reach: each is crawled by following every same-site link from its home
// after the whole story has run, so a page added later is checked without editing this test.

const isHtml = (p: Page) => String(p.headers['content-type'] ?? '').startsWith('text/html');
const isRedirect = (p: Page) => p.status >= 300 && p.status < 400;

const linksOf = (html: string): string[] =>
  [...html.matchAll(/\shref="([^"]*)"/g)].map((m) => m[1].replace(/&amp;/g, '&'));

/** Every page reachable by GET from `starts` through same-site links (no language switch, no assets). */
const crawl = async (v: Visitor, starts: string[], limit = 60): Promise<Page[]> => {
  const seen = new Set<string>();
  const queue = [...starts];
  const pages: Page[] = [];
  while (queue.length > 0 && pages.length < limit) {
    const url = queue.shift()!.split('#')[0];
    if (seen.has(url)) continue;
    seen.add(url);
    const page = await v.request('GET', url, undefined, false);
    pages.push(page);
    if (isRedirect(page)) queue.push(String(page.headers.location));
    else if (isHtml(page))
      queue.push(
        ...linksOf(page.body).filter(
          (l) => l.startsWith('/') && !l.startsWith('//') && !l.startsWith('/assets/') && !l.includes('lang='),
        ),
      );
  }
  return pages;
};

describe('security headers and page hygiene on every reachable page', () => {
  let t: TestApp;
  let story: StoryResult;
  const pages = new Map<string, Page[]>();

  beforeAll(async () => {
    t = await testApp('sqlite');
    // Hostile text in every field: it must come back escaped, never as markup (checked on every page below).
    const base = storyTexts();
    const hostile = (s: string) => `${s} <script>alert(1)</script><img src=x onerror=alert(2)>"><svg/onload=alert(3)>`;
    story = await runStory(
      t.app,
      Object.fromEntries(Object.entries(base).map(([k, v]) => [k, hostile(v)])) as unknown as typeof base,
    );
    // Everything the story itself received first: POST answers (recovery codes, invite link,
    // 2FA secret, refused forms) and redirects included.
    pages.set(
      'story',
      [story.family, story.admin, story.caseworker].flatMap((u) => u.visitor.history),
    );
    const anonymous = new Visitor(t.app);
    pages.set(
      'anonymous',
      await crawl(anonymous, [
        '/',
        '/login',
        '/register',
        '/recover',
        '/no-such-page',
        story.inviteUrl.replace(/^https?:\/\/[^/]+/, ''),
      ]),
    );
    pages.set(
      'family',
      await crawl(story.family.visitor, ['/', '/my/cases', `/cases/${story.caseId}`, '/cases/new', '/account']),
    );
    pages.set(
      'caseworker',
      await crawl(story.caseworker.visitor, [
        '/',
        '/staff',
        `/cases/${story.caseId}`,
        '/staff/search?q=12345',
        '/account',
      ]),
    );
    pages.set(
      'admin',
      await crawl(story.admin.visitor, [
        '/',
        '/staff',
        '/staff/audit',
        '/admin/invites',
        '/admin/organisations',
        '/account',
      ]),
    );
  });
  afterAll(() => t?.close());

  const all = () => [...pages.entries()].flatMap(([who, ps]) => ps.map((p) => ({ who, p })));
  const html = () => all().filter(({ p }) => isHtml(p));

  it('crawled the private pages of every kind of visitor', () => {
    const urls = (who: string) =>
      pages
        .get(who)!
        .filter((p) => p.status === 200)
        .map((p) => p.url);
    expect(urls('family')).toEqual(expect.arrayContaining(['/my/cases', `/cases/${story.caseId}`, '/cases/new']));
    expect(urls('caseworker')).toEqual(expect.arrayContaining(['/staff', `/cases/${story.caseId}`]));
    expect(urls('admin')).toEqual(expect.arrayContaining(['/staff/audit', '/admin/invites']));
    expect(html().length).toBeGreaterThan(20);
    const posts = pages.get('story')!.filter((p) => (p as { method?: string }).method === 'POST');
    // The registration redirects to the page of its recovery codes (post/redirect/get), crawled too.
    expect(posts.some((p) => p.url === '/register' && p.status === 303)).toBe(true);
    expect(pages.get('story')!.some((p) => p.url === '/register/codes' && p.status === 200)).toBe(true);
    expect(posts.some((p) => p.url === '/admin/invites' && p.status === 200)).toBe(true);
  });

  it('sends a strict CSP, frame-ancestors none, no-referrer and nosniff on every page', () => {
    for (const { who, p } of html()) {
      const csp = String(p.headers['content-security-policy']);
      const label = `${who} ${p.url}`;
      expect(csp, label).toMatch(/(^|;)\s*default-src 'none'/);
      expect(csp, label).toMatch(/script-src 'self'(;|$)/);
      expect(csp, label).toContain("frame-ancestors 'none'");
      // The one other origin is the quick exit's: its form is answered with a redirect there.
      expect(csp, label).toContain(`form-action 'self' https://yandex.ru;`);
      expect(csp.replace('https://yandex.ru', ''), label).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
      expect(p.headers['referrer-policy'], label).toBe('no-referrer');
      expect(p.headers['x-content-type-options'], label).toBe('nosniff');
    }
  });

  // The public registry's pages (not its request form) are the same for every visitor without a
  // session and may be cached (src/registry/public-pages.views.ts); everything else never.
  // Its data files and API answers are the same for everyone, with a session or without.
  const publicRegistryPage = (who: string, url: string) =>
    /^\/(registry\/data\/[a-z]+\.(csv|json)|api\/v1\/)/.test(url) ||
    (who === 'anonymous' && /^\/registry(\/|$|\?)/.test(url) && !url.endsWith('/request'));

  it('never lets a page be cached: Cache-Control no-store on every page and redirect', () => {
    for (const { who, p } of all())
      if (!publicRegistryPage(who, p.url) || p.status !== 200)
        expect(p.headers['cache-control'], `${who} ${p.url}`).toBe('no-store');
  });

  it('lets only the public registry pages reached without a session be cached, with no cookie', () => {
    const cached = all().filter(({ who, p }) => publicRegistryPage(who, p.url) && p.status === 200);
    expect(cached.length).toBeGreaterThan(0);
    for (const { p } of cached) {
      // A minute, or (what names a person, so that a withdrawal holds at once) revalidated each time.
      expect(p.headers['cache-control'], p.url).toMatch(/^public, (max-age=\d+|no-cache$)/);
      expect(p.headers['set-cookie'], p.url).toBeUndefined();
    }
  });

  it('has no inline script, no event handler attribute, no javascript: URL', () => {
    for (const { who, p } of html()) {
      const label = `${who} ${p.url}`;
      expect(p.body, label).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/i);
      expect(p.body, label).not.toMatch(/<[a-z][^>]*\son[a-z]+\s*=/i);
      expect(p.body, label).not.toMatch(/<(img|svg)[^>]*(onerror|onload)/i);
      expect(p.body, label).not.toMatch(/javascript:/i);
      expect(p.body, label).not.toMatch(/\sstyle="/i);
    }
  });

  it('loads nothing from another origin and links nowhere off the site (quick exit leaves by a redirect)', async () => {
    for (const { who, p } of html()) {
      const label = `${who} ${p.url}`;
      const resources = [...p.body.matchAll(/\s(?:src|action|formaction|poster|data)="([^"]*)"/g)].map((m) => m[1]);
      const stylesheets = [...p.body.matchAll(/<link\b[^>]*\shref="([^"]*)"/g)].map((m) => m[1]);
      for (const r of [...resources, ...stylesheets]) expect(r, label).toMatch(/^(\/(?!\/)|data:image\/|data:,$)/);
      const offsite = linksOf(p.body).filter((l) => /^(https?:)?\/\//.test(l));
      expect(offsite, label).toEqual([]);
    }
    const sheets = new Set(
      html().flatMap(({ p }) => [...p.body.matchAll(/<link\b[^>]*\shref="(\/assets\/[^"]*)"/g)].map((m) => m[1])),
    );
    expect([...sheets]).toEqual([STYLESHEET.url]);
    const res = await t.app.inject({ method: 'GET', url: STYLESHEET.url });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toMatch(/@import|url\(/i);
  });

  it('has a neutral title and a quick-exit form on every page', () => {
    for (const { who, p } of html()) {
      const label = `${who} ${p.url}`;
      expect(/<title>([^<]*)<\/title>/.exec(p.body)?.[1], label).toBe(NEUTRAL_TITLE);
      // On the tip's pages the exit is posted under /tip, where the sender's visit cookie lives.
      const exit = /^\/tip(\/|\?|$)/.test(p.url) ? TIP_QUICK_EXIT_PATH : QUICK_EXIT_PATH;
      expect(p.body, label).toContain(`<form class="quick-exit" method="post" action="${exit}">`);
    }
  });

  it('puts no name (person or pseudonym) in any URL the site makes: links, form actions, redirects', () => {
    const names = [
      'Демидов',
      'Степан',
      'Ильич',
      story.family.pseudonym,
      story.caseworker.pseudonym,
      story.admin.pseudonym,
    ];
    const variants = names.flatMap((n) => [n, encodeURIComponent(n), n.toLowerCase()]);
    for (const { who, p } of all()) {
      const urls = [
        ...(isHtml(p) ? [...p.body.matchAll(/\s(?:href|action|src)="([^"]*)"/g)].map((m) => m[1]) : []),
        ...(isRedirect(p) ? [String(p.headers.location)] : []),
      ];
      for (const u of urls) for (const n of variants) expect(u, `${who} ${p.url}`).not.toContain(n);
    }
  });

  it('sets only HttpOnly, SameSite cookies on the whole site, none of them holding a name', () => {
    const cookies = all().flatMap(({ p }) =>
      ([] as string[]).concat((p.headers['set-cookie'] as string | string[] | undefined) ?? []),
    );
    expect(cookies.some((c) => c.startsWith('kt_session='))).toBe(true);
    for (const c of cookies) {
      expect(c, c).toMatch(/;\s*HttpOnly/i);
      expect(c, c).toMatch(/;\s*SameSite=(Lax|Strict)/i);
      expect(c, c).toMatch(/;\s*Path=\//i);
      expect(decodeURIComponent(c.split(';')[0]), c).not.toMatch(/Демидов|Степан|мама|сотрудник/i);
    }
    // The session cookie has no expiry: the browser forgets it when it closes.
    for (const c of cookies.filter((x) => x.startsWith('kt_session=') && !/Expires=Thu, 01 Jan 1970/i.test(x)))
      expect(c).not.toMatch(/Max-Age|Expires/i);
  });

  it('logout ends the session and sends Clear-Site-Data', async () => {
    const v = story.family.visitor;
    const out = await v.submit('/', '/logout', {}, false);
    expect(out.status).toBe(200);
    expect(String(out.headers['clear-site-data'])).toMatch(/"cookies"/);
    expect(String(out.headers['clear-site-data'])).toMatch(/"storage"/);
    expect(out.headers['cache-control']).toBe('no-store');
    const after = await v.request('GET', `/cases/${story.caseId}`, undefined, false);
    expect(after.status).toBe(303);
    expect(after.headers.location).toBe(`/login?next=${encodeURIComponent(`/cases/${story.caseId}`)}`);
    await logOut(story.caseworker.visitor);
  });

  it('quick exit ends the session on the server, clears the site and leaves, even with no CSRF token', async () => {
    const v = new Visitor(t.app);
    await v.submit('/login', '/login', { pseudonym: story.family.pseudonym, passphrase: story.family.passphrase });
    expect((await v.request('GET', `/cases/${story.caseId}`, undefined, false)).status).toBe(200);
    const session = v.cookies.get('kt_session')!;
    // Straight from the page's button: no token, no CSRF cookie needed (a stale page must still leave).
    const out = await t.app.inject({ method: 'POST', url: QUICK_EXIT_PATH, cookies: { kt_session: session } });
    expect(out.statusCode).toBe(303);
    expect(out.headers.location).toBe('https://yandex.ru/pogoda');
    expect(String(out.headers['clear-site-data'])).toBe('"cache", "cookies", "storage"');
    expect(out.headers['cache-control']).toBe('no-store');
    expect(out.headers['referrer-policy']).toBe('no-referrer');
    expect(String(out.headers['set-cookie'])).toMatch(/kt_session=;/);
    // The old cookie is worthless now, even in a browser that ignored Clear-Site-Data.
    const back = await t.app.inject({ method: 'GET', url: `/cases/${story.caseId}`, cookies: { kt_session: session } });
    expect(back.statusCode).toBe(303);
    expect(back.headers.location).toBe(`/login?next=${encodeURIComponent(`/cases/${story.caseId}`)}`);
    // Without a session it still leaves.
    const anonymous = await t.app.inject({ method: 'POST', url: QUICK_EXIT_PATH });
    expect(anonymous.headers.location).toBe('https://yandex.ru/pogoda');
  });
});

describe('served over HTTPS (PUBLIC_URL https://…)', () => {
  it('marks every cookie Secure and sends HSTS', async () => {
    const t = await testApp('sqlite', { PUBLIC_URL: 'https://kintrace.example' });
    try {
      const story = await runStory(t.app, storyTexts());
      const responses = [story.family, story.admin, story.caseworker].flatMap((u) => u.visitor.history);
      const cookies = responses.flatMap((p) =>
        ([] as string[]).concat((p.headers['set-cookie'] as string | string[] | undefined) ?? []),
      );
      expect(cookies.some((c) => c.startsWith('kt_session='))).toBe(true);
      expect(cookies.some((c) => c.startsWith('kt_csrf='))).toBe(true);
      for (const c of cookies) expect(c, c).toMatch(/;\s*Secure/i);
      for (const p of responses.filter(isHtml))
        expect(String(p.headers['strict-transport-security']), p.url).toMatch(/max-age=\d{7,}/);
    } finally {
      await t.close();
    }
  });
});
