/**
 * Issue 7, item 1: properties of the engine on any text, with the bundled brand files (the Lumora fixture
 * and examples/brand-messaging.yaml) and with brand files generated at random. Documents are made of
 * pieces that stress the engine: brand names and their forbidden variants, deprecated terms, phrases,
 * figures with qualifiers, quotation marks, emoji and other surrogate pairs (lone halves too), CRLF and
 * lone CR, HTML and suppression comments, code spans and fences, links, emphasis, headings, lists, block
 * quotes, tables, front matter, and random code points. Seeds are fixed, so a failure reproduces.
 *
 * What is tested, precisely:
 * - `check` never throws, reports no failed rule, and skips nothing (these documents are small).
 * - Every finding lies in the document (0 ≤ start ≤ end ≤ length), so does its fix; findings are sorted.
 * - A fix never rewrites text outside its finding: the part of a fix's range outside the finding's range is
 *   white space only (document-level rules insert at the end), except that term.deprecated may take the
 *   article right before the term ("a monitoring tool" → "an observability platform").
 * - A fix's range never splits a surrogate pair, a CRLF, or an HTML comment.
 * - applyFixes never garbles text: its result is the text with exactly the `applied` replacements, which
 *   are sorted and do not overlap; every fix it leaves out overlaps an applied one or changes nothing.
 *   (Fixes of different findings may overlap; applyFixes keeps the first and skips the rest.)
 * - Fixing to a fixed point (check, apply, repeat while something applies) ends within 4 rounds and never
 *   returns to an earlier text: at the fixed point, applying all fixes twice equals applying them once.
 *   A single pass is not always the fixed point, by design: a second pass applies what the first skipped
 *   because it overlapped another fix, and what the first made possible ("Fernhill Labs Payables" →
 *   "Fernhill Payables" → "Fernhill Ledger"; the end mark after an inserted boilerplate). fixes.test.ts
 *   pins those cases; a single pass over the examples is idempotent.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyFixes, check, loadBrand, ruleIds, type Brand, type Finding } from '../../server/src/core/index';
import { TODAY, examplesBrand, lumora, rcase } from './support';

const RULES = new Set(ruleIds);
/** RELIABILITY_SCALE=20 npm test (or mocha on this file) searches twenty times as long, with other seeds. */
const SCALE = Math.max(1, Number(process.env.RELIABILITY_SCALE) || 1);
const runs = (n: number): number => n * SCALE;
const seed = (n: number): number => (SCALE === 1 ? n : n * 1000 + SCALE);
const SEVERITIES = new Set(['error', 'warning', 'info']);

/** Every form a brand file names: names, variants, short forms, terms, people, phrases, taglines. */
function brandWords(brand: Brand): string[] {
  const words = new Set<string>();
  const add = (w: unknown): void => {
    if (typeof w === 'string' && w.trim()) words.add(w);
  };
  if (brand.company) {
    add(brand.company.name);
    add(brand.company.legalName);
    brand.company.forbiddenVariants.forEach(add);
  }
  for (const n of brand.names) {
    add(n.name);
    add(n.shortForm);
    n.forbiddenVariants.forEach(add);
    n.retiredNames.forEach((r) => add(r.name));
  }
  for (const t of brand.terms) {
    add(t.preferred);
    t.deprecated.forEach((d) => add(d.form));
  }
  for (const p of brand.people) add(p.name);
  for (const p of brand.phrases) for (const pattern of p.patterns) if (!pattern.regex) add(pattern.text);
  for (const t of brand.taglines) add(t.text);
  for (const c of brand.claims) c.approvedWordings.forEach(add);
  return [...words];
}

