import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import {
  chromium as playwright,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { buildApp } from '../../src/app.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import { openSqlite, type Db } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { ManualClock, type Clock } from '../../src/shared/clock.ts';

// Browser tests drive a real Chromium (never downloaded at run time: the system's when present,
// else the one shipped inside @sparticuz/chromium) against the real app listening on a free port.
// One browser per test file; tests wait on the page (locators), never on time.

const SYSTEM_CHROMIUM = '/usr/bin/chromium';
const SYSTEM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export const launchBrowser = async (): Promise<Browser> => {
  if (fs.existsSync(SYSTEM_CHROMIUM)) {
    return playwright.launch({ executablePath: SYSTEM_CHROMIUM, args: SYSTEM_ARGS, headless: true });
  }
  const { default: chromium } = await import('@sparticuz/chromium');
  // --single-process (meant for AWS Lambda) kills the whole browser when a context closes.
  const args = chromium.args.filter((a) => a !== '--single-process');
  return playwright.launch({
    executablePath: await unpackedOnce(() => chromium.executablePath()),
    args,
    headless: true,
  });
};

const LOCK = path.join(os.tmpdir(), 'kintrace-chromium.lock');
const READY = path.join(os.tmpdir(), 'kintrace-chromium.ready');
const STALE_MS = 5 * 60_000;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * @sparticuz/chromium unpacks its browser into the temp directory and treats the file as ready
 * as soon as it exists, so two test files starting together on a fresh machine could launch a
 * half-written binary. The first process to take the lock unpacks; the others wait for it.
 * (Not a test waiting on time: this only orders processes around a one-time unpacking.)
 */
const unpackedOnce = async (unpack: () => Promise<string>): Promise<string> => {
  for (;;) {
    if (fs.existsSync(READY)) return unpack();
    try {
      fs.mkdirSync(LOCK);
    } catch {
      const age = Date.now() - (fs.statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > STALE_MS) fs.rmSync(LOCK, { recursive: true, force: true });
      await pause(200);
      continue;
    }
    try {
      const executable = await unpack();
      fs.writeFileSync(READY, executable);
      return executable;
    } finally {
      fs.rmSync(LOCK, { recursive: true, force: true });
    }
  }
};

/** The family's path: JavaScript off, as in Tor Browser's safest mode; Russian by default. */
export const noJsContext = (browser: Browser, opts: BrowserContextOptions = {}): Promise<BrowserContext> =>
  browser.newContext({
    javaScriptEnabled: false,
    locale: 'ru-RU',
    extraHTTPHeaders: { 'accept-language': 'ru-RU,ru;q=0.9' },
    ...opts,
  });

export interface RunningApp {
  baseUrl: string;
  app: FastifyInstance;
  db: Db;
  config: Config;
  clock: Clock;
  dataDir: string;
  /** stops the server and closes the database; the data directory is removed unless keepData */
  close(opts?: { keepData?: boolean }): Promise<void>;
}

export interface StartOptions {
  /** an existing data directory (for example a copy of a seized one); a fresh temp one by default */
  dataDir?: string;
  clock?: Clock;
  logger?: Logger;
  env?: Record<string, string>;
}

/** The real app (buildApp + listen on 127.0.0.1, free port) on SQLite in a data directory. */
export const startApp = async (opts: StartOptions = {}): Promise<RunningApp> => {
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'kintrace-e2e-'));
  const config = loadConfig({
    ...process.env,
    DATA_DIR: dataDir,
    DATABASE_URL: '',
    HOST: '127.0.0.1',
    PORT: '0',
    ...opts.env,
  });
  const opened = openSqlite(path.join(dataDir, 'kintrace.sqlite'));
  await migrateToLatest(opened.db);
  const clock = opts.clock ?? new ManualClock('2026-03-02T09:00:00.000Z');
  const app = await buildApp({ config, db: opened.db, dialect: opened.dialect, clock, logger: opts.logger });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    app,
    db: opened.db,
    config,
    clock,
    dataDir,
    close: async ({ keepData = false } = {}) => {
      await app.close();
      await opened.close();
      if (!keepData) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
};

export interface NeutralSite {
  /** what QUICK_EXIT_URL points at */
  url: string;
  /** the Referer of every request it received (undefined: none sent) */
  referers: Array<string | undefined>;
  close(): Promise<void>;
}

/**
 * A stand-in for the neutral site the quick exit leaves for, on loopback: the exit is a redirect,
 * and Playwright cannot answer a redirect's target itself. Nothing leaves the machine.
 */
