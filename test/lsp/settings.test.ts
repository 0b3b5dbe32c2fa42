/**
 * The settings parser, and the manifest agreeing with it: every `onMessage.*` key the manifest contributes
 * is a Settings key with the same default (the client-only `trace.server` aside), and the other way round.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ruleIds } from '../../server/src/core/index';
import { defaults, parseSettings, SettingsCache } from '../../server/src/lsp/settings';

const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8'));
const properties: Record<string, { default: unknown; enum?: string[]; properties?: Record<string, unknown> }> = manifest.contributes.configuration.properties;
const CLIENT_ONLY = new Set(['onMessage.trace.server']);

suite('lsp: settings', () => {
  test('no input gives the defaults', () => {
    assert.deepEqual(parseSettings(undefined), { enable: true, brandFile: '', run: 'onType', severity: {}, ignore: [] });
    assert.deepEqual(parseSettings(undefined), defaults);
  });

  test('valid values are kept', () => {
    assert.deepEqual(
      parseSettings({ enable: false, brandFile: ' brand/brand-messaging.yaml ', run: 'onSave', severity: { 'name.variant': 'info', 'phrase.risky': 'off' }, ignore: ['drafts/**'] }),
      { enable: false, brandFile: 'brand/brand-messaging.yaml', run: 'onSave', severity: { 'name.variant': 'info', 'phrase.risky': 'off' }, ignore: ['drafts/**'] },
    );
  });

  test('invalid values fall back to the defaults, one key at a time, and nothing throws', () => {
    assert.deepEqual(
      parseSettings({ enable: 'yes', brandFile: 3, run: 'sometimes', severity: { 'name.variant': 'fatal', 'term.deprecated': 'warning' }, ignore: ['ok/**', 7, ''], extra: true }),
      { enable: true, brandFile: '', run: 'onType', severity: { 'term.deprecated': 'warning' }, ignore: ['ok/**'] },
    );
    for (const raw of [null, 42, 'text', [], { severity: [] }, { severity: null }, { ignore: 'drafts/**' }]) {
      assert.deepEqual(parseSettings(raw), defaults, JSON.stringify(raw));
    }
  });

  test('parsed settings never share the defaults\' objects', () => {
    const a = parseSettings(undefined);
    a.ignore.push('x');
    a.severity['name.variant'] = 'off';
    assert.deepEqual(parseSettings(undefined), defaults);
  });

  test('the manifest contributes exactly the Settings keys, with the same defaults', () => {
    const contributed = Object.keys(properties).filter((k) => !CLIENT_ONLY.has(k));
    assert.deepEqual(contributed.sort(), Object.keys(defaults).map((k) => `onMessage.${k}`).sort());
    for (const key of contributed) assert.deepEqual(properties[key].default, (defaults as unknown as Record<string, unknown>)[key.slice('onMessage.'.length)], key);
  });

  test('the manifest offers the values the parser accepts', () => {
    assert.deepEqual(properties['onMessage.run'].enum, ['onType', 'onSave']);
    const severity = properties['onMessage.severity'] as unknown as { additionalProperties: { enum: string[] }; properties: Record<string, { enum: string[] }> };
    assert.deepEqual(severity.additionalProperties.enum, ['error', 'warning', 'info', 'off']);
    for (const id of Object.keys(severity.properties)) assert.deepEqual(parseSettings({ severity: { [id]: 'off' } }).severity, { [id]: 'off' });
  });

  test('the manifest lists every rule of the registry under onMessage.severity, and no other', () => {
    assert.deepEqual(
      Object.keys(properties['onMessage.severity'].properties ?? {}),
      [...ruleIds],
      "package.json contributes.configuration.properties['onMessage.severity'].properties must list the registry's rule ids, in order, with their descriptions",
    );
  });

  test('the cache asks once per document, and again after a reset', async () => {
    const asked: string[] = [];
    const cache = new SettingsCache(async (uri) => {
      asked.push(uri);
      return { run: 'onSave' };
    });
    assert.equal((await cache.get('file:///a.md')).run, 'onSave');
    await cache.get('file:///a.md');
    cache.reset();
    await cache.get('file:///a.md');
    assert.deepEqual(asked, ['file:///a.md', 'file:///a.md']);
  });

  test('without workspace/configuration the cache uses the pushed section, or the defaults', async () => {
    const cache = new SettingsCache(undefined);
    assert.deepEqual(await cache.get('file:///a.md'), defaults);
    cache.reset({ enable: false });
    assert.equal((await cache.get('file:///a.md')).enable, false);
  });

  test('a failing configuration request falls back to the defaults', async () => {
    const cache = new SettingsCache(() => Promise.reject(new Error('no')));
    assert.deepEqual(await cache.get('file:///a.md'), defaults);
  });
});
