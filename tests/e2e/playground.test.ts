import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { listExampleDirs, readExample } from '../../server/content/examples';
import { listLessonEntries } from '../../server/content/lessons';
import { screenshotPath, useAppAndBrowser } from './browser';

const DESKTOP = { width: 1280, height: 720 };
const TABLET = { width: 768, height: 1024 };

/** Every request the page makes, and every one that failed or came back with an error status. */
function watchRequests(page: Page) {
  const urls: string[] = [];
  const failures: string[] = [];
  page.on('request', (r) => urls.push(r.url()));
  page.on('requestfailed', (r) => failures.push(`${r.url()} (${r.failure()?.errorText})`));
  page.on('response', (r) => {
    if (r.status() >= 400) failures.push(`${r.url()} (HTTP ${r.status()})`);
  });
  // Monaco's workers fetch their code too; a failure there shows up as a page error.
  page.on('pageerror', (e) => failures.push(`page error: ${e.message}`));
  return { urls, failures };
}

/** Waits until Monaco is up and the client libraries' typings are in its TypeScript worker. */
async function waitForEditor(page: Page) {
  await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 30_000 });
  await page.waitForFunction(
    () => {
      const m = (
        window as unknown as {
          monaco?: {
            languages: {
              typescript: { typescriptDefaults: { getExtraLibs(): Record<string, unknown> } };
            };
          };
        }
      ).monaco;
      return (
        !!m &&
        Object.keys(m.languages.typescript.typescriptDefaults.getExtraLibs()).some((k) =>
          k.includes('amqplib'),
        )
      );
    },
    undefined,
    { timeout: 30_000 },
  );
}

/** Error markers Monaco's TypeScript worker reports for a file. */
async function errorsIn(page: Page, file: string): Promise<string[]> {
  return page.evaluate((uri) => {
    type M = {
      editor: {
        getModelMarkers(f: { resource: unknown }): { severity: number; message: string }[];
      };
      Uri: { parse(s: string): unknown };
    };
    const m = (window as unknown as { monaco: M }).monaco;
    return m.editor
      .getModelMarkers({ resource: m.Uri.parse(uri) })
      .filter((x) => x.severity === 8)
      .map((x) => x.message);
  }, `file:///${file}`);
}

/** A file's text as the editor holds it (the DOM shows spaces as U+00A0). */
async function modelText(page: Page, file: string): Promise<string> {
  return page.evaluate((uri) => {
    type M = {
      editor: { getModel(u: unknown): { getValue(): string } | null };
      Uri: { parse(s: string): unknown };
    };
    const m = (window as unknown as { monaco: M }).monaco;
    return m.editor.getModel(m.Uri.parse(uri))?.getValue() ?? '';
  }, `file:///${file}`);
}

async function typeAtEnd(page: Page, text: string) {
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
}

async function tabNames(page: Page, pane = 0): Promise<string[]> {
  return page
    .locator(`[data-pane="${pane}"] [role="tab"]`)
    .evaluateAll((tabs) => tabs.map((t) => t.getAttribute('data-file') ?? ''));
}

