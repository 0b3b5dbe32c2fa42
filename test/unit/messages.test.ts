/**
 * Taglines, key messages, boilerplate and press-release speakers: the similarity calibration behind the
 * near-match rules, and the cases one fixture cannot hold (several documents, channels, dates, inline
 * brand files, fixes that must apply).
 */
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyFixes, check, loadBrand, type Brand, type Finding } from '../../server/src/core/index';
import { NEAR_COVERAGE, NEAR_SIMILARITY, align, makePhrase, phraseSimilarity, type PhraseKind } from '../../server/src/core/messages/near';
import { LOCATE_SIMILARITY } from '../../server/src/core/messages/boilerplate';
import { wordDiff } from '../../server/src/core/messages/diff';
import { BucketTable, approvedKey, bucket, bucketKey, fuzzyKey, fuzzyKeyInFull, phraseKey, stem, wordBucketKey, wordBucketKeys, wordsOf } from '../../server/src/core/messages/normalize';
import { similarity, textSimilarity } from '../../server/src/core/text/similarity';
import { tokenize } from '../../server/src/core/text/tokenize';

const repoRoot = path.resolve(__dirname, '../../..');
const lumoraText = fs.readFileSync(path.join(repoRoot, 'test/fixtures/brand/lumora.yaml'), 'utf8');
const lumora = loadBrand(lumoraText).brand;

const TAGLINE = 'See every signal. Fix what matters.';
const SHORT = 'See every signal.';
const RETIRED = 'Monitoring made magical.';
const FERNHILL = 'Every invoice in its place. Every close on time.';
const FERNHILL_SHORT = 'Every invoice in its place.';

const BOILERPLATE = [
  'Lumora Systems Inc. makes Lumora Pulse®, the observability platform that brings metrics,',
  'logs and traces together so engineering teams can find and fix production issues faster.',
  'More than 4,000 customers, from startups to global enterprises, use Lumora Pulse to keep',
  'their cloud applications running. Founded in 2016, Lumora is headquartered in Austin, Texas.',
  'Learn more at lumora.example.',
].join('\n');

function brandFrom(lines: string[]): Brand {
  const loaded = loadBrand(`${lines.join('\n')}\n`);
  assert.ok(loaded.usable);
  assert.deepEqual(loaded.problems.map((p) => p.message), []);
  return loaded.brand;
}

function findings(text: string, brand: Brand, rulePrefix: string, options: { channel?: string; today?: string } = {}): Finding[] {
  return check(text, brand, options).findings.filter((f) => f.rule.startsWith(rulePrefix));
}

function spans(text: string, found: Finding[]): string[] {
  return found.map((f) => `${f.rule} ${text.slice(f.start, f.end)}`);
}

/** Coverage (share of the phrase's words found in order) and similarity of a sentence to a phrase. */
function measure(kind: PhraseKind, phrase: string, sentence: string): { coverage: number; score: number } {
  const p = makePhrase(kind, phrase, {});
  const words = tokenize(sentence, [])
    .filter((t) => t.kind === 'word')
    .map((t) => stem(t.text));
  const coverage = align(p.stems, words).filter((i) => i >= 0).length / p.stems.length;
  return { coverage, score: phraseSimilarity(p, sentence) };
}

