import assert from 'node:assert/strict';
import { after, before, describe, it, type TestContext } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { listExercises } from '../../server/exercises/load';
import { screenshotPath, useAppAndBrowser } from './browser';

/**
 * The exercise pages against the built app and the real grader: the list with this browser's
 * status, hints one at a time, a real check of the starter (failing, with the rule and the
 * message named), the reference solution behind a confirm, a passing check, the status kept.
 * MQLAB_E2E_URL points the suite at an app that is already running.
 */
const DESKTOP = { width: 1280, height: 720 };
const TABLET = { width: 768, height: 1024 };
/** A quick one (about 6 s a check) whose starter fails one rule with a named message. */
const FAST = 'redis-idempotent-consumer';
const exercises = listExercises();

/** Clicks Check and waits for the report; skips (saying why) when this server cannot grade. */
async function checkAndWait(page: Page, t: TestContext): Promise<boolean> {
  await page.getByTestId('check-button').click();
  await page.getByTestId('check-progress').waitFor({ timeout: 10_000 });
  const report = page.getByTestId('check-report');
  const problem = page.locator(
    '[data-testid="exercise-notice"]:is([data-kind="unavailable"],[data-kind="error"],[data-kind="refused"],[data-kind="no-answer"])',
  );
  await page.locator('[data-testid="check-button"]:not([disabled])').waitFor({ timeout: 60_000 });
  if (await problem.isVisible()) {
    t.skip(`grading: ${await problem.textContent()}`);
    return false;
  }
  await report.waitFor();
  return true;
}

