/**
 * The driver of `npm run test:vscode` (started by ../code-server.sh once code-server and Chromium are
 * installed and the project is built). In order:
 *
 *   1. `npm run package` builds on-message-<version>.vsix; its file list is checked against what runs;
 *   2. code-server installs that .vsix (`--install-extension`) into a fresh extensions folder;
 *   3. code-server starts on 127.0.0.1 (a free port), in its own process group;
 *   4. headless Chromium opens a workbench whose URL payload names the repository as the extension under
 *      development and suite/index.js as the tests: the suite runs inside the real extension host, which
 *      reports through window.codeAutomationExit and a JSON file;
 *   5. the UI smoke test (ui/smoke.test.ts) drives a second workbench, with the installed .vsix, by keyboard
 *      and mouse, and saves screenshots;
 *   6. every process started is stopped (the code-server process group, the browser), and the last line
 *      printed is "N passed, N failed" (", N skipped" when any); the exit code is 1 when anything failed.
 *
 * Each workspace is a fresh copy of examples/ under .work/run/. Nothing here waits on the clock except
 * deadlines: it waits for log lines, page events and process exits.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { loadMocha } from '../mocha';
import { setUiContext } from '../ui/context';

const ROOT = path.resolve(__dirname, '../../..');
const WORK = process.env.ON_MESSAGE_WORK ?? path.join(ROOT, '.work');
const ENTRY = required('CODE_SERVER_ENTRY');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const RUN = path.join(WORK, 'run');
const LOGS = path.join(WORK, 'logs');
const SCREENSHOTS = path.join(WORK, 'screenshots');
const USER_DATA = path.join(RUN, 'user-data');
const EXTENSIONS = path.join(RUN, 'extensions');
const SUITE_RESULTS = path.join(RUN, 'suite-results.json');
const SUITE_DEADLINE_MS = 240_000;
/** ON_MESSAGE_VSCODE_ONLY=suite or =ui runs one of the two (packaging and installing always run). */
const ONLY = process.env.ON_MESSAGE_VSCODE_ONLY;
const TAG = '[on-message-tests]';

const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string; publisher: string; version: string };
const EXTENSION_ID = `${manifest.publisher}.${manifest.name}`;
const VSIX = path.join(ROOT, `${manifest.name}-${manifest.version}.vsix`);

/** What the .vsix may hold: only what runs and what the Marketplace shows. */
const VSIX_ALLOWED = [
  /^extension\.vsixmanifest$/,
  /^\[Content_Types\]\.xml$/,
  /^extension\/package\.json$/,
  /^extension\/readme\.md$/i,
  /^extension\/changelog\.md$/i,
  /^extension\/LICENSE(\.txt)?$/,
  /^extension\/images\/icon\.png$/,
  /^extension\/dist\/(web\/)?(extension|server)\.js$/,
  /^extension\/syntaxes\/[^/]+\.json$/,
  /^extension\/schemas\/brand-messaging\.schema\.json$/,
];
/** What it must hold: the manifest, the icon, and every entry point the manifest names (main, browser). */
const VSIX_REQUIRED = ['extension/package.json', 'extension/images/icon.png', 'extension/dist/server.js', ...entryPoints()];

function entryPoints(): string[] {
  const m = manifest as { main?: string; browser?: string };
  return [m.main, m.browser].filter((p): p is string => !!p).map((p) => `extension/${path.posix.normalize(p).replace(/^\.\//, '')}`);
}

type State = 'passed' | 'failed' | 'skipped';
const outcomes: Array<{ title: string; state: State; detail?: string }> = [];

function record(title: string, state: State, detail?: string): void {
  outcomes.push({ title, state, detail });
  const mark = state === 'passed' ? '✔' : state === 'failed' ? '✘' : '-';
  log(`${mark} ${title}${detail ? (state === 'failed' ? `\n${indent(detail)}` : ` (${detail})`) : ''}`);
}

async function check(title: string, body: () => unknown): Promise<boolean> {
  try {
    const detail = await body();
    record(title, 'passed', typeof detail === 'string' ? detail : undefined);
    return true;
  } catch (e) {
    record(title, 'failed', errorText(e));
    return false;
  }
}