suite('messages: similarity calibration', () => {
  test('the measure is the Dice coefficient, behind text/similarity.ts', () => {
    assert.equal(textSimilarity.name, 'dice');
    assert.equal(similarity('see every signal', 'see every signal'), 1);
    assert.equal(similarity('abc', 'xyz'), 0);
  });

  // Near misses: each must reach both the coverage and the similarity threshold.
  const nearMisses: Array<[PhraseKind, string, string]> = [
    ['tagline', TAGLINE, 'See every signal, fix what matters.'],
    ['tagline', TAGLINE, 'See every signal and fix what matters.'],
    ['tagline', TAGLINE, 'See Every Signal. Fix What Matters.'],
    ['tagline', TAGLINE, 'See every signal. Fix what really matters.'],
    ['tagline', TAGLINE, 'See all signals. Fix what matters.'],
    ['tagline', TAGLINE, 'See each signal. Fix what matters.'],
    ['tagline', TAGLINE, 'Watch every signal. Fix what matters.'],
    ['tagline', TAGLINE, 'See every signal, then fix what matters.'],
    ['tagline', TAGLINE, 'See every signal; fix what matters most.'],
    ['tagline', TAGLINE, 'See every signal. Fix every issue that matters.'],
    ['short-form', SHORT, 'See every single signal.'],
    ['short-form', SHORT, 'See every signals.'],
    ['retired', RETIRED, 'Monitoring made magic.'],
    ['retired', RETIRED, 'Monitoring, made magical!'],
    ['tagline', FERNHILL, 'Every invoice in place, every close on time.'],
    ['tagline', FERNHILL, 'Every invoice is in its place and every close is on time.'],
    ['short-form', FERNHILL_SHORT, 'Every invoice in place.'],
    ['short-form', FERNHILL_SHORT, 'Every invoice finds its place.'],
  ];

  // Sentences that hold most of a tagline's words in order but are the copy's own: the coverage passes,
  // so the similarity threshold alone must keep them out.
  const unrelated: Array<[PhraseKind, string, string]> = [
    ['short-form', SHORT, 'Engineers can see every signal from one dashboard.'],
    ['short-form', SHORT, 'Lumora Pulse lets you see every signal.'],
    ['short-form', SHORT, 'See every signal from every service in one place.'],
    ['tagline', TAGLINE, 'Teams that see every signal can fix what matters most to customers.'],
    ['tagline', TAGLINE, 'When you see every signal, you can finally fix what matters to your customers.'],
    ['short-form', FERNHILL_SHORT, 'Kestrel now codes every invoice in one place.'],
    ['short-form', FERNHILL_SHORT, 'Every invoice has its place in the ledger.'],
  ];

  test(`near misses reach coverage ${NEAR_COVERAGE} and similarity ${NEAR_SIMILARITY}`, () => {
    const low = nearMisses
      .map(([kind, phrase, s]) => ({ s, ...measure(kind, phrase, s) }))
      .filter((m) => m.coverage < NEAR_COVERAGE || m.score < NEAR_SIMILARITY);
    assert.deepEqual(low, []);
  });

  test('unrelated sentences with the tagline words in order stay below the similarity threshold', () => {
    const measured = unrelated.map(([kind, phrase, s]) => ({ s, ...measure(kind, phrase, s) }));
    assert.deepEqual(measured.filter((m) => m.coverage < NEAR_COVERAGE).map((m) => m.s), [], 'each trap passes the coverage test');
    assert.deepEqual(measured.filter((m) => m.score >= NEAR_SIMILARITY).map((m) => m.s), []);
  });

  test('the threshold sits between the two lists', () => {
    const lowestNear = Math.min(...nearMisses.map(([k, p, s]) => measure(k, p, s).score));
    const highestUnrelated = Math.max(...unrelated.map(([k, p, s]) => measure(k, p, s).score));
    assert.ok(highestUnrelated < NEAR_SIMILARITY && NEAR_SIMILARITY <= lowestNear, `${highestUnrelated} < ${NEAR_SIMILARITY} <= ${lowestNear}`);
  });

  test('the catalog pair: "See every signal, fix what matters." flagged, the dashboard sentence not', () => {
    const flag = 'See every signal, fix what matters.';
    const ok = 'Engineers can see every signal from one dashboard.';
    assert.deepEqual(spans(flag, findings(flag, lumora, 'tagline.')), ['tagline.exact See every signal, fix what matters']);
    assert.deepEqual(findings(ok, lumora, 'tagline.'), []);
    assert.ok(measure('tagline', TAGLINE, ok).coverage < NEAR_COVERAGE, '3 of 6 words');
  });

  test('the copy\'s own sentence around the tagline words is not a misquoted tagline, whatever its score', () => {
    const text = 'We see every signal and fix what matters most.';
    assert.ok(measure('tagline', TAGLINE, text).score >= NEAR_SIMILARITY);
    assert.deepEqual(findings(text, lumora, 'tagline.'), []);
  });

  test('boilerplate paragraphs are located at similarity 0.6', () => {
    assert.equal(LOCATE_SIMILARITY, 0.6);
  });
});

