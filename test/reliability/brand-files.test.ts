/**
 * Issue 7, item 2: bad brand files. Each problem is reported with its line and column and a message that
 * says what to do; the valid rest of the file still applies; hostile files load in bounded time. In the
 * editor, the last good version stays in force while the file is unusable: test/lsp/server.test.ts
 * ("while the open brand file is unusable, its last good version stays in force and the status says so"),
 * and reliability/server.test.ts for a usable file with errors.
 */
import * as assert from 'node:assert/strict';
import { check, loadBrand } from '../../server/src/core/index';
import { MAX_BRAND_PROBLEMS } from '../../server/src/core/brand/load';
import { TODAY, cleanup, cli, rcase, scratch, within } from './support';

/** Every kind of mistake at once; each entry that is wrong is skipped, the others apply. */
const FLAWED = `version: 1
company:
  name: Lumora
names:
  - id: pulse
    name: Lumora Pulse
    forbidden_variants: [LumoraPulse]
  - id: pulse
    name: Pulse Again
    forbidden_variants: [PulseAgain]
  - id: watch
    name: Lumora Watch
    forbidden_variants: 5
  - id: beam
    name: Lumora Beam
    colour: blue
    forbidden_variants: [LumoraBeam]
phrases:
  - id: aaa
    patterns: ["regex:(a+)+$", "best in class"]
terms:
  - id: customers
    preferred: customers
    deprecated: [clients]
    reason: "House style
`;

const COPY = 'LumoraPulse and LumoraBeam. Our clients are best in class. PulseAgain.\n';

