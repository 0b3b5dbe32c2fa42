/**
 * Issue 7, item 5: the language server. Malformed requests get an error response or nothing, and the
 * server answers the next normal request; a rule that throws costs that rule's findings on that document
 * (reported there as an error diagnostic), never the others' or the server; ranges are UTF-16 after emoji
 * and other surrogate pairs; a document beyond the limits gets one information diagnostic. When the
 * server's process dies, the client restarts it and says so once (client/src/crash-policy.ts).
 *
 * The real dist/server.js over stdio, except for the throwing rule: that server runs in this process over
 * in-memory streams (the same startServer), so that the test can make one rule of the engine throw without
 * any test hook in the product.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import {
  CodeActionRequest,
  createMessageConnection,
  DefinitionRequest,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  ErrorCodes,
  HoverRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type CodeAction,
  type Diagnostic,
} from 'vscode-languageserver-protocol/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { rules } from '../../server/src/core/rules/index';
import { startServer } from '../../server/src/lsp/server';
import { CrashPolicy, RESTARTED_MESSAGE, gaveUpMessage } from '../../client/src/crash-policy';
import { Editor, applyEdit, uri } from '../lsp/harness';
import { LUMORA_TEXT, cleanup, rcase, scratch, withinAsync } from './support';

const TEXT = 'Our clients love LumoraPulse.\n';

function open(editor: Editor, documentUri: string, text: string, version = 1): Promise<void> {
  return editor.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: documentUri, languageId: 'markdown', version, text } });
}

/** The server still answers: a pull of the open document returns its two findings. */
async function stillAnswers(editor: Editor, documentUri: string): Promise<void> {
  const codes = (await editor.diagnostics(documentUri)).map((d) => d.code).sort();
  assert.deepEqual(codes, ['name.variant', 'term.deprecated']);
}

/** The request's error code, or 'answered' with its result when it did not fail. */
async function outcome(p: Promise<unknown>): Promise<{ error: number } | { answered: unknown }> {
  try {
    return { answered: await p };
  } catch (error) {
    return { error: (error as { code: number }).code };
  }
}