suite('messages: normalisation', () => {
  test('white space, quotes and (R) are not differences; case and words are', () => {
    assert.equal(approvedKey('Lumora Pulse(R) is “here”\n  now'), approvedKey('Lumora Pulse® is "here" now'));
    assert.notEqual(approvedKey('See every signal.'), approvedKey('see every signal.'));
    assert.equal(phraseKey('“See every signal.”'), 'See every signal');
    assert.equal(phraseKey('Lumora Pulse® sees'), phraseKey('Lumora Pulse(R) sees'));
  });

  test('fuzzyKey\'s short road for common text gives the key of its definition, for any text (issue 6)', () => {
    // Characters near the edges of the short road: trademark forms and symbols, quotes, white space, a
    // capital sigma and a dotted I (whose lower case depends on context or grows), letters with marks.
    const piece = fc.constantFrom('(r)', '(R)', '(tm)', '(TM)', '(Tm)', '(sm)', '(SM)', '(', ')', '®', '™', '℠', '’', '‘', '`', '´', '“', '”', '„', '"', "'",
      ' ', '  ', '\n', '\t', '\u00a0', '\ufeff', '\u2028', '–', '—', '…', '.', ',', '-', 'A', 'z', 'Q', '7', 'É', 'é', 'Σ', 'ς', 'Α', 'İ', 'K', 'ß', '\u0301', 'Lumora', 'pulse', '日本', '😀');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }).map((p) => p.join('')), (s) => fuzzyKey(s) === fuzzyKeyInFull(s)),
      { numRuns: 3000, seed: 6 },
    );
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => fuzzyKey(s) === fuzzyKeyInFull(s)), { numRuns: 2000, seed: 7 });
    assert.equal(fuzzyKey('Lumora Pulse(R) — “see every signal.”'), 'lumora pulse see every signal');
  });

  test('words read by code are the runs of letters, marks and digits', () => {
    const WORDS = /[\p{L}\p{M}\p{N}]+/gu;
    const piece = fc.constantFrom('a', 'Z', '7', ' ', '.', '_', "'", '’', '-', 'é', 'É', '\u0301', 'Σ', 'İ', 'ß', '日本', '٣', '😀', '𝐀', '\ud835', '\udc00', '\u00a0', '\ufffc', 'Ledger', '2,500');
    fc.assert(fc.property(fc.array(piece, { maxLength: 16 }).map((p) => p.join('')), (s) => assert.deepEqual(wordsOf(s), s.match(WORDS) ?? [])), { numRuns: 4000, seed: 9 });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => assert.deepEqual(wordsOf(s), s.match(WORDS) ?? [])), { numRuns: 2000, seed: 10 });
  });

  test('word buckets read by code are the keys of the buckets of the words\' stems', () => {
    // Endings stem() drops or keeps ("-ches", "-xes", "-ses", "-us", "-ss"), capitals, apostrophes (a
    // possessive), and characters outside ASCII that join a word or break it, or lower-case to two.
    const piece = fc.constantFrom('a', 'Z', 'S', 's', 'es', 'ES', 'ch', 'sh', 'x', 'z', 'u', 'e', '7', 'bus', 'Ledger', 'matches', "'", '’', "'s", ' ', '.',
      '-', 'é', 'É', '\u0301', 'Σ', 'İ', 'ß', '日本', '😀', '\ud835', '\u00a0', '“', '—');
    const text = fc.array(piece, { maxLength: 12 }).map((p) => p.join(''));
    const byDefinition = (s: string) => bucketKey(bucket(stem(s)));
    fc.assert(fc.property(text, (s) => wordBucketKey(s) === byDefinition(s)), { numRuns: 4000, seed: 11 });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 12 }), (s) => wordBucketKey(s) === byDefinition(s)), { numRuns: 2000, seed: 12 });
    const listOf = (s: string) => wordsOf(s).map(byDefinition);
    fc.assert(fc.property(text, (s) => assert.deepEqual(wordBucketKeys(s), listOf(s))), { numRuns: 4000, seed: 13 });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => assert.deepEqual(wordBucketKeys(s), listOf(s))), { numRuns: 2000, seed: 14 });
    // A key stands for one bucket only.
    const short = fc.string({ unit: fc.constantFrom('a', 'z', '0', '9', 'A', 'é', "'", ''), maxLength: 6 });
    fc.assert(fc.property(short, short, (a, b) => (bucketKey(a) === bucketKey(b)) === (a === b)), { numRuns: 4000, seed: 15 });
    assert.equal(wordBucketKey('Matches'), bucketKey('match'));
    assert.equal(wordBucketKey('Signals'), bucketKey('signa'));
  });

  test('a bucket table numbers its distinct keys and finds no other', () => {
    const key = fc.oneof(fc.integer({ min: 0, max: 37 ** 5 }), fc.string({ maxLength: 6 }));
    fc.assert(
      fc.property(fc.array(key, { maxLength: 80 }), fc.array(key, { maxLength: 20 }), (keys, others) => {
        const table = new BucketTable(keys);
        const distinct = [...new Set(keys)];
        assert.equal(table.size, distinct.length);
        assert.deepEqual(distinct.map((k) => table.indexOf(k)), distinct.map((_, i) => i));
        for (const k of others) assert.equal(table.indexOf(k), distinct.indexOf(k));
      }),
      { numRuns: 1000, seed: 16 },
    );
  });

  test('a word diff shows the first differences in context', () => {
    const approved = approvedKey(BOILERPLATE);
    const written = approved.replace('4,000', '3,000');
    assert.equal(wordDiff(written, approved), '…More than [-3,000-] {+4,000+} customers, from…');
    assert.equal(wordDiff(approved, approved), '');
    assert.equal(wordDiff('a b c d e f g h i j k l m n', 'a X c d e f g h i j Y l m Z', { hunks: 1, context: 1 }), 'a [-b-] {+X+} c… (and 1 more difference)');
  });
});