async function main(): Promise<number> {
  for (const dir of [RUN, SCREENSHOTS]) fs.rmSync(dir, { recursive: true, force: true });
  for (const dir of [RUN, LOGS, SCREENSHOTS, USER_DATA, EXTENSIONS]) fs.mkdirSync(dir, { recursive: true });
  const suiteFolder = copyExamples('ws-suite');
  const uiFolder = copyExamples('ws-ui');
  writeUserSettings();

  log(`packaging and installing ${path.basename(VSIX)}`);
  const packaged = await check(`package: \`npm run package\` builds ${path.basename(VSIX)}`, () => {
    fs.rmSync(VSIX, { force: true });
    run('npm', ['run', 'package'], 'package.log');
    if (!fs.existsSync(VSIX)) throw new Error(`no ${VSIX}`);
    return `${(fs.statSync(VSIX).size / 1024).toFixed(0)} KB`;
  });
  if (packaged) {
    await check('package: the .vsix holds only what runs (dist/ bundles, syntaxes, schema, README, CHANGELOG, LICENSE, icon)', () => {
      const entries = zipEntries(VSIX);
      const extra = entries.filter((e) => !VSIX_ALLOWED.some((re) => re.test(e)));
      const missing = VSIX_REQUIRED.filter((e) => !entries.includes(e));
      if (extra.length || missing.length) throw new Error(`unexpected: ${JSON.stringify(extra)}; missing: ${JSON.stringify(missing)}`);
      return `${entries.length} files`;
    });
  }
  const installed =
    packaged &&
    (await check(`install: code-server --install-extension ${path.basename(VSIX)}`, () => {
      run(process.execPath, [ENTRY, '--user-data-dir', USER_DATA, '--extensions-dir', EXTENSIONS, '--install-extension', VSIX], 'install.log');
      const list = run(process.execPath, [ENTRY, '--user-data-dir', USER_DATA, '--extensions-dir', EXTENSIONS, '--list-extensions', '--show-versions'], 'install.log');
      if (!list.includes(`${EXTENSION_ID}@${manifest.version}`)) throw new Error(`${EXTENSION_ID}@${manifest.version} not in: ${list.trim()}`);
    }));

  const server = await startCodeServer();
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  try {
    log(`code-server on http://127.0.0.1:${server.port}/ (pid ${server.child.pid}, its own process group)`);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--disable-dev-shm-usage'],
    });
    // One context for both workbenches: the second loads the workbench's scripts from the HTTP cache.
    context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    if (ONLY !== 'ui') await runSuiteInExtensionHost(context, server.port, suiteFolder);
    if (ONLY !== 'suite' && installed) {
      setUiContext({ browserContext: context, url: (folder) => workbenchUrl(server.port, folder), folder: uiFolder, screenshots: SCREENSHOTS });
      await runUiSmokeTest();
    } else if (ONLY !== 'suite') {
      record('UI smoke test', 'failed', 'not run: the .vsix was not packaged or not installed');
    }
  } finally {
    await browser?.close().catch(() => undefined);
    await server.stop();
  }

  const count = (s: State) => outcomes.filter((o) => o.state === s).length;
  const failed = count('failed');
  log(`screenshots: ${fs.readdirSync(SCREENSHOTS).join(' ') || 'none'} (in ${path.relative(ROOT, SCREENSHOTS)}/)`);
  if (failed) log(`failed:\n${outcomes.filter((o) => o.state === 'failed').map((o) => `  ${o.title}`).join('\n')}`);
  console.log(`${count('passed')} passed, ${failed} failed${count('skipped') ? `, ${count('skipped')} skipped` : ''}`);
  return failed > 0 || count('passed') === 0 ? 1 : 0;
}

