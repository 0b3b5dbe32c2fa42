/**
 * The client's parts that run without VS Code: the brand file template, the status bar text, and the
 * manifest entries the client relies on. (Driving the extension inside VS Code is the e2e suite's job.)
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { builtinModules } from 'node:module';
import { loadBrand } from '../../server/src/core/index';
import { BRAND_FILE_NAMES, BRAND_LANGUAGE_ID, type StatusParams } from '../../server/src/protocol';
import { Commands } from '../../client/src/command-ids';
import { statusText } from '../../client/src/status-text';
import { BRAND_FILE_TEMPLATE } from '../../client/src/template';

const ROOT = path.resolve(__dirname, '../../..');
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

const base: StatusParams = { uri: 'file:///w/a.md', state: 'ok', brandFile: 'file:///w/brand-messaging.yaml', brandProblems: 0, counts: { error: 0, warning: 0, info: 0 } };
const display = (uri: string) => uri.replace('file:///w/', '');

suite('client', () => {
  test('the brand file template loads with no problems, and its examples pass', () => {
    const loaded = loadBrand(BRAND_FILE_TEMPLATE);
    assert.equal(loaded.usable, true);
    assert.deepEqual(loaded.problems, []);
    assert.ok(loaded.brand.names.length > 0 && loaded.brand.terms.length > 0);
  });

  test('every command is contributed under the "On Message" category, and every contributed command is registered', () => {
    const contributed = manifest.contributes.commands as Array<{ command: string; title: string; category: string }>;
    assert.deepEqual(contributed.map((c) => c.command).sort(), Object.values(Commands).sort());
    for (const c of contributed) assert.equal(c.category, 'On Message', c.command);
    assert.deepEqual(
      contributed.map((c) => c.title),
      ['Open Brand Messaging File', 'Create Brand Messaging File', 'Fix All in File', 'Restart Server', 'Show Consistency Report'],
    );
  });

  test('the manifest activates on Markdown and brand files, and names brand files as the server does', () => {
    assert.deepEqual(manifest.activationEvents, [
      'onLanguage:markdown',
      `onLanguage:${BRAND_LANGUAGE_ID}`,
      ...BRAND_FILE_NAMES.map((n) => `workspaceContains:**/${n}`),
    ]);
    assert.deepEqual(manifest.contributes.languages[0].filenames, BRAND_FILE_NAMES);
    assert.equal(manifest.main, './dist/extension.js');
  });

  test('the client bundle loads nothing at run time but vscode and Node built-ins', () => {
    const bundle = fs.readFileSync(path.join(ROOT, 'dist/extension.js'), 'utf8');
    const required = new Set([...bundle.matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]));
    const external = [...required].filter((m) => m !== 'vscode' && !m.startsWith('node:') && !isBuiltin(m));
    assert.deepEqual(external, []);
    assert.ok(required.has('vscode'));
  });

  test('status: in force, with counts or without', () => {
    assert.deepEqual(statusText(base, display), {
      text: '$(megaphone) On message',
      tooltip: 'Brand file: brand-messaging.yaml\nClick to open the brand file.',
      warning: false,
    });
    assert.equal(statusText({ ...base, counts: { error: 1, warning: 2, info: 1 } }, display).text, '$(megaphone) 1 error, 2 warnings, 1 suggestion');
  });

  test('status: a stale or unusable brand file stands out and says why', () => {
    const stale = statusText({ ...base, state: 'stale', message: 'It has errors; its last good version is in force.', brandProblems: 2, counts: { error: 0, warning: 1, info: 0 } }, display);
    assert.deepEqual(stale, {
      text: '$(warning) 1 warning (last good brand file)',
      tooltip: 'Brand file: brand-messaging.yaml\nIt has errors; its last good version is in force.\nThe brand file has 2 problems.\nClick to open the brand file.',
      warning: true,
    });
    assert.deepEqual(statusText({ ...base, state: 'invalid', message: 'Cannot read it.' }, display).text, '$(error) Brand file unusable');
  });

  test('status: no brand file, disabled, ignored', () => {
    const missing = statusText({ ...base, state: 'missing', brandFile: undefined, message: 'No brand-messaging.yaml here.' }, display);
    assert.deepEqual(missing, { text: '$(megaphone) No brand file', tooltip: 'No brand file\nNo brand-messaging.yaml here.\nClick to open or create a brand file.', warning: false });
    assert.equal(statusText({ ...base, state: 'disabled' }, display).text, '$(circle-slash) On Message off');
    assert.equal(statusText({ ...base, state: 'ignored' }, display).text, '$(circle-slash) Not checked');
  });
});

function isBuiltin(name: string): boolean {
  return builtinModules.includes(name);
}
