// The bench's documents, all made from real copy: PostHog's posts and newsletters (../shared/corpus, MIT)
// and the examples' press releases. Sizes come from repetition; content varies from copy to copy so no
// cache (ours or the OS's) can answer for a document it has not read.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CORPUS, ROOT, markdownFiles } from './lib.mjs';

/** Every corpus file's text, in a fixed order. */
export function corpusTexts() {
  return markdownFiles(CORPUS).map((file) => ({ file, text: fs.readFileSync(file, 'utf8') }));
}

function splitFrontMatter(text) {
  const m = /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(text);
  return m ? { front: m[0], body: text.slice(m[0].length) } : { front: '', body: text };
}

/**
 * A ~5 KB press release: the examples' launch release with two body paragraphs of the funding release
 * set before its boilerplate (both written for the example company; checked with its brand file).
 */
export function pressRelease() {
  const launch = fs.readFileSync(path.join(ROOT, 'examples', 'press', '2026-03-launch.md'), 'utf8');
  const funding = splitFrontMatter(fs.readFileSync(path.join(ROOT, 'examples', 'press', '2026-05-funding.md'), 'utf8')).body;
  const body = funding.split(/\n\s*\n/).filter((p) => /^[A-Z“"]/.test(p.trim()) && p.length > 100 && !/^#|About |^###/.test(p.trim()) && !/^[A-Z]{3,}[A-Z .]*, /.test(p));
  const at = launch.indexOf('## About');
  const extra = [];
  // The funding release's body paragraphs, in order, until the release is about 5 KB.
  for (const p of body) {
    if (launch.length + extra.join('\n\n').length >= 5000) break;
    extra.push(p.trim());
  }
  const text = `${launch.slice(0, at)}${extra.join('\n\n')}\n\n${launch.slice(at)}`;
  return { text, brand: path.join(ROOT, 'examples', 'brand-messaging.yaml'), path: 'press/2026-03-launch.md' };
}

/** A ~`size`-byte document: the corpus's bodies one after another (front matter of the first only). */
export function bigDocument(size = 500_000) {
  const texts = corpusTexts();
  let out = texts[0].text;
  for (let i = 1; out.length < size; i++) out += '\n\n' + splitFrontMatter(texts[i % texts.length].text).body;
  // Cut at a paragraph boundary.
  const cut = out.lastIndexOf('\n\n', size);
  return out.slice(0, cut > size * 0.9 ? cut : size) + '\n';
}

/** A ~`size`-byte document of whole corpus posts (front matter of the first only), for the editor bench. */
export function mediumDocument(size = 20_000) {
  return bigDocument(size);
}

/**
 * `count` documents of about `avg` bytes under `dir`, in folders of 500: document k is a window of
 * paragraphs of corpus file k mod 171, starting further in for each repetition, with its figures and an
 * edition line changed, so every document's text is different.
 */
export function writeWorkspace(dir, count = 10_000, avg = 5_000) {
  const marker = path.join(dir, '.bench-workspace.json');
  const spec = JSON.stringify({ version: 2, count, avg });
  if (fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === spec) return { dir, bytes: JSON.parse(fs.readFileSync(path.join(dir, '.bytes'), 'utf8')), reused: true };
  fs.rmSync(dir, { recursive: true, force: true });
  const texts = corpusTexts().map(({ text }) => {
    const { front, body } = splitFrontMatter(text);
    return { front, paragraphs: body.split(/\n\s*\n/).filter((p) => p.trim()) };
  });
  let bytes = 0;
  for (let k = 0; k < count; k++) {
    const source = texts[k % texts.length];
    const rep = Math.floor(k / texts.length);
    const ps = source.paragraphs;
    const start = ps.length ? (rep * 3) % ps.length : 0;
    const chosen = [];
    let size = 0;
    for (let i = 0; i < ps.length && size < avg; i++) {
      const p = ps[(start + i) % ps.length];
      chosen.push(p);
      size += p.length + 2;
    }
    // Figures move with the repetition (1 in 4 numbers), and each copy says which edition it is.
    let n = 0;
    const body = chosen.join('\n\n').replace(/\b\d+\b/g, (d) => (n++ % 4 === 0 ? String(Number(d) + (rep % 7)) : d));
    const text = `${source.front}${body}\n\nEdition ${rep + 1} of this page, copy ${k}.\n`;
    const sub = path.join(dir, `part-${String(Math.floor(k / 500)).padStart(2, '0')}`);
    fs.mkdirSync(sub, { recursive: true });
    fs.writeFileSync(path.join(sub, `doc-${String(k).padStart(5, '0')}.md`), text);
    bytes += Buffer.byteLength(text);
  }
  fs.writeFileSync(path.join(dir, '.bytes'), JSON.stringify(bytes));
  fs.writeFileSync(marker, spec);
  return { dir, bytes, reused: false };
}

/** The 171 corpus files as .md (textlint's Markdown plugin reads .md, not .mdx), for the peer bench. */
export function writePeerCorpus(dir) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const texts = corpusTexts();
  texts.forEach(({ file, text }, i) => fs.writeFileSync(path.join(dir, `${String(i).padStart(3, '0')}-${path.basename(file).replace(/\.\w+$/, '')}.md`), text));
  return { files: texts.length, bytes: texts.reduce((n, t) => n + Buffer.byteLength(t.text), 0) };
}
