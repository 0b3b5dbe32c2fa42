/**
 * The channel rules (pr.*, ad.*, newsletter.*, social.*) on whole small documents: most of their checks are
 * about a document's structure, so one fixture per rule cannot hold every case. Each test checks a document
 * against the Lumora brand (test/fixtures/brand/lumora.yaml) and asserts the exact findings: rule, line and,
 * where the wording matters, the message. Profiles are varied by copying the brand with one channel changed.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyFixes, check, lineStarts, loadBrand, offsetToLineColumn, ruleIds, type Brand, type Finding } from '../../server/src/core/index';
import { formatAp, inferYear, isValidDate, weekdayOf, weekdayLike } from '../../server/src/core/channels/dates';
import { apDateline, datelineProblems, parseDateline } from '../../server/src/core/channels/dateline';
import { visibleText, charCount } from '../../server/src/core/channels/text';
import { parseProse } from '../../server/src/core/markdown/prose';
import { bodyNodes } from '../../server/src/core/channels/structure';

const lumora = loadBrand(fs.readFileSync(path.resolve(__dirname, '../../../test/fixtures/brand/lumora.yaml'), 'utf8')).brand;
const CHANNEL_RULES = ruleIds.filter((id) => /^(?:pr|ad|newsletter|social)\./.test(id));
const TODAY = '2025-09-01';

interface Options {
  brand?: Brand;
  rules?: readonly string[];
}

function run(text: string, channel: string | undefined, options: Options = {}): Finding[] {
  const result = check(text, options.brand ?? lumora, { ...(channel ? { channel } : {}), today: TODAY, rules: options.rules ?? CHANNEL_RULES });
  assert.deepEqual(result.failures, []);
  return result.findings;
}

/** "line rule" for every finding of the channel rules (or `options.rules`). */
function found(text: string, channel: string | undefined, options: Options = {}): string[] {
  const starts = lineStarts(text);
  return run(text, channel, options).map((f) => `${offsetToLineColumn(starts, f.start).line} ${f.rule}`);
}

function messages(text: string, channel: string | undefined, rule: string, options: Options = {}): string[] {
  return run(text, channel, { ...options, rules: [rule] }).map((f) => f.message);
}

function spans(text: string, channel: string | undefined, rule: string, options: Options = {}): string[] {
  return run(text, channel, { ...options, rules: [rule] }).map((f) => text.slice(f.start, f.end));
}

/** The text after applying the fixes of `rule`. */
function fixed(text: string, channel: string, rule: string, options: Options = {}): string {
  return applyFixes(text, run(text, channel, { ...options, rules: [rule] })).text;
}

/** 1-based line of the first line containing `needle`. */
function lineOf(text: string, needle: string): number {
  const i = text.indexOf(needle);
  assert.ok(i >= 0, `"${needle}" is in the document`);
  return text.slice(0, i).split('\n').length;
}

/** The brand with one channel profile changed. */
function withProfile(id: string, change: (raw: Record<string, unknown>) => Record<string, unknown>, brand: Brand = lumora): Brand {
  return { ...brand, channels: brand.channels.map((c) => (c.id === id ? { ...c, raw: change({ ...c.raw }) } : c)) };
}

const BOILERPLATE = lumora.boilerplate[0].text.replace(/\s+/g, ' ').trim();

interface ReleaseParts {
  frontMatter?: string;
  headline?: string;
  lead?: string;
  quote?: string;
  body?: string;
  boilerplate?: string;
  contact?: string;
  end?: string;
}

/** A complete, clean Lumora press release; each test replaces one part. */
function release(parts: ReleaseParts = {}): string {
  const p = {
    frontMatter: 'date: 2025-09-16',
    headline: '# Lumora Adds AI Assistant Pulse Copilot to Lumora Pulse',
    lead: 'AUSTIN, Texas, Sept. 16, 2025 — Lumora Systems Inc. today introduced Pulse Copilot™, an AI assistant in Lumora Pulse®.',
    quote: '“On-call engineers should spend the night fixing problems, not searching for them,” said Maya Okafor, co-founder and chief executive officer of Lumora.',
    body: '',
    boilerplate: `## About Lumora\n\n${BOILERPLATE}`,
    contact: '## Media contact\n\nPriya Natarajan\npress@lumora.example\n+1 512-555-0143',
    end: '###',
    ...parts,
  };
  const blocks = [p.headline, p.lead, p.quote, p.body, p.boilerplate, p.contact, p.end].filter((b) => b !== '');
  return `${p.frontMatter ? `---\n${p.frontMatter}\n---\n` : ''}${blocks.join('\n\n')}\n`;
}

