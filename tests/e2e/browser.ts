import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { startAppServer, type AppServer } from './appServer';

/** Debian's Chromium, driven by Playwright; no browser download. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
    ],
  });
}

/** Screenshots are test artifacts: test-results/screenshots/<name>.png. */
export function screenshotPath(name: string): string {
  const dir = path.join(process.cwd(), 'test-results', 'screenshots');
  mkdirSync(dir, { recursive: true });
  return path.join(dir, `${name}.png`);
}

/**
 * For one suite: the app under test (MQLAB_E2E_URL when it is already running, else one
 * started for the suite) and Chromium, both closed after it. Read `url` and `browser` in tests.
 */
export function useAppAndBrowser(): { url: string; browser: Browser } {
  const suite = { url: '', browser: undefined as unknown as Browser };
  let app: AppServer | undefined;
  before(async () => {
    suite.url = process.env.MQLAB_E2E_URL ?? (app = await startAppServer()).url;
    suite.browser = await launchBrowser();
  });
  after(async () => {
    await suite.browser?.close();
    await app?.stop();
  });
  return suite;
}