suite('messages: taglines', () => {
  test('a near match is replaced by the exact tagline, keeping the copy\'s own full stop', () => {
    const text = '## See Every Signal, Fix What Matters\n\nSee every signal, fix what matters.\n';
    const found = findings(text, lumora, 'tagline.exact');
    assert.equal(found.length, 2);
    const fixed = applyFixes(text, found).text;
    assert.equal(fixed, '## See every signal. Fix what matters\n\nSee every signal. Fix what matters.\n');
    assert.deepEqual(findings(fixed, lumora, 'tagline.'), []);
  });

  test('the exact tagline wrapped over lines, with curly quotes or in a list is quiet', () => {
    for (const text of ['See every signal.\nFix what matters.', '“See every signal. Fix what matters.”', '- See every signal.\n- Fix what matters.', '# See every signal']) {
      assert.deepEqual(findings(text, lumora, 'tagline.'), [], text);
    }
  });

  test('an exact short form inside a near miss of the full tagline does not hide it', () => {
    const text = 'See every signal. Fix what really matters.';
    assert.deepEqual(spans(text, findings(text, lumora, 'tagline.')), ['tagline.exact See every signal. Fix what really matters']);
  });

  test('near misses in a customer\'s quotation or in code are left alone; our spokesperson\'s are not', () => {
    const customer = '“See every signal, fix what matters: that is what we got,” said Jane Doe, SRE lead at Acme Corp.';
    const code = 'Paste `See every signal, fix what matters` into the banner field.';
    const ours = '“See every signal, fix what matters,” said Maya Okafor, co-founder and CEO of Lumora.';
    assert.deepEqual(findings(customer, lumora, 'tagline.'), []);
    assert.deepEqual(findings(code, lumora, 'tagline.'), []);
    assert.deepEqual(spans(ours, findings(ours, lumora, 'tagline.')), ['tagline.exact See every signal, fix what matters']);
  });

  test('the tagline is checked in every channel: its `channels` are tagline.channel\'s business', () => {
    const text = 'See every signal, fix what matters.';
    for (const channel of ['press-release', 'newsletter', 'dev-blog']) assert.equal(findings(text, lumora, 'tagline.exact', { channel }).length, 1, channel);
  });

  test('a retired tagline is an error with the current tagline as its fix, marked deprecated', () => {
    const text = 'Monitoring made magical.';
    const [f] = findings(text, lumora, 'tagline.retired');
    assert.equal(f.severity, 'error');
    assert.equal(f.deprecated, true);
    assert.match(f.message, /retired on 2025-01-15/);
    assert.equal(applyFixes(text, [f]).text, 'See every signal. Fix what matters.');
  });

  test('with two current taglines the retired one gets no fix', () => {
    const brand = brandFrom([
      'version: 1',
      'messages:',
      '  taglines:',
      '    - {id: a, text: "See every signal. Fix what matters."}',
      '    - {id: b, text: "Observability without surprises."}',
      '    - {id: old, text: "Monitoring made magical.", status: retired}',
    ]);
    const [f] = findings('Monitoring made magical.', brand, 'tagline.retired');
    assert.equal(f.fix, undefined);
    assert.match(f.message, /one of the current taglines/);
  });

  test('a retired tagline quoted as history is not a use', () => {
    assert.deepEqual(findings('Our old tagline, "Monitoring made magical," was retired in 2025.', lumora, 'tagline.'), []);
  });
});

