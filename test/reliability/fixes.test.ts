/**
 * Issue 7, item 4: fixes never lose text. `on-message check --fix` writes through a temporary file in the
 * same folder renamed over the original (so a failed write leaves the file as it was, and no temporary file
 * behind), keeps CRLF line endings (also in the line breaks a fix inserts) and the byte-order mark, refuses
 * read-only files and files that are not valid UTF-8, and changes no byte outside the spans it fixes. In the
 * editor, quick fixes and fix-all are refused for a document version other than the one they were made for.
 *
 * File-system calls are observed, or made to fail, with a `--require` preload in the CLI's process
 * (FS_LOG names the file the preload writes its log to).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  CodeActionRequest,
  CodeActionResolveRequest,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExecuteCommandRequest,
  type CodeAction,
  type TextDocumentEdit,
} from 'vscode-languageserver-protocol/node';
import { applyFixes, check, withTextLineEndings, type Finding } from '../../server/src/core/index';
import { EDITOR_CAPABILITIES, Editor, applyEdit, uri } from '../lsp/harness';
import { EXAMPLES_BRAND_TEXT, LUMORA_TEXT, TODAY, cleanup, cli, examplesBrand, lumora, rcase, scratch } from './support';

/** A press release (examples brand) with in-line fixes and fixes that insert blocks: media contact, boilerplate, end mark. */
const RELEASE = [
  '---',
  'channel: press-release',
  'date: 2026-03-10',
  '---',
  '# Fernhill Launches Ledger Autopilot',
  '',
  'DENVER, Colorado, March 10, 2026 — Our clients love FernhillLedger 🚀 today. Café au lait, naïve façade.',
  '',
  '“We built it,” said Camille Duarte, co-founder and chief executive officer of Fernhill.',
  '',
].join('\n');

const crlf = (s: string): string => s.replace(/\r?\n/g, '\r\n');

/** Records fs writes and renames of the CLI process into $FS_LOG as JSON lines. */
const RECORD_FS = `
const fs = require('node:fs');
const write = fs.writeFileSync, log = [];
for (const name of ['writeFileSync', 'renameSync', 'copyFileSync', 'appendFileSync', 'truncateSync', 'openSync', 'rmSync', 'unlinkSync']) {
  const original = fs[name];
  fs[name] = function (...args) {
    log.push([name, ...args.slice(0, 2).map((a) => (typeof a === 'string' ? a : typeof a))]);
    return original.apply(this, args);
  };
}
process.on('exit', () => write(process.env.FS_LOG, JSON.stringify(log)));
`;

/** Makes the rename over a Markdown file fail, as on a full or failing disk. */
const FAIL_RENAME = `
const fs = require('node:fs');
const rename = fs.renameSync;
fs.renameSync = function (from, to) {
  if (String(to).endsWith('.md')) throw Object.assign(new Error('EIO: i/o error, rename'), { code: 'EIO' });
  return rename.apply(this, arguments);
};
`;

/** Writes half of the temporary file, then fails (ENOSPC). */
const FAIL_WRITE = `
const fs = require('node:fs');
const write = fs.writeFileSync;
fs.writeFileSync = function (file, data, options) {
  if (/\\.tmp$/.test(String(file))) {
    write(file, String(data).slice(0, 10), options);
    throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
  }
  return write.apply(this, arguments);
};
`;

function bytes(file: string): Buffer {
  return fs.readFileSync(file);
}

/** Files in the folder other than the ones named (temporary files left behind). */
function leftovers(dir: string, expected: string[]): string[] {
  return fs.readdirSync(dir).filter((f) => !expected.includes(f));
}

/** The applied fixes of `text`, as the CLI applies them (CRLF fix text in a CRLF document). */
function appliedFixes(text: string, findings: Finding[]): Array<{ start: number; end: number; text: string }> {
  return applyFixes(text, withTextLineEndings(text, findings)).applied.map((a) => ({ start: a.start, end: a.end, text: a.text }));
}

