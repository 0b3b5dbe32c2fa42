/** What the driver (harness/code-server.ts) hands the UI smoke test: a browser and a code-server serving a workspace. */
import type { BrowserContext } from 'playwright-core';

export interface UiContext {
  /** A browser context: `newPage()` opens a tab. */
  browserContext: BrowserContext;
  /** The workbench URL for a folder on the code-server machine. */
  url: (folder: string) => string;
  /** A fresh copy of examples/, for this test alone. */
  folder: string;
  /** Where screenshots go (git-ignored). */
  screenshots: string;
}

let current: UiContext | undefined;

export function setUiContext(context: UiContext): void {
  current = context;
}

export function uiContext(): UiContext {
  if (!current) throw new Error('the UI smoke test runs from harness/code-server.ts, which starts code-server and a browser');
  return current;
}