suite('reliability: bad brand files', () => {
  suiteTeardown(cleanup);

  let lines: string[] = [];
  let status: number | null = null;
  suiteSetup(function () {
    this.timeout(60_000);
    const r = cli(scratch({ 'brand-messaging.yaml': FLAWED, 'a.md': COPY }), ['check']);
    lines = r.stdout.trim().split('\n');
    status = r.status;
  });

  const line = (prefix: RegExp): string => {
    const found = lines.find((l) => prefix.test(l));
    assert.ok(found, `no line matching ${prefix} in:\n${lines.join('\n')}`);
    return found;
  };

  rcase('invalid YAML: a quoted value with no closing quote', "brand-messaging.yaml:25:13 error brandfile.yaml, saying to add the closing quote; the entry's other keys and every other entry still apply", () => {
    assert.equal(
      line(/brandfile\.yaml/),
      'brand-messaging.yaml:25:13 error brandfile.yaml This quoted text has no closing quote, so everything after it is read as part of it. Add the closing quote. (YAML: Missing closing "quote)',
    );
    assert.match(line(/term\.deprecated/), /^a\.md:1:33 warning term\.deprecated Use 'customers' instead of 'clients'/);
  });

  rcase('a wrong type (forbidden_variants: 5)', 'line 13, column 25: "should be a list, not the number 5", and only that entry is skipped', () => {
    assert.equal(line(/forbidden_variants: should/), 'brand-messaging.yaml:13:25 error brandfile.schema names › watch › forbidden_variants: should be a list, not the number 5. names › watch is skipped until this is fixed.');
  });

  rcase('an unknown key (colour: blue)', 'a warning at 16:5 listing the known keys; the entry is kept (LumoraBeam is still flagged)', () => {
    assert.match(line(/'colour'/), /^brand-messaging\.yaml:16:5 warning brandfile\.schema names › beam: 'colour' isn't a key On Message knows here, so it is ignored\. Known keys here: id, name, /);
    assert.match(line(/LumoraBeam'/), /^a\.md:1:17 error name\.variant Use 'Lumora Beam' instead of 'LumoraBeam'/);
  });

  rcase('a duplicate id (two names › pulse)', 'an error at 8:9 naming the line of the first; the first is loaded, the second is not (PulseAgain is not flagged)', () => {
    assert.equal(line(/brandfile\.duplicate/), "brand-messaging.yaml:8:9 error brandfile.duplicate names › pulse: the id 'pulse' is already used by the entry on line 5. Only the first one is loaded; give this one a different id.");
    assert.match(line(/LumoraPulse'/), /^a\.md:1:1 error name\.variant/);
    assert.ok(!lines.some((l) => l.includes('PulseAgain')));
  });

  rcase("a pattern that would backtrack catastrophically: regex:(a+)+$", 'refused at 20:16 with "could take exponential time", the safe pattern beside it still applies, exit 1', () => {
    assert.match(line(/exponential/), /^brand-messaging\.yaml:20:16 error brandfile\.schema phrases › aaa › patterns: the pattern 'regex:\(a\+\)\+\$' could take exponential time on long text; rewrite it without a repeated group/);
    assert.match(line(/best in class/), /^a\.md:1:45 warning phrase\.banned Avoid 'best in class'/);
    assert.equal(status, 1);
  });

  rcase('the refused pattern, then a check of a 100 KB "aaaa…b" document', 'the pattern is not compiled; the check, with a safe regex pattern in the same entry, takes < 5 s', () => {
    const loaded = loadBrand(FLAWED.replace('"best in class"', '"regex:\\\\bb\\\\b"'));
    const patterns = loaded.brand.phrases.find((p) => p.id === 'aaa')!.patterns;
    assert.deepEqual(patterns.map((p) => p.text), ['\\bb\\b']);
    const result = within(5_000, 'checking 100 KB of "a" then "b"', () => check(`${'a'.repeat(100_000)}b b`, loaded.brand, { today: TODAY }));
    assert.deepEqual(result.failures, []);
    assert.deepEqual(result.findings.map((f) => f.rule), ['phrase.banned']);
  });

  rcase('a 10 MB brand file (valid entries padded with 100,000 comment lines)', 'loads in < 30 s with no problems; its entries apply', () => {
    const padding = '# a comment line of padding, as a generated file might carry ..........................\n'.repeat(120_000);
    const text = `version: 1\nnames:\n  - name: Lumora Pulse\n    forbidden_variants: [LumoraPulse]\n${padding}`;
    assert.ok(text.length > 10_000_000);
    const loaded = within(30_000, 'loading 10 MB', () => loadBrand(text));
    assert.deepEqual(loaded.problems, []);
    assert.ok(check('LumoraPulse', loaded.brand).findings.some((f) => f.rule === 'name.variant'));
  });

  rcase('10 MB of binary bytes as the brand file, through the CLI', 'exit 2 in < 60 s: "must be made of sections such as \'names:\'", "cannot be used as a brand file", no stack trace', () => {
    const bytes = Buffer.alloc(10 * 1024 * 1024);
    let x = 7;
    for (let i = 0; i < bytes.length; i++) bytes[i] = (x = (x * 1103515245 + 12345) & 0x7fffffff) % 256;
    const dir = scratch({ 'brand-messaging.yaml': bytes, 'a.md': COPY });
    const r = within(60_000, 'the CLI on a 10 MB binary brand file', () => cli(dir, ['check']));
    assert.equal(r.status, 2);
    assert.match(r.stderr, /The brand file must be made of sections such as 'names:' and 'terms:'/);
    assert.match(r.stderr, /brand-messaging\.yaml cannot be used as a brand file/);
    assert.doesNotMatch(r.stderr, /\n\s+at .*\.js:\d+/);
  });

  rcase('a brand file with 100,000 YAML errors', `in < 60 s; the first ${MAX_BRAND_PROBLEMS} problems and one more that counts the rest, not 100,000 diagnostics`, () => {
    const text = `version: 1\nnames:\n  - name: Lumora Pulse\n    forbidden_variants: [LumoraPulse]\n${'- "unclosed\n  : bad: [\n'.repeat(50_000)}`;
    const loaded = within(60_000, 'loading 100,000 errors', () => loadBrand(text));
    assert.equal(loaded.problems.length, MAX_BRAND_PROBLEMS + 1);
    assert.match(loaded.problems[MAX_BRAND_PROBLEMS].message, /^[\d,]+ more problems in the brand file are not shown \(On Message lists the first 500\)\. Fix the ones above first\.$/);
  });

  rcase('10,000 entries (names with forbidden variants)', 'loads with no problems in < 30 s; a check with it takes < 5 s and finds a variant of the last entry', () => {
    const lines = ['version: 1', 'names:'];
    for (let i = 0; i < 10_000; i++) lines.push(`  - id: product-${i}`, `    name: Product ${i}`, `    forbidden_variants: [Product-${i}, PRODUCT ${i}]`);
    const loaded = within(30_000, 'loading 10,000 entries', () => loadBrand(lines.join('\n') + '\n'));
    assert.deepEqual(loaded.problems, []);
    assert.equal(loaded.brand.names.length, 10_000);
    const result = within(5_000, 'a check with 10,000 names', () => check('Try Product-9999 today, or PRODUCT 42.', loaded.brand));
    assert.deepEqual(result.findings.map((f) => f.rule), ['name.variant', 'name.variant']);
  });

  rcase('YAML nested 100,000 levels deep ([[[[…]]]])', 'no crash, in < 30 s: a clear problem on the unknown key; the file stays usable', () => {
    const text = `version: 1\nx: ${'['.repeat(100_000)}${']'.repeat(100_000)}\nnames:\n  - name: Lumora Pulse\n    forbidden_variants: [LumoraPulse]\n`;
    const loaded = within(30_000, 'loading deep YAML', () => loadBrand(text));
    assert.equal(loaded.usable, true);
    assert.ok(loaded.problems.every((p) => p.message.length > 0 && !/\n\s+at /.test(p.message)));
    assert.ok(check('LumoraPulse', loaded.brand).findings.some((f) => f.rule === 'name.variant'));
  });
});