/** Step 4: the mocha suite in the extension host of a workbench that develops the repository's extension. */
async function runSuiteInExtensionHost(context: BrowserContext, port: number, folder: string): Promise<void> {
  log('extension host suite (test/vscode/suite) in code-server, extension under development: the repository');
  const page = await context.newPage();
  const started = Date.now();
  try {
    page.on('console', (m) => {
      const text = m.text();
      const at = text.indexOf(TAG);
      if (at >= 0) console.log(`  ${text.slice(at + TAG.length + 1)}`);
    });
    let exitCode: (code: number) => void = () => undefined;
    const exited = new Promise<number>((resolve) => (exitCode = resolve));
    await page.exposeFunction('codeAutomationExit', (code: number) => exitCode(code));
    const authority = `127.0.0.1:${port}`;
    const payload = [
      ['extensionDevelopmentPath', `vscode-remote://${authority}${ROOT}`],
      ['extensionTestsPath', `vscode-remote://${authority}${ROOT}/out/vscode-tests/suite/index.js`],
    ];
    await page.goto(`${workbenchUrl(port, folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), SUITE_DEADLINE_MS)));
    const code = await Promise.race([exited, deadline]);
    clearTimeout(timer);
    await page.screenshot({ path: path.join(SCREENSHOTS, '0-extension-host-suite.png') }).catch(() => undefined);
    log(`extension host suite exit code ${code} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const results = fs.existsSync(SUITE_RESULTS) ? (JSON.parse(fs.readFileSync(SUITE_RESULTS, 'utf8')) as SuiteResults) : undefined;
    if (!results) {
      record('extension host suite', 'failed', `no results (${code === 'timeout' ? `no exit after ${SUITE_DEADLINE_MS / 1000} s` : `exit code ${code}`}): did the extension host load the extension and the tests? See ${path.relative(ROOT, LOGS)}/code-server.log`);
      return;
    }
    const prefix = `extension host (VS Code ${results.vscode.version}, ${results.vscode.appName}): `;
    for (const t of results.passed) outcomes.push({ title: prefix + t, state: 'passed' });
    for (const t of results.failed) outcomes.push({ title: prefix + t.title, state: 'failed', detail: t.error });
    for (const t of results.skipped) outcomes.push({ title: prefix + t.title, state: 'skipped', detail: t.reason });
    if (code !== 0 && results.failed.length === 0) record('extension host suite', 'failed', `exit code ${code}`);
  } finally {
    await page.close().catch(() => undefined);
  }
}

interface SuiteResults {
  passed: string[];
  failed: Array<{ title: string; error: string }>;
  skipped: Array<{ title: string; reason: string }>;
  vscode: { version: string; appName: string };
}

/** Step 5: ui/smoke.test.ts under mocha, in this process (it drives the browser). */
function runUiSmokeTest(): Promise<void> {
  log('UI smoke test (test/vscode/ui) in headless Chromium, the installed .vsix');
  const Mocha = loadMocha();
  const mocha = new Mocha({ ui: 'tdd', timeout: 60_000, color: false, reporter: 'base' });
  mocha.addFile(path.join(__dirname, '../ui/smoke.test.js'));
  return new Promise((resolve) => {
    const runner = mocha.run(() => resolve());
    runner.on('pass', (t) => record(`ui: ${t.fullTitle()} (${t.duration} ms)`, 'passed'));
    runner.on('fail', (t, err: Error) => record(`ui: ${t.fullTitle()}`, 'failed', errorText(err)));
    runner.on('pending', (t) => record(`ui: ${t.fullTitle()}`, 'skipped'));
  });
}

interface CodeServer {
  port: number;
  child: ChildProcess;
  stop: () => Promise<void>;
}

/** Step 3: code-server in its own process group (detached), on 127.0.0.1 and a port the OS picks. */
function startCodeServer(): Promise<CodeServer> {
  const logFile = fs.createWriteStream(path.join(LOGS, 'code-server.log'));
  const child = spawn(
    process.execPath,
    [ENTRY, '--bind-addr', '127.0.0.1:0', '--auth', 'none', '--user-data-dir', USER_DATA, '--extensions-dir', EXTENSIONS, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--ignore-last-opened'],
    { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ON_MESSAGE_VSCODE_RESULTS: SUITE_RESULTS } },
  );
  const group = child.pid!;
  let exited = child.exitCode !== null;
  const exit = new Promise<void>((resolve) => child.once('exit', () => ((exited = true), resolve())));
  const killGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-group, signal);
    } catch {
      /* the group is gone */
    }
  };
  // Last resort if this process dies without reaching stop(): never leave code-server or its extension hosts behind.
  const onExit = () => killGroup('SIGKILL');
  process.once('exit', onExit);
  const onSignal = (signal: NodeJS.Signals) => {
    killGroup('SIGKILL');
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal).once('SIGTERM', onSignal);

  const stop = async () => {
    killGroup('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([exit, new Promise((r) => (timer = setTimeout(r, 5000)))]);
    clearTimeout(timer);
    // Extension hosts and language servers outlive their parent for a while: take the whole group down.
    killGroup('SIGKILL');
    process.removeListener('exit', onExit);
    log(`code-server stopped (process group ${group}${exited ? '' : ', after SIGKILL'})`);
  };

  return new Promise((resolve, reject) => {
    let seen = '';
    let timer: NodeJS.Timeout | undefined;
    const onData = (chunk: Buffer) => {
      logFile.write(chunk);
      seen += chunk.toString();
      const m = /HTTP server listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(seen);
      if (m) {
        clearTimeout(timer);
        seen = '';
        child.stdout!.removeListener('data', onData).on('data', (c: Buffer) => logFile.write(c));
        resolve({ port: Number(m[1]), child, stop });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (c: Buffer) => logFile.write(c));
    child.once('exit', (code) => reject(new Error(`code-server exited (${code}) before listening; see ${path.join(LOGS, 'code-server.log')}`)));
    timer = setTimeout(() => {
      void stop();
      reject(new Error('code-server did not listen within 60 s'));
    }, 60_000);
  });
}

function workbenchUrl(port: number, folder: string): string {
  return `http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}`;
}

function copyExamples(name: string): string {
  const target = path.join(RUN, name);
  fs.cpSync(path.join(ROOT, 'examples'), target, { recursive: true });
  return target;
}

/** A quiet workbench: no welcome page, no tips, no update or telemetry traffic, no Markdown link validation. */
function writeUserSettings(): void {
  fs.mkdirSync(path.join(USER_DATA, 'User'), { recursive: true });
  const settings = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'update.mode': 'none',
    'security.workspace.trust.enabled': false,
    'markdown.validate.enabled': false,
    // As in desktop VS Code: a web workbench auto-saves after a delay by default.
    'files.autoSave': 'off',
    'chat.commandCenter.enabled': false,
    // The workspaces live inside the repository's .work/: no "open the repository in the parent folder?" prompt.
    'git.enabled': false,
    'git.openRepositoryInParentFolders': 'never',
  };
  fs.writeFileSync(path.join(USER_DATA, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
}

/** Runs a command to completion, its output appended to a log; throws with the output's tail on failure. */
function run(command: string, args: string[], logName: string): string {
  const result = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', env: process.env, timeout: 300_000 });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  fs.appendFileSync(path.join(LOGS, logName), `$ ${[command, ...args].join(' ')}\n${output}\n`);
  if (result.status !== 0) throw new Error(`${path.basename(command)} ${args.join(' ')} exited ${result.status ?? result.signal}:\n${output.trim().split('\n').slice(-15).join('\n')}`);
  return output;
}

/** The file names in a zip (a .vsix), from its central directory. */
function zipEntries(file: string): string[] {
  const zip = fs.readFileSync(file);
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error(`${file} is not a zip`);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`${file}: bad central directory`);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    names.push(zip.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run this through \`npm run test:vscode\` (test/vscode/code-server.sh)`);
  return value;
}

function errorText(e: unknown): string {
  return e instanceof Error ? (e.stack ?? e.message) : String(e);
}

function indent(text: string): string {
  return text.replace(/^/gm, '    ');
}

const T0 = Date.now();
function log(line: string): void {
  console.log(`[test:vscode ${((Date.now() - T0) / 1000).toFixed(1).padStart(5)}s] ${line}`);
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(errorText(e));
    console.log(`${outcomes.filter((o) => o.state === 'passed').length} passed, ${outcomes.filter((o) => o.state === 'failed').length + 1} failed`);
    process.exit(1);
  },
);