suite('channels: calendar and dateline helpers', () => {
  test('weekdays, leap years and years inferred from the release date', () => {
    assert.equal(weekdayOf({ year: 2025, month: 9, day: 16 }), 2);
    assert.equal(weekdayOf({ year: 2024, month: 2, day: 29 }), 4);
    assert.ok(isValidDate({ year: 2000, month: 2, day: 29 }));
    assert.ok(!isValidDate({ year: 1900, month: 2, day: 29 }));
    assert.ok(!isValidDate({ year: 2025, month: 2, day: 29 }));
    assert.ok(!isValidDate({ year: 2025, month: 9, day: 31 }));
    assert.equal(inferYear(1, 6, { year: 2025, month: 12, day: 20 }), 2026);
    assert.equal(inferYear(12, 30, { year: 2026, month: 1, day: 5 }), 2025);
    assert.equal(inferYear(9, 18, { year: 2025, month: 9, day: 16 }), 2025);
    assert.equal(formatAp(9, 16, 2025), 'Sept. 16, 2025');
    assert.equal(formatAp(6, 10), 'June 10');
    assert.equal(weekdayLike('Wed.', 2), 'Tue.');
    assert.equal(weekdayLike('WEDNESDAY', 2), 'TUESDAY');
  });

  test('parses datelines, however badly written, and lists what departs from AP style', () => {
    const bad = parseDateline('Austin, TX - June 10th, 2025 - Lumora today announced');
    assert.ok(bad);
    assert.deepEqual([bad.city, bad.region, bad.month, bad.day, bad.ordinal, bad.year, bad.dash], ['Austin', 'TX', 6, 10, 'th', 2025, '-']);
    assert.deepEqual(datelineProblems(bad, undefined), {
      problems: [
        "put the city in capitals ('AUSTIN')",
        "'TX' is a postal code; AP writes 'Texas'",
        'separate the place from the date with a comma',
        "drop the 'th' after the day ('June 10')",
        "use a dash ('—') instead of '-' after the date",
      ],
      place: 'AUSTIN, Texas',
    });
    assert.equal(apDateline('AUSTIN, Texas', bad), 'AUSTIN, Texas, June 10, 2025 — ');

    const good = (text: string, configured?: string): string[] => {
      const d = parseDateline(text);
      assert.ok(d, text);
      return datelineProblems(d, configured).problems;
    };
    assert.deepEqual(good('PORTLAND, Ore., Sept. 16, 2025 — Lumora'), []);
    assert.deepEqual(good('CHICAGO, Sept. 16, 2025 — Lumora'), []);
    assert.deepEqual(good('ST. LOUIS, March 3 — Lumora'), []);
    assert.deepEqual(good('BOISE, Idaho, Jan. 8, 2026 -- Lumora'), []);
    assert.deepEqual(good('LONDON, Oct. 1, 2025 — Lumora'), []);
    assert.deepEqual(good('AUSTIN, Texas, June 10, 2025 /PRNewswire/ -- Lumora'), []);
    assert.deepEqual(good('SPRINGFIELD, Sept. 16, 2025 — Lumora'), ["add the state or country after 'SPRINGFIELD' (only cities such as CHICAGO stand alone)"]);
    assert.deepEqual(good('SAN JOSE, California, Sept. 16, 2025 — Lumora'), ["AP writes 'California' as 'Calif.'"]);
    assert.deepEqual(good('AUSTIN, Texas, Sept 16, 2025 — Lumora'), ["abbreviate the month as 'Sept.'"]);
    assert.deepEqual(good('AUSTIN, Texas, September 16, 2025 — Lumora'), ["abbreviate the month as 'Sept.'"]);
    assert.deepEqual(good('AUSTIN, Texas, Jun. 10, 2025 — Lumora'), ["spell out 'June'"]);
    assert.deepEqual(good('DENVER, Colorado, March 10, 2026 — Fernhill', 'DENVER, Colorado'), []);
    assert.deepEqual(good('BOSTON, March 10, 2026 — Lumora', 'AUSTIN, Texas'), ["the place should be 'AUSTIN, Texas'"]);
    assert.equal(parseDateline('Lumora today announced Pulse Copilot, on June 10, 2025.'), undefined);
  });

  test('visible text leaves out front matter, comments, markup and link targets, and counts code points', () => {
    const doc = parseProse('---\npaid: true\n---\n<!-- note -->\n**Bold** and [a link](https://x.example/long/path) `code`   <!-- c -->\n\n- one\n- two 🚀\n');
    const text = visibleText(bodyNodes(doc), doc.source).text;
    assert.equal(text, 'Bold and a link code\n\none\ntwo 🚀');
    assert.equal(charCount(text), 31);
  });
});

suite('channels: a rule applies only where the channel profile asks for it', () => {
  const releaseWithProblems = release({
    headline: '# LUMORA LAUNCHES PULSE COPILOT!',
    lead: 'Austin, TX - June 10th, 2025 - We are excited to announce Pulse Copilot on Wednesday, Sept. 16, 2025.',
    end: '',
  });

  test('the same release is flagged as a press release and nowhere else', () => {
    assert.ok(found(releaseWithProblems, 'press-release').length >= 6);
    for (const channel of ['social', 'ad-google-rsa', 'dev-blog', 'no-such-channel']) {
      assert.deepEqual(found(releaseWithProblems, channel, { rules: ruleIds.filter((id) => id.startsWith('pr.')) }), [], channel);
    }
    assert.deepEqual(found(releaseWithProblems, undefined), []);
  });

  test('the channel comes from front matter when no channel is forced', () => {
    const text = `---\nchannel: press-release\n${releaseWithProblems.slice(4)}`;
    const result = check(text, lumora, { today: TODAY, rules: ['pr.third-person'] });
    assert.equal(result.channel, 'press-release');
    assert.equal(result.findings.length, 1);
  });

  test('a brand without channel profiles flags nothing', () => {
    const bare = { ...lumora, channels: [] };
    assert.deepEqual(found(releaseWithProblems, 'press-release', { brand: bare }), []);
  });
});