export const startNeutralSite = async (): Promise<NeutralSite> => {
  const referers: Array<string | undefined> = [];
  const server = http.createServer((req, res) => {
    referers.push(req.headers.referer);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><html lang="ru"><title>Погода</title><main><h1>Погода</h1></main></html>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/pogoda`,
    referers,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};

const axeContexts = new WeakMap<Browser, Promise<BrowserContext>>();

/**
 * axe needs JavaScript, the family's pages run without it. So the page as the browser holds it
 * is replayed in a JavaScript-enabled context (same URL, so the stylesheets load from the app
 * and colour contrast is real) instead of being requested again: a GET is never repeated.
 * Fails on any serious or critical violation.
 */
export const expectAxeClean = async (page: Page, label = page.url()): Promise<void> => {
  const browser = page.context().browser();
  if (!browser) throw new Error('page has no browser');
  if (!axeContexts.has(browser))
    axeContexts.set(
      browser,
      browser.newContext({ javaScriptEnabled: true, viewport: page.viewportSize() ?? undefined }),
    );
  const ctx = await axeContexts.get(browser)!;
  const html = await page.content();
  const url = page.url();
  const mirror = await ctx.newPage();
  try {
    // A fragment (#event-…) is never sent: match without it, or the real page would be fetched
    // (without the user's cookies: the login page would be scanned instead).
    const target = url.split('#')[0];
    let served = false;
    await mirror.route(
      (u) => u.href.split('#')[0] === target,
      (route) => {
        served = true;
        return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
      },
    );
    await mirror.goto(url);
    if (!served) throw new Error(`axe on ${label}: the page was not replayed`);
    const result = await new AxeBuilder({ page: mirror }).analyze();
    const bad = result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    if (bad.length > 0) throw new Error(`axe on ${label}:\n${bad.join('\n')}`);
  } finally {
    await mirror.close();
  }
};

/** KT_SHOTS=1 keeps full-page screenshots in the temp dir (kt-shot-<name>.png), for a human to look at. */
export const shot = async (page: Page, name: string, opts: { firstScreen?: boolean } = {}): Promise<void> => {
  if (!process.env.KT_SHOTS) return;
  const file = `kt-shot-${name.replace(/\W/g, '_')}`;
  await page.screenshot({ path: path.join(os.tmpdir(), `${file}.png`), fullPage: true });
  // and the first screen, as a phone shows it
  if (opts.firstScreen) await page.screenshot({ path: path.join(os.tmpdir(), `${file}-top.png`) });
};

/** shot() for one test file: its screenshots named after it (kt-shot-<prefix>-<name>.png). */
export const shotsOf =
  (prefix: string, opts: { firstScreen?: boolean } = {}) =>
  (page: Page, name: string): Promise<void> =>
    shot(page, `${prefix}-${name}`, opts);

/**
 * True when the page is wider than the viewport (a horizontal scroll bar on a phone), or when
 * something inside it scrolls or clips sideways: a table in its own scroll box hid the queue's
 * right-hand columns at 360 px while the page itself did not scroll.
 */
export const hasHorizontalScroll = (page: Page): Promise<boolean> =>
  page.locator('html').evaluate((html) => {
    if (html.scrollWidth > html.clientWidth + 1) return true;
    return [...html.querySelectorAll('body *')].some((el) => {
      // A 1 px box is text hidden for the eye but read aloud (a phone's table headings): not clipped.
      if (el.scrollWidth <= el.clientWidth + 1 || el.clientWidth <= 1) return false;
      const overflow = getComputedStyle(el).overflowX;
      return overflow === 'auto' || overflow === 'scroll' || overflow === 'hidden';
    });
  });

/** A phone as the issues walk it: 360 × 740, touch. */
export const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };

/** A phone with JavaScript off, holding `cookies` for the app at `baseUrl`. */
export const phoneContext = async (
  browser: Browser,
  baseUrl: string,
  cookies: Record<string, string> = {},
): Promise<BrowserContext> => {
  const ctx = await noJsContext(browser, PHONE);
  await ctx.addCookies(Object.entries(cookies).map(([name, value]) => ({ name, value, url: baseUrl })));
  return ctx;
};

/** Readable on a phone: axe finds nothing serious, nothing scrolls or clips sideways (KT_SHOTS=1 keeps a screenshot). */
export const expectPhoneReady = async (page: Page, label: string): Promise<void> => {
  await shot(page, label);
  await expectAxeClean(page, label);
  if (await hasHorizontalScroll(page)) throw new Error(`${label}: something scrolls or is clipped sideways at 360 px`);
};