suite('messages: key messages with paraphrase: exact', () => {
  const brand = brandFrom([
    'version: 1',
    'messages:',
    '  pillars:',
    '    - id: human-in-the-loop',
    '      title: Human in the loop',
    '      key_message: "Pulse Copilot suggests the likely cause; an engineer always makes the call."',
    '      paraphrase: exact',
    '      examples:',
    '        flag: ["Pulse Copilot suggests the likely cause; an engineer always makes the decision."]',
    '        ok: ["Pulse Copilot suggests the likely cause; an engineer always makes the call."]',
    '    - id: unified',
    '      title: Unified visibility',
    '      key_message: "Lumora Pulse brings metrics, logs and traces together in one observability platform."',
  ]);

  test('a near restatement is flagged with the approved text as its fix', () => {
    const text = 'Pulse Copilot suggests a likely cause; an engineer always makes the call.';
    const found = findings(text, brand, 'message.exact');
    assert.deepEqual(spans(text, found), ['message.exact Pulse Copilot suggests a likely cause; an engineer always makes the call']);
    assert.match(found[0].message, /Human in the loop/);
    const fixed = applyFixes(text, found).text;
    assert.equal(fixed, 'Pulse Copilot suggests the likely cause; an engineer always makes the call.');
    assert.deepEqual(findings(fixed, brand, 'message.'), []);
  });

  test('the exact message, also inside a longer sentence, passes', () => {
    for (const text of [
      'Pulse Copilot suggests the likely cause; an engineer always makes the call.',
      'In short, pulse Copilot suggests the likely cause; an engineer always makes the call.',
    ]) {
      assert.deepEqual(findings(text, brand, 'message.'), [], text);
    }
  });

  test('pillars that allow paraphrase are never checked', () => {
    const text = 'Lumora Pulse brings metrics, logs and traces together in a single observability platform.';
    assert.deepEqual(findings(text, brand, 'message.'), []);
  });

  test('the pillar\'s own examples run as self-tests', () => {
    const broken = loadBrand(
      [
        'version: 1',
        'messages:',
        '  pillars:',
        '    - id: p',
        '      title: P',
        '      key_message: "Pulse Copilot suggests the likely cause; an engineer always makes the call."',
        '      paraphrase: exact',
        '      examples:',
        '        ok: ["Pulse Copilot suggests a likely cause; an engineer always makes the call."]',
      ].join('\n'),
    );
    assert.deepEqual(broken.problems.map((p) => p.code), ['brandfile.example']);
  });
});

