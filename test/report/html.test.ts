/**
 * The HTML and Markdown forms: copy, paths and brand-file text carrying script and event-handler payloads
 * render as text; the page is self-contained (no script, no remote resource, its own strict CSP); the
 * webview form allows only its nonce.
 */
import * as assert from 'node:assert/strict';
import { buildReport, formatReportHtml, formatReportMarkdown, loadBrand, type WorkspaceReport } from '../../server/src/core/index';
import { hrefFor } from '../../server/src/core/report/text';
import { ALLOWED_TAGS, BRAND, PAYLOADS, tags } from './payloads';

const COPY = [
  '# Launch \\<script>alert(1)\\</script>',
  '',
  'More than 600 users love Acme Rocket. &lt;img src=x onerror=alert(1)&gt; and [click](javascript:alert(1)) and <script>alert(1)</script>.',
  '',
  'AcmeRocket said \\<img src=x onerror=alert(1)> to 40 integrations.',
  '',
  '<!-- <script>alert(1)</script> note -->',
  '<!-- on-message-disable-next-line name.variant -->',
  'AcmeRocket <img src=x onerror=alert(1)>.',
].join('\n');

function payloadReport(): WorkspaceReport {
  return buildReport(
    [
      { path: 'press/<script>alert(1)</script>.md', text: COPY },
      { path: 'javascript:alert(1).md', text: 'Acme Rocket has 45 integrations. \\<script>alert(1)\\</script>\n' },
    ],
    loadBrand(BRAND),
    { today: '2026-04-01', brandPath: '<img src=x onerror=alert(1)>.yaml', brandText: BRAND },
  );
}

suite('report: HTML and Markdown are safe', () => {
  const report = payloadReport();
  const html = formatReportHtml(report);

  test('the payloads reached the report (so the test means something)', () => {
    const json = JSON.stringify(report);
    for (const p of PAYLOADS) assert.ok(json.includes(p.replace(/"/g, '\\"')), `report carries ${p}`);
    assert.ok(report.conflicts.length === 1, 'a conflict between the two payload documents');
  });

  test('every payload renders as text: no tag but the page’s own, no event handler, no script', () => {
    for (const t of tags(html)) {
      assert.ok(ALLOWED_TAGS.has(t.name), `unexpected <${t.name}>`);
      for (const [name] of t.attrs) assert.ok(!name.startsWith('on'), `event handler ${name} on <${t.name}>`);
    }
    assert.ok(!/<script/i.test(html), 'the standalone page has no script at all');
    assert.ok(!/<img/i.test(html));
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'));
  });

  test('links are built from paths: relative or fragment, never a javascript: URL', () => {
    const hrefs = tags(html).flatMap((t) => t.attrs.filter(([n]) => n === 'href' || n === 'src' || n === 'xlink:href').map(([, v]) => v));
    assert.ok(hrefs.length > 10);
    for (const href of hrefs) assert.match(href, /^(?:\.\.?\/|#)/, href);
    assert.ok(hrefs.includes('./javascript%3Aalert(1).md#L1'));
    assert.equal(hrefFor({ path: 'javascript:alert(1)', line: 3, column: 1, endLine: 3, endColumn: 1 }), './javascript%3Aalert(1)#L3');
    assert.equal(hrefFor({ path: 'a b/c#d.md', line: 2, column: 1, endLine: 2, endColumn: 1 }, '../'), '../a%20b/c%23d.md#L2');
  });

  test('self-contained: a strict CSP, inline CSS and SVG, nothing remote', () => {
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;; img-src data:;">/);
    assert.ok(!/\b(?:src|href)="(?:https?:)?\/\//.test(html), 'no remote resource');
    assert.ok(!/@import|url\(/.test(html));
    assert.match(html, /<svg class="gauge"/);
    assert.match(html, /<svg class="bars"/);
  });

  test('the webview form allows only its nonce, and posts clicks instead of following links', () => {
    const page = formatReportHtml(report, { webview: { nonce: 'abc123', cspSource: 'vscode-resource:' } });
    assert.match(page, /content="default-src &#39;none&#39;; style-src &#39;nonce-abc123&#39;; script-src &#39;nonce-abc123&#39;; img-src vscode-resource: data:;"/);
    const scripts = tags(page).filter((t) => t.name === 'script' && !t.closing);
    assert.equal(scripts.length, 1);
    assert.deepEqual(scripts[0].attrs, [['nonce', 'abc123']]);
    assert.match(page, /<style nonce="abc123">/);
    assert.ok(!/ style="/.test(page), 'no inline style attribute: the nonce policy would block it');
    for (const t of tags(page).filter((x) => x.name === 'a' && !x.closing)) assert.equal(t.attrs.find(([n]) => n === 'href')?.[1], '#');
  });

  test('Markdown: payloads are escaped text, links only to the documents', () => {
    const md = formatReportMarkdown(report);
    assert.ok(!/<script|<img/i.test(md.replace(/\(<[^>]*>\)/g, '')), 'no raw HTML outside link destinations');
    assert.ok(md.includes('&lt;script&gt;alert\\(1\\)') || md.includes('&lt;script>alert(1)&lt;/script>'));
    const destinations = [...md.matchAll(/\]\(<([^>]*)>\)/g)].map((m) => m[1]);
    assert.ok(destinations.length > 5);
    for (const d of destinations) assert.match(d, /^\.\.?\//);
    assert.ok(!/\]\(javascript:/i.test(md));
  });
});