suite('pr.dateline', () => {
  test('flags the catalog example, explains each problem and rewrites the dateline', () => {
    const text = release({ lead: 'Austin, TX - June 10th, 2025 - Lumora today announced Pulse Copilot.' });
    assert.deepEqual(found(text, 'press-release'), [`${lineOf(text, 'Austin, TX')} pr.dateline`]);
    assert.deepEqual(messages(text, 'press-release', 'pr.dateline'), [
      "Write the dateline as 'AUSTIN, Texas, June 10, 2025 —': write the place as 'AUSTIN, Texas'; separate the place from the date with a comma; " +
        "drop the 'th' after the day ('June 10'); use a dash ('—') instead of '-' after the date. " +
        "The brand file's press-release profile (channels › press-release › dateline) asks for an AP dateline.",
    ]);
    assert.ok(fixed(text, 'press-release', 'pr.dateline').includes('\nAUSTIN, Texas, June 10, 2025 — Lumora today announced'));
  });

  test('accepts the catalog’s correct dateline, after a subhead and a release line', () => {
    const lead = '*Pulse Copilot suggests the likely cause of an incident*\n\nFOR IMMEDIATE RELEASE\n\nAUSTIN, Texas, June 10, 2025 — Lumora Systems Inc. today announced Pulse Copilot.';
    assert.deepEqual(found(release({ lead }), 'press-release'), []);
  });

  test('a missing dateline is inserted from the brand file’s city and the release date', () => {
    const text = release({ lead: 'Lumora Systems Inc. today announced Pulse Copilot™.' });
    assert.deepEqual(messages(text, 'press-release', 'pr.dateline'), [
      "The release should open with a dateline such as 'AUSTIN, Texas, Sept. 16, 2025 — ': the brand file's press-release profile (channels › press-release › dateline) requires an AP dateline at the start of the first paragraph.",
    ]);
    const after = fixed(text, 'press-release', 'pr.dateline');
    assert.ok(after.includes('\nAUSTIN, Texas, Sept. 16, 2025 — Lumora Systems Inc. today announced'));
    assert.deepEqual(found(after, 'press-release'), []);
  });

  test('without a configured city: standalone cities, AP state forms, and no fix where a state must be guessed', () => {
    const brand = withProfile('press-release', (raw) => ({ ...raw, dateline: { required: true, format: 'ap' } }));
    assert.deepEqual(found(release({ lead: 'CHICAGO, Sept. 16, 2025 — Lumora today announced Pulse Copilot.' }), 'press-release', { brand }), []);
    assert.deepEqual(found(release({ lead: 'PORTLAND, Ore., Sept. 16, 2025 — Lumora today announced Pulse Copilot.' }), 'press-release', { brand }), []);
    const postal = release({ lead: 'PORTLAND, OR, Sept. 16, 2025 — Lumora today announced Pulse Copilot.' });
    assert.ok(fixed(postal, 'press-release', 'pr.dateline', { brand }).includes('PORTLAND, Ore., Sept. 16, 2025 — Lumora'));
    const unknown = release({ lead: 'SPRINGFIELD, Sept. 16, 2025 — Lumora today announced Pulse Copilot.' });
    assert.equal(found(unknown, 'press-release', { brand }).length, 1);
    assert.equal(fixed(unknown, 'press-release', 'pr.dateline', { brand }), unknown);
  });

  test('a configured city is required exactly; another city is flagged without a fix', () => {
    const text = release({ lead: 'BOSTON, Sept. 16, 2025 — Lumora today announced Pulse Copilot.' });
    assert.deepEqual(messages(text, 'press-release', 'pr.dateline'), [
      "Fix the dateline: the place should be 'AUSTIN, Texas'. The brand file's press-release profile (channels › press-release › dateline) asks for an AP dateline.",
    ]);
    assert.equal(fixed(text, 'press-release', 'pr.dateline'), text);
  });

  test('with `required: false` a missing dateline is not reported', () => {
    const brand = withProfile('press-release', (raw) => ({ ...raw, dateline: { required: false, city: 'AUSTIN, Texas' } }));
    assert.deepEqual(found(release({ lead: 'Lumora Systems Inc. today announced Pulse Copilot.' }), 'press-release', { brand }), []);
  });
});

