/**
 * The fast paths of the workspace report, held equal to the definitions they restate (the code the report
 * used before each was made cheaper): Markdown and HTML escaping, link targets, and the census's count of
 * documents per spelling (and the brand-file health read from the census).
 */
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { assembleReport, loadBrand, type DocumentFacts } from '../../server/src/core/index';
import { mdText } from '../../server/src/core/report/markdown';
import { esc } from '../../server/src/core/report/html';
import { hrefFor } from '../../server/src/core/report/text';
import type { CensusEntry, Location, Spelling } from '../../server/src/core/report/types';

/** Every code unit that \s matches, the characters the escapes touch, and some that no escape touches. */
const WHITE = ['\t', '\n', '\v', '\f', '\r', ' ', '\u00a0', '\u1680', '\u2000', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff', '\u180e', '\u200b'];
const SPECIAL = ['\\', '`', '*', '_', '[', ']', '|', '~', '&', '<', '>', '"', "'", '#', '/', '.', ':', '%', '?', '('];
const PLAIN = ['a', 'Z', '0', '-', 'é', '’', '😀', '\ud835', '\udc00'];
const textOf = (pieces: string[]) => fc.array(fc.constantFrom(...pieces), { maxLength: 24 }).map((p) => p.join(''));
const mixed = textOf([...WHITE, ' ', ' ', ...SPECIAL, ...PLAIN]);

suite('report fast paths', () => {
  test('mdText is the one-pass replace it tests before', () => {
    const MD_SPECIAL = /\s{2,}|[^\S ]|[\\`*_[\]|~&<]/g;
    const MD_ESCAPE: Record<string, string> = { '&': '&amp;', '<': '&lt;' };
    for (const c of '\\`*_[]|~') MD_ESCAPE[c] = `\\${c}`;
    const reference = (s: string) => s.replace(MD_SPECIAL, (m) => MD_ESCAPE[m] ?? ' ');
    // Every code unit, alone and beside a space: the fast test must see each one the pattern changes.
    for (let u = 0; u <= 0xffff; u++) {
      const c = String.fromCharCode(u);
      for (const s of [c, `a${c}b`, ` ${c}`, `${c} `]) assert.equal(mdText(s), reference(s), `U+${u.toString(16)} in ${JSON.stringify(s)}`);
    }
    fc.assert(fc.property(mixed, (s) => assert.equal(mdText(s), reference(s))), { numRuns: 5000, seed: 31 });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => assert.equal(mdText(s), reference(s))), { numRuns: 2000, seed: 32 });
  });

  test('esc is the replace it tests before', () => {
    const reference = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
    fc.assert(fc.property(mixed, (s) => assert.equal(esc(s), reference(s))), { numRuns: 5000, seed: 33 });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => assert.equal(esc(s), reference(s))), { numRuns: 2000, seed: 34 });
  });

  test('hrefFor encodes as splitting and encoding every segment did', () => {
    const reference = (location: Location, prefix = ''): string => {
      const encoded = (prefix + location.path)
        .split('/')
        .map((segment) => (segment === '..' || segment === '.' ? segment : encodeURIComponent(segment)))
        .join('/');
      const relative = encoded.startsWith('/') ? `file://${encoded}` : encoded.startsWith('../') || encoded.startsWith('./') ? encoded : `./${encoded}`;
      return `${relative}#L${location.line}`;
    };
    // A lone surrogate makes encodeURIComponent throw: both must throw alike.
    const outcome = (f: () => string) => {
      try {
        return f();
      } catch (e) {
        return `threw ${(e as Error).name}`;
      }
    };
    const segment = fc.oneof(fc.constantFrom('.', '..', '', 'docs', 'a b', 'x%20', '#1', '?q', 'é', 'C:'), textOf([...SPECIAL, ...PLAIN, ' ', '+', '!', '~', '*', '@', '=', ',', ';']));
    const pathOf = fc.array(segment, { maxLength: 5 }).map((s) => s.join('/'));
    const location = fc.record({ path: pathOf, line: fc.nat(), column: fc.nat(), endLine: fc.nat(), endColumn: fc.nat() });
    fc.assert(
      fc.property(location, fc.option(pathOf, { nil: undefined }), (l, prefix) => assert.equal(outcome(() => hrefFor(l, prefix)), outcome(() => reference(l, prefix)))),
      { numRuns: 5000, seed: 35 },
    );
  });

  test('the census counts documents, and health finds entries spelled nowhere, as sets of paths did', () => {
    const brandText = `version: 1
company:
  id: acme
  name: Acme
names:
  - {id: rocket, name: Acme Rocket, kind: product, mark: none}
  - {id: comet, name: Acme Comet, kind: product, mark: none}
terms:
  - {id: customers, preferred: customers}
  - {id: sign-in, preferred: sign in}
people:
  - {id: jane, name: Jane Doe, title: CEO}
`;
    const loaded = loadBrand(brandText);
    const entry = fc.constantFrom<[CensusEntry['kind'], string]>(['company', 'acme'], ['name', 'rocket'], ['name', 'comet'], ['name', 'ghost'], ['term', 'customers'], ['term', 'sign-in'], ['person', 'jane'], ['person', 'nobody']);
    const spelling = fc.record({
      entry,
      text: fc.constantFrom('Acme', 'ACME', 'Acme Rocket', 'AcmeRocket', 'customers', 'clients', 'Jane'),
      status: fc.constantFrom<Spelling['status']>('approved', 'variant', 'deprecated'),
      flagged: fc.boolean(),
      line: fc.integer({ min: 1, max: 4 }),
      column: fc.integer({ min: 1, max: 3 }),
    });
    // Few paths, so that two documents share one (as two facts for one path can) and spellings share documents.
    const doc = fc.record({ path: fc.constantFrom('a.md', 'b.md', 'c/d.md', 'e.md'), spellings: fc.array(spelling, { maxLength: 8 }) }).map(
      (d): DocumentFacts => ({
        ...emptyFacts(d.path),
        spellings: d.spellings.map((s) => ({
          kind: s.entry[0],
          id: s.entry[1],
          text: s.text,
          status: s.status,
          flagged: s.flagged,
          location: { path: d.path, line: s.line, column: s.column, endLine: s.line, endColumn: s.column + 1 },
        })),
      }),
    );
    fc.assert(
      fc.property(fc.array(doc, { maxLength: 8 }), (facts) => {
        const report = assembleReport(facts, loaded, { today: '2026-06-01' });
        const sorted = [...facts].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
        const reference = referenceCensus(sorted, loaded.brand);
        assert.deepEqual(report.census, reference);
        assert.equal(JSON.stringify(report.census), JSON.stringify(reference), 'the same keys in the same order');
        const spelled = new Set(sorted.flatMap((d) => d.spellings.map((s) => `${s.kind}:${s.id}`)));
        const unused = [
          ...loaded.brand.names.filter((n) => !spelled.has(`name:${n.id}`)).map((n) => `names:${n.id}`),
          ...loaded.brand.terms.filter((t) => !spelled.has(`term:${t.id}`)).map((t) => `terms:${t.id}`),
          ...loaded.brand.people.filter((p) => !spelled.has(`person:${p.id}`)).map((p) => `people:${p.id}`),
        ];
        assert.deepEqual(
          report.health.unused.filter((u) => ['names', 'terms', 'people'].includes(u.section)).map((u) => `${u.section}:${u.id}`),
          unused,
        );
      }),
      { numRuns: 2000, seed: 36 },
    );
  });
});