suite('messages: boilerplate', () => {
  const release = (body: string, date = '2025-09-16'): string =>
    `---\nchannel: press-release\ndate: ${date}\n---\n# Lumora Ships Pulse Copilot\n\nLumora Pulse now suggests the likely cause of incidents.\n\n${body}`;

  test('an About paragraph with last year\'s figure: the diff names it and the fix pastes the current text', () => {
    const text = release(`## About Lumora\n\n${BOILERPLATE.replace('4,000', '3,000')}\n\n###\n`);
    const [f] = findings(text, lumora, 'boilerplate.');
    assert.equal(f.rule, 'boilerplate.mismatch');
    assert.equal(f.severity, 'error');
    assert.match(f.message, /More than \[-3,000-\] \{\+4,000\+\} customers/);
    assert.match(f.message, /boilerplate › about-lumora, version 2025-07/);
    assert.ok(f.fix);
    const fixed = applyFixes(text, [f]).text;
    assert.deepEqual(findings(fixed, lumora, 'boilerplate.'), []);
  });

  test('the approved text re-wrapped, with "(R)" and a link, passes', () => {
    const rewrapped = BOILERPLATE.replace('Pulse®', 'Pulse(R)').replace(/\n/g, ' ').replace('faster. More', 'faster.\nMore').replace('lumora.example.', '[lumora.example](https://lumora.example).');
    assert.deepEqual(findings(release(`## About Lumora\n\n${rewrapped}\n`), lumora, 'boilerplate.'), []);
  });

  test('straight and curly quotes are the same text', () => {
    const brand = brandFrom([
      'version: 1',
      'boilerplate:',
      '  - id: about',
      '    heading: About Kestrel',
      '    text: "Kestrel’s “one-stop” outdoor shop serves climbers in Colorado and Utah."',
    ]);
    assert.deepEqual(findings('## About Kestrel\n\nKestrel\'s "one-stop" outdoor shop serves climbers in Colorado and Utah.\n', brand, 'boilerplate.'), []);
    assert.equal(findings('## About Kestrel\n\nKestrel\'s "one-stop" outdoor shop serves climbers in Colorado.\n', brand, 'boilerplate.').length, 1);
  });

  test('a paragraph with a link that differs gets no fix (it is not verbatim source)', () => {
    const text = release(`## About Lumora\n\n${BOILERPLATE.replace('4,000', '3,000').replace('lumora.example.', '[lumora.example](https://lumora.example).')}\n`);
    const [f] = findings(text, lumora, 'boilerplate.mismatch');
    assert.equal(f.fix, undefined);
  });

  test('an outdated copy without its heading is found by similarity', () => {
    const text = release(`${BOILERPLATE.replace('from startups to global enterprises', 'from startups to the Fortune 500')}\n`);
    const found = findings(text, lumora, 'boilerplate.');
    assert.deepEqual(found.map((f) => f.rule), ['boilerplate.mismatch']);
    assert.match(found[0].message, /looks like the 'About Lumora' boilerplate/);
  });

  test('a bold "About Lumora" line stands for the heading', () => {
    assert.deepEqual(findings(release(`**About Lumora**\n\n${BOILERPLATE}\n\n###\n`), lumora, 'boilerplate.'), []);
    assert.deepEqual(findings(release(`**About Lumora**\n${BOILERPLATE}\n\n###\n`), lumora, 'boilerplate.'), []);
  });

  test('a heading with nothing under it says the text is missing', () => {
    const found = findings(release('## About Lumora\n\n## Media contact\n\nPriya Natarajan\n'), lumora, 'boilerplate.');
    assert.deepEqual(found.map((f) => f.rule), ['boilerplate.mismatch']);
    assert.match(found[0].message, /missing the approved text/);
  });

  test('missing in a press release: reported on the last line, inserted before the end mark', () => {
    for (const mark of ['###', '-30-']) {
      const text = release(`## Media contact\n\nPriya Natarajan\n\n${mark}\n`);
      const found = findings(text, lumora, 'boilerplate.');
      assert.deepEqual(spans(text, found), [`boilerplate.missing ${mark}`]);
      const fixed = applyFixes(text, found).text;
      assert.ok(fixed.endsWith(`Priya Natarajan\n\n## About Lumora\n\n${lumora.boilerplate[0].text}\n\n${mark}\n`), fixed);
      assert.deepEqual(findings(fixed, lumora, 'boilerplate.'), []);
    }
  });

  test('missing without an end mark: inserted at the end', () => {
    const text = release('Contact: press@lumora.example');
    const fixed = applyFixes(text, findings(text, lumora, 'boilerplate.missing')).text;
    assert.ok(fixed.endsWith(`press@lumora.example\n\n## About Lumora\n\n${lumora.boilerplate[0].text}\n`));
    assert.deepEqual(findings(fixed, lumora, 'boilerplate.'), []);
  });

  test('not required outside required_in: a newsletter, a blog post, a document with no channel', () => {
    const body = 'Lumora Pulse now suggests the likely cause of incidents.\n';
    assert.deepEqual(findings(body, lumora, 'boilerplate.', { channel: 'newsletter' }), []);
    assert.deepEqual(findings(body, lumora, 'boilerplate.', { channel: 'dev-blog' }), []);
    assert.deepEqual(findings(body, lumora, 'boilerplate.'), []);
  });

  test('expired: after a used claim\'s valid_until, judged on the document date, naming the claim and owner', () => {
    const body = `## About Lumora\n\n${BOILERPLATE}\n\n###\n`;
    assert.deepEqual(findings(release(body, '2026-01-31'), lumora, 'boilerplate.'), []);
    const [f] = findings(release(body, '2026-02-01'), lumora, 'boilerplate.');
    assert.equal(f.rule, 'boilerplate.expired');
    assert.match(f.message, /the claim 'customers'/);
    assert.match(f.message, /expired on 2026-01-31/);
    assert.match(f.message, /Daniel Reyes \(Finance\)/);
    // No front-matter date: today decides.
    assert.equal(findings(`## About Lumora\n\n${BOILERPLATE}\n`, lumora, 'boilerplate.expired', { today: '2026-06-01' }).length, 1);
    assert.equal(findings(`## About Lumora\n\n${BOILERPLATE}\n`, lumora, 'boilerplate.expired', { today: '2025-06-01' }).length, 0);
  });

  test('the boilerplate\'s own valid_until counts too', () => {
    const brand = brandFrom(['version: 1', 'boilerplate:', '  - {id: about, heading: About Kestrel, text: "Kestrel sells outdoor gear.", valid_until: 2025-12-31}']);
    const text = '## About Kestrel\n\nKestrel sells outdoor gear.\n';
    assert.equal(findings(text, brand, 'boilerplate.expired', { today: '2025-12-31' }).length, 0);
    assert.match(findings(text, brand, 'boilerplate.expired', { today: '2026-01-01' })[0].message, /approved only until 2025-12-31/);
  });

  test('match: contains accepts the text inside a longer paragraph', () => {
    const brand = brandFrom([
      'version: 1',
      'boilerplate:',
      '  - {id: about, heading: About Kestrel, match: contains, text: "Kestrel sells outdoor gear in Colorado and Utah.", required_in: [press-release]}',
    ]);
    assert.deepEqual(findings('## About Kestrel\n\nFounded in 2009, Kestrel sells outdoor gear in Colorado and Utah. It has 14 stores.\n', brand, 'boilerplate.', { channel: 'press-release' }), []);
    assert.deepEqual(findings('Founded in 2009, Kestrel sells outdoor gear in Colorado and Utah.\n', brand, 'boilerplate.', { channel: 'press-release' }), []);
    const found = findings('## About Kestrel\n\nKestrel sells outdoor gear in Colorado.\n', brand, 'boilerplate.');
    assert.deepEqual(found.map((f) => [f.rule, !!f.fix]), [['boilerplate.mismatch', false]]);
  });

  test('a boilerplate of two paragraphs is compared paragraph by paragraph', () => {
    const brand = brandFrom([
      'version: 1',
      'boilerplate:',
      '  - id: about',
      '    heading: About Kestrel',
      '    text: |',
      '      Kestrel sells outdoor gear in Colorado and Utah.',
      '',
      '      Kestrel is a registered trademark of Kestrel Outdoor Supply LLC.',
    ]);
    const ok = '## About Kestrel\n\nKestrel sells outdoor gear in Colorado and Utah.\n\nKestrel is a registered trademark of Kestrel Outdoor Supply LLC.\n';
    assert.deepEqual(findings(ok, brand, 'boilerplate.'), []);
    const text = ok.replace('Supply LLC', 'Supply Inc');
    assert.deepEqual(spans(text, findings(text, brand, 'boilerplate.')), ['boilerplate.mismatch Kestrel is a registered trademark of Kestrel Outdoor Supply Inc.']);
  });
});