suite('pr.day-date', () => {
  test('flags the catalog example and fixes the weekday; the right weekday passes', () => {
    const text = release({ body: 'The webinar runs on Wednesday, Sept. 16, 2025. The next one is on Thursday, Sept. 18, 2025.' });
    assert.deepEqual(found(text, 'press-release'), [`${lineOf(text, 'The webinar')} pr.day-date`]);
    assert.deepEqual(messages(text, 'press-release', 'pr.day-date'), ["'Wednesday' does not match the date: Sept. 16, 2025 is a Tuesday."]);
    assert.ok(fixed(text, 'press-release', 'pr.day-date').includes('on Tuesday, Sept. 16, 2025'));
  });

  test('full month names, day-first dates and abbreviated weekdays', () => {
    const text = release({ body: 'It runs on Wednesday, September 16, 2025, on Thursday 18 September 2025 and on Fri., Sept. 19, 2025.' });
    assert.deepEqual(spans(text, 'press-release', 'pr.day-date'), ['Wednesday']);
  });

  test('a date without a year takes the year nearest the release date (dateline, then front matter)', () => {
    const december = release({ frontMatter: 'date: 2025-12-20', lead: 'AUSTIN, Texas, Dec. 20, 2025 — Lumora today announced Pulse Copilot.', body: 'Training starts on Tuesday, Jan. 6, and ends on Monday, Jan. 6.' });
    assert.deepEqual(messages(december, 'press-release', 'pr.day-date'), [
      "'Monday' does not match the date: Jan. 6 is a Tuesday (reading the date as 2026, from the release's date).",
    ]);
    const noDate = release({ frontMatter: '', lead: 'AUSTIN, Texas, Sept. 16 — Lumora today announced Pulse Copilot.', body: 'It runs on Wednesday, Sept. 16.' });
    assert.deepEqual(found(noDate, 'press-release'), []);
  });

  test('leap days: Feb. 29, 2024 exists, Feb. 29, 2025 does not', () => {
    assert.deepEqual(found(release({ body: 'The archive dates from Thursday, Feb. 29, 2024.' }), 'press-release'), []);
    assert.deepEqual(messages(release({ body: 'The archive dates from Friday, Feb. 29, 2025.' }), 'press-release', 'pr.day-date'), [
      "There is no Feb. 29, 2025: check the date next to 'Friday'.",
    ]);
  });

  test('weekday errors inside quotes are still errors; a date in a quote that is right is not', () => {
    const text = release({ quote: '“We start on Tuesday, Sept. 16,” said Maya Okafor, co-founder and CEO of Lumora. “Friday, Sept. 16 was our first demo,” she added.' });
    assert.deepEqual(spans(text, 'press-release', 'pr.day-date'), ['Friday']);
  });
});

suite('pr.headline', () => {
  const rules = ['pr.headline'];

  test('an all-caps headline with "!": one finding for the capitals, one for the "!" with its fix', () => {
    const text = release({ headline: '# LUMORA LAUNCHES PULSE COPILOT!' });
    assert.deepEqual(messages(text, 'press-release', 'pr.headline'), [
      "Rework the headline: it is written in capitals. These are the headline rules of the brand file's press-release profile (channels › press-release › headline).",
      "Remove the '!': the brand file's press-release profile (channels › press-release › headline) forbids exclamation marks in headlines.",
    ]);
    assert.ok(fixed(text, 'press-release', 'pr.headline').includes('# LUMORA LAUNCHES PULSE COPILOT\n'));
  });

  test('a headline that names neither the company nor a product', () => {
    assert.deepEqual(messages(release({ headline: '# A smarter way to handle incidents' }), 'press-release', 'pr.headline'), [
      "Rework the headline: it does not name the company ('Lumora') or one of its names ('Lumora Pulse', 'Pulse', 'Pulse Copilot', …). These are the headline rules of the brand file's press-release profile (channels › press-release › headline).",
    ]);
    assert.deepEqual(found(release({ headline: '# Pulse Copilot Suggests the Likely Cause of an Incident' }), 'press-release', { rules }), []);
  });

  test('over max_chars', () => {
    const long = `# Lumora Adds AI Assistant Pulse Copilot to Lumora Pulse So On-Call Engineers Can Find the Likely Cause of Incidents`;
    assert.deepEqual(messages(release({ headline: long }), 'press-release', 'pr.headline'), [
      "Rework the headline: it is 114 characters long, over the limit of 100. These are the headline rules of the brand file's press-release profile (channels › press-release › headline).",
    ]);
  });

  test('acronyms and names keep their capitals; a shouted word does not', () => {
    assert.deepEqual(found(release({ headline: '# Lumora Brings Pulse Copilot to AWS Customers in the US and EU' }), 'press-release', { rules }), []);
    assert.deepEqual(spans(release({ headline: '# Lumora Pulse Is Now FREE for Startups' }), 'press-release', 'pr.headline'), ['FREE']);
    // An acronym the body itself uses in capitals is an acronym in the headline too.
    const scim = release({ headline: '# Lumora Pulse Adds SCIM Provisioning', lead: 'AUSTIN, Texas, Sept. 16, 2025 — Lumora Systems Inc. today added SCIM provisioning to Lumora Pulse®.' });
    assert.deepEqual(found(scim, 'press-release', { rules }), []);
  });

  test('"!" inside the headline is flagged without a fix; a release with no H1 is reported', () => {
    const text = release({ headline: '# Wow! Lumora Ships Pulse Copilot' });
    assert.deepEqual(spans(text, 'press-release', 'pr.headline'), ['!']);
    assert.equal(fixed(text, 'press-release', 'pr.headline'), text);
    assert.deepEqual(messages(release({ headline: '' }), 'press-release', 'pr.headline'), [
      "The release has no headline: start it with a level-1 heading ('# …'), as the brand file's press-release profile (channels › press-release › headline) expects.",
    ]);
  });
});