const FRAGMENTS = [
  'a', 'an', 'the', 'our', 'is', 'are', 'we', 'We are the', 'said', 'says', 'according to', 'customers', 'clients', 'Inc.', 'No. 1',
  'up to 40%', 'more than 4,000 customers', 'at least 3x', '$29 per seat', '99.99%', '10x', '2016', 'about 2 million', '60 percent', '1.5',
  '“', '”', '"', "'", '‘', '’', ',', '.', '!', '?', '…', ':', ';', '—', '(', ')',
  '🚀', '👩‍💻', '🇺🇸', '𝐀𝐁', 'é', 'e\u0301', '\u200b', '\ud800', '\udc00', '\ufeff', '\ufffc',
  '\r\n', '\n', '\n\n', '\r', '\t', '  ',
  '# ', '## About Lumora\n', '- ', '1. ', '> ', '> > ', '**', '_', '`code`', '```\nLumoraPulse\n```\n', '    indented code\n', '| a | b |\n|---|---|\n| c | d |\n',
  '<!-- note -->', '<!-- on-message-disable-next-line -->\n', '<!-- on-message-disable name.variant -->', '<!-- on-message-enable -->', '<b>', '</b>',
  '[link](https://example.com)', '<https://lumora.example>', '![img](x.png)', '[^1]', '\n[^1]: note\n', '\\*', '&amp;', '&#x1F680;',
  '---\nchannel: press-release\ndate: 2026-03-01\n---\n', '###', '-30-', 'AUSTIN, Texas, June 10, 2025 — ', 'Wednesday, Sept. 16, 2025', 'unsubscribe', '#ad',
];

function documents(words: string[]): fc.Arbitrary<string> {
  const piece = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...words) },
    { weight: 4, arbitrary: fc.constantFrom(...FRAGMENTS) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
    { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('a', 'A', ' ', '.', '\n', '\r\n', '😀', '\ud83d', '>', '-', '*', '`', '<', '"'), maxLength: 8 }) },
  );
  const separator = fc.constantFrom(' ', ' ', ' ', '', '\n', '\r\n', '\n\n', ', ');
  return fc.array(fc.tuple(piece, separator), { maxLength: 40 }).map((parts) => parts.map(([p, s]) => p + s).join(''));
}

const CHANNELS = [undefined, 'press-release', 'newsletter', 'social', 'blog', 'ad-google-rsa'];

/** A valid brand file made of random words: names with variants, terms, phrases, a company. */
const generatedBrandText: fc.Arbitrary<string> = (() => {
  const word = fc.stringMatching(/^[A-Z][a-z]{2,7}$/);
  const lower = fc.stringMatching(/^[a-z]{3,8}$/);
  const name = fc.record({ first: word, second: word, mark: fc.constantFrom('registered', 'pending', 'none') });
  const term = fc.record({ preferred: lower, deprecated: lower });
  return fc
    .record({ company: word, names: fc.array(name, { minLength: 1, maxLength: 4 }), terms: fc.array(term, { maxLength: 4 }), phrases: fc.array(fc.tuple(lower, lower), { maxLength: 3 }) })
    .map(({ company, names, terms, phrases }) => {
      const lines = ['version: 1', 'company:', `  name: ${company}`, `  forbidden_variants: [${company.toUpperCase()}]`, 'names:'];
      names.forEach((n, i) => lines.push(`  - id: n${i}`, `    name: ${n.first} ${n.second}`, '    kind: product', `    mark: ${n.mark}`, `    forbidden_variants: ["${n.first}${n.second}"]`));
      if (terms.length) lines.push('terms:');
      terms.forEach((t, i) => lines.push(`  - id: t${i}`, `    preferred: ${t.preferred}`, `    deprecated: [${t.deprecated}x]`, '    reason: House style.'));
      if (phrases.length) lines.push('phrases:');
      phrases.forEach(([a, b], i) => lines.push(`  - id: p${i}`, `    patterns: ["${a} ${b}"]`, '    severity: warning'));
      return lines.join('\n') + '\n';
    });
})();

const bundled: Array<[string, Brand]> = [
  ['the Lumora fixture', lumora],
  ['examples/brand-messaging.yaml', examplesBrand],
];

