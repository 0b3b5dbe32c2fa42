/**
 * The web bundles use no Node API: no `require` of anything but `vscode` (the extension host provides
 * it), no `node:` specifier, no package's Node build (`lib/node/`), no DOM-only build (a web worker has
 * no `document`), and none of the server modules that read the file system. Read from the bundles and
 * their source maps, as `npm run build` writes them; the esbuild plugin `no-node-builtins` fails the
 * build itself on any Node built-in.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const WEB = path.join(ROOT, 'dist', 'web');

function bundle(name: string): { code: string; sources: string[] } {
  const code = fs.readFileSync(path.join(WEB, name), 'utf8');
  const mapFile = path.join(WEB, `${name}.map`);
  assert.ok(fs.existsSync(mapFile), `${name}.map: run npm run build (not --production) first`);
  const sources = (JSON.parse(fs.readFileSync(mapFile, 'utf8')).sources as string[]).map((s) => path.relative(ROOT, path.resolve(WEB, s)).split(path.sep).join('/'));
  return { code, sources };
}

function requires(code: string): string[] {
  return [...code.matchAll(/\brequire\(\s*(["'`])([^"'`]+)\1\s*\)/g)].map((m) => m[2]);
}

suite('web: the bundles', () => {
  test('package.json names the web extension as `browser`, and the package ships both web bundles', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.equal(manifest.browser, './dist/web/extension.js');
    assert.equal(manifest.main, './dist/extension.js');
    const ignore = fs.readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8');
    assert.match(ignore, /^!dist\/web\/extension\.js$/m);
    assert.match(ignore, /^!dist\/web\/server\.js$/m);
  });

  for (const name of ['server.js', 'extension.js']) {
    test(`dist/web/${name}: no Node API`, () => {
      const { code, sources } = bundle(name);
      assert.deepEqual(
        requires(code).filter((r) => r !== 'vscode'),
        [],
        'nothing is required at run time but vscode',
      );
      if (name === 'server.js') assert.deepEqual(requires(code), [], 'the worker requires nothing at all');
      assert.doesNotMatch(code, /["'`]node:[a-z_/]+["'`]/, 'no node: specifier');
      assert.deepEqual(sources.filter((s) => /\/lib\/node\//.test(s)), [], 'no Node build of a package');
      assert.deepEqual(sources.filter((s) => /index\.dom\.js$/.test(s)), [], 'no DOM build: a worker has no document');
      assert.deepEqual(
        sources.filter((s) => /^(server\/src\/(cli|workspace)\/|server\/src\/lsp\/(analysis|brand-files|report|workspace-diagnostics|server|main)\.ts$|client\/src\/(report-view|extension|commands)\.ts$)/.test(s)),
        [],
        'none of the modules that read the file system',
      );
    });
  }

  test('the web server runs the same engine, conversions and code actions as the Node server', () => {
    const { sources } = bundle('server.js');
    for (const module of ['server/src/core/check.ts', 'server/src/core/rules/index.ts', 'server/src/lsp/convert.ts', 'server/src/lsp/actions.ts', 'server/src/web/server.ts']) {
      assert.ok(sources.includes(module), `${module} in ${sources.filter((s) => s.startsWith('server/')).slice(0, 5).join(', ')}…`);
    }
  });
});
