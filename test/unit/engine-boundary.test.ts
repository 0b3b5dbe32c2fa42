/**
 * The engine in server/src/core is pure: it may not import the editor, the language server or the file
 * system, so the same code runs in the CLI, the server and (later) a web worker.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const CORE = path.resolve(__dirname, '../../../server/src/core');
const ALLOWED = new Set(['unified', 'remark-parse', 'remark-frontmatter', 'micromark-extension-gfm-footnote', 'micromark-extension-gfm-strikethrough', 'micromark-extension-gfm-table', 'micromark-extension-gfm-task-list-item', 'mdast-util-gfm-footnote', 'mdast-util-gfm-strikethrough', 'mdast-util-gfm-table', 'mdast-util-gfm-task-list-item', 'yaml', 'picomatch/posix', 'string-similarity', 'mdast']);

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sources(full) : e.name.endsWith('.ts') ? [full] : [];
  });
}

suite('engine boundary', () => {
  const files = sources(CORE);

  test('the engine has source files', () => {
    assert.ok(files.length > 20);
  });

  test('core imports only relative modules, the schema and the allowed packages', () => {
    const offending: string[] = [];
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)|import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
        const spec = m[1] ?? m[2] ?? m[3];
        const ok = spec.startsWith('.') ? !spec.includes('/lsp/') && !spec.includes('/cli/') : ALLOWED.has(spec);
        if (!ok) offending.push(`${path.relative(CORE, file)}: ${spec}`);
      }
    }
    assert.deepEqual(offending, []);
  });

  test('the check itself would catch a forbidden import', () => {
    const sample = "import * as fs from 'node:fs';";
    const spec = /from\s+['"]([^'"]+)['"]/.exec(sample)?.[1] ?? '';
    assert.ok(!ALLOWED.has(spec) && !spec.startsWith('.'));
  });
});