function emptyFacts(path: string): DocumentFacts {
  return { path, channel: null, date: null, judgedAt: '2026-06-01', words: 100, findings: [], suppressed: 0, failures: [], claimUses: [], figures: [], spellings: [], taglines: [], boilerplate: [], boilerplateMissing: [], suppressions: [] };
}

/** The census as the report built it before: keyed by joined strings, each spelling's paths in a set. */
function referenceCensus(docs: readonly DocumentFacts[], brand: ReturnType<typeof loadBrand>['brand']): CensusEntry[] {
  const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const byPlace = (a: Location, b: Location) => compare(a.path, b.path) || a.line - b.line || a.column - b.column;
  const entries = new Map<string, { kind: CensusEntry['kind']; id: string; spellings: Map<string, Spelling & { paths: Set<string> }> }>();
  for (const d of docs) {
    for (const s of d.spellings) {
      const key = `${s.kind}\u0000${s.id}`;
      const entry = entries.get(key) ?? { kind: s.kind, id: s.id, spellings: new Map() };
      entries.set(key, entry);
      const sk = `${s.text}\u0000${s.status}`;
      const spelling = entry.spellings.get(sk) ?? { text: s.text, status: s.status, count: 0, flagged: 0, documents: 0, locations: [], paths: new Set<string>() };
      spelling.count++;
      if (s.flagged) spelling.flagged++;
      spelling.paths.add(d.path);
      spelling.locations.push(s.location);
      entry.spellings.set(sk, spelling);
    }
  }
  const order = new Map<string, number>();
  brand.names.forEach((n, i) => order.set(`name:${n.id}`, i));
  brand.terms.forEach((t, i) => order.set(`term:${t.id}`, i));
  brand.people.forEach((p, i) => order.set(`person:${p.id}`, i));
  const KIND_ORDER: Record<CensusEntry['kind'], number> = { company: 0, name: 1, term: 2, person: 3 };
  const info = (kind: CensusEntry['kind'], id: string): { label: string; nameKind: string | null } => {
    if (kind === 'company') return { label: brand.company?.name ?? id, nameKind: null };
    if (kind === 'name') {
      const n = brand.names.find((x) => x.id === id);
      return { label: n?.name ?? id, nameKind: n?.kind ?? null };
    }
    if (kind === 'term') return { label: brand.terms.find((t) => t.id === id)?.preferred ?? id, nameKind: null };
    return { label: brand.people.find((p) => p.id === id)?.name ?? id, nameKind: null };
  };
  return [...entries.values()]
    .map((e) => {
      const spellings = [...e.spellings.values()]
        .map(({ paths, ...s }) => ({ ...s, documents: paths.size, locations: s.locations.sort(byPlace) }))
        .sort((a, b) => b.count - a.count || compare(a.text, b.text));
      const { label, nameKind } = info(e.kind, e.id);
      return { kind: e.kind, id: e.id, label, nameKind, total: spellings.reduce((n, s) => n + s.count, 0), spellings };
    })
    .sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (order.get(`${a.kind}:${a.id}`) ?? 0) - (order.get(`${b.kind}:${b.id}`) ?? 0));
}
