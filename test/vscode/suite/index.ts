/**
 * The `extensionTestsPath` entry: VS Code's extension host require()s this file and awaits `run()`,
 * then exits (or, in code-server, calls the page's `codeAutomationExit`) with 0 when it resolves and 1 when
 * it rejects. The same file serves @vscode/test-electron (run-electron.ts) and code-server
 * (harness/code-server.ts).
 *
 * Every line it prints starts with TAG, so that a driver can pick them out of the extension host's
 * console; the last one is "N passed, N failed". With ON_MESSAGE_VSCODE_RESULTS set, it also writes the
 * results there as JSON (the extension host is plain Node: fs works).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { loadMocha } from '../mocha';
import { skipReasons } from './helpers';

export const TAG = '[on-message-tests]';

export interface Results {
  passed: string[];
  failed: Array<{ title: string; error: string }>;
  skipped: Array<{ title: string; reason: string }>;
  vscode: { version: string; appName: string; uiKind: string; remoteName: string | undefined };
}

export function run(): Promise<void> {
  const Mocha = loadMocha();
  const mocha = new Mocha({ ui: 'tdd', timeout: 60_000, color: false, reporter: 'base' });
  mocha.addFile(path.join(__dirname, 'extension.test.js'));
  const results: Results = {
    passed: [],
    failed: [],
    skipped: [],
    vscode: { version: vscode.version, appName: vscode.env.appName, uiKind: vscode.UIKind[vscode.env.uiKind], remoteName: vscode.env.remoteName },
  };
  const log = (line: string) => console.log(`${TAG} ${line}`);
  log(`VS Code ${results.vscode.version} (${results.vscode.appName}, UI ${results.vscode.uiKind}${results.vscode.remoteName ? `, remote ${results.vscode.remoteName}` : ''}), Node ${process.version}`);
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const summary = `${results.passed.length} passed, ${results.failed.length} failed${results.skipped.length ? `, ${results.skipped.length} skipped` : ''}`;
      log(summary);
      const out = process.env.ON_MESSAGE_VSCODE_RESULTS;
      if (out) {
        fs.mkdirSync(path.dirname(out), { recursive: true });
        fs.writeFileSync(out, JSON.stringify(results, null, 2));
      }
      if (failures > 0 || results.passed.length === 0) reject(new Error(summary));
      else resolve();
    });
    runner.on('pass', (t) => {
      results.passed.push(t.fullTitle());
      log(`✔ ${t.fullTitle()} (${t.duration} ms)`);
    });
    runner.on('fail', (t, err: Error) => {
      const error = String(err?.stack ?? err);
      results.failed.push({ title: t.fullTitle(), error });
      log(`✘ ${t.fullTitle()}\n${error}`);
    });
    runner.on('pending', (t) => {
      const reason = skipReasons.get(t.fullTitle()) ?? 'skipped';
      results.skipped.push({ title: t.fullTitle(), reason });
      log(`- ${t.fullTitle()} (skipped: ${reason})`);
    });
  });
}
