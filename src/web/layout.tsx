import type { ComponentChildren } from 'preact';
import type { PageContext } from './page-context.ts';
import { STYLESHEET } from './assets.ts';

// Neutral title on every page (no names, nothing about the case): a browser history or a tab
// seen over a shoulder must not reveal what the page is about. `heading` is shown on the page.
export const NEUTRAL_TITLE = 'Kintrace';
// Quick exit ends the session (POST /exit, src/accounts/quick-exit.routes.ts), then goes to a
// neutral, widely used site (QUICK_EXIT_URL); nothing of ours travels in the URL or the Referer.
export const QUICK_EXIT_PATH = '/exit';
// A tip sender's visit lives in a cookie scoped to /tip, which a POST to /exit never carries: on
// the tip's pages the exit is posted under /tip, so the visit too ends on the server.
export const TIP_QUICK_EXIT_PATH = '/tip/exit';
const exitPathOf = (path: string): string =>
  path === '/tip' || path.startsWith('/tip/') ? TIP_QUICK_EXIT_PATH : QUICK_EXIT_PATH;

// Pages shown in answer to a POST (a form with errors, the logout page) have no GET of their
// own: the language link goes to the page the form is on, not to a "not found".
const POST_ONLY: Array<[RegExp, string]> = [
  [/^\/logout$/, '/'],
  [/^\/cases\/([^/]+)\/(events|messages|cohorts)$/, '/cases/$1'],
  [/^\/staff\/incidents\/([^/]+)\/(facts|sources)$/, '/staff/incidents/$1'],
  [/^\/cohorts\/([^/]+)\/(posts|name|readmit|rejoin|posts\/[^/]+\/(hide|restore|reset-name))$/, '/cohorts/$1'],
  [/^\/staff\/cases\/([^/]+)\/(assign|notes|close|reopen)$/, '/cases/$1'],
  [/^\/staff\/events\/[^/]+\/verify$/, '/staff'],
  [/^\/staff\/matches\/([^/]+)\/undo$/, '/staff/matches/$1'],
  [/^\/account\/2fa\/(passphrase|confirm)$/, '/account/2fa'],
  [/^\/account\/(passphrase|sessions|recovery-codes)$/, '/account'],
  [/^\/admin\/invites\/(reset|remove|revoke)$/, '/admin/invites'],
  [/^\/tip\/(open|add|leave)$/, '/tip'],
  [/^\/staff\/tips\/([^/]+)\/(reply|attach|close|reopen)$/, '/staff/tips/$1'],
  [/^\/appeals\/([^/]+)\/(send|steps|close|discard|sign|print)$/, '/appeals/$1'],
  [/^\/cases\/([^/]+)\/appeals$/, '/cases/$1'],
  [/^\/guides\/search$/, '/guides'],
  [/^\/editor\/guides\/new\/preview$/, '/editor/guides/new'],
  [/^\/editor\/guides\/([^/]+)\/preview$/, '/editor/guides/$1'],
  [/^\/staff\/collective\/([^/]+)\/(send|print)$/, '/staff/collective/$1'],
];

export const languageSwitchPath = (path: string): string => {
  for (const [re, to] of POST_ONLY) if (re.test(path)) return path.replace(re, to);
  return path;
};

const LanguageSwitch = ({ ctx, to }: { ctx: PageContext; to?: string }) => {
  const other = ctx.lang === 'ru' ? 'en' : 'ru';
  const base = to ?? languageSwitchPath(ctx.path);
  return (
    <a href={`${base}${base.includes('?') ? '&' : '?'}lang=${other}`} hrefLang={other} lang={other}>
      {other === 'en' ? 'English' : 'Русский'}
    </a>
  );
};