/** Asserts that `after` is `before` with exactly these spans replaced: every byte between them identical. */
function onlySpansChanged(before: string, after: string, spans: Array<{ start: number; end: number; text: string }>): void {
  let at = 0;
  let out = 0;
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    const gap = before.slice(at, s.start);
    assert.ok(Buffer.from(after.slice(out, out + gap.length)).equals(Buffer.from(gap)), `text before offset ${s.start} changed`);
    out += gap.length;
    assert.equal(after.slice(out, out + s.text.length), s.text);
    out += s.text.length;
    at = s.end;
  }
  assert.ok(Buffer.from(after.slice(out)).equals(Buffer.from(before.slice(at))), 'text after the last fix changed');
  assert.equal(out + before.length - at, after.length);
}

suite('reliability: fixes never lose text', () => {
  suiteTeardown(cleanup);

  rcase('--fix on a file with fixes (file system calls recorded)', 'atomic: the fixed text is written to a temporary file in the same folder, then renamed over the file; the file itself is never opened for writing', () => {
    const dir = scratch({ 'brand-messaging.yaml': LUMORA_TEXT, 'a.md': 'Sign up for LumoraPulse today.\n' });
    fs.writeFileSync(path.join(dir, 'record.cjs'), RECORD_FS);
    const log = path.join(dir, 'fs.json');
    const r = cli(dir, ['check', '--fix', 'a.md'], { nodeArgs: ['--require', path.join(dir, 'record.cjs')], env: { FS_LOG: log } });
    assert.equal(r.status, 0, r.stderr);
    assert.match(fs.readFileSync(path.join(dir, 'a.md'), 'utf8'), /^Sign up for Lumora Pulse®? today\.\n$/);
    const calls: string[][] = JSON.parse(fs.readFileSync(log, 'utf8'));
    const target = path.join(dir, 'a.md');
    const writes = calls.filter((c) => !(c[0] === 'openSync' && c[2] === 'r'));
    assert.equal(writes.length, 2, JSON.stringify(calls));
    const [[write, temp], [rename, from, to]] = writes;
    assert.deepEqual([write, rename, from, to], ['writeFileSync', 'renameSync', temp, target]);
    assert.equal(path.dirname(temp), dir, 'the temporary file is in the same folder (a rename across file systems is not atomic)');
    assert.notEqual(temp, target);
    assert.deepEqual(leftovers(dir, ['brand-messaging.yaml', 'a.md', 'record.cjs', 'fs.json']), []);
  });

  for (const [what, preload, message] of [
    ['the rename fails (EIO)', FAIL_RENAME, /cannot write a\.md: EIO: i\/o error, rename; the file is unchanged\./],
    ['the temporary file is half written, then the disk is full (ENOSPC)', FAIL_WRITE, /cannot write a\.md: ENOSPC: no space left on device, write; the file is unchanged\./],
  ] as const) {
    rcase(`--fix when ${what}`, 'exit 2, "cannot write a.md: …; the file is unchanged."; the file is byte-identical and no temporary file is left behind', () => {
      const original = Buffer.from('\ufeffSign up for LumoraPulse today.\r\n');
      const dir = scratch({ 'brand-messaging.yaml': LUMORA_TEXT, 'a.md': original });
      fs.writeFileSync(path.join(dir, 'fail.cjs'), preload);
      const r = cli(dir, ['check', '--fix', 'a.md'], { nodeArgs: ['--require', path.join(dir, 'fail.cjs')] });
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stderr, message);
      assert.ok(bytes(path.join(dir, 'a.md')).equals(original));
      assert.deepEqual(leftovers(dir, ['brand-messaging.yaml', 'a.md', 'fail.cjs']), []);
      assert.match(r.stdout, /^a\.md:1:13 error name\.variant/m, 'the findings are still reported');
    });
  }

  rcase('--fix on a CRLF press release with a BOM, whose fixes insert the boilerplate, the media contact and the end mark', 'the BOM is kept, every line break is still CRLF (the inserted ones too), every byte outside the fixed spans is unchanged, and stderr names the fixes applied', () => {
    const text = `\ufeff${crlf(RELEASE)}`;
    const dir = scratch({ 'brand-messaging.yaml': EXAMPLES_BRAND_TEXT, 'press.md': text });
    const r = cli(dir, ['check', '--fix', 'press.md']);
    // The media contact and the end mark insert where the boilerplate ends: they wait for the next run.
    assert.match(r.stderr, /^fixed press\.md: 3 fixes \(term\.deprecated, name\.variant, boilerplate\.missing\)$/m);
    const after = bytes(path.join(dir, 'press.md'));
    assert.ok(after.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])), 'the BOM is kept');
    const fixedText = after.toString('utf8');
    assert.ok(!/(?<!\r)\n/.test(fixedText), 'no bare LF');
    assert.ok(fixedText.includes('\r\n## About Fernhill\r\n\r\nFernhill Software Inc. makes'));
    const body = text.slice(1);
    const spans = appliedFixes(body, check(body, examplesBrand, { today: TODAY, path: 'press.md' }).findings);
    assert.equal(spans.length, 3);
    onlySpansChanged(body, fixedText.slice(1), spans);
  });

  rcase('--fix run again and again on that press release', 'converges within 3 runs (then writes nothing); after each run the BOM is kept and every line break is CRLF; the media contact and the end mark are CRLF lines', () => {
    const dir = scratch({ 'brand-messaging.yaml': EXAMPLES_BRAND_TEXT, 'press.md': `\ufeff${crlf(RELEASE)}` });
    const file = path.join(dir, 'press.md');
    let runs = 0;
    for (; runs < 5; runs++) {
      const r = cli(dir, ['check', '--fix', 'press.md']);
      const after = bytes(file);
      assert.ok(after.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])), `the BOM after run ${runs + 1}`);
      assert.ok(!/(?<!\r)\n/.test(after.toString('utf8')), `a bare LF after run ${runs + 1}`);
      if (!/^fixed /m.test(r.stderr)) break;
    }
    assert.ok(runs <= 3, `${runs} runs still fixing`);
    const text = fs.readFileSync(file, 'utf8');
    for (const line of ['## Media contact', 'Tessa Albright', '###']) assert.ok(text.includes(`\r\n${line}\r\n`), line);
  });

  rcase('--fix on a file with mixed line endings, emoji, accents and tabs, many findings', 'every byte outside the fixed spans is unchanged (compared as UTF-8 bytes); each in-line fix lies inside its finding', () => {
    const text = 'Our clients\tlove LumoraPulse 👩🏽‍💻 and Lumora-Pulse.\r\nNaïve monitoring tool; café LumoraPulse.\rEnd: PulseCopilot® 🚀\n\n> “Clients,” said Jane Doe.\r\n';
    const dir = scratch({ 'brand-messaging.yaml': LUMORA_TEXT, 'a.md': text });
    const findings = check(text, lumora, { today: TODAY, path: 'a.md' }).findings;
    const spans = appliedFixes(text, findings);
    assert.ok(spans.length >= 4, `only ${spans.length} fixes`);
    for (const f of findings.filter((x) => x.fix && x.rule !== 'term.deprecated')) assert.ok(f.fix!.start >= f.start && f.fix!.end <= f.end, `${f.rule} fix outside its finding`);
    cli(dir, ['check', '--fix', 'a.md']);
    onlySpansChanged(text, fs.readFileSync(path.join(dir, 'a.md'), 'utf8'), spans);
  });

  rcase('--fix on a file named through a symbolic link (docs/link.md → real.md)', 'the link stays a link and the file it points to is fixed', () => {
    const dir = scratch({ 'brand-messaging.yaml': LUMORA_TEXT, 'real.md': 'Sign up for LumoraPulse today.\n', 'docs/.keep': '' });
    fs.symlinkSync(path.join(dir, 'real.md'), path.join(dir, 'docs', 'link.md'));
    const r = cli(dir, ['check', '--fix', 'docs/link.md']);
    assert.equal(r.status, 0, r.stderr);
    assert.ok(fs.lstatSync(path.join(dir, 'docs', 'link.md')).isSymbolicLink(), 'the link was replaced by a file');
    assert.match(fs.readFileSync(path.join(dir, 'real.md'), 'utf8'), /^Sign up for Lumora Pulse®? today\.\n$/);
    assert.deepEqual(leftovers(dir, ['brand-messaging.yaml', 'real.md', 'docs']), []);
  });

  rcase('--fix on a read-only file (mode 0444) with a fixable finding', 'exit 2, "cannot fix a.md: it is read-only; the file is unchanged."; the file is byte-identical and keeps its mode; the findings are still reported', () => {
    const original = Buffer.from('Sign up for LumoraPulse today.\n');
    const dir = scratch({ 'brand-messaging.yaml': LUMORA_TEXT, 'a.md': original });
    const file = path.join(dir, 'a.md');
    fs.chmodSync(file, 0o444);
    const r = cli(dir, ['check', '--fix', 'a.md']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^on-message: cannot fix a\.md: it is read-only; the file is unchanged\.$/m);
    assert.ok(bytes(file).equals(original));
    assert.equal(fs.statSync(file).mode & 0o777, 0o444);
    assert.match(r.stdout, /^a\.md:1:13 error name\.variant/m);
    assert.deepEqual(leftovers(dir, ['brand-messaging.yaml', 'a.md']), []);
  });

  rcase('--fix on a file that is not valid UTF-8 (a lone 0xC3 and 0xFF before a fixable variant)', 'not rewritten: exit 2, "cannot fix bad.md: it is not valid UTF-8 …; the file is unchanged."; byte-identical; the other file is fixed', () => {
    const original = Buffer.concat([Buffer.from('Caf'), Buffer.from([0xc3]), Buffer.from(' and '), Buffer.from([0xff]), Buffer.from(' LumoraPulse today.\n')]);
    const dir = scratch({ 'brand-messaging.yaml': LUMORA_TEXT, 'bad.md': original, 'good.md': 'LumoraPulse.\n' });
    const r = cli(dir, ['check', '--fix']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^on-message: cannot fix bad\.md: it is not valid UTF-8, and writing it back would replace the invalid bytes; the file is unchanged\.$/m);
    assert.ok(bytes(path.join(dir, 'bad.md')).equals(original));
    assert.equal(fs.readFileSync(path.join(dir, 'good.md'), 'utf8'), 'Lumora Pulse.\n');
  });
});

