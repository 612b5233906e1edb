import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { screenshotPath, useAppAndBrowser } from './browser';

describe('home page', () => {
  const suite = useAppAndBrowser();

  for (const [accept, expected] of [
    ['zh-CN', 'zh'],
    ['en-US', 'en'],
    ['fr-FR', 'zh'],
  ] as const) {
    it(`sends a ${accept} browser from / to /${expected} (zh is the default)`, async () => {
      const context = await suite.browser.newContext({ locale: accept });
      const page = await context.newPage();
      await page.goto(suite.url);
      assert.match(page.url(), new RegExp(`/${expected}$`));
      await context.close();
    });
  }

  for (const [locale, heading] of [
    ['zh', '真实'],
    ['en', 'real brokers'],
  ] as const) {
    it(`shows four brokers up in the header badge (${locale})`, async () => {
      const page = await suite.browser.newPage({ viewport: { width: 1280, height: 720 } });
      await page.goto(`${suite.url}/${locale}`);
      assert.match((await page.locator('h1').textContent()) ?? '', new RegExp(heading));
      const badge = page.getByTestId('broker-status');
      await badge.and(page.locator('[data-up="4"]')).waitFor({ timeout: 15_000 });
      await badge.click();
      const items = page.locator('[role="dialog"] li[data-broker]');
      assert.equal(await items.count(), 4);
      assert.equal(await page.locator('[role="dialog"] li[data-up="true"]').count(), 4);
      await page.screenshot({ path: screenshotPath(`home-${locale}`) });
      await page.close();
    });
  }

  it('switches language from zh to en on the same page', async () => {
    const page = await suite.browser.newPage();
    await page.goto(`${suite.url}/zh`);
    await page.getByRole('link', { name: 'EN' }).first().click();
    await page.waitForURL(/\/en$/);
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    await page.close();
  });
});
