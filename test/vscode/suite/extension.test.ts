/**
 * The extension inside a real VS Code: its extension host, its language client, the server it starts, the
 * manifest and the settings. The workspace is a throwaway copy of examples/ (the runner makes it); the tests
 * run in order and tell one story on examples/press/2026-05-funding.md: its planted findings appear, a quick
 * fix and fix-all-on-save clean it, and a brand file edit changes what is flagged.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, diagnosticsBecome, hoverText, ours, rangeText, ruleOf, skipBecause, summarize, waitFor } from './helpers';

const ROOT = path.resolve(__dirname, '../../..');

/** What the extension's activate() returns (OnMessageTestApi in client/src/extension.ts). */
interface OnMessageTestApi {
  readonly statusBarItem: vscode.StatusBarItem;
}
const PRESS = 'press/2026-05-funding.md';
const REPORT_COMMAND = 'onMessage.showReport';
const ACTIVATION = 'activates on a Markdown file in a workspace with a brand file, and registers its commands';
const SEVERITY: Record<string, vscode.DiagnosticSeverity> = {
  'name.company': vscode.DiagnosticSeverity.Error,
  'name.variant': vscode.DiagnosticSeverity.Error,
  'phrase.banned': vscode.DiagnosticSeverity.Warning,
  'phrase.risky': vscode.DiagnosticSeverity.Warning,
};

interface Planted {
  rule: string;
  text: string;
  range: vscode.Range;
}