describe('exercises', () => {
  const suite = useAppAndBrowser();
  let context: BrowserContext;
  before(async () => {
    // One context for the whole journey: progress lives in its localStorage.
    context = await suite.browser.newContext({ viewport: DESKTOP });
  });
  after(async () => context?.close());

  it('lists every exercise with broker, difficulty, lesson and status, filterable by broker', async () => {
    const page = await context.newPage();
    await page.goto(`${suite.url}/en/exercises`);
    const items = page.locator('li[data-exercise]');
    assert.equal(await items.count(), exercises.length);
    for (const exercise of exercises) {
      const item = page.locator(`li[data-exercise="${exercise.id}"]`);
      const text = (await item.textContent()) ?? '';
      assert.ok(text.includes(exercise.title.en), `${exercise.id}: title`);
      assert.ok(
        await item.locator(`a[href="/en/lessons/${exercise.lesson}"]`).isVisible(),
        `${exercise.id}: lesson link`,
      );
    }
    await page.locator('[data-testid="exercise-status"][data-status="new"]').first().waitFor();
    assert.equal(
      await page.locator('[data-testid="exercise-status"][data-status="new"]').count(),
      exercises.length,
    );
    await page.locator('[data-broker-filter="kafka"]').click();
    assert.equal(
      await items.count(),
      exercises.filter((e) => e.broker === 'kafka').length,
      'the Kafka filter shows only Kafka exercises',
    );
    assert.equal(
      await page.locator('[data-broker-filter="kafka"]').getAttribute('aria-pressed'),
      'true',
    );
    await page.locator('[data-broker-filter="all"]').click();
    await page.screenshot({ path: screenshotPath('exercise-list-en') });
    await page.close();
  });

  it('reveals hints one at a time and remembers how many', async () => {
    const page = await context.newPage();
    await page.goto(`${suite.url}/en/exercises/${FAST}`);
    const total = exercises.find((e) => e.id === FAST)!.text.en.hints.length;
    const hints = page.locator('[data-testid="hints"] li[data-hint]');
    await page.getByTestId('reveal-hint').waitFor();
    assert.equal(await hints.count(), 0);
    await page.getByTestId('reveal-hint').click();
    await hints.first().waitFor();
    assert.equal(await hints.count(), 1);
    assert.equal(
      await page.evaluate(() => document.activeElement?.getAttribute('data-hint')),
      '1',
      'focus moves to the hint just revealed',
    );
    await page.getByTestId('reveal-hint').click();
    assert.equal(await hints.count(), 2);
    assert.match(
      (await page.getByTestId('hints-count').textContent()) ?? '',
      new RegExp(`2 of ${total}`),
    );
    await page.reload();
    await hints.nth(1).waitFor();
    assert.equal(await hints.count(), 2, 'revealed hints survive a reload');
    await page.close();
  });

  it('checks the starter for real: a failing report names the rule and the message', async (t) => {
    const page = await context.newPage();
    await page.goto(`${suite.url}/en/exercises/${FAST}`);
    await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 30_000 });
    await page.getByTestId('check-button').click();
    // While it grades: progress in words, and the live view drawing the real run.
    await page
      .locator('[data-testid="check-progress"][data-phase="grading"]')
      .waitFor({ timeout: 20_000 });
    await page.locator('[data-node="stream:payments"]').waitFor({ timeout: 10_000 });
    await page.screenshot({ path: screenshotPath('exercise-grading') });
    await page.locator('[data-testid="check-button"]:not([disabled])').waitFor({ timeout: 60_000 });
    const unavailable = page.locator('[data-testid="exercise-notice"]');
    if (!(await page.getByTestId('check-report').isVisible()) && (await unavailable.isVisible()))
      return t.skip(`grading: ${await unavailable.textContent()}`);
    const report = page.getByTestId('check-report');
    assert.equal(await report.getAttribute('data-passed'), 'false');
    const failed = report.locator('li[data-check="no-double-charge"]');
    assert.equal(await failed.getAttribute('data-passed'), 'false');
    assert.match((await failed.textContent()) ?? '', /failed/i, 'a word, not colour alone');
    assert.match(
      (await failed.getByTestId('check-message').textContent()) ?? '',
      /pay-\d+ was charged 2 times/,
    );
    assert.ok(
      (await report.locator('li[data-passed="true"]').count()) > 0,
      'the rules it keeps are listed as passed',
    );
    await page.screenshot({ path: screenshotPath('exercise-report-failed') });
    await page.close();
  });

  it('shows the reference solution behind a confirm; loaded and checked, it passes', async (t) => {
    const page = await context.newPage();
    await page.goto(`${suite.url}/en/exercises/${FAST}`);
    await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 30_000 });
    assert.equal(await page.getByTestId('solution-code').count(), 0, 'hidden before passing');
    await page.getByTestId('show-solution').click();
    const dialog = page.getByTestId('confirm-dialog');
    await dialog.waitFor();
    await page.screenshot({ path: screenshotPath('exercise-solution-confirm') });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    assert.equal(await page.getByTestId('solution-code').count(), 0, 'Esc keeps it hidden');
    await page.getByTestId('show-solution').click();
    await page.getByTestId('confirm').click();
    await page.getByTestId('load-solution').click();
    await page.locator('[data-testid="exercise-notice"][data-kind="solution-loaded"]').waitFor();
    await page.waitForFunction(() => {
      type Monaco = { editor: { getModels(): { uri: { path: string }; getValue(): string }[] } };
      const monaco = (window as unknown as { monaco?: Monaco }).monaco;
      const model = monaco?.editor.getModels().find((m) => m.uri.path === '/charger.ts');
      return model?.getValue().includes("'NX'");
    });
    if (!(await checkAndWait(page, t))) return page.close();
    const report = page.getByTestId('check-report');
    assert.equal(
      await report.getAttribute('data-passed'),
      'true',
      (await report.textContent()) ?? '',
    );
    await page.screenshot({ path: screenshotPath('exercise-report-passed') });
    await page.close();
  });

  it('shows the exercise as passed on the list after a reload', async () => {
    const page = await context.newPage();
    await page.goto(`${suite.url}/en/exercises`);
    await page.reload();
    const status = page.locator(`li[data-exercise="${FAST}"] [data-testid="exercise-status"]`);
    await page
      .locator(`li[data-exercise="${FAST}"] [data-testid="exercise-status"][data-status="passed"]`)
      .waitFor();
    assert.match((await status.textContent()) ?? '', /Passed/);
    assert.match((await page.getByTestId('exercise-progress').textContent()) ?? '', /1 of \d+/);
    await page.locator('[data-broker-filter="redis"]').click();
    await page.screenshot({ path: screenshotPath('exercise-list-passed') });
    await page.close();
  });

  it('says when the server is unreachable, and which broker is down with its start command', async () => {
    const offline = await context.newPage();
    await offline.route('**/socket.io/**', (route) => route.abort());
    await offline.routeWebSocket(/socket\.io/, (ws) => ws.close());
    await offline.goto(`${suite.url}/en/exercises/${FAST}`);
    const serverDown = offline.locator('[data-testid="exercise-notice"][data-kind="server-down"]');
    await serverDown.waitFor({ timeout: 15_000 });
    assert.match((await serverDown.textContent()) ?? '', /npm run lab/);
    await offline.close();

    // The server's probe says Redis is down: rewrite its broker status on the way in.
    const page = await context.newPage();
    await page.routeWebSocket(/socket\.io/, (ws) => {
      const server = ws.connectToServer();
      server.onMessage((message) => {
        const text = String(message);
        if (!text.startsWith('42["brokers:status"')) return ws.send(message);
        const [event, statuses] = JSON.parse(text.slice(2)) as [string, { broker: string }[]];
        const down = statuses.map((s) => (s.broker === 'redis' ? { ...s, up: false } : s));
        ws.send(`42${JSON.stringify([event, down])}`);
      });
    });
    await page.goto(`${suite.url}/en/exercises/${FAST}`);
    const brokerDown = page.locator('[data-testid="exercise-notice"][data-kind="broker-down"]');
    await brokerDown.waitFor({ timeout: 15_000 });
    assert.match((await brokerDown.textContent()) ?? '', /Redis Streams is down.*mqlab brokers up/);
    await page.screenshot({ path: screenshotPath('exercise-broker-down') });
    await page.close();
  });

  it('reads in Chinese at 1280×720, and fits a tablet in dark mode', async () => {
    const page = await context.newPage();
    await page.goto(`${suite.url}/zh/exercises/transactional-outbox`);
    await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 30_000 });
    assert.match((await page.locator('h1').textContent()) ?? '', /事务性发件箱/);
    assert.ok(await page.getByRole('button', { name: /检查/ }).isVisible());
    // The outbox imports pg (its own database): the editor must not call that an error.
    await page.waitForFunction(() => {
      type Monaco = {
        languages: { typescript: { typescriptDefaults: { getExtraLibs(): object } } };
      };
      const monaco = (window as unknown as { monaco?: Monaco }).monaco;
      const libs = monaco?.languages.typescript.typescriptDefaults.getExtraLibs() ?? {};
      return Object.keys(libs).some((k) => k.includes('mqlab-shorthand'));
    });
    await page.waitForTimeout(2000);
    const pgErrors = await page.evaluate(() => {
      type Monaco = {
        editor: { getModelMarkers(f: { resource: unknown }): { message: string }[] };
        Uri: { parse(s: string): unknown };
      };
      const monaco = (window as unknown as { monaco: Monaco }).monaco;
      return monaco.editor
        .getModelMarkers({ resource: monaco.Uri.parse('file:///app.ts') })
        .map((m) => m.message)
        .filter((m) => m.includes("'pg'"));
    });
    assert.deepEqual(pgErrors, []);
    await page.screenshot({ path: screenshotPath('exercise-zh-1280') });
    await page.close();

    const tablet = await suite.browser.newContext({ viewport: TABLET });
    await tablet.addInitScript(() => localStorage.setItem('mqlab:theme', 'dark'));
    const dark = await tablet.newPage();
    await dark.goto(`${suite.url}/zh/exercises/kafka-ordering-rebalance`);
    await dark.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 30_000 });
    assert.equal(await dark.locator('html').getAttribute('class'), 'dark');
    const overflow = await dark.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the tablet`);
    await dark.screenshot({ path: screenshotPath('exercise-tablet-dark'), fullPage: true });
    await tablet.close();
  });
});
