/**
 * UI smoke test: what a writer sees. code-server serves a fresh copy of examples/ with the packaged .vsix
 * installed (no extension under development); headless Chromium opens it, and the test reads the page the
 * way a person would: squiggles, the Problems panel, a hover, the status bar, a quick fix chosen with the
 * keyboard (Ctrl+. then Enter). Every wait is for something on the page; each step leaves a screenshot.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { uiContext } from './context';

const FILE = '2026-05-funding.md';
/** The Problems panel's reading of the planted findings (examples.expected.md V4–V7): rule, 1-based line and column. */
const PLANTED = [
  { rule: 'phrase.banned', line: 14, column: 28 },
  { rule: 'name.company', line: 20, column: 1 },
  { rule: 'phrase.risky', line: 20, column: 218 },
  { rule: 'name.variant', line: 20, column: 263 },
];

suite('UI smoke: the installed .vsix in code-server, seen in headless Chromium', () => {
  let page: Page;
  let shot = 0;
  const screenshot = async (name: string) => {
    shot += 1;
    await page.screenshot({ path: path.join(uiContext().screenshots, `${shot}-${name}.png`) });
  };
  const editor = () => page.locator('.editor-group-container .monaco-editor').first();
  /** The editor's visible text, as rendered (Monaco draws spaces as no-break spaces). */
  const editorText = async () => (await editor().locator('.view-lines').innerText()).replace(/\u00a0/g, ' ');
  /** The Problems panel's rows for problems (not the file row, not the rows of related information). */
  const problemRows = () =>
    page.locator(['Error', 'Warning', 'Info'].map((s) => `.markers-panel .monaco-list-row[aria-label^="${s}:"]`).join(', '));

  suiteSetup(async () => {
    page = await uiContext().browserContext.newPage();
  });

  suiteTeardown(async () => {
    await page?.close();
  });

  test('the workbench opens the examples workspace', async () => {
    await page.goto(uiContext().url(uiContext().folder));
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'press' }).first().waitFor();
    await screenshot('workbench');
  });

  test(`opening press/${FILE} from the Explorer shows its findings as squiggles`, async () => {
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'press' }).first().click();
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: FILE }).first().click();
    await page.locator('.tabs-container .tab', { hasText: FILE }).waitFor();
    await editor().locator('.squiggly-error').first().waitFor();
    await editor().locator('.squiggly-warning').first().waitFor();
    await screenshot('squiggles');
  });

  test('the Problems panel lists the four planted findings, with rule codes, lines and columns', async () => {
    await editor().locator('.view-lines').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel').waitFor();
    // Only this file's problems (the Problems panel may also list other files of the workspace).
    await page.locator('.panel input[placeholder^="Filter"]').fill(`**/press/${FILE}`);
    await waitForCount(problemRows(), PLANTED.length);
    const rows = await problemRows().evaluateAll((els) => els.map((e) => (e as HTMLElement).innerText.replace(/\s+/g, ' ').trim()));
    console.log(`      Problems panel: ${JSON.stringify(rows, null, 1)}`);
    for (const p of PLANTED) {
      assert.ok(
        rows.some((r) => new RegExp(`on-message ?\\(?${p.rule.replace('.', '\\.')}\\)? \\[Ln ${p.line}, Col ${p.column}\\]$`).test(r)),
        `a row for ${p.rule} at Ln ${p.line}, Col ${p.column}`,
      );
    }
    await screenshot('problems-panel');
  });

  test('the status bar item shows the counts of the document', async () => {
    const item = page.locator('.statusbar-item', { hasText: '2 errors, 2 warnings' });
    await item.waitFor();
    const label = await item.getAttribute('aria-label');
    console.log(`      status bar: ${JSON.stringify(await item.innerText())} (aria-label ${JSON.stringify(label)})`);
  });

  test('a hover on a flagged span shows the finding and its rule', async () => {
    const squiggles = await boxes(editor().locator('.squiggly-warning'));
    const banned = squiggles[0]; // "game-changing", line 14: the first warning from the top
    await page.mouse.move(banned.x + Math.min(10, banned.width / 2), banned.y + banned.height / 2);
    // The hover fills in part by part (the problem first, then each provider's content): wait for On Message's.
    const hover = page.locator('.monaco-hover', { hasText: 'Rule documentation' });
    await hover.first().waitFor();
    const text = (await hover.first().innerText()).replace(/\u00a0/g, ' ');
    console.log(`      hover: ${JSON.stringify(text.slice(0, 160))}`);
    assert.match(text, /On Message · phrase\.banned · warning/);
    assert.match(text, /Avoid 'game-changing'/);
    assert.match(text, /Brand file: phrases › hype/);
    await screenshot('hover');
  });

  test('Ctrl+. then Enter applies the preferred quick fix: "Fernhill Inc." becomes "Fernhill Software Inc."', async () => {
    // Keyboard only: Escape the hover, Ctrl+G 20:1 Enter (go to "Fernhill Inc."), Ctrl+. (Quick Fix...), Enter.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+G');
    await page.locator('.quick-input-widget input').waitFor();
    await page.keyboard.type('20:1');
    await page.keyboard.press('Enter');
    await page.locator('.statusbar-item', { hasText: 'Ln 20, Col 1' }).waitFor();
    await page.keyboard.press('Control+Period');
    const menu = page.locator('.action-widget');
    await menu.locator('.monaco-list-row', { hasText: 'Fernhill Software Inc.' }).first().waitFor();
    const items = await menu.locator('.monaco-list-row').evaluateAll((els) => els.map((e) => (e as HTMLElement).innerText.trim()));
    console.log(`      quick fix menu: ${JSON.stringify(items)}`);
    await screenshot('quick-fix-menu');
    await page.keyboard.press('Enter');
    await menu.waitFor({ state: 'hidden' });
    await waitForEditorText(page, 'Fernhill Software Inc. will use the new capital');
    assert.match(await editorText(), /Fernhill Software Inc\. will use the new capital/);
    await waitForCount(problemRows(), PLANTED.length - 1);
    const rows = await problemRows().evaluateAll((els) => els.map((e) => (e as HTMLElement).innerText.replace(/\s+/g, ' ').trim()));
    assert.ok(!rows.some((r) => r.includes('name.company')), `name.company is gone from ${JSON.stringify(rows)}`);
    // The two findings after it on line 20 moved right by the 9 characters inserted.
    assert.ok(rows.some((r) => r.endsWith('[Ln 20, Col 227]')) && rows.some((r) => r.endsWith('[Ln 20, Col 272]')), JSON.stringify(rows));
    await page.locator('.statusbar-item', { hasText: '1 error, 2 warnings' }).waitFor();
    await screenshot('after-quick-fix');
  });
});

/** Bounding boxes of the visible matches, top to bottom then left to right. */
async function boxes(locator: Locator): Promise<Array<{ x: number; y: number; width: number; height: number }>> {
  await locator.first().waitFor();
  const all = await locator.evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => ({ x: r.x, y: r.y, width: r.width, height: r.height })));
  return all.filter((b) => b.width > 0).sort((a, b) => a.y - b.y || a.x - b.x);
}

/** Waits (on page changes, through Playwright's polling of the locator) until it matches exactly `n` elements. */
async function waitForCount(locator: Locator, n: number): Promise<void> {
  await locator.nth(n - 1).waitFor();
  await locator.nth(n).waitFor({ state: 'detached' });
}

/** Waits until the active editor shows `expected` (checked by the page on every animation frame). */
async function waitForEditorText(page: Page, expected: string): Promise<void> {
  await page.waitForFunction(
    (want) => (document.querySelector('.editor-group-container .monaco-editor .view-lines')?.textContent ?? '').replace(/\u00a0/g, ' ').includes(want),
    expected,
  );
}