suite('messages: press-release speakers', () => {
  const release = (quote: string, channel = 'press-release'): string => `---\nchannel: ${channel}\n---\n# Lumora Ships Pulse Copilot\n\n${quote}\n`;

  test('someone at the company who is not a spokesperson, however the attribution is written', () => {
    for (const [quote, who] of [
      ['“It ships,” said Alex Kim, product marketing intern at Lumora.', 'Alex Kim'],
      ['“It ships,” said Lumora product marketing intern Alex Kim.', 'Alex Kim'],
      ['Lumora engineer Sam Rivera said, “It ships.”', 'Sam Rivera'],
      ['“It ships,” said Priya Natarajan, vice president of communications at Lumora.', 'Priya Natarajan'],
    ]) {
      const text = release(quote);
      assert.deepEqual(spans(text, findings(text, lumora, 'person.quote-speaker')), [`person.quote-speaker ${who}`], quote);
    }
  });

  test('spokespeople, customers, partners and unattributed quotes are never flagged', () => {
    for (const quote of [
      '“It ships,” said Maya Okafor, co-founder and chief executive officer of Lumora.',
      '“It ships,” Lumora CFO Daniel Reyes said.',
      '“It ships,” said Jane Doe, SRE lead at Acme Corp.',
      '“It ships,” said Jane Doe, SRE lead at Acme Corp., a Lumora customer.',
      '“It ships,” said Lee Wong, a longtime customer of Lumora.',
      '“It ships,” said Ana Ruiz, partner at Northgate Ventures, which led Lumora’s Series C.',
      'They call it "magic" for a reason.',
    ]) {
      assert.deepEqual(findings(release(quote), lumora, 'person.quote-speaker'), [], quote);
    }
  });

  test('only in press releases, and only when people_policy.quotes_require is spokesperson', () => {
    const quote = '“It ships,” said Alex Kim, product marketing intern at Lumora.';
    assert.deepEqual(findings(release(quote, 'newsletter'), lumora, 'person.quote-speaker'), []);
    const relaxed = loadBrand(lumoraText.replace('quotes_require: spokesperson', 'quotes_require: any')).brand;
    assert.deepEqual(findings(release(quote), relaxed, 'person.quote-speaker'), []);
  });
});

