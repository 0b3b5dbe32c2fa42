/**
 * The grammars in syntaxes/, tokenized for real: vscode-textmate with the Oniguruma WASM that VS Code
 * uses, hosted by VS Code's own Markdown grammar and the TextMate YAML grammar (both from tm-grammars).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { INITIAL, Registry, parseRawGrammar, type IGrammar, type StateStack } from 'vscode-textmate';
import { loadWASM, OnigScanner, OnigString } from 'vscode-oniguruma';

const ROOT = path.resolve(__dirname, '../../..');
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

/** Grammar files by scope name: ours from the manifest, the hosts from tm-grammars. */
const GRAMMARS: Record<string, string> = {
  'text.html.markdown': require.resolve('tm-grammars/grammars/markdown.json'),
  'source.yaml': require.resolve('tm-grammars/grammars/yaml.json'),
  ...Object.fromEntries(manifest.contributes.grammars.map((g: { scopeName: string; path: string }) => [g.scopeName, path.join(ROOT, g.path)])),
};

const INJECTION = 'on-message.comments.injection';

interface Token {
  text: string;
  scopes: string[];
}

let registry: Registry;

async function grammar(scopeName: string): Promise<IGrammar> {
  const loaded = await registry.loadGrammar(scopeName);
  assert.ok(loaded, `grammar ${scopeName}`);
  return loaded;
}

function tokenize(g: IGrammar, text: string): Token[][] {
  let state: StateStack = INITIAL;
  return text.split('\n').map((line) => {
    const result = g.tokenizeLine(line, state);
    state = result.ruleStack;
    return result.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
  });
}

/** The scopes of the first token on the line whose text is `text`. */
function scopesOf(line: Token[], text: string): string[] {
  const token = line.find((t) => t.text === text);
  assert.ok(token, `no token ${JSON.stringify(text)} in ${JSON.stringify(line.map((t) => t.text))}`);
  return token.scopes;
}

/** The scopes of the token covering `column`. */
function scopesAt(line: Token[], column: number): string[] {
  let end = 0;
  const token = line.find((t) => (end += t.text.length) > column);
  assert.ok(token, `no token at column ${column}`);
  return token.scopes;
}

function hasScope(line: Token[], suffix: string): boolean {
  return line.some((t) => t.scopes.some((s) => s.endsWith(suffix)));
}

suiteSetup(async () => {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  const onigLib = loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength)).then(() => ({
    createOnigScanner: (patterns: string[]) => new OnigScanner(patterns),
    createOnigString: (s: string) => new OnigString(s),
  }));
  registry = new Registry({
    onigLib,
    loadGrammar: async (scopeName) => {
      const file = GRAMMARS[scopeName];
      return file ? parseRawGrammar(fs.readFileSync(file, 'utf8'), file) : null;
    },
    // As VS Code does for a grammar contributed with `injectTo`.
    getInjections: (scopeName) => (manifest.contributes.grammars as Array<{ scopeName: string; injectTo?: string[] }>).filter((g) => g.injectTo?.includes(scopeName)).map((g) => g.scopeName),
  });
});

suite('grammar: on-message comments injected into Markdown', () => {
  test('the manifest injects the comment grammar into Markdown', () => {
    const injection = manifest.contributes.grammars.find((g: { scopeName: string }) => g.scopeName === INJECTION);
    assert.deepEqual(injection.injectTo, ['text.html.markdown']);
  });

  test('disable-next-line: directive and rule ids are scoped, inside an HTML comment', async () => {
    const [line] = tokenize(await grammar('text.html.markdown'), '<!-- on-message-disable-next-line name.variant term.deprecated -->');
    const directive = scopesOf(line, 'on-message-disable-next-line');
    assert.ok(directive.includes('keyword.control.directive.on-message'), directive.join(' '));
    assert.ok(directive.includes('comment.block.html') && directive.includes('meta.directive.suppression.on-message'), directive.join(' '));
    assert.ok(scopesOf(line, 'name.variant').includes('support.constant.rule.on-message'));
    assert.ok(scopesOf(line, 'term.deprecated').includes('support.constant.rule.on-message'));
    assert.ok(scopesOf(line, '-->').includes('punctuation.definition.comment.html'));
  });

  test('disable and enable regions, rules separated by commas, and no rule at all', async () => {
    const lines = tokenize(await grammar('text.html.markdown'), '<!-- on-message-disable phrase.risky, phrase.banned -->\n\nText.\n\n<!-- on-message-enable -->\n');
    assert.ok(scopesOf(lines[0], 'on-message-disable').includes('keyword.control.directive.on-message'));
    assert.ok(scopesOf(lines[0], ',').includes('punctuation.separator.rules.on-message'));
    assert.ok(scopesOf(lines[0], 'phrase.banned').includes('support.constant.rule.on-message'));
    assert.ok(!hasScope(lines[2], '.on-message'));
    assert.ok(scopesOf(lines[4], 'on-message-enable').includes('keyword.control.directive.on-message'));
  });

  test('an ordinary comment, or a word that only starts like a directive, stays a plain comment', async () => {
    const lines = tokenize(await grammar('text.html.markdown'), '<!-- a note about on-message-disable -->\n\n<!-- on-message-disabled rule -->\n');
    for (const line of [lines[0], lines[2]]) {
      assert.ok(!hasScope(line, '.on-message'), JSON.stringify(line));
      assert.ok(line.some((t) => t.scopes.some((s) => s.startsWith('comment.block.html'))), 'still a comment');
    }
  });

  test('directives inside a paragraph, indented, and in a blockquote are highlighted', async () => {
    const lines = tokenize(await grammar('text.html.markdown'), 'Some text <!-- on-message-disable-next-line x --> more.\n\n  <!-- on-message-disable-next-line x -->\n\n> <!-- on-message-disable-next-line x -->\n');
    for (const i of [0, 2, 4]) assert.ok(scopesOf(lines[i], 'on-message-disable-next-line').includes('keyword.control.directive.on-message'), `line ${i}`);
  });

  test('not inside fenced code or inline code', async () => {
    const lines = tokenize(await grammar('text.html.markdown'), '```markdown\n<!-- on-message-disable-next-line x -->\n```\n\nUse `<!-- on-message-enable -->` to end a region.\n');
    assert.ok(!hasScope(lines[1], '.on-message'), JSON.stringify(lines[1]));
    assert.ok(!hasScope(lines[4], '.on-message'), JSON.stringify(lines[4]));
  });
});