suite('reliability: the language server survives malformed requests', () => {
  let editor: Editor;
  let docUri: string;
  let dir: string;

  suiteSetup(async function () {
    this.timeout(30_000);
    dir = scratch({ 'brand-messaging.yaml': LUMORA_TEXT });
    docUri = uri(path.join(dir, 'a.md'));
    editor = Editor.stdio();
    await editor.initialize([dir]);
    await open(editor, docUri, TEXT);
    await stillAnswers(editor, docUri);
  });

  suiteTeardown(() => {
    editor?.kill();
    cleanup();
  });

  rcase('an unknown request method ("onMessage/noSuchThing")', 'a MethodNotFound error response (-32601); the next pull is answered', async () => {
    assert.deepEqual(await outcome(editor.connection.sendRequest('onMessage/noSuchThing', { x: 1 })), { error: ErrorCodes.MethodNotFound });
    await stillAnswers(editor, docUri);
  });

  rcase('requests with params of the wrong type (hover with textDocument: 5, a pull with no textDocument, code actions with context: "x", definition with null params)', 'each gets an error response or an empty answer, never a dead server; the next pull is answered', async () => {
    const results = [
      await outcome(editor.connection.sendRequest(HoverRequest.method, { textDocument: 5, position: 'x' })),
      await outcome(editor.connection.sendRequest(DocumentDiagnosticRequest.method, {})),
      await outcome(editor.connection.sendRequest(CodeActionRequest.method, { textDocument: { uri: docUri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, context: 'x' })),
      await outcome(editor.connection.sendRequest(DefinitionRequest.method, null)),
    ];
    for (const r of results) assert.ok('error' in r ? r.error === ErrorCodes.InternalError || r.error === ErrorCodes.InvalidParams : r.answered === null || (Array.isArray(r.answered) && r.answered.length === 0) || (r.answered as { items?: unknown[] }).items?.length === 0, JSON.stringify(r));
    await stillAnswers(editor, docUri);
  });

  rcase('hover, definition, code actions and a pull on a document that was never opened', 'null, null, [] and an empty full report', async () => {
    const never = uri(path.join(dir, 'never.md'));
    const position = { line: 0, character: 3 };
    assert.equal(await editor.connection.sendRequest(HoverRequest.type, { textDocument: { uri: never }, position }), null);
    assert.equal(await editor.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: never }, position }), null);
    assert.deepEqual(await editor.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: never }, range: { start: position, end: position }, context: { diagnostics: [] } }), []);
    assert.deepEqual(await editor.diagnostics(never), []);
  });

  rcase('positions out of range (line 1,000,000; character 99,999; a negative line) in hover, definition and code actions', 'hover and definition: null (or an error response); code actions: only fix-all for the document as it is; the next pull is answered', async () => {
    for (const position of [
      { line: 1_000_000, character: 0 },
      { line: 0, character: 99_999 },
      { line: -1, character: -5 },
    ]) {
      const hover = await outcome(editor.connection.sendRequest(HoverRequest.method, { textDocument: { uri: docUri }, position }));
      assert.ok('error' in hover ? hover.error === ErrorCodes.InternalError : hover.answered === null, JSON.stringify(hover));
      const definition = await outcome(editor.connection.sendRequest(DefinitionRequest.method, { textDocument: { uri: docUri }, position }));
      assert.ok('error' in definition ? definition.error === ErrorCodes.InternalError : definition.answered === null, JSON.stringify(definition));
      const actions = await outcome(editor.connection.sendRequest(CodeActionRequest.method, { textDocument: { uri: docUri }, range: { start: position, end: position }, context: { diagnostics: [] } }));
      // Without diagnostics only fix-all is offered, for the document as it is (its edit, when there is one, applies cleanly).
      if ('answered' in actions) for (const a of actions.answered as CodeAction[]) if (a.edit) assert.equal(applyEdit(TEXT, a.edit), 'Our customers love Lumora Pulse.\n');
    }
    await stillAnswers(editor, docUri);
  });

  rcase('didChange for a URI that was never opened, then a change whose range runs past the end of an open document', 'the first is ignored (a pull of that URI is empty); the second is clamped to the end; the server answers with the right findings', async () => {
    const never = uri(path.join(dir, 'unopened.md'));
    await editor.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: never, version: 2 }, contentChanges: [{ text: 'LumoraPulse' }] });
    assert.deepEqual(await editor.diagnostics(never), []);
    const other = uri(path.join(dir, 'b.md'));
    await open(editor, other, 'Hello.\n');
    await editor.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: other, version: 2 },
      contentChanges: [{ range: { start: { line: 50, character: 0 }, end: { line: 60, character: 4 } }, text: 'Try LumoraPulse.\n' }],
    });
    const diagnostics = await editor.diagnostics(other);
    assert.deepEqual(diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character]), [['name.variant', 1, 4]]);
    await stillAnswers(editor, docUri);
  });

  rcase('garbage on the wire: a body that is not JSON, JSON that is not JSON-RPC, a notification of an unknown method', 'no response and no crash; the next pull is answered', async () => {
    const stdin = editor.process!.stdin!;
    const frame = (body: string) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    stdin.write(frame('{"jsonrpc": "2.0", "id": 99, "method": '));
    stdin.write(frame('{"hello": "world"}'));
    stdin.write(frame('[1, 2, 3]'));
    await editor.connection.sendNotification('onMessage/noSuchNotification', { x: 1 });
    await stillAnswers(editor, docUri);
    assert.equal(editor.process!.exitCode, null);
  });
});