suite('pr.third-person', () => {
  test('flags the catalog example; the quoted "we" is fine', () => {
    const text = release({
      body: 'We are excited to announce Pulse Copilot.',
      quote: '“We built Pulse Copilot for the engineer on call at 3 a.m.,” said Maya Okafor, co-founder and CEO of Lumora.',
    });
    assert.deepEqual(found(text, 'press-release'), [`${lineOf(text, 'We are excited')} pr.third-person`]);
    assert.deepEqual(messages(text, 'press-release', 'pr.third-person'), [
      "'We' speaks in the first or second person: the brand file's press-release profile (channels › press-release › voice › person) asks for the third person outside quotations. Rephrase to name the company ('Lumora'), or put the words in an attributed quote.",
    ]);
  });

  test('one finding per sentence; "you" and "our" too; "US" is the country', () => {
    const text = release({ body: 'We think our customers will like it, and we know it. You can try it in the US today. Teams in the US can read our notes.' });
    assert.deepEqual(spans(text, 'press-release', 'pr.third-person'), ['We', 'You', 'our']);
  });

  test('quotes, blockquotes, the media contact, the boilerplate and the legal legend are set aside', () => {
    const text = release({
      body: '> We replaced three dashboards with one, and you can see it in our reviews.\n>\n> — Jane Doe, SRE lead at Acme Corp.\n\n## Forward-looking statements\n\nWe may update these statements.',
      contact: '## Media contact\n\nFor media inquiries, reach us at:\n\nPriya Natarajan\npress@lumora.example\n+1 512-555-0143',
    });
    assert.deepEqual(found(text, 'press-release', { rules: ['pr.third-person'] }), []);
  });

  test('applies only with voice.person: third_outside_quotes', () => {
    const brand = withProfile('press-release', (raw) => ({ ...raw, voice: { exclamation_max: 0 } }));
    assert.deepEqual(found(release({ body: 'We are excited to announce Pulse Copilot.' }), 'press-release', { brand, rules: ['pr.third-person'] }), []);
  });
});

suite('pr.required', () => {
  const rules = ['pr.required'];

  test('a complete release passes, with "###" or "-30-" as its end mark', () => {
    assert.deepEqual(found(release(), 'press-release'), []);
    assert.deepEqual(found(release({ end: '-30-' }), 'press-release'), []);
  });

  test('a release that ends without an end mark: reported after the last line, fixed by appending "###"', () => {
    const text = release({ end: '' });
    assert.deepEqual(found(text, 'press-release'), [`${lineOf(text, '+1 512-555-0143')} pr.required`]);
    assert.deepEqual(messages(text, 'press-release', 'pr.required'), [
      "The release has no end mark: the brand file's press-release profile (channels › press-release › required_elements) requires '###' or '-30-' on its own line at the end.",
    ]);
    const after = fixed(text, 'press-release', 'pr.required');
    assert.ok(after.endsWith('+1 512-555-0143\n\n###\n'));
    assert.deepEqual(found(after, 'press-release'), []);
  });

  test('a contact block without a phone number is reported on its heading', () => {
    const text = release({ contact: '## Media contact\n\nPriya Natarajan\npress@lumora.example' });
    assert.deepEqual(found(text, 'press-release'), [`${lineOf(text, '## Media contact')} pr.required`]);
    assert.deepEqual(messages(text, 'press-release', 'pr.required'), [
      "The media contact has no phone number: the brand file's press-release profile (channels › press-release › required_elements) requires a name, email address and phone number.",
    ]);
  });

  test('a labelled contact paragraph counts as the contact', () => {
    const text = release({ contact: '**Media contact:** Priya Natarajan, press@lumora.example, +1 512-555-0143' });
    assert.deepEqual(found(text, 'press-release', { rules }), []);
  });

  test('no contact at all: the fix inserts the brand file’s media contact before the end mark', () => {
    const text = release({ contact: '' });
    assert.deepEqual(found(text, 'press-release'), [`${lineOf(text, '# Lumora Adds')} pr.required`]);
    const after = fixed(text, 'press-release', 'pr.required');
    assert.ok(after.endsWith('## Media contact\n\nPriya Natarajan\npress@lumora.example\n+1 512-555-0143\n\n###\n'), after);
    assert.deepEqual(found(after, 'press-release'), []);
  });

  test('quotes: a customer or a former executive is not a spokesperson; a current spokesperson is', () => {
    const customer = release({ quote: '“It found the cause before I finished reading the alert,” said Jane Doe, SRE lead at Acme Corp.' });
    assert.deepEqual(messages(customer, 'press-release', 'pr.required'), [
      "The release has no quote from a company spokesperson (Maya Okafor, Daniel Reyes, Aisha Bello): the brand file's press-release profile (channels › press-release › required_elements) requires at least 1 such quote.",
    ]);
    const former = release({ quote: '“I wrote the first version of Pulse,” said Tom Lindqvist.' });
    assert.equal(found(former, 'press-release', { rules }).length, 1);
    const cto = release({ quote: '“Pulse Copilot suggests; engineers decide,” said Aisha Bello, chief technology officer of Lumora.' });
    assert.deepEqual(found(cto, 'press-release', { rules }), []);
  });

  test('the boilerplate is left to boilerplate.missing when its required_in lists the channel', () => {
    const text = release({ boilerplate: '' });
    assert.deepEqual(found(text, 'press-release', { rules }), []);
    const brand = { ...lumora, boilerplate: lumora.boilerplate.map((b) => ({ ...b, requiredIn: [] })) };
    assert.deepEqual(messages(text, 'press-release', 'pr.required', { brand }), [
      "The release has no 'About Lumora' section: the brand file's press-release profile (channels › press-release › required_elements) requires boilerplate 'about-lumora' under the heading 'About Lumora'.",
    ]);
  });

  test('several missing elements share one finding on the headline, which then offers no partial fix', () => {
    const text = release({ quote: '', contact: '' });
    assert.deepEqual(found(text, 'press-release'), [`${lineOf(text, '# Lumora Adds')} pr.required`]);
    assert.deepEqual(messages(text, 'press-release', 'pr.required'), [
      "The release has no quote from a company spokesperson (Maya Okafor, Daniel Reyes, Aisha Bello) and no media contact: the brand file's press-release profile (channels › press-release › required_elements) requires at least 1 such quote and a 'Media contact' section with a name, email address and phone number.",
    ]);
    assert.equal(fixed(text, 'press-release', 'pr.required'), text);
  });
});