suite('grammar: brand-messaging files', () => {
  const BRAND = ['# Owned by Comms', 'version: 1', 'company:', '  name: Lumora', '  names: [not, a, section]', 'names:', '  - id: pulse', '    name: Lumora Pulse # the product', 'unknown_key: 3', 'terms: []'].join('\n');

  test('the manifest gives brand-messaging.yaml/.yml their language, grammar, configuration and schema', () => {
    const language = manifest.contributes.languages.find((l: { id: string }) => l.id === 'brand-messaging');
    assert.deepEqual(language.filenames, ['brand-messaging.yaml', 'brand-messaging.yml']);
    assert.ok(fs.existsSync(path.join(ROOT, language.configuration)));
    const configuration = JSON.parse(fs.readFileSync(path.join(ROOT, language.configuration), 'utf8'));
    assert.equal(configuration.comments.lineComment, '#');
    // VS Code compiles these as JavaScript regular expressions.
    for (const source of [...Object.values(configuration.indentationRules), ...Object.values(configuration.folding.markers)]) new RegExp(source as string);
    const grammarEntry = manifest.contributes.grammars.find((g: { language?: string }) => g.language === 'brand-messaging');
    assert.equal(grammarEntry.scopeName, 'source.brand-messaging');
    assert.deepEqual(manifest.contributes.yamlValidation, [{ fileMatch: ['brand-messaging.yaml', 'brand-messaging.yml'], url: './schemas/brand-messaging.schema.json' }]);
  });

  test('the section keys are exactly the schema\'s top-level properties', () => {
    const grammarJson = JSON.parse(fs.readFileSync(GRAMMARS['source.brand-messaging'], 'utf8'));
    const alternation = /^\^\(([^)]*)\)/.exec(grammarJson.repository.section.begin)?.[1] ?? '';
    const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas/brand-messaging.schema.json'), 'utf8'));
    assert.deepEqual(alternation.split('|').sort(), Object.keys(schema.properties).sort());
  });

  test('top-level section keys get the section scope, and their content is YAML', async () => {
    const lines = tokenize(await grammar('source.brand-messaging'), BRAND);
    for (const [i, key] of [[1, 'version'], [2, 'company'], [5, 'names'], [9, 'terms']] as const) {
      const scopes = scopesOf(lines[i], key);
      assert.ok(scopes.includes('entity.name.tag.yaml') && scopes.includes('entity.name.section.brand-messaging'), `${key}: ${scopes.join(' ')}`);
      assert.ok(scopes.includes(`meta.section.${key}.brand-messaging`), `${key}: ${scopes.join(' ')}`);
    }
    // "  - id: pulse": the key `id` at column 4
    assert.ok(scopesAt(lines[6], 4).includes('entity.name.tag.yaml'), 'nested keys are YAML keys');
    assert.ok(!scopesAt(lines[6], 4).includes('entity.name.section.brand-messaging'), 'nested keys are not sections');
    assert.ok(scopesAt(lines[6], 4).includes('meta.section.names.brand-messaging'), 'nested lines belong to their section');
    assert.ok(scopesAt(lines[1], 9).includes('constant.numeric.integer.yaml'), 'values on the section line are YAML');
    assert.ok(lines[7].some((t) => t.scopes.some((s) => s.startsWith('comment.line.number-sign.yaml'))), 'YAML comments inside a section');
    assert.ok(lines[0].some((t) => t.scopes.some((s) => s.startsWith('comment.line.number-sign.yaml'))), 'YAML comments at the top');
  });

  test('nested keys named like sections, and unknown top-level keys, are not sections', async () => {
    const lines = tokenize(await grammar('source.brand-messaging'), BRAND);
    assert.ok(!hasScope(lines[4], 'entity.name.section.brand-messaging'), JSON.stringify(lines[4]));
    assert.ok(!hasScope(lines[8], 'entity.name.section.brand-messaging'), JSON.stringify(lines[8]));
    assert.ok(!lines[8].some((t) => t.scopes.some((s) => s.startsWith('meta.section.'))), 'a section ends at the next column-0 line');
  });
});