suite('reliability: the language server, ranges and limits', () => {
  let editor: Editor;
  let dir: string;

  suiteSetup(async function () {
    this.timeout(30_000);
    dir = scratch({ 'brand-messaging.yaml': LUMORA_TEXT });
    editor = Editor.stdio();
    await editor.initialize([dir]);
  });

  suiteTeardown(() => {
    editor?.kill();
    cleanup();
  });

  rcase('a document with emoji, a skin-tone ZWJ sequence, mathematical letters (surrogate pairs) and CRLF before variants', 'each diagnostic range counts UTF-16 code units (not code points or bytes); the quick fix replaces exactly the variant', async () => {
    const lines = ['👩🏽‍💻😀 LumoraPulse rocks.', '𝒜𝒷 and ₿ then LumoraPulse.', '\tTabs 🇫🇷 LumoraPulse'];
    const text = `${lines.join('\r\n')}\n`;
    const u = uri(path.join(dir, 'emoji.md'));
    await open(editor, u, text);
    const diagnostics = (await editor.diagnostics(u)).filter((d) => d.code === 'name.variant');
    const expected = lines.map((l, line) => ({ line, character: l.indexOf('LumoraPulse') }));
    assert.deepEqual(diagnostics.map((d) => d.range.start), expected);
    assert.deepEqual(diagnostics.map((d) => d.range.end), expected.map((p) => ({ line: p.line, character: p.character + 'LumoraPulse'.length })));
    // Code points would put the first one at 6, bytes at 21: UTF-16 is 10.
    assert.equal(expected[0].character, 10);
    assert.equal([...lines[0].slice(0, 10)].length, 6);
    for (const d of diagnostics) {
      const [fix] = (await editor.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: u }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] } })) as CodeAction[];
      const fixed = applyEdit(text, fix.edit!);
      assert.equal(fixed.split(/\r?\n/)[d.range.start.line], lines[d.range.start.line].replace('LumoraPulse', 'Lumora Pulse'));
      assert.equal(fixed.replace('Lumora Pulse', 'LumoraPulse'), text);
    }
  });

  rcase('a 2.2 MB document opened in the editor (over the 2 MB limit)', 'within 15 s exactly one diagnostic: information, code document.skipped, "Not checked: this document has 2,240,000 characters …"; cut below the limit, it is checked', async () => {
    const u = uri(path.join(dir, 'big.md'));
    const big = 'Sign up for LumoraPulse today.\n\n'.repeat(70_000);
    await open(editor, u, big);
    const diagnostics = await withinAsync(15_000, 'the pull of 2.2 MB', () => editor.diagnostics(u));
    assert.equal(diagnostics.length, 1);
    const [d] = diagnostics;
    assert.deepEqual([d.severity, d.code, d.source], [3, 'document.skipped', 'on-message']);
    assert.match(d.message, /^Not checked: this document has 2,240,000 characters, and On Message checks documents of up to 2,097,152 \(2 MB\)\./);
    await editor.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: u, version: 2 }, contentChanges: [{ text: 'Sign up for LumoraPulse today.\n' }] });
    assert.deepEqual((await editor.diagnostics(u)).map((d) => d.code), ['name.variant']);
  });

  rcase('a document nesting block quotes 10,000 levels deep, opened in the editor', 'within 10 s one information diagnostic: "line 1 nests lists or block quotes 10,000 levels deep …"', async () => {
    const u = uri(path.join(dir, 'deep.md'));
    await open(editor, u, `${'> '.repeat(10_000)}LumoraPulse\n`);
    const diagnostics = await withinAsync(10_000, 'the pull', () => editor.diagnostics(u));
    assert.deepEqual(diagnostics.map((d) => [d.severity, d.code]), [[3, 'document.skipped']]);
    assert.match(diagnostics[0].message, /line 1 nests lists or block quotes 10,000 levels deep/);
  });
});