suite('ad.length', () => {
  const rsa = (headlines: string[], descriptions: string[] = ['Lumora Pulse brings metrics, logs and traces together.']): string =>
    `## Headlines\n\n${headlines.map((h) => `- ${h}`).join('\n')}\n\n## Descriptions\n\n${descriptions.map((d) => `- ${d}`).join('\n')}\n`;

  test('the catalog example: 31 characters is over, 28 is not', () => {
    const text = rsa(['4,000+ teams trust Lumora Pulse', '4,000+ customers trust Pulse']);
    assert.deepEqual(found(text, 'ad-google-rsa', { rules: ['ad.length'] }), ['3 ad.length']);
    assert.deepEqual(messages(text, 'ad-google-rsa', 'ad.length'), [
      "Headline 1 is 31 characters long: the brand file's ad-google-rsa profile (channels › ad-google-rsa › fields › headlines) allows at most 30.",
    ]);
    assert.equal(run(text, 'ad-google-rsa', { rules: ['ad.length'] })[0].severity, 'error');
  });

  test('a too-long tagline gets its approved short form', () => {
    const text = rsa(['See every signal. Fix what matters.']);
    assert.deepEqual(messages(text, 'ad-google-rsa', 'ad.length'), [
      "Headline 1 is 35 characters long: the brand file's ad-google-rsa profile (channels › ad-google-rsa › fields › headlines) allows at most 30. The tagline's approved short form 'See every signal.' fits (messages › taglines › tagline-2025).",
    ]);
    assert.ok(fixed(text, 'ad-google-rsa', 'ad.length').includes('- See every signal.\n'));
  });

  test('the field’s own severity; a paragraph is an asset where the section has no list; other sections are not assets', () => {
    const text = `## Primary text\n\n${'Lumora Pulse brings metrics, logs and traces together in one observability platform, so on-call engineers find the likely cause fast.'}\n\n## Headline\n\n- One place to see production\n\n## Notes\n\n- ${'x'.repeat(200)}\n`;
    const findings = run(text, 'ad-social', { rules: ['ad.length'] });
    assert.deepEqual(findings.map((f) => [f.severity, f.message]), [
      ['warning', "Primary text 1 is 133 characters long: the brand file's ad-social profile (channels › ad-social › fields › primary_text) allows at most 125."],
    ]);
  });

  test('markup, link targets and comments are not counted; emoji count once', () => {
    const text = rsa(['**One** Dashboard for `on-call`', 'Fix Incidents Faster 🚀🚀🚀🚀🚀'], ['[Start a free trial](https://lumora.example/trial?utm_source=google&utm_campaign=spring) of Lumora Pulse today. <!-- v2 -->']);
    assert.deepEqual(found(text, 'ad-google-rsa', { rules: ['ad.length'] }), []);
  });
});

