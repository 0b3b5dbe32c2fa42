/**
 * Issue 7, item 6: hostile input. Copy, file names and brand-file text carrying `<script>`, `<img onerror>`
 * and `javascript:` payloads come out of the HTML report and the report webview as text; the webview's
 * Content-Security-Policy allows only its nonce and nothing remote; the manifest declares untrusted and
 * virtual workspaces honestly; `check` and `report` do not follow symbolic links out of the workspace; and
 * nothing (CLI, language server) opens a network connection: a `--require` preload replaces every way
 * out with a trap that records the attempt and throws, and one case proves the trap fires.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { CodeActionRequest, DidOpenTextDocumentNotification, HoverRequest } from 'vscode-languageserver-protocol/node';
import { ReportRequest } from '../../server/src/protocol';
import { Editor, uri } from '../lsp/harness';
import { ALLOWED_TAGS, BRAND, PAYLOADS, tags } from '../report/payloads';
import { EXAMPLES_BRAND_TEXT, LUMORA_TEXT, ROOT, cleanup, cli, rcase, scratch } from './support';

/** The payload brand file, with payloads in a reason and a replacement too (they reach finding messages). */
const HOSTILE_BRAND = `${BRAND}phrases:
  - id: hype
    kind: banned
    patterns: [world-class]
    replace_with: ["javascript:alert(1)"]
    reason: "<script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1))"
`;

/** Copy with the payloads as text, as raw HTML, as a link target and as link text. */
const HOSTILE_COPY = [
  '# Launch \\<script>alert(1)\\</script>',
  '',
  'More than 600 users love Acme Rocket. [click](javascript:alert(1)) and <script>alert(1)</script> and <img src=x onerror=alert(1)>.',
  '',
  'AcmeRocket is world-class. [javascript:alert(1)](javascript:alert(1)) <a href="javascript:alert(1)">x</a>',
  '',
  '"<img src=x onerror=alert(1)> Launch now," said a customer.',
  '',
].join('\n');

/** File names that are payloads: "<script>alert(1)</script>.md" is the file "script>.md" in the folder "<script>alert(1)<". */
const HOSTILE_FILES = {
  'brand-messaging.yaml': HOSTILE_BRAND,
  '<script>alert(1)<script>.md': HOSTILE_COPY,
  '<script>alert(1)</script>.md': HOSTILE_COPY,
  '<img src=x onerror=alert(1)>.md': 'Acme Rocket has 45 integrations and 700 users. AcmeRocket.\n',
  'javascript:alert(1).md': 'Acme Rocket has 45 integrations and 450 users.\n',
};

/** Asserts that a page shows every payload as text only: its own tags, no handler, no javascript: link. */
function assertInert(html: string, allowScript: boolean): void {
  for (const t of tags(html)) {
    assert.ok(ALLOWED_TAGS.has(t.name) && (allowScript || t.name !== 'script'), `unexpected <${t.name}>`);
    for (const [name, value] of t.attrs) {
      assert.ok(!name.startsWith('on'), `event handler ${name} on <${t.name}>`);
      if (['href', 'src', 'xlink:href', 'action', 'formaction'].includes(name)) {
        const decoded = value.replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n))).replace(/&colon;/gi, ':').replace(/\s/g, '');
        assert.ok(!/^javascript:/i.test(decoded), `${name}="${value}" on <${t.name}>`);
        assert.match(value, /^(?:\.\.?\/|#)/, `${name}="${value}" is neither relative nor a fragment`);
      }
    }
  }
  assert.ok(!/<img/i.test(html), 'an <img> tag');
  assert.ok(!/<a[^>]+href="javascript:/i.test(html));
  // The payloads did reach the page, as text.
  for (const payload of PAYLOADS) assert.ok(html.includes(payload.replace(/</g, '&lt;').replace(/>/g, '&gt;')), `${payload}, escaped`);
}