suite('reliability: a rule that throws inside the server', () => {
  let editor: Editor;
  let dir: string;
  const ruleThatThrows = rules.find((r) => r.id === 'term.deprecated')!;
  const realCheck = ruleThatThrows.check;

  suiteSetup(async () => {
    dir = scratch({ 'brand-messaging.yaml': LUMORA_TEXT });
    // The server in this process, over in-memory streams: the same handlers as dist/server.js.
    const toServer = new PassThrough();
    const toEditor = new PassThrough();
    startServer(createConnection(ProposedFeatures.all, new StreamMessageReader(toServer), new StreamMessageWriter(toEditor)));
    editor = Editor.over(createMessageConnection(new StreamMessageReader(toEditor), new StreamMessageWriter(toServer)));
    await editor.initialize([dir]);
  });

  suiteTeardown(() => {
    ruleThatThrows.check = realCheck;
    editor?.connection.dispose();
    cleanup();
  });

  rcase('term.deprecated throws a TypeError on every document (patched into the engine)', 'the name.variant diagnostic still arrives; one error diagnostic (document.check-failed) names the failed rule and its message; the output log has it; the server answers hover and later pulls', async () => {
    ruleThatThrows.check = () => {
      throw new TypeError("Cannot read properties of undefined (reading 'forms')");
    };
    const u = uri(path.join(dir, 'a.md'));
    await open(editor, u, TEXT);
    const diagnostics: Diagnostic[] = await editor.diagnostics(u);
    assert.deepEqual(diagnostics.map((d) => d.code).sort(), ['document.check-failed', 'name.variant']);
    const failed = diagnostics.find((d) => d.code === 'document.check-failed')!;
    assert.equal(failed.severity, 1);
    assert.equal(failed.message, "The term.deprecated check failed on this document (Cannot read properties of undefined (reading 'forms')), so its findings are missing here; the other checks ran. Please report this with the document.");
    const log = await editor.inbox.take('window/logMessage', (p) => /term\.deprecated failed/.test(p.message));
    assert.ok(log.message.includes(u));
    const variant = diagnostics.find((d) => d.code === 'name.variant')!;
    assert.ok(await editor.connection.sendRequest(HoverRequest.type, { textDocument: { uri: u }, position: variant.range.start }));
    ruleThatThrows.check = realCheck;
    await editor.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: u, version: 2 }, contentChanges: [{ text: TEXT }] });
    assert.deepEqual((await editor.diagnostics(u)).map((d) => d.code).sort(), ['name.variant', 'term.deprecated']);
  });
});

suite('reliability: the client restarts a crashed server and says so once', () => {
  let clock = 0;
  const minute = 60_000;
  const policy = () => new CrashPolicy(() => clock, { maxRestarts: 4, windowMs: 3 * minute, quietMs: 3 * minute });

  rcase('the server process dies once', 'restart, with one notification: "the language server stopped unexpectedly and was restarted"', () => {
    clock = 0;
    assert.deepEqual(policy().closed(), { restart: true, notify: RESTARTED_MESSAGE });
  });

  rcase('it dies 4 times within a minute (a burst)', 'restarted each time; only the first crash is announced', () => {
    clock = 0;
    const p = policy();
    const decisions = [0, 10_000, 20_000, 30_000].map((t) => ((clock = t), p.closed()));
    assert.deepEqual(decisions, [{ restart: true, notify: RESTARTED_MESSAGE }, { restart: true }, { restart: true }, { restart: true }]);
  });

  rcase('a 5th crash within 3 minutes', 'not restarted, and said once: "crashed 5 times in 3 minutes and will not be restarted … run On Message: Restart Server"; a manual restart starts afresh', () => {
    clock = 0;
    const p = policy();
    for (let i = 0; i < 4; i++) (clock = i * 1000), p.closed();
    clock = 5000;
    assert.deepEqual(p.closed(), { restart: false, notify: gaveUpMessage(5, 3 * minute) });
    assert.match(gaveUpMessage(5, 3 * minute), /crashed 5 times in 3 minutes and will not be restarted.*"On Message: Restart Server"/);
    p.reset();
    clock = 6000;
    assert.deepEqual(p.closed(), { restart: true, notify: RESTARTED_MESSAGE });
  });

  rcase('crashes far apart (one every 10 minutes, 6 in all)', 'each is a new burst: restarted and announced every time, never given up', () => {
    const p = policy();
    for (let i = 0; i < 6; i++) {
      clock = i * 10 * minute;
      assert.deepEqual(p.closed(), { restart: true, notify: RESTARTED_MESSAGE });
    }
  });

  rcase('the extension wires the policy in', 'client/src/extension.ts passes an errorHandler whose closed() uses CrashPolicy with handled: true (so the library adds no notification of its own), and Restart Server resets it', () => {
    const fs = require('node:fs') as typeof import('node:fs');
    const source = fs.readFileSync(path.join(__dirname, '../../../client/src/extension.ts'), 'utf8');
    assert.match(source, /errorHandler: errorHandler\(crashes\)/);
    assert.match(source, /closed: \(\) => \{\s*const decision = crashes\.closed\(\);/);
    assert.match(source, /handled: true/);
    assert.match(source, /registerCommands\(client, status, \(\) => crashes\.reset\(\)\)/);
  });
});