const Nav = ({ ctx, languageSwitchTo }: { ctx: PageContext; languageSwitchTo?: string }) => {
  const { t, nav } = ctx;
  return (
    <nav aria-label={t('common.mainNav')}>
      <ul>
        <li>
          <a href="/">
            <strong>{t('common.siteName')}</strong>
          </a>
        </li>
      </ul>
      <ul>
        {/* Until the second factor is passed these pages only lead back to the code prompt, and
            only those who may work cases get the queue link (src/policy/nav.policy.ts). */}
        {nav.myCases && (
          <li>
            <a href="/my/cases">{t('nav.myCases')}</a>
          </li>
        )}
        {nav.queue && (
          <li>
            <a href="/staff">{t('nav.staff')}</a>
          </li>
        )}
        {nav.people && (
          <li>
            <a href="/staff/people">{t('search.nav')}</a>
          </li>
        )}
        {nav.registryDesk && (
          <li>
            <a href="/staff/registry">{t('registry.navDesk')}</a>
          </li>
        )}
        {nav.registry && (
          <li>
            <a href="/registry">{t('registry.nav')}</a>
          </li>
        )}
        {nav.editor && (
          <li>
            <a href="/editor">{t('appeals.editor.nav')}</a>
          </li>
        )}
        {nav.organisations && (
          <li>
            <a href="/admin/organisations">{t('accounts.admin.organisationsTitle')}</a>
          </li>
        )}
        {nav.jobs && (
          <li>
            <a href="/admin/jobs">{t('scheduler.title')}</a>
          </li>
        )}
        {nav.staffAdmin && (
          <li>
            <a href="/admin/invites">{t('accounts.nav.admin')}</a>
          </li>
        )}
        {nav.account && (
          <li>
            <a href="/account">{t('accounts.nav.account')}</a>
          </li>
        )}
        {nav.guides && (
          <li>
            <a href="/guides">{t('guides.nav')}</a>
          </li>
        )}
        <li>
          <LanguageSwitch ctx={ctx} to={languageSwitchTo} />
        </li>
        {nav.signedIn ? (
          <li>
            <form method="post" action="/logout" class="inline">
              <input type="hidden" name="_csrf" value={ctx.csrfToken} />
              <button type="submit" class="link">
                {t('common.logout')}
              </button>
            </form>
          </li>
        ) : (
          <li>
            <a href="/login">{t('common.login')}</a>
          </li>
        )}
      </ul>
    </nav>
  );
};

export const Layout = ({
  ctx,
  heading,
  children,
  refreshSeconds,
  languageSwitchTo,
}: {
  ctx: PageContext;
  heading?: string;
  children: ComponentChildren;
  /** a page that follows work in progress reloads itself: no JavaScript needed */
  refreshSeconds?: number;
  /**
   * where the language link goes (a path of this site, with a query if need be) when not to this
   * page's own address: a page shown once gives the address that shows it again
   */
  languageSwitchTo?: string;
}) => (
  <html lang={ctx.lang}>
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <meta name="referrer" content="no-referrer" />
      <meta name="robots" content="noindex, nofollow" />
      {refreshSeconds ? <meta http-equiv="refresh" content={String(refreshSeconds)} /> : null}
      <title>{NEUTRAL_TITLE}</title>
      <link rel="stylesheet" href={STYLESHEET.url} />
      {/* Otherwise every browser asks for /favicon.ico: one more round trip over Tor for a 404. */}
      <link rel="icon" href="data:," />
    </head>
    <body>
      <a class="skip" href="#main">
        {ctx.t('common.skipToContent')}
      </a>
      {/* A form, not a link: a link left the session open and Back showed the case again. */}
      <form class="quick-exit" method="post" action={exitPathOf(ctx.path)}>
        <button type="submit" title={ctx.t('common.quickExitHint')}>
          {ctx.t('common.quickExit')}
        </button>
      </form>
      <header>
        <Nav ctx={ctx} languageSwitchTo={languageSwitchTo} />
      </header>
      <main id="main">
        {heading && <h1>{heading}</h1>}
        {children}
      </main>
    </body>
  </html>
);