/** The policy of the page's CSP meta tag, unescaped. */
function csp(html: string): string {
  const m = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
  assert.ok(m, 'a CSP meta tag');
  assert.equal(html.match(/Content-Security-Policy/g)!.length, 1);
  return m[1].replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

/** Replaces every way out of the process with a trap that records the attempt (in $NET_LOG) and throws. */
const NET_TRAP = `
const fs = require('node:fs');
const { threadId } = require('node:worker_threads');
const log = (what) => fs.appendFileSync(process.env.NET_LOG, JSON.stringify({ what, threadId }) + '\\n');
const trap = (what) => function () {
  log(what);
  throw new Error('network access is not allowed: ' + what);
};
const net = require('node:net'), tls = require('node:tls'), dns = require('node:dns'), http = require('node:http'), https = require('node:https'), http2 = require('node:http2'), dgram = require('node:dgram');
net.Socket.prototype.connect = trap('net.Socket.prototype.connect');
net.connect = trap('net.connect');
net.createConnection = trap('net.createConnection');
tls.connect = trap('tls.connect');
for (const name of ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny']) dns[name] = trap('dns.' + name);
for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6']) dns.promises[name] = trap('dns.promises.' + name);
http.request = trap('http.request');
http.get = trap('http.get');
https.request = trap('https.request');
https.get = trap('https.get');
http2.connect = trap('http2.connect');
dgram.createSocket = trap('dgram.createSocket');
globalThis.fetch = trap('fetch');
if (globalThis.WebSocket) globalThis.WebSocket = trap('WebSocket');
log('loaded');
`;

function netTrap(dir: string): { nodeArgs: string[]; env: Record<string, string>; attempts: () => Array<{ what: string; threadId: number }> } {
  const preload = path.join(dir, '.net-trap.cjs');
  const log = path.join(dir, '.net-log.jsonl');
  fs.writeFileSync(preload, NET_TRAP);
  fs.writeFileSync(log, '');
  const read = () => fs.readFileSync(log, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  return { nodeArgs: ['--require', preload], env: { NET_LOG: log }, attempts: () => read().filter((r) => r.what !== 'loaded') };
}

suite('reliability: security', () => {
  suiteTeardown(cleanup);

  rcase('on-message report --format html on copy, file names and a brand file full of <script>, <img onerror> and javascript: payloads', 'exit 0; every payload is escaped text: only the page’s own tags, no event handler, no <script> at all, every href relative or "#", none javascript:', () => {
    const dir = scratch(HOSTILE_FILES);
    const r = cli(dir, ['report', '--format', 'html', '--today', '2026-04-01']);
    assert.equal(r.status, 0, r.stderr);
    assertInert(r.stdout, false);
    assert.ok(r.stdout.includes('&lt;script&gt;alert(1)&lt;/script&gt;.md'), 'the payload file name, escaped');
    assert.ok(r.stdout.includes('Acme &lt;script&gt;alert(1)&lt;/script&gt;'), 'the brand file’s company name, escaped');
  });

  rcase('the standalone HTML report’s Content-Security-Policy', "default-src 'none'; no script source; nothing remote (no http:, https:, // or *)", () => {
    const dir = scratch(HOSTILE_FILES);
    const policy = csp(cli(dir, ['report', '--format', 'html', '--today', '2026-04-01']).stdout);
    assert.match(policy, /^default-src 'none';/);
    assert.ok(!/script-src/.test(policy));
    assert.ok(!/https?:|\/\/|\*/.test(policy), policy);
  });

  rcase('the report webview page (onMessage/report with a nonce, from dist/server.js) on the same workspace', "one <script> and one <style>, both with the nonce; CSP default-src 'none' with script-src and style-src only 'nonce-…', nothing remote, no unsafe-inline or unsafe-eval; payloads escaped; every link is href=\"#\"", async () => {
    const dir = scratch(HOSTILE_FILES);
    const editor = Editor.stdio();
    try {
      await editor.initialize([dir]);
      const nonce = 'bm9uY2Utb24tbWVzc2FnZQ';
      const result = await editor.connection.sendRequest(ReportRequest.type, { render: { nonce, cspSource: 'https://file+.vscode-resource.vscode-cdn.net' } });
      const html = result.html!;
      assertInert(html, true);
      const policy = csp(html);
      assert.match(policy, /^default-src 'none';/);
      assert.match(policy, new RegExp(`script-src 'nonce-${nonce}';`));
      assert.match(policy, new RegExp(`style-src 'nonce-${nonce}';`));
      assert.ok(!/unsafe-inline|unsafe-eval|\*/.test(policy), policy);
      // The only origin named is the webview's own resource origin, for images (VS Code's cspSource).
      assert.deepEqual(policy.match(/https?:\S*/g), ['https://file+.vscode-resource.vscode-cdn.net']);
      assert.match(policy, /img-src https:\/\/file\+\.vscode-resource\.vscode-cdn\.net data:;/);
      const opening = tags(html).filter((t) => !t.closing);
      assert.deepEqual(opening.filter((t) => t.name === 'script').map((t) => t.attrs), [[['nonce', nonce]]]);
      assert.deepEqual(opening.filter((t) => t.name === 'style').map((t) => t.attrs), [[['nonce', nonce]]]);
      const links = opening.filter((t) => t.name === 'a');
      assert.ok(links.length > 5);
      for (const a of links) assert.equal(a.attrs.find(([n]) => n === 'href')?.[1], '#');
      assert.ok(!/ style="/.test(html), 'no style attribute (the policy would block it; nothing relies on it)');
    } finally {
      editor.kill();
    }
  });

  rcase('hover over a finding whose brand-file reason and replacement carry the payloads (dist/server.js)', 'the hover Markdown shows them as text: < > [ ] escaped, so no HTML tag and no javascript: link', async () => {
    const dir = scratch(HOSTILE_FILES);
    const editor = Editor.stdio();
    try {
      await editor.initialize([dir]);
      const u = uri(path.join(dir, 'javascript:alert(1).md'));
      const text = 'Acme Rocket is world-class.\n';
      await editor.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: u, languageId: 'markdown', version: 1, text } });
      const [banned] = (await editor.diagnostics(u)).filter((d) => d.code === 'phrase.banned');
      const hover = await editor.connection.sendRequest(HoverRequest.type, { textDocument: { uri: u }, position: banned.range.start });
      const value = (hover!.contents as { value: string }).value;
      assert.ok(value.includes('\\<script\\>alert(1)\\</script\\>'), value);
      assert.ok(!/<script|<img/i.test(value.replace(/\\</g, '')), value);
      // "\[x\](javascript:…)" is the text "[x](javascript:…)", not a link: no unescaped "](".
      assert.ok(value.includes('\\[x\\](javascript:alert(1))'), value);
      assert.ok(!/(?<!\\)\]\(javascript:/i.test(value), value);
    } finally {
      editor.kill();
    }
  });

  rcase('package.json capabilities', 'untrustedWorkspaces is declared supported (the brand file is data: regex patterns are bounded and unsafe ones refused, nothing is executed); virtualWorkspaces is declared "limited", with a description', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.deepEqual(manifest.capabilities.untrustedWorkspaces, { supported: true });
    assert.equal(manifest.capabilities.virtualWorkspaces.supported, 'limited');
    assert.ok(manifest.capabilities.virtualWorkspaces.description.length > 40);
    // Nothing in the product compiles or runs code it read: no eval, no Function, no dynamic require or import.
    const sources = ['server/src', 'client/src'].flatMap((d) => listTs(path.join(ROOT, d)));
    for (const file of sources) {
      const source = fs.readFileSync(file, 'utf8');
      assert.ok(!/\beval\(|new Function\(|\bimport\((?!['"])|require\((?!['"`])/.test(source.replace(/\brequire\(\$\{JSON\.stringify\(__filename\)\}\)/, '')), `${path.relative(ROOT, file)} evaluates code`);
    }
  });

  rcase('check and report in a workspace with a symlinked folder and a symlinked file that point outside it', 'neither is read: only the real file is checked and reported (the outside variants never appear); the same with a **/*.md glob', () => {
    const outside = scratch({ 'secret/leak.md': 'LumoraPulse outside the workspace.\n', 'leak-file.md': 'LumoraPulse in an outside file.\n' });
    const dir = scratch({ 'brand-messaging.yaml': LUMORA_TEXT, 'docs/real.md': 'LumoraPulse inside.\n' });
    fs.symlinkSync(path.join(outside, 'secret'), path.join(dir, 'docs', 'linked-folder'), 'dir');
    fs.symlinkSync(path.join(outside, 'leak-file.md'), path.join(dir, 'docs', 'linked-file.md'), 'file');
    for (const args of [[], ['**/*.md'], ['docs']]) {
      const check = cli(dir, ['check', '--format', 'json', ...args]);
      const files = JSON.parse(check.stdout).findings.map((f: { file: string }) => f.file);
      assert.deepEqual([...new Set(files)], ['docs/real.md'], `check ${args.join(' ')}`);
      assert.equal(JSON.parse(check.stdout).files, 1);
      const report = cli(dir, ['report', '--format', 'json', ...args]);
      assert.equal(report.status, 0, report.stderr);
      assert.ok(!/leak|outside/.test(report.stdout), `report ${args.join(' ')}`);
      assert.ok(report.stdout.includes('docs/real.md'));
    }
  });

  rcase('the network trap (a --require preload) in a script that tries net, tls, dns, http, https and fetch, in the main thread and in a worker', 'the trap fires: every attempt is recorded and throws, in both threads (so the runs below prove something)', () => {
    const dir = scratch({});
    const trap = netTrap(dir);
    const script = `
      const attempt = (f) => { try { f(); } catch {} };
      const tryAll = () => {
        attempt(() => require('node:net').connect(80, '127.0.0.1'));
        attempt(() => new (require('node:net').Socket)().connect(80, '127.0.0.1'));
        attempt(() => require('node:tls').connect(443, 'example.com'));
        attempt(() => require('node:dns').lookup('example.com', () => {}));
        attempt(() => require('node:http').request('http://example.com/'));
        attempt(() => require('node:https').request('https://example.com/'));
        attempt(() => fetch('https://example.com/'));
      };
      const { Worker, isMainThread } = require('node:worker_threads');
      tryAll();
      if (isMainThread) new Worker(__filename);
    `;
    fs.writeFileSync(path.join(dir, 'connect.js'), script);
    const r = spawnSync(process.execPath, [...trap.nodeArgs, path.join(dir, 'connect.js')], { env: { ...process.env, ...trap.env }, encoding: 'utf8', timeout: 30_000 });
    assert.equal(r.status, 0, r.stderr);
    const attempts = trap.attempts();
    const expected = ['net.connect', 'net.Socket.prototype.connect', 'tls.connect', 'dns.lookup', 'http.request', 'https.request', 'fetch'];
    assert.deepEqual(attempts.filter((a) => a.threadId === 0).map((a) => a.what), expected);
    assert.deepEqual(attempts.filter((a) => a.threadId !== 0).map((a) => a.what), expected, 'the preload runs in worker threads too');
  });

  rcase('check (on 2 worker threads), check --fix, report --format html and report --format json on the examples, under the network trap', 'every run succeeds as usual and no network access is attempted, in any thread', () => {
    const dir = scratch({ 'brand-messaging.yaml': EXAMPLES_BRAND_TEXT });
    fs.cpSync(path.join(ROOT, 'examples'), dir, { recursive: true });
    const trap = netTrap(dir);
    const runs: Array<{ args: string[]; env: Record<string, string>; status: number }> = [
      { args: ['check'], env: { ON_MESSAGE_JOBS: '2' }, status: 1 },
      { args: ['check', '--fix', 'press'], env: {}, status: 1 },
      { args: ['report', '--format', 'html', '--out', 'report.html'], env: { ON_MESSAGE_JOBS: '2' }, status: 0 },
      { args: ['report', '--format', 'json'], env: {}, status: 0 },
    ];
    for (const run of runs) {
      const r = cli(dir, run.args, { nodeArgs: trap.nodeArgs, env: { ...trap.env, ...run.env } });
      assert.equal(r.status, run.status, `${run.args.join(' ')}: ${r.stderr}`);
    }
    assert.ok(fs.readFileSync(path.join(dir, 'report.html'), 'utf8').includes('<!DOCTYPE html>'));
    const loads = fs.readFileSync(trap.env.NET_LOG, 'utf8').split('\n').filter((l) => l.includes('"loaded"')).map((l) => JSON.parse(l));
    assert.ok(loads.some((l) => l.threadId !== 0), 'the trap was loaded in the worker threads too');
    assert.deepEqual(trap.attempts(), []);
  });

  rcase('a language server session under the network trap: initialize, open, pull, hover, code actions, the workspace report', 'every request is answered as usual and no network access is attempted', async () => {
    const dir = scratch({ 'brand-messaging.yaml': LUMORA_TEXT, 'a.md': 'Our clients love LumoraPulse.\n' });
    const trap = netTrap(dir);
    const editor = Editor.stdio({ nodeArgs: trap.nodeArgs, env: trap.env });
    try {
      await editor.initialize([dir]);
      const u = uri(path.join(dir, 'a.md'));
      await editor.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: u, languageId: 'markdown', version: 1, text: 'Our clients love LumoraPulse.\n' } });
      const diagnostics = await editor.diagnostics(u);
      assert.deepEqual(diagnostics.map((d) => d.code).sort(), ['name.variant', 'term.deprecated']);
      assert.ok(await editor.connection.sendRequest(HoverRequest.type, { textDocument: { uri: u }, position: diagnostics[0].range.start }));
      const actions = await editor.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: u }, range: diagnostics[0].range, context: { diagnostics } });
      assert.ok(actions!.length > 0);
      const report = await editor.connection.sendRequest(ReportRequest.type, { render: { nonce: 'n0nce', cspSource: 'vscode-resource:' } });
      assert.ok(report.html?.includes('<!DOCTYPE html>'));
      assert.equal(await editor.shutdown(), 0);
    } finally {
      editor.kill();
    }
    assert.ok(fs.readFileSync(trap.env.NET_LOG, 'utf8').includes('"loaded"'), 'the trap was loaded in the server');
    assert.deepEqual(trap.attempts(), []);
  });
});

function listTs(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listTs(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}
