// One browser test file's setup: the app, a headless Chromium and the cases' world of accounts
// and cases (cases.fixtures.ts), started before the file's tests and closed after them. Each
// browser test wrote these lines out itself.
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import type { TestApp } from '../../test/helpers/app.ts';
import { launchBrowser, startApp, type RunningApp } from '../../test/helpers/browser.ts';
import type { ManualClock } from '../shared/clock.ts';
import { buildWorld, type World } from './cases.fixtures.ts';

export interface BrowserWorld {
  run: RunningApp;
  browser: Browser;
  /** The running app as the fixtures take it (grantFor and the like). */
  app: TestApp;
  w: World;
}

/** Registers the file's beforeAll and afterAll; the fields are set once beforeAll has run. */
export const useBrowserWorld = (): BrowserWorld => {
  const world = {} as BrowserWorld;
  beforeAll(async () => {
    world.run = await startApp();
    world.browser = await launchBrowser();
    world.app = { opened: { db: world.run.db }, clock: world.run.clock as ManualClock } as unknown as TestApp;
    world.w = await buildWorld(world.app);
  });
  afterAll(async () => {
    await world.browser?.close();
    await world.run?.close();
  });
  return world;
};