suite('messages: the brand file tests its own copy', () => {
  test('Lumora and the bundled examples pass', () => {
    assert.deepEqual(loadBrand(lumoraText).problems, []);
    const examples = fs.readFileSync(path.join(repoRoot, 'examples/brand-messaging.yaml'), 'utf8');
    assert.deepEqual(loadBrand(examples).problems, []);
  });

  test('a boilerplate saying "a leading provider" breaks the brand file\'s own rule, reported on the text', () => {
    const text = lumoraText.replace('Lumora Systems Inc. makes Lumora Pulse®, the observability platform', 'Lumora Systems Inc., a leading provider of the observability platform');
    const problems = loadBrand(text).problems.filter((p) => p.code === 'brandfile.selftest');
    assert.equal(problems.length, 1);
    assert.equal(problems[0].severity, 'error');
    assert.match(problems[0].message, /^This boilerplate breaks the brand file's own rule phrase\.needs-claim at 'leading': /);
    assert.ok(text.slice(problems[0].start, problems[0].end).startsWith('Lumora Systems Inc., a leading provider'));
  });

  test('taglines and key messages are tested too', () => {
    const text = lumoraText
      .replace('short_forms: ["See every signal."]', 'short_forms: ["See every signal, guaranteed."]')
      .replace('key_message: "Simple per-user pricing with no data-volume surprises."', 'key_message: "Simple per-user pricing for all your clients."');
    const problems = loadBrand(text).problems.filter((p) => p.code === 'brandfile.selftest');
    assert.deepEqual(
      problems.map((p) => [text.slice(p.start, p.end), p.message.split(':')[0]]),
      [
        ['"See every signal, guaranteed."', "This short form breaks the brand file's own rule phrase.risky at 'guaranteed'"],
        ['"Simple per-user pricing for all your clients."', "This key message breaks the brand file's own rule term.deprecated at 'clients'"],
      ],
    );
  });

  test('tagline examples run against the tagline rules', () => {
    const text = lumoraText.replace('ok:   ["Engineers can see every signal from one dashboard."]', 'ok:   ["See every signal, fix what really matters."]');
    const problems = loadBrand(text).problems;
    assert.deepEqual(problems.map((p) => p.code), ['brandfile.example']);
    assert.match(problems[0].message, /should pass taglines › tagline-2025, but it was flagged \(tagline\.exact\)/);
  });
});