suite('reliability: quick fixes and fix-all in the editor (LSP)', () => {
  let editor: Editor;
  let docUri: string;
  let stale: import('vscode-languageserver-protocol/node').Diagnostic;
  const TEXT = 'Our clients love LumoraPulse.\n';

  suiteSetup(async function () {
    this.timeout(30_000);
    const dir = scratch({ 'brand-messaging.yaml': LUMORA_TEXT, 'a.md': TEXT });
    docUri = uri(path.join(dir, 'a.md'));
    editor = Editor.stdio();
    await editor.initialize([dir]);
    await editor.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: docUri, languageId: 'markdown', version: 1, text: TEXT } });
    stale = (await editor.diagnostics(docUri)).find((d) => d.code === 'name.variant')!;
    // The writer types: version 2 moves the variant two characters to the right.
    await editor.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: docUri, version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'So ' }],
    });
  });

  suiteTeardown(() => {
    editor?.kill();
    cleanup();
  });

  rcase('a quick fix requested with a diagnostic of version 1 while the document is at version 2', 'no action at all (neither the fix nor "disable for this line"): its offsets belong to text that has moved', async () => {
    assert.equal((stale.data as { version: number }).version, 1);
    const actions = await editor.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: docUri }, range: stale.range, context: { diagnostics: [stale], only: ['quickfix'] } });
    assert.deepEqual(actions, []);
  });

  rcase('codeAction/resolve of a fix-all offered for version 1, at version 2', 'resolved without an edit', async () => {
    const resolved = await editor.connection.sendRequest(CodeActionResolveRequest.type, { title: 'Fix all On Message problems', kind: 'source.fixAll.onMessage', data: { uri: docUri, version: 1 } });
    assert.equal(resolved.edit, undefined);
  });

  rcase('the fix-all command for version 1, at version 2', '{applied: false}, and no workspace/applyEdit is sent', async () => {
    const result = await editor.connection.sendRequest(ExecuteCommandRequest.type, { command: 'onMessage.server.fixAll', arguments: [{ uri: docUri, version: 1 }] });
    assert.deepEqual(result, { applied: false });
    // The server sends workspace/applyEdit before it answers the command: had it sent one, it would be here now.
    assert.equal(editor.inbox.has('workspace/applyEdit'), false);
    // A current-version request afterwards is answered with an edit: the refusal was about the version.
    const current = await editor.connection.sendRequest(ExecuteCommandRequest.type, { command: 'onMessage.server.fixAll', arguments: [{ uri: docUri, version: 2 }] });
    assert.deepEqual(current, { applied: true });
    const request = await editor.inbox.take('workspace/applyEdit');
    assert.equal((request.edit.documentChanges[0] as TextDocumentEdit).textDocument.version, 2);
  });

  rcase('fix-all and quick fixes for a client without resolve support', 'every edit is a versioned documentChanges edit for the version it was computed on (7), which the editor refuses once the document moves on', async () => {
    const other = Editor.stdio();
    try {
      const capabilities = structuredClone(EDITOR_CAPABILITIES);
      delete capabilities.textDocument!.codeAction!.resolveSupport;
      const dir = scratch({ 'brand-messaging.yaml': LUMORA_TEXT });
      await other.initialize([dir], capabilities);
      const u = uri(path.join(dir, 'b.md'));
      await other.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: u, languageId: 'markdown', version: 7, text: TEXT } });
      const diagnostics = await other.diagnostics(u);
      const actions = (await other.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: u }, range: diagnostics[0].range, context: { diagnostics } })) as CodeAction[];
      assert.ok(actions.some((a) => a.kind === 'source.fixAll.onMessage'));
      for (const a of actions) {
        assert.ok(a.edit?.documentChanges, a.title);
        for (const change of a.edit.documentChanges as TextDocumentEdit[]) if (change.textDocument.uri === u) assert.equal(change.textDocument.version, 7, a.title);
      }
    } finally {
      other.kill();
    }
  });

  rcase('fix-all (resolved) and each quick fix in the editor, on the CRLF press release', 'the edits insert CRLF line breaks only, as --fix does: the fixed document has no bare LF', async () => {
    const other = Editor.stdio();
    try {
      const dir = scratch({ 'brand-messaging.yaml': EXAMPLES_BRAND_TEXT });
      await other.initialize([dir]);
      const u = uri(path.join(dir, 'press.md'));
      const text = crlf(RELEASE);
      await other.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: u, languageId: 'markdown', version: 1, text } });
      const diagnostics = await other.diagnostics(u);
      const actions = (await other.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: u }, range: diagnostics[0].range, context: { diagnostics } })) as CodeAction[];
      const fixAll = await other.connection.sendRequest(CodeActionResolveRequest.type, actions.find((a) => a.kind === 'source.fixAll.onMessage')!);
      const edits = [fixAll, ...actions.filter((a) => a.kind === 'quickfix' && a.isPreferred)].map((a) => a.edit!);
      assert.ok(edits.length >= 4);
      for (const edit of edits) assert.ok(!/(?<!\r)\n/.test(applyEdit(text, edit)), JSON.stringify(edit));
      assert.ok(applyEdit(text, edits[0]).includes('\r\n## About Fernhill\r\n'));
    } finally {
      other.kill();
    }
  });
});
