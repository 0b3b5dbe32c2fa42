/**
 * The extension host suite (suite/) under desktop VS Code, through @vscode/test-electron, for machines that
 * can download VS Code (update.code.visualstudio.com): `npm run test:vscode:electron`. Where VS Code cannot
 * be downloaded, `npm run test:vscode` runs the same suite inside code-server.
 *
 * VSCODE_TEST_VERSION picks the build: default 1.100.3, the oldest that engines.vscode (^1.100.0) admits and
 * the version of the code-server run; `stable` or `insiders` for the newest. Downloads are cached in
 * .vscode-test/ (git-ignored). The workspace is a fresh copy of examples/ in a temporary folder.
 * The last line is "N passed, N failed"; the exit code is non-zero when a test failed or VS Code did not run.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

const ROOT = path.resolve(__dirname, '../..');

interface Results {
  passed: string[];
  failed: Array<{ title: string; error: string }>;
  skipped: Array<{ title: string; reason: string }>;
}

async function main(): Promise<number> {
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'on-message-vscode-'));
  const workspace = path.join(temp, 'examples');
  const resultsFile = path.join(temp, 'results.json');
  fs.cpSync(path.join(ROOT, 'examples'), workspace, { recursive: true });
  let failure: unknown;
  try {
    await runTests({
      version: process.env.VSCODE_TEST_VERSION ?? '1.100.3',
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: path.join(__dirname, 'suite', 'index.js'),
      // --disable-extensions turns off installed extensions only: the built-in Markdown support stays on.
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
      extensionTestsEnv: { ON_MESSAGE_VSCODE_RESULTS: resultsFile },
    });
  } catch (e) {
    failure = e;
  }
  const results: Results | undefined = fs.existsSync(resultsFile) ? JSON.parse(fs.readFileSync(resultsFile, 'utf8')) : undefined;
  fs.rmSync(temp, { recursive: true, force: true });
  if (!results) {
    console.error(`VS Code did not run the suite: ${failure instanceof Error ? failure.message : String(failure)}`);
    console.log('0 passed, 1 failed');
    return 1;
  }
  const failed = results.failed.length;
  console.log(`${results.passed.length} passed, ${failed} failed${results.skipped.length ? `, ${results.skipped.length} skipped` : ''}`);
  return failure || failed > 0 || results.passed.length === 0 ? 1 : 0;
}

main().then((code) => process.exit(code));