/** Everything that must hold of one check's result. */
function assertSane(text: string, findings: Finding[]): void {
  let previous: Finding | undefined;
  for (const f of findings) {
    assert.ok(Number.isInteger(f.start) && Number.isInteger(f.end) && 0 <= f.start && f.start <= f.end && f.end <= text.length, `${f.rule} range ${f.start}-${f.end} in ${text.length}`);
    assert.ok(RULES.has(f.rule), `unknown rule ${f.rule}`);
    assert.ok(SEVERITIES.has(f.severity), `severity ${f.severity}`);
    assert.ok(typeof f.message === 'string' && f.message.length > 0 && !/\n\s+at /.test(f.message), `${f.rule} message`);
    if (previous) assert.ok(previous.start < f.start || (previous.start === f.start && previous.end <= f.end), 'findings are sorted by offset');
    previous = f;
    if (!f.fix) continue;
    const x = f.fix;
    assert.ok(Number.isInteger(x.start) && Number.isInteger(x.end) && 0 <= x.start && x.start <= x.end && x.end <= text.length, `${f.rule} fix ${x.start}-${x.end} in ${text.length}`);
    assert.equal(typeof x.text, 'string');
    assert.ok(x.title.length > 0);
  }
}

/** The finding's fix rewrites nothing outside the finding but white space (and term.deprecated's article). */
function assertLocal(text: string, f: Finding): void {
  const x = f.fix;
  if (!x) return;
  let before = x.start < f.start ? text.slice(x.start, Math.min(f.start, x.end)) : '';
  const after = x.end > f.end ? text.slice(Math.max(f.end, x.start), x.end) : '';
  if (f.rule === 'term.deprecated') before = before.replace(/^(?:an?|An?|AN?)(?=\s)/, '');
  assert.equal(before.trim(), '', `${f.rule} fix rewrites ${JSON.stringify(before)} before its finding ${JSON.stringify(text.slice(f.start, f.end))}`);
  assert.equal(after.trim(), '', `${f.rule} fix rewrites ${JSON.stringify(after)} after its finding ${JSON.stringify(text.slice(f.start, f.end))}`);
  // Never between the halves of a surrogate pair or of a CRLF, never inside an HTML comment's delimiters.
  for (const at of [x.start, x.end]) {
    assert.ok(!(/[\ud800-\udbff]/.test(text[at - 1] ?? '') && /[\udc00-\udfff]/.test(text[at] ?? '')), `${f.rule} fix splits a surrogate pair at ${at}`);
    assert.ok(!(text[at - 1] === '\r' && text[at] === '\n'), `${f.rule} fix splits a CRLF at ${at}`);
  }
  for (const m of text.matchAll(/<!--[\s\S]*?-->/g)) {
    const [s, e] = [m.index, m.index + m[0].length];
    const cuts = (at: number): boolean => at > s && at < e;
    assert.ok(!(cuts(x.start) || cuts(x.end)) || (x.start >= s && x.end <= e), `${f.rule} fix cuts the comment ${m[0]}`);
  }
}

/** Check, then apply every fix, until nothing applies; the texts on the way. */
function fixToFixedPoint(text: string, brand: Brand, channel: string | undefined, rounds = 4): { texts: string[]; done: boolean } {
  const texts = [text];
  for (let i = 0; i < rounds; i++) {
    const current = texts[texts.length - 1];
    const { applied, text: next } = applyFixes(current, check(current, brand, { today: TODAY, ...(channel ? { channel } : {}) }).findings);
    if (applied.length === 0) return { texts, done: true };
    texts.push(next);
  }
  return { texts, done: false };
}