suite('ad.asset-standalone', () => {
  const rules = ['ad.asset-standalone'];

  test('the catalog example: "60% fewer alerts" with "up to" only in a description', () => {
    const text = '## Headlines\n\n- 60% Fewer Alerts\n- Lumora Pulse for Cloud Teams\n\n## Descriptions\n\n- Pulse Copilot cuts alert noise by up to 60%. Try Lumora Pulse today.\n';
    assert.deepEqual(messages(text, 'ad-google-rsa', 'ad.asset-standalone'), [
      "Headline 1 states '60%' without 'up to': ads combine headlines and descriptions in any order, so it can run without description 1 ('Pulse Copilot cuts alert noise by up to 60%. Try Lumora Pulse today.'), which carries the qualifier. The brand file approves this claim only as 'up to 60%' (claims › alert-reduction).",
    ]);
    assert.ok(fixed(text, 'ad-google-rsa', 'ad.asset-standalone').includes('- Up to 60% Fewer Alerts\n'));
  });

  test('not flagged: the qualifier in the asset itself, no partner carrying it, no subject alias, a channel that does not mix assets', () => {
    const own = '## Headlines\n\n- Up to 60% Fewer Alerts\n\n## Descriptions\n\n- Pulse Copilot cuts alert noise by up to 60%.\n';
    assert.deepEqual(found(own, 'ad-google-rsa', { rules }), []);
    const alone = '## Headlines\n\n- 60% Fewer Alerts\n\n## Descriptions\n\n- Pulse Copilot suggests the likely cause.\n';
    assert.deepEqual(found(alone, 'ad-google-rsa', { rules }), []);
    const otherSubject = '## Headlines\n\n- 60% Off Your First Month\n\n## Descriptions\n\n- Cut alert noise by up to 60%.\n';
    assert.deepEqual(found(otherSubject, 'ad-google-rsa', { rules }), []);
    const social = '## Primary text\n\nCut alert noise by up to 60%.\n\n## Headline\n\n- 60% Fewer Alerts\n';
    assert.deepEqual(found(social, 'ad-social', { rules }), []);
  });

  test('no fix where "up to" would not read well or would overflow the field', () => {
    const text = '## Headlines\n\n- Alert Noise Down 60% Today!!\n- Up to 60% Fewer Alerts\n';
    assert.deepEqual(spans(text, 'ad-google-rsa', 'ad.asset-standalone'), ['Alert Noise Down 60%']);
    assert.equal(fixed(text, 'ad-google-rsa', 'ad.asset-standalone'), text);
  });
});

suite('newsletter rules', () => {
  const FOOTER = 'Lumora Systems Inc., 100 Example Street, Suite 400, Austin, TX 78701';
  const newsletter = (parts: { frontMatter?: string; body?: string; footer?: string } = {}): string => {
    const fm = parts.frontMatter ?? 'subject: "What\'s new in Lumora Pulse this month"\nfrom: Lumora <news@lumora.example>';
    return `---\n${fm}\n---\n\n${parts.body ?? 'Hi {{first_name}},\n\nPulse Copilot now explains each suggestion.'}\n\n${parts.footer ?? `[Unsubscribe]({{unsubscribe_url}})\n\n${FOOTER}`}\n`;
  };

  test('a complete newsletter passes', () => {
    assert.deepEqual(found(newsletter(), 'newsletter'), []);
  });

  test('newsletter.unsubscribe: links, merge tags and HTML count; a comment or plain words do not', () => {
    const ok = [
      `[Manage or unsubscribe](https://lumora.example/prefs)\n\n${FOOTER}`,
      `[Email preferences](https://lumora.example/unsubscribe?u=1)\n\n${FOOTER}`,
      `Use the unsubscribe link below. {{ unsubscribe }}\n\n${FOOTER}`,
      `<a href="{{unsubscribe_url}}">Stop these emails</a>\n\n${FOOTER}`,
      // A bare URL is a GFM literal autolink, found by the prose model rather than the parser.
      `Stop these emails: https://lumora.example/unsubscribe?u=1\n\n${FOOTER}`,
      `Unsubscribe at www.lumora.example/unsubscribe.\n\n${FOOTER}`,
    ];
    for (const footer of ok) assert.deepEqual(found(newsletter({ footer }), 'newsletter'), [], footer);
    // A bare URL that does not say "unsubscribe" is no opt-out.
    assert.deepEqual(found(newsletter({ footer: `You can unsubscribe at https://lumora.example/prefs\n\n${FOOTER}` }), 'newsletter').length, 1);
    const bad = newsletter({ footer: `You can unsubscribe at any time.\n\n<!-- [Unsubscribe]({{unsubscribe_url}}) -->\n\n${FOOTER}` });
    assert.deepEqual(found(bad, 'newsletter'), [`${lineOf(bad, FOOTER)} newsletter.unsubscribe`]);
    const after = fixed(bad, 'newsletter', 'newsletter.unsubscribe');
    assert.ok(after.endsWith(`${FOOTER}\n\n[Unsubscribe]({{unsubscribe_url}})\n`));
    assert.deepEqual(found(after, 'newsletter'), []);
  });

  test('newsletter.address: the snippet re-wrapped or inside a longer line counts; "Lumora, Austin" does not', () => {
    const wrapped = newsletter({ footer: '[Unsubscribe]({{unsubscribe_url}})\n\nSent by Lumora Systems Inc.,\n100 Example Street,   Suite 400,\nAustin, TX 78701, to subscribers.' });
    assert.deepEqual(found(wrapped, 'newsletter'), []);
    const bad = newsletter({ footer: '[Unsubscribe]({{unsubscribe_url}})\n\nLumora, Austin' });
    assert.deepEqual(messages(bad, 'newsletter', 'newsletter.address'), [
      `The newsletter is missing the approved text of snippet 'newsletter-footer' ('${FOOTER}'): the brand file's newsletter profile (channels › newsletter › required_elements) requires it.`,
    ]);
    assert.deepEqual(found(fixed(bad, 'newsletter', 'newsletter.address'), 'newsletter'), []);
  });

  test('newsletter.sender: on the allow-list (case and spacing aside), missing, or not allowed', () => {
    assert.deepEqual(found(newsletter({ frontMatter: 'from: "lumora  <NEWS@lumora.example>"' }), 'newsletter'), []);
    const missing = newsletter({ frontMatter: 'subject: Hello' });
    assert.deepEqual(messages(missing, 'newsletter', 'newsletter.sender'), [
      "The newsletter has no sender: add 'from:' to the front matter, as the brand file's newsletter profile (channels › newsletter › required_elements) requires: the allowed senders are 'Lumora <news@lumora.example>'.",
    ]);
    const wrong = newsletter({ frontMatter: 'from: Maya <maya@gmail.com>' });
    assert.deepEqual(spans(wrong, 'newsletter', 'newsletter.sender'), ['Maya <maya@gmail.com>']);
  });

  test('newsletter.subject: forbidden prefixes (any case) and length, in one finding with the profile’s severity', () => {
    const text = newsletter({ frontMatter: 'subject: "Fwd: everything that changed in Lumora Pulse this month and what comes next"\nfrom: Lumora <news@lumora.example>' });
    const findings = run(text, 'newsletter', { rules: ['newsletter.subject'] });
    assert.deepEqual(findings.map((f) => [f.severity, f.message]), [
      [
        'warning',
        "Rework the subject line: it starts with 'FWD:', which presents it as a reply or forward it is not; it is 75 characters long, over the limit of 60. These are the subject-line rules of the brand file's newsletter profile (channels › newsletter › subject_line).",
      ],
    ]);
    assert.deepEqual(found(newsletter({ frontMatter: 'subject: "Your questions, RE: billing, answered"\nfrom: Lumora <news@lumora.example>' }), 'newsletter'), []);
    assert.deepEqual(found(newsletter({ frontMatter: 'from: Lumora <news@lumora.example>' }), 'newsletter'), []);
  });
});

