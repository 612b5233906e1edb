import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { screenshotPath, useAppAndBrowser } from './browser';

describe('lessons and the question bank', () => {
  const suite = useAppAndBrowser();

  it('opens a lesson in zh, switches to en, and jumps via the table of contents', async () => {
    const page = await suite.browser.newPage({ viewport: { width: 1440, height: 900 } });
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`${suite.url}/zh/lessons/rabbitmq-consuming`);
    assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
    const zhHeadings = await page
      .locator('article h2[id]')
      .evaluateAll((hs) => hs.map((h) => h.id));
    assert.ok(zhHeadings.length >= 3, `zh headings: ${zhHeadings}`);
    await page.screenshot({ path: screenshotPath('lesson-zh') });

    await page.getByRole('link', { name: 'EN' }).first().click();
    await page.waitForURL(/\/en\/lessons\/rabbitmq-consuming$/);
    const enHeadings = await page
      .locator('article h2[id]')
      .evaluateAll((hs) => hs.map((h) => h.id));
    assert.deepEqual(enHeadings, zhHeadings, 'same heading ids in both locales');

    const target = zhHeadings[2]!;
    await page.getByTestId('toc').locator(`a[href="#${target}"]`).click();
    await page.waitForURL(new RegExp(`#${target}$`));
    const top = await page.locator(`#${target}`).evaluate((h) => h.getBoundingClientRect().top);
    assert.ok(top >= 0 && top < 200, `heading scrolled near the top (top=${top})`);
    assert.ok(!requests.some((u) => /monaco/i.test(u)), 'a lesson page loads no editor');
    await page.close();
  });

  it('finds a term with search (Ctrl+K) and opens the hit', async () => {
    const page = await suite.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${suite.url}/zh/lessons`);
    await page.keyboard.press('Control+k');
    const input = page.getByRole('combobox');
    await input.fill('死信');
    const results = page.getByTestId('search-results').getByRole('option');
    await results.first().waitFor();
    assert.ok((await results.count()) > 0);
    await page.screenshot({ path: screenshotPath('search-zh') });
    await input.press('Enter');
    await page.waitForURL(/\/zh\/(lessons\/[a-z0-9-]+|questions)/);

    await page.goto(`${suite.url}/en/lessons`);
    await page.getByTestId('search-open').click();
    await page.getByRole('combobox').fill('consumer group');
    await page.getByTestId('search-results').getByRole('option').first().waitFor();
    await page.close();
  });

  it('opens the question bank, reveals an answer and keeps the mark across a reload', async () => {
    const page = await suite.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${suite.url}/en/questions`);
    const first = page.locator('li[data-question]').first();
    const answer = first.locator('[id^="answer-"]');
    assert.equal(await answer.isVisible(), false);
    await first.getByRole('button', { name: 'Reveal answer' }).click();
    await answer.waitFor({ state: 'visible' });
    assert.ok(((await answer.textContent()) ?? '').length > 100, 'a real model answer');
    await first.getByRole('button', { name: /Knew it/ }).click();
    await page.reload();
    await page.locator('li[data-question][data-mark="knew"]').first().waitFor();
    assert.match((await page.getByTestId('practice-progress').textContent()) ?? '', /^1 known/);
    await page.screenshot({ path: screenshotPath('questions-en') });
    await page.close();
  });
});