suite('reliability: engine properties (fast-check)', () => {
  for (const [label, brand] of bundled) {
    const docs = documents(brandWords(brand));
    rcase(`any text, ${label}, any channel`, 'check never throws; no failed rule; nothing skipped; every finding and fix inside the document; findings sorted', () => {
      fc.assert(
        fc.property(docs, fc.constantFrom(...CHANNELS), (text, channel) => {
          const result = check(text, brand, { today: TODAY, ...(channel ? { channel } : {}) });
          assert.deepEqual(result.failures, []);
          assert.equal(result.skipped, undefined);
          assertSane(text, result.findings);
        }),
        { numRuns: runs(300), seed: seed(7) },
      );
    });

    rcase(`any text, ${label}: each finding's fix`, 'rewrites nothing outside the finding but white space (term.deprecated: also the article before it); never splits a surrogate pair, a CRLF or an HTML comment', () => {
      fc.assert(
        fc.property(docs, fc.constantFrom(...CHANNELS), (text, channel) => {
          for (const f of check(text, brand, { today: TODAY, ...(channel ? { channel } : {}) }).findings) assertLocal(text, f);
        }),
        { numRuns: runs(300), seed: seed(11) },
      );
    });

    rcase(`any text, ${label}: fixing to a fixed point`, 'ends within 4 rounds: fixes never undo one another (A → B → A) and never add the same block again and again', () => {
      fc.assert(
        fc.property(docs, fc.constantFrom(...CHANNELS), (text, channel) => {
          const { texts, done } = fixToFixedPoint(text, brand, channel);
          assert.ok(done, `still fixing after 4 rounds: ${JSON.stringify(texts.slice(-2))}`);
          assert.equal(new Set(texts).size, texts.length, 'no text comes back');
        }),
        { numRuns: runs(150), seed: seed(13) },
      );
    });
  }

  rcase('any text, brand files generated at random (names, variants, terms, phrases)', 'the brand file loads; check never throws, no failed rule, findings and fixes inside the document, fixes local', () => {
    fc.assert(
      fc.property(
        generatedBrandText.chain((yaml) => {
          const loaded = loadBrand(yaml);
          return fc.tuple(fc.constant(yaml), fc.constant(loaded.brand), fc.constant(loaded.usable), documents([...brandWords(loaded.brand), 'the', 'a']));
        }),
        ([yaml, brand, usable, text]) => {
          assert.ok(usable, yaml);
          const result = check(text, brand, { today: TODAY });
          assert.deepEqual(result.failures, []);
          assertSane(text, result.findings);
          for (const f of result.findings) assertLocal(text, f);
        },
      ),
      { numRuns: runs(150), seed: seed(17) },
    );
  });

  rcase('applyFixes on any text with any fixes (overlapping, empty, out of range, no-ops)', 'never garbles: the result is the text with exactly the applied replacements, which are sorted and disjoint; each fix left out overlaps an applied one, changes nothing or lies outside the text', () => {
    const fixArb = (length: number) =>
      fc.record({ start: fc.integer({ min: -2, max: length + 2 }), len: fc.integer({ min: -1, max: 6 }), text: fc.constantFrom('', 'X', 'YY', 'a ', '\n', '🚀') });
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\n', '😀'), maxLength: 30 }).chain((text) => fc.tuple(fc.constant(text), fc.array(fixArb(text.length), { maxLength: 8 }))),
        ([text, raw]) => {
          const findings: Finding[] = raw.map((r, i) => ({ rule: 'x', severity: 'warning', message: 'm', start: 0, end: 0, fix: { title: `f${i}`, start: r.start, end: r.start + r.len, text: r.text } }));
          const { text: out, applied } = applyFixes(text, findings);
          let expected = '';
          let at = 0;
          for (const f of applied) {
            assert.ok(f.start >= at, 'applied fixes are sorted and do not overlap');
            expected += text.slice(at, f.start) + f.text;
            at = f.end;
          }
          expected += text.slice(at);
          assert.equal(out, expected);
          const offered = findings.map((x) => x.fix!);
          for (const f of applied) assert.ok(offered.includes(f), 'only offered fixes are applied');
          for (const f of offered) {
            if (applied.includes(f)) continue;
            const outside = f.start < 0 || f.end > text.length || f.start > f.end;
            const noop = !outside && text.slice(f.start, f.end) === f.text;
            // Taken over by an applied fix that starts no later: it starts inside it, or is an insertion at its end.
            const overlaps = applied.some((a) => a.start <= f.start && (f.start < a.end || (f.start === a.end && f.start === f.end)));
            assert.ok(outside || noop || overlaps, `left out ${JSON.stringify(f)} without a reason`);
          }
        },
      ),
      { numRuns: runs(1000), seed: seed(19) },
    );
  });
});
