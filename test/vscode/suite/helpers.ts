/** Helpers for the suite that runs inside VS Code's extension host. */
import * as vscode from 'vscode';

export const EXTENSION_ID = 'on-message.on-message';
export const SOURCE = 'on-message';

/** Why a test was skipped, by full title (mocha's skip() carries no message); the runner prints it. */
export const skipReasons = new Map<string, string>();

export function skipBecause(context: Mocha.Context, reason: string): never {
  skipReasons.set(context.test?.fullTitle() ?? '', reason);
  context.skip();
}

/**
 * Resolves with the probe's first truthy value. The probe runs now, on every event given, and every 100 ms as
 * a safety net for state that has no event (the status bar item); never a fixed sleep. Rejects after
 * `timeoutMs`, saying what it waited for and what the probe last saw.
 */
export function waitFor<T>(what: string, probe: () => T | undefined | null | false, events: Array<vscode.Event<unknown>> = [], timeoutMs = 30_000): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const disposables: vscode.Disposable[] = [];
    let last: unknown;
    const done = (f: () => void) => {
      clearInterval(poll);
      clearTimeout(timer);
      for (const d of disposables) d.dispose();
      f();
    };
    const check = () => {
      let value: T | undefined | null | false;
      try {
        value = probe();
      } catch (e) {
        last = e;
        return;
      }
      last = value;
      if (value) done(() => resolve(value as T));
    };
    const poll = setInterval(check, 100);
    const timer = setTimeout(() => done(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last seen: ${describe(last)}`))), timeoutMs);
    for (const event of events) disposables.push(event(check));
    check();
  });
}

function describe(value: unknown): string {
  if (value instanceof Error) return value.message;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** The rule id of a diagnostic (its code is `{ value, target }` because the server links each rule's documentation). */
export function ruleOf(d: vscode.Diagnostic): string | undefined {
  const code = d.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

/** "rule@line:col-line:col" (zero-based, as VS Code counts), sorted: easy to compare and to read in a failure. */
export function summarize(diagnostics: readonly vscode.Diagnostic[]): string[] {
  return diagnostics.map((d) => `${ruleOf(d)}@${rangeText(d.range)}`).sort();
}

export function rangeText(r: vscode.Range): string {
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

/** Waits until the document's diagnostics from this extension are exactly `expected` (see summarize). */
export function diagnosticsBecome(uri: vscode.Uri, expected: string[], timeoutMs = 30_000): Promise<vscode.Diagnostic[]> {
  const want = JSON.stringify([...expected].sort());
  return waitFor(
    `diagnostics ${want} on ${vscode.workspace.asRelativePath(uri)}`,
    () => {
      const found = ours(uri);
      return JSON.stringify(summarize(found)) === want ? found : undefined;
    },
    [vscode.languages.onDidChangeDiagnostics as vscode.Event<unknown>],
    timeoutMs,
  ).catch((e: Error) => {
    throw new Error(`${e.message}\n  have: ${JSON.stringify(summarize(ours(uri)))}\n  want: ${want}`);
  });
}

export function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n\n');
}