suite('social rules', () => {
  const words = (n: number): string => 'Lumora Pulse shows the likely cause of an incident on one page. '.repeat(10).slice(0, n).trimEnd();

  test('social.length: 250 characters pass, 300 do not; front matter and comments are not counted', () => {
    assert.deepEqual(found(`---\nnetwork: x\n---\n<!-- ${'draft note '.repeat(20)} -->\n${words(250)}\n`, 'social'), []);
    const long = `${words(150)}\n\n${words(148)}\n`;
    assert.deepEqual(messages(long, 'social', 'social.length'), [
      "The post is 300 characters long: the brand file's social profile (channels › social › fields › post) allows at most 280. Cut 20 characters; the finding covers the text past the limit.",
    ]);
    assert.equal(spans(long, 'social', 'social.length')[0], long.slice(long.length - 1 - 20, long.length - 1));
  });

  test('social.paid: the tag within the first 125 characters passes; "#adtech" is not "#ad"; unpaid posts are not checked', () => {
    const early = '---\npaid: true\n---\n#ad Our on-call team cut alert noise by up to 60% with Lumora Pulse.\n';
    assert.deepEqual(found(early, 'social'), []);
    const label = '---\npaid: true\n---\nPaid partnership with Lumora. Our team reads one incident page now.\n';
    assert.deepEqual(found(label, 'social'), []);
    const adtech = '---\npaid: true\n---\nWe follow #adtech and read one incident page now.\n';
    assert.deepEqual(messages(adtech, 'social', 'social.paid'), [
      "This paid post has no disclosure: the brand file's social profile (channels › social › paid_partnership) requires '#ad', '#sponsored' or 'Paid partnership' within the first 125 characters of a paid post, where readers see it before \"more\" (FTC Endorsement Guides).",
    ]);
    assert.equal(fixed(adtech, 'social', 'social.paid'), '---\npaid: true\n---\n#ad We follow #adtech and read one incident page now.\n');
    assert.deepEqual(found(adtech.replace('paid: true', 'paid: false'), 'social'), []);
  });

  test('social.paid: a late tag is moved to the start of the post', () => {
    const text = `---\npaid: true\n---\n${words(200)}\n\n#devops #sre #ad\n`;
    assert.deepEqual(found(text, 'social'), [`${lineOf(text, '#devops')} social.paid`]);
    assert.equal(fixed(text, 'social', 'social.paid'), `---\npaid: true\n---\n#ad ${words(200)}\n\n#devops #sre\n`);
    const ownLine = `---\npaid: true\n---\n${words(200)}\n\n#ad\n`;
    assert.equal(fixed(ownLine, 'social', 'social.paid'), `---\npaid: true\n---\n#ad ${words(200)}\n`);
  });
});