describe('playground', () => {
  const suite = useAppAndBrowser();

  async function open(
    path: string,
    options: { viewport?: typeof DESKTOP; dark?: boolean; context?: BrowserContext } = {},
  ) {
    const context =
      options.context ??
      (await suite.browser.newContext({ viewport: options.viewport ?? DESKTOP }));
    if (options.dark)
      await context.addInitScript(() => localStorage.setItem('mqlab:theme', 'dark'));
    const page = await context.newPage();
    const requests = watchRequests(page);
    await page.goto(`${suite.url}${path}`);
    return { context, page, requests };
  }

  it('loads Monaco from this server, with no failed or outside requests (zh)', async () => {
    const { context, page, requests } = await open('/zh/playground');
    // The server render already shows the code, before any editor JavaScript runs.
    assert.match(
      (await page.getByTestId('code-placeholder').first().textContent()) ?? '',
      /amqp\.connect/,
    );
    await waitForEditor(page);
    assert.ok(
      requests.urls.some((u) => u.endsWith('/monaco/vs/editor/editor.main.js')),
      'editor.main.js from /monaco/vs',
    );
    assert.ok(
      requests.urls.some((u) => u.includes('nls.messages.zh-cn')),
      'Monaco speaks Chinese on /zh',
    );
    assert.deepEqual(requests.failures, []);
    const outside = requests.urls.filter(
      (u) => !u.startsWith(suite.url) && !u.startsWith('data:') && !u.startsWith('blob:'),
    );
    assert.deepEqual(outside, []);
    assert.deepEqual(
      await errorsIn(page, 'producer.ts'),
      [],
      'the template type-checks against the real amqplib types',
    );
    await page.screenshot({ path: screenshotPath('playground-zh-1280') });
    await context.close();
  });

  it('completes amqplib channel methods and reports type errors', async () => {
    const { context, page } = await open('/en/playground?template=rabbitmq-basic');
    await waitForEditor(page);
    await typeAtEnd(page, '\nch.');
    const suggestions = page.locator('.monaco-editor .suggest-widget.visible .monaco-list-row');
    await suggestions.first().waitFor({ timeout: 20_000 });
    const labels = async () =>
      (
        await suggestions.evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label') ?? ''))
      ).join(' | ');
    assert.match(await labels(), /\back\b/);
    await page.screenshot({ path: screenshotPath('playground-completion-ack') });
    for (const [prefix, method] of [
      ['na', 'nack'],
      ['pub', 'publish'],
    ] as const) {
      await page.keyboard.type(prefix);
      await page.waitForFunction(
        (m) =>
          [...document.querySelectorAll('.suggest-widget.visible .monaco-list-row')].some((r) =>
            r.getAttribute('aria-label')?.startsWith(m),
          ),
        method,
      );
      assert.match(await labels(), new RegExp(`\\b${method}\\b`));
      for (let i = 0; i < prefix.length; i++) await page.keyboard.press('Backspace');
    }
    await page.keyboard.type('pub');
    await page.screenshot({ path: screenshotPath('playground-completion-publish') });
    await page.keyboard.press('Escape');
    // A method amqplib does not have is an error, shown on the tab too.
    await page.keyboard.type('lishh();');
    await page.waitForFunction(
      () => {
        type M = { editor: { getModelMarkers(f: object): { message: string }[] } };
        return (window as unknown as { monaco: M }).monaco.editor
          .getModelMarkers({})
          .some((m) => m.message.includes("'publishh'"));
      },
      undefined,
      { timeout: 20_000 },
    );
    assert.match(await modelText(page, 'producer.ts'), /ch\.publishh\(\);$/);
    await page.locator('[data-file="producer.ts"]').getByText('✕ 1').waitFor();
    // Hover docs come from the library's own declaration files.
    await page
      .locator('.monaco-editor .view-line')
      .filter({ hasText: 'createChannel' })
      .getByText('createChannel')
      .hover();
    await page
      .locator('.monaco-hover')
      .filter({ hasText: 'ChannelModel.createChannel' })
      .waitFor({ timeout: 20_000 });
    await page.screenshot({ path: screenshotPath('playground-hover-error') });
    await context.close();
  });

  it('adds, renames and deletes files, refusing bad names', async () => {
    const { context, page } = await open('/en/playground?template=kafka-basic');
    assert.deepEqual(await tabNames(page), ['consumer.ts', 'producer.ts']);
    await page.locator('[data-pane="0"] summary[title="New file"]').click();
    await page.getByRole('button', { name: 'New consumer' }).click();
    const input = page.getByTestId('rename-input');
    assert.equal(await input.inputValue(), 'consumer-2.ts');
    await input.fill('producer');
    await input.press('Enter');
    await page.getByText('There is already a file called producer.ts.').waitFor();
    await input.fill('audit log');
    await input.press('Enter');
    await page.getByText('Use letters, digits').waitFor();
    await input.fill('audit');
    await input.press('Enter');
    assert.deepEqual(await tabNames(page), ['consumer.ts', 'producer.ts', 'audit.ts']);
    // The new consumer starts from the broker's basic consumer.
    assert.match(
      (await page
        .getByTestId('code-placeholder')
        .or(page.locator('.monaco-editor'))
        .first()
        .textContent()) ?? '',
      /kafka/i,
    );
    await page.locator('[data-file="audit.ts"]').press('F2');
    await input.fill('audit-2.ts');
    await input.press('Enter');
    await page.locator('[data-file="audit-2.ts"]').press('Delete');
    assert.deepEqual(await tabNames(page), ['consumer.ts', 'producer.ts']);
    await context.close();
  });

  it('autosaves a draft that survives a reload, and resets to the template with undo', async () => {
    const { context, page } = await open('/en/playground?template=redis-basic');
    await waitForEditor(page);
    await typeAtEnd(page, '\n// my change');
    await page.waitForTimeout(800); // autosave is debounced
    await page.reload();
    await page.getByTestId('notice').getByText('Restored your draft').waitFor();
    await waitForEditor(page);
    assert.match(await modelText(page, 'producer.ts'), /my change/);
    await page.screenshot({ path: screenshotPath('playground-draft-restored') });
    await page.getByTestId('reset-button').click();
    await page.getByTestId('notice').getByText("Back to the template's files.").waitFor();
    assert.doesNotMatch(await modelText(page, 'producer.ts'), /my change/);
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByTestId('notice').waitFor({ state: 'hidden' });
    assert.match(await modelText(page, 'producer.ts'), /my change/);
    await context.close();
  });

  it('restores broker, files and layout from a share link in a fresh browser', async () => {
    const { context, page } = await open('/en/playground?template=nsq-orders');
    await page.getByText('Side by side').click();
    await page.locator('[data-pane="0"] summary[title="New file"]').click();
    await page.locator('[data-pane="0"]').getByRole('button', { name: 'Empty file' }).click();
    await page.getByTestId('rename-input').fill('notes');
    await page.getByTestId('rename-input').press('Enter');
    await page.getByTestId('share-button').click();
    const url = await page.getByTestId('share-url').inputValue();
    assert.match(url, /#code\//);
    await context.close();

    const fresh = await open(url.slice(suite.url.length));
    await fresh.page
      .getByTestId('notice')
      .getByText('Opened the files from a shared link.')
      .waitFor();
    const playground = fresh.page.getByTestId('playground');
    assert.equal(await playground.getAttribute('data-broker'), 'nsq');
    assert.equal(await playground.getAttribute('data-layout'), 'split');
    assert.deepEqual(await tabNames(fresh.page), [
      'billing.ts',
      'shipping.ts',
      'shop.ts',
      'notes.ts',
    ]);
    await waitForEditor(fresh.page);
    await fresh.page.screenshot({ path: screenshotPath('playground-shared-split') });
    await fresh.context.close();
  });

  it('opens a lesson example with its files and broker (?example=)', async (t) => {
    const entry = listLessonEntries().find((e) => listExampleDirs(e.dir).length > 0);
    if (!entry) return t.skip('no lesson has an example yet');
    const example = readExample(entry.dir, entry.slug, listExampleDirs(entry.dir)[0]!);
    const { context, page } = await open(`/en/playground?example=${example.id}`);
    assert.equal(await page.getByTestId('source-title').textContent(), example.title.en);
    assert.equal(await page.getByTestId('playground').getAttribute('data-broker'), example.broker);
    assert.deepEqual((await tabNames(page)).sort(), example.files.map((f) => f.name).sort());
    assert.equal(
      await page
        .locator('[data-pane="0"] [role="tab"][aria-selected="true"]')
        .getAttribute('data-file'),
      example.open,
    );
    await waitForEditor(page);
    await page.screenshot({ path: screenshotPath('playground-lesson-example') });
    await context.close();
  });

  it('is keyboard usable: Ctrl+Enter runs, Ctrl+Shift+Enter stops, ? lists the shortcuts', async () => {
    const { context, page } = await open('/en/playground?template=rabbitmq-work-queue');
    await waitForEditor(page);
    await page.locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+Enter');
    const status = page.getByTestId('run-status');
    await status.and(page.locator('[data-state="running"]')).waitFor({ timeout: 20_000 });
    await page.keyboard.press('Control+Shift+Enter');
    await status.and(page.locator('[data-state="idle"]')).waitFor({ timeout: 20_000 });
    assert.match((await status.textContent()) ?? '', /Run ended/);
    await page.getByTestId('shortcuts-button').focus();
    await page.keyboard.press('Shift+?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor();
    assert.match((await dialog.textContent()) ?? '', /Run all files/);
    await page.screenshot({ path: screenshotPath('playground-shortcuts') });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await context.close();
  });

  it('fits a tablet and follows dark mode', async () => {
    const { context, page } = await open('/en/playground?template=rabbitmq-dlx-retries', {
      viewport: TABLET,
      dark: true,
    });
    await waitForEditor(page);
    assert.equal(await page.locator('html').getAttribute('class'), 'dark');
    assert.ok(await page.locator('.monaco-editor.vs-dark').first().isVisible());
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the tablet`);
    await page.screenshot({ path: screenshotPath('playground-tablet-dark') });
    await context.close();
  });

  it('keeps the editor off lesson pages', async () => {
    const slug = listLessonEntries()[0]!.slug;
    const { context, page, requests } = await open(`/zh/lessons/${slug}`);
    await page.waitForLoadState('networkidle');
    assert.deepEqual(
      requests.urls.filter((u) => /monaco/i.test(u)),
      [],
    );
    const scripts = requests.urls.filter((u) => u.endsWith('.js'));
    for (const src of scripts) {
      const body = await (await fetch(src)).text();
      assert.ok(
        !body.includes('vs/editor/editor.main') && !body.includes('@monaco-editor'),
        `${src} carries editor code`,
      );
    }
    await context.close();
  });
});