/** The planted violations of a file, from the examples' answer key: "| V5 | `press/…` | 20 | 1 | Fernhill Inc. | `name.company` | …". */
function plantedIn(file: string): Planted[] {
  const key = fs.readFileSync(path.join(ROOT, 'test/fixtures/examples.expected.md'), 'utf8');
  const rows = [...key.matchAll(/^\| V\d+ \| `([^`]+)` \| (\d+) \| (\d+) \| ([^|]+?) \| `([a-z.-]+)` \|/gm)];
  return rows
    .filter((m) => m[1] === file)
    .map((m) => {
      const [line, col, text] = [Number(m[2]) - 1, Number(m[3]) - 1, m[4]];
      return { rule: m[5], text, range: new vscode.Range(line, col, line, col + text.length) };
    });
}

function workspaceUri(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the runner opens a copy of examples/ as the workspace folder');
  return vscode.Uri.joinPath(folder.uri, relative);
}

function byRule(uri: vscode.Uri, rule: string): vscode.Diagnostic {
  const found = ours(uri).find((d) => ruleOf(d) === rule);
  assert.ok(found, `no ${rule} diagnostic in ${JSON.stringify(summarize(ours(uri)))}`);
  return found;
}

suite('On Message in a real VS Code', () => {
  const extension = () => vscode.extensions.getExtension<OnMessageTestApi>(EXTENSION_ID);
  /** Every save, for failure messages (an unexpected save hides the code actions on save). */
  const saves: string[] = [];
  let listener: vscode.Disposable | undefined;
  let press: vscode.Uri;
  let doc: vscode.TextDocument;
  let planted: Planted[];

  suiteSetup(() => {
    listener = vscode.workspace.onDidSaveTextDocument((d) => saves.push(`${vscode.workspace.asRelativePath(d.uri)} v${d.version}`));
    press = workspaceUri(PRESS);
    planted = plantedIn(PRESS);
  });

  // Everything after the first test needs the extension running: when it did not activate, stop there
  // instead of letting every test time out (mocha skips the rest of the suite after a failed hook).
  let activated = false;
  setup(function () {
    if (!activated && this.currentTest?.title !== ACTIVATION) throw new Error('the extension did not activate: see the first test');
  });

  suiteTeardown(async () => {
    listener?.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test(ACTIVATION, async () => {
    assert.ok(extension(), `${EXTENSION_ID} is loaded`);
    assert.ok(fs.existsSync(workspaceUri('brand-messaging.yaml').fsPath), 'the workspace has a brand file');
    doc = await vscode.workspace.openTextDocument(press);
    await vscode.window.showTextDocument(doc);
    assert.equal(doc.languageId, 'markdown');
    const ext = await waitFor('the extension to be active', () => (extension()?.isActive ? extension() : undefined), [vscode.extensions.onDidChange as vscode.Event<unknown>]);
    assert.ok(ext.exports?.statusBarItem, 'activate() returned its test API');
    const engine = /^\^?(\d+)\.(\d+)\.(\d+)$/.exec(ext.packageJSON.engines.vscode);
    assert.ok(engine, `engines.vscode ${ext.packageJSON.engines.vscode} is a ^x.y.z range`);
    const [major, minor] = vscode.version.split('.').map(Number);
    assert.ok(Number(engine[1]) === major && Number(engine[2]) <= minor, `engines.vscode ${ext.packageJSON.engines.vscode} admits VS Code ${vscode.version}`);
    const commands = await vscode.commands.getCommands(true);
    const contributed = (ext.packageJSON.contributes.commands as Array<{ command: string }>).map((c) => c.command);
    for (const id of ['onMessage.openBrandFile', 'onMessage.createBrandFile', 'onMessage.fixAll', 'onMessage.restartServer']) {
      assert.ok(contributed.includes(id), `${id} is contributed`);
      assert.ok(commands.includes(id), `${id} is registered`);
    }
    activated = true;
  });

  test(`the planted findings of ${PRESS}, with their rule codes and ranges (test/fixtures/examples.expected.md)`, async () => {
    assert.deepEqual(
      planted.map((p) => p.rule).sort(),
      ['name.company', 'name.variant', 'phrase.banned', 'phrase.risky'],
      'the answer key plants these four',
    );
    const diagnostics = await diagnosticsBecome(
      press,
      planted.map((p) => `${p.rule}@${rangeText(p.range)}`),
    );
    for (const p of planted) {
      const d = diagnostics.find((x) => ruleOf(x) === p.rule)!;
      assert.equal(doc.getText(d.range), p.text, `${p.rule} covers '${p.text}'`);
      assert.equal(d.severity, SEVERITY[p.rule], `${p.rule} severity`);
      assert.equal(typeof d.code === 'object' && d.code.target.toString().includes('#'), true, `${p.rule} links to its documentation`);
      assert.ok(d.message.length > 20, `${p.rule} has a message`);
    }
    const company = byRule(press, 'name.company');
    assert.match(company.message, /^Use 'Fernhill Software Inc\.' instead of 'Fernhill Inc\.'/);
  });

  test('the status bar item names the brand file and counts the findings', async () => {
    const api = extension()!.exports;
    const item = await waitFor('the status bar item to count 2 errors and 2 warnings', () => (api.statusBarItem.text === '$(megaphone) 2 errors, 2 warnings' ? api.statusBarItem : undefined), [
      vscode.languages.onDidChangeDiagnostics as vscode.Event<unknown>,
    ]);
    assert.match(String(item.tooltip), /^Brand file: brand-messaging\.yaml$/m);
    assert.equal(item.command, 'onMessage.openBrandFile');
    assert.equal(item.name, 'On Message');
  });

  test('a hover on a flagged span shows the finding, its rule and its brand-file entry', async () => {
    const banned = byRule(press, 'phrase.banned');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', press, banned.range.start.translate(0, 3));
    const text = hoverText(hovers);
    assert.match(text, /\*\*On Message\*\* · `phrase\.banned` · warning/);
    assert.match(text, /Avoid 'game-changing'/);
    assert.match(text, /Brand file: /);
    assert.match(text, /\[Rule documentation\]\(https:\/\/[^)]+#phrasebanned\)/);
  });

  test('Go to Definition on a flagged span opens its entry in the brand file', async () => {
    const variant = byRule(press, 'name.variant');
    const found = await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>('vscode.executeDefinitionProvider', press, variant.range.start);
    const locations = found.map((l) => ('targetUri' in l ? { uri: l.targetUri, range: l.targetRange } : l));
    const inBrand = locations.find((l) => l.uri.path.endsWith('/brand-messaging.yaml'));
    assert.ok(inBrand, `a location in brand-messaging.yaml among ${JSON.stringify(locations.map((l) => l.uri.path))}`);
    const brand = await vscode.workspace.openTextDocument(inBrand.uri);
    assert.match(brand.getText(inBrand.range), /Fernhill Ledger/);
  });

  test('a quick fix from the code action provider, applied, writes the legal company name', async () => {
    const company = byRule(press, 'name.company');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', press, company.range, vscode.CodeActionKind.QuickFix.value);
    const titles = actions.map((a) => a.title);
    const fix = actions.find((a) => a.isPreferred && /Fernhill Software Inc\./.test(a.title));
    assert.ok(fix?.edit, `a preferred fix with an edit among ${JSON.stringify(titles)}`);
    assert.ok(titles.includes('Disable name.company for this line'), `"Disable name.company for this line" among ${JSON.stringify(titles)}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit), 'the edit applies');
    if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
    assert.match(doc.lineAt(company.range.start.line).text, /^Fernhill Software Inc\. will use the new capital/);
    // Its diagnostic goes; the two later on the line move right by the 9 characters inserted.
    const shift = 'Fernhill Software Inc.'.length - 'Fernhill Inc.'.length;
    const rest = planted.filter((p) => p.rule !== 'name.company').map((p) => {
      const r = p.range.start.line === company.range.start.line ? new vscode.Range(p.range.start.translate(0, shift), p.range.end.translate(0, shift)) : p.range;
      return `${p.rule}@${rangeText(r)}`;
    });
    await diagnosticsBecome(press, rest);
  });

  test('fix-all on save ("editor.codeActionsOnSave": {"source.fixAll.onMessage": "explicit"}) fixes every safe finding, then saves', async () => {
    const editor = vscode.workspace.getConfiguration('editor', press);
    const files = vscode.workspace.getConfiguration('files', press);
    await editor.update('codeActionsOnSave', { 'source.fixAll.onMessage': 'explicit' }, vscode.ConfigurationTarget.Workspace);
    // The writer saves by hand: a web workbench (code-server) auto-saves after a delay by default, and an
    // auto-save runs no "explicit" code actions.
    await files.update('autoSave', 'off', vscode.ConfigurationTarget.Workspace);
    try {
      const shown = await vscode.window.showTextDocument(doc);
      // The writer adds a sentence with the joined product name, then saves with Ctrl+S.
      const line = doc.lineAt(9);
      assert.match(line.text, /a year\.$/);
      const added = ' Controllers approve bills in FernhillLedger from their phones.';
      assert.ok(await shown.edit((b) => b.insert(line.range.end, added)));
      const at = line.text.length + added.indexOf('FernhillLedger');
      await diagnosticsBecome(press, [...summarize(ours(press)), `name.variant@9:${at}-9:${at + 'FernhillLedger'.length}`]);
      assert.ok(doc.isDirty, `dirty after the edit (version ${doc.version}; saves so far: ${JSON.stringify(saves)})`);
      await vscode.commands.executeCommand('workbench.action.files.save');
      await waitFor('the document to be saved', () => !doc.isDirty, [vscode.workspace.onDidSaveTextDocument as vscode.Event<unknown>]);
      const text = doc.getText();
      assert.ok(!/FernhillLedger|Fernhill-Ledger|Fernhill Inc\./.test(text), 'every fixable name is fixed');
      assert.match(text, /approve bills in Fernhill Ledger from their phones\./);
      assert.match(text, /the Fernhill Ledger partner network/);
      assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(press)), text, 'the fixed text is what was saved');
      // Left: the two findings that have no safe fix.
      const left = await diagnosticsBecome(press, summarize(ours(press)).filter((s) => /^phrase\./.test(s)));
      assert.deepEqual(left.map(ruleOf).sort(), ['phrase.banned', 'phrase.risky']);
    } finally {
      await editor.update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Workspace);
      await files.update('autoSave', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  test('the status bar item follows the document: 2 warnings left', async () => {
    const api = extension()!.exports;
    await waitFor('the status bar item to say 2 warnings', () => api.statusBarItem.text === '$(megaphone) 2 warnings', [vscode.languages.onDidChangeDiagnostics as vscode.Event<unknown>]);
  });

  test('an edit of the brand file changes the diagnostics of open documents, and undoing it brings them back', async () => {
    await vscode.window.showTextDocument(doc);
    await diagnosticsBecome(press, summarize(ours(press)));
    assert.ok(ours(press).some((d) => ruleOf(d) === 'phrase.banned'));
    const brand = await vscode.workspace.openTextDocument(workspaceUri('brand-messaging.yaml'));
    assert.equal(brand.languageId, 'brand-messaging');
    const at = brand.getText().indexOf(', game-changing');
    assert.ok(at > 0, 'the brand file bans game-changing');
    const range = new vscode.Range(brand.positionAt(at), brand.positionAt(at + ', game-changing'.length));
    const remove = new vscode.WorkspaceEdit();
    remove.delete(brand.uri, range);
    assert.ok(await vscode.workspace.applyEdit(remove));
    // Unsaved: the brand file's text in the editor is the one in force.
    const risky = summarize(ours(press)).filter((s) => s.startsWith('phrase.risky'));
    await diagnosticsBecome(press, risky);
    const restore = new vscode.WorkspaceEdit();
    restore.insert(brand.uri, range.start, ', game-changing');
    assert.ok(await vscode.workspace.applyEdit(restore));
    const back = await diagnosticsBecome(press, [...risky, `phrase.banned@${rangeText(planted.find((p) => p.rule === 'phrase.banned')!.range)}`]);
    assert.equal(back.length, 2);
    await brand.save();
  });

  test('the Show Consistency Report command opens its view (when the extension contributes it)', async function () {
    const contributed = (extension()!.packageJSON.contributes.commands as Array<{ command: string }>).some((c) => c.command === REPORT_COMMAND);
    if (!contributed) skipBecause(this, `${REPORT_COMMAND} is not contributed by package.json yet`);
    const webviewTabs = () =>
      vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview);
    const before = new Set(webviewTabs());
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand(REPORT_COMMAND);
    const tab = await waitFor('a webview tab for the report', () => webviewTabs().find((t) => !before.has(t)), [vscode.window.tabGroups.onDidChangeTabs as vscode.Event<unknown>]);
    assert.ok(tab.label.length > 0, 'the report tab has a title');
  });
});
