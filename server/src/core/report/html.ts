/**
 * The report as one self-contained HTML page: inline CSS, inline SVG charts, no script needed to read it
 * and no remote resource. Every piece of document and brand-file text goes through `esc`; links are
 * built from paths by `hrefFor`, never taken from the copy. The page's own Content-Security-Policy
 * forbids scripts, so even a missed escape could not run one.
 *
 * For the VS Code webview the same page is rendered with a nonce: the policy then allows only the
 * nonce'd style and script, and the script posts `{type: 'open', root, path, line, column, endLine,
 * endColumn}` when a location is clicked and `{type: 'refresh'}` from the refresh button.
 */
import type { ClaimLedgerEntry, ClaimUseStatus, Conflict, Counts, Location, SpellingStatus, WorkspaceReport } from './types';
import { BAND_LABEL, SCORE_FORMULA, SPELLING_LABEL, STATUS_LABEL, hrefFor, longDate, place, plural, title } from './text';

export interface HtmlOptions {
  /** Put before every document path in links: the way from the page's folder to the paths' base. */
  linkPrefix?: string;
  /** Render for a VS Code webview. */
  webview?: { nonce: string; cspSource: string };
}

/** One report of a page, with the folder its paths are relative to (posted back by the webview). */
export interface HtmlSection {
  report: WorkspaceReport;
  /** Opaque to the page: the webview host's name for the folder the paths are relative to. */
  root?: string;
  /** Shown above the report when a page holds several. */
  heading?: string;
}

export function esc(s: string): string {
  // Most text has nothing to escape: testing is cheaper than a replace that finds nothing. The table is made
  // once, not once per character escaped.
  return HTML_SPECIAL.test(s) ? s.replace(HTML_SPECIALS, (c) => HTML_ESCAPE[c]) : s;
}

const HTML_SPECIAL = /[&<>"']/;
const HTML_SPECIALS = /[&<>"']/g;
const HTML_ESCAPE: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function formatReportHtml(report: WorkspaceReport, options: HtmlOptions = {}): string {
  return formatReportsHtml([{ report }], options);
}

export function formatReportsHtml(sections: readonly HtmlSection[], options: HtmlOptions = {}): string {
  const nonce = options.webview ? ` nonce="${esc(options.webview.nonce)}"` : '';
  const csp = options.webview
    ? `default-src 'none'; style-src 'nonce-${options.webview.nonce}'; script-src 'nonce-${options.webview.nonce}'; img-src ${options.webview.cspSource} data:;`
    : "default-src 'none'; style-src 'unsafe-inline'; img-src data:;";
  const pageTitle = sections.length === 1 ? title(sections[0].report) : 'Consistency report';
  const body = sections.length === 0 ? '<main class="page"><p class="empty">No Markdown documents with a brand file were found.</p></main>' : sections.map((s) => section(s, options)).join('\n');
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${esc(csp)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(pageTitle)}</title>`,
    `<style${nonce}>${CSS}</style>`,
    '</head>',
    '<body>',
    options.webview ? '<div class="toolbar"><button type="button" id="refresh">Refresh</button></div>' : '',
    body,
    options.webview ? `<script${nonce}>${WEBVIEW_SCRIPT}</script>` : '',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function section(s: HtmlSection, options: HtmlOptions): string {
  const r = s.report;
  const link = (l: Location, label = place(l)): string => locationLink(l, label, options);
  const t = r.totals;
  const root = s.root !== undefined ? ` data-root="${esc(s.root)}"` : '';
  return `<main class="page"${root}>
${s.heading ? `<p class="section-heading">${esc(s.heading)}</p>` : ''}
<header class="masthead">
  <p class="kicker">On Message · Consistency report</p>
  <h1>${esc(r.company ?? 'Your brand')}</h1>
  <p class="meta">${esc(plural(t.documents, 'document'))} · ${esc(plural(t.words, 'word'))} · judged on ${esc(longDate(r.today))}${r.brandFile ? ` · brand file <code>${esc(r.brandFile)}</code>` : ''}</p>
</header>
${t.failures > 0 ? `<p class="alert">${esc(plural(t.failures, 'check'))} failed on some documents; their findings there are missing.</p>` : ''}
${cards(r)}
${conflicts(r, link)}
${ledger(r, link)}
<section>
  <h2>Where the findings are</h2>
  <div class="charts">
    <figure class="card"><figcaption>Findings by channel</figcaption>${stackedBars(r.channels.map((c) => ({ label: c.channel ?? '(no channel)', counts: c.counts, note: `score ${c.score}` })))}</figure>
    <figure class="card"><figcaption>Documents that need the most work</figcaption>${stackedBars(topDocuments(r).map((d) => ({ label: d.path, counts: d.counts, note: `score ${d.score}` })))}</figure>
    <figure class="card"><figcaption>Findings by rule</figcaption>${stackedBars(r.rules.slice(0, 12).map((x) => ({ label: x.rule, counts: x.counts, note: plural(x.documents, 'doc') })))}</figure>
  </div>
  ${legend()}
</section>
${census(r, link)}
${taglinesAndBoilerplate(r, link)}
${documents(r, link, options)}
${suppressions(r, link)}
${health(r)}
<footer><p><strong>How the score is computed.</strong> ${esc(SCORE_FORMULA)}</p><p>Generated by On Message. Links open the documents at the line (in VS Code, in the editor).</p></footer>
</main>`;
}

/**
 * The pieces as one string, not copied: `+` makes a rope, which the page's final join copies once. Joined
 * here, the census's links and the documents' findings (tens of megabytes for a large workspace) would be
 * copied once more at each level that holds them, and copying into fresh memory was most of the page's time.
 */
function concat(pieces: readonly string[]): string {
  return pieces.reduce((rope, piece) => rope + piece, '');
}

function locationLink(l: Location, label: string, options: HtmlOptions): string {
  const href = options.webview ? '#' : hrefFor(l, options.linkPrefix);
  return `<a class="loc" href="${esc(href)}" data-path="${esc(l.path)}" data-line="${l.line}" data-column="${l.column}" data-end-line="${l.endLine}" data-end-column="${l.endColumn}">${esc(label)}</a>`;
}

function cards(r: WorkspaceReport): string {
  const t = r.totals;
  const uses = r.claims.reduce((n, c) => n + c.uses.length, 0);
  const badUses = r.claims.reduce((n, c) => n + c.uses.filter((u) => u.status !== 'ok').length, 0);
  const variants = r.census.flatMap((e) => e.spellings).filter((s) => s.status !== 'approved' && s.flagged > 0);
  const h = r.health;
  const healthIssues = h.problems.length + h.claims.length + h.unused.length + (h.reviewOverdue ? 1 : 0);
  return `<section class="cards">
  <div class="card score-card">
    ${gauge(r.score.value, r.score.band)}
    <div>
      <p class="label">Consistency score</p>
      <p class="band band-${r.score.band}">${esc(BAND_LABEL[r.score.band])}</p>
      <ul class="counts"><li><span class="dot sev-error"></span>${esc(plural(t.error, 'error'))}</li><li><span class="dot sev-warning"></span>${esc(plural(t.warning, 'warning'))}</li><li><span class="dot sev-info"></span>${t.info} info</li></ul>
      <p class="small">${t.suppressed} suppressed by comments</p>
    </div>
  </div>
  <div class="card stat ${r.conflicts.length ? 'stat-bad' : 'stat-good'}"><p class="big">${r.conflicts.length}</p><p class="label">${r.conflicts.length === 1 ? 'subject stated differently' : 'subjects stated differently'} across documents</p></div>
  <div class="card stat ${badUses ? 'stat-warn' : 'stat-good'}"><p class="big">${uses - badUses}<span class="of">/${uses}</span></p><p class="label">claim uses on message, across ${plural(r.claims.filter((c) => c.uses.length).length, 'claim')}</p></div>
  <div class="card stat ${variants.length ? 'stat-warn' : 'stat-good'}"><p class="big">${variants.length}</p><p class="label">off-brand ${variants.length === 1 ? 'spelling' : 'spellings'} of names and terms in circulation</p></div>
  <div class="card stat ${healthIssues ? 'stat-warn' : 'stat-good'}"><p class="big">${healthIssues}</p><p class="label">brand-file ${healthIssues === 1 ? 'item' : 'items'} to look at${h.reviewDue ? ` · review ${h.reviewOverdue ? 'overdue since' : 'due'} ${esc(h.reviewDue)}` : ''}</p></div>
</section>`;
}

function gauge(value: number, band: string): string {
  const r = 52;
  const circumference = 2 * Math.PI * r;
  const arc = (Math.max(0, Math.min(100, value)) / 100) * circumference;
  return `<svg class="gauge" viewBox="0 0 120 120" width="120" height="120" role="img" aria-label="Score ${value} out of 100">
<circle class="track" cx="60" cy="60" r="${r}" fill="none" stroke-width="12"/>
<circle class="arc arc-${esc(band)}" cx="60" cy="60" r="${r}" fill="none" stroke-width="12" stroke-linecap="round" stroke-dasharray="${arc.toFixed(1)} ${circumference.toFixed(1)}" transform="rotate(-90 60 60)"/>
<text class="gauge-value" x="60" y="67" text-anchor="middle">${value}</text>
<text class="gauge-unit" x="60" y="86" text-anchor="middle">of 100</text>
</svg>`;
}

function conflicts(r: WorkspaceReport, link: (l: Location, label?: string) => string): string {
  if (r.conflicts.length === 0) {
    return `<section><h2>Where documents disagree</h2><p class="good-news">No subject is stated with different figures in different documents.</p></section>`;
  }
  return `<section><h2>Where documents disagree <span class="rule-id">claim.cross-doc</span></h2>
<div class="conflicts">${r.conflicts.map((c) => conflict(c, link)).join('')}</div></section>`;
}

function conflict(c: Conflict, link: (l: Location, label?: string) => string): string {
  const rows = c.values
    .map(
      (v) => `<div class="value-row">
  <p class="value">${esc(v.display)}</p>
  <div><p class="where">${v.statements.map((s) => link(s.location)).join(' ')}</p><span class="quote">${esc(v.statements[0].wording)}</span>${v.statements.length > 1 ? `<span class="small muted">and ${esc(plural(v.statements.length - 1, 'more place'))}</span>` : ''}</div>
</div>`,
    )
    .join('');
  return `<article class="card conflict">
  <h3>${esc(c.subject)}</h3>
  <p class="small">${c.approved ? `The brand file approves <strong>${esc(c.approved)}</strong>${c.claim ? ` (claims › ${esc(c.claim)})` : ''}.` : 'No approved claim: decide which figure is right, then add it to the brand file.'}</p>
  ${rows}
</article>`;
}

const STATUS_CLASS: Record<ClaimUseStatus, string> = {
  ok: 'ok',
  overstated: 'bad',
  understated: 'warn',
  qualifier: 'warn',
  fact: 'bad',
  expired: 'bad',
  expiring: 'warn',
  flagged: 'warn',
};

function ledger(r: WorkspaceReport, link: (l: Location, label?: string) => string): string {
  if (r.claims.length === 0) return '';
  return `<section><h2>Claims ledger</h2>
<table class="ledger">
<thead><tr><th>Claim</th><th>Approved</th><th>Valid until</th><th>Uses</th></tr></thead>
<tbody>${r.claims.map((c) => ledgerRow(c, link)).join('')}</tbody>
</table></section>`;
}

function ledgerRow(c: ClaimLedgerEntry, link: (l: Location, label?: string) => string): string {
  const validity = c.validUntil ? `<span class="chip chip-${c.state === 'current' ? 'plain' : c.state === 'expired' ? 'bad' : 'warn'}">${esc(c.validUntil)}${c.state === 'current' ? '' : ` · ${c.state}`}</span>` : '<span class="muted">—</span>';
  const uses = c.uses.length
    ? `<ul class="uses">${c.uses
        .map(
          (u) =>
            `<li><span class="chip chip-${STATUS_CLASS[u.status]}" title="${esc(u.issues.join(', '))}">${esc(STATUS_LABEL[u.status])}</span> ${link(u.location)} <span class="written">“${esc(u.written)}”</span>${u.suppressed ? ' <span class="chip chip-plain">suppressed</span>' : ''}<span class="quote">${esc(u.wording)}</span></li>`,
        )
        .join('')}</ul>`
    : '<span class="muted">Not used in any document</span>';
  return `<tr><td><strong>${esc(c.subject)}</strong><br><span class="rule-id">${esc(c.id)}</span></td><td>${esc(c.approved)}${c.source ? `<br><span class="small muted">${esc(c.source)}</span>` : ''}</td><td>${validity}</td><td>${uses}</td></tr>`;
}

interface Bar {
  label: string;
  counts: Counts;
  note: string;
}

/** Horizontal bars, one a row, split by severity; labels and notes in the SVG, escaped. */
function stackedBars(rows: readonly Bar[]): string {
  if (rows.length === 0) return '<p class="muted">Nothing found.</p>';
  const rowHeight = 28;
  const labelWidth = 190;
  const barWidth = 260;
  const width = labelWidth + barWidth + 110;
  const max = Math.max(1, ...rows.map((r) => r.counts.error + r.counts.warning + r.counts.info));
  const height = rows.length * rowHeight + 6;
  const out = [`<svg class="bars" viewBox="0 0 ${width} ${height}" width="100%" role="img" preserveAspectRatio="xMinYMin meet">`];
  rows.forEach((r, i) => {
    const y = i * rowHeight + 4;
    const total = r.counts.error + r.counts.warning + r.counts.info;
    out.push(`<g><title>${esc(`${r.label}: ${r.counts.error} errors, ${r.counts.warning} warnings, ${r.counts.info} info (${r.note})`)}</title>`);
    out.push(`<text class="bar-label" x="${labelWidth - 8}" y="${y + 15}" text-anchor="end">${esc(shorten(r.label, 26))}</text>`);
    out.push(`<rect class="bar-track" x="${labelWidth}" y="${y + 3}" width="${barWidth}" height="16" rx="3"/>`);
    let x = labelWidth;
    for (const sev of ['error', 'warning', 'info'] as const) {
      const w = (r.counts[sev] / max) * barWidth;
      if (w > 0) out.push(`<rect class="sev-${sev}" x="${x.toFixed(1)}" y="${y + 3}" width="${w.toFixed(1)}" height="16"/>`);
      x += w;
    }
    out.push(`<text class="bar-note" x="${labelWidth + barWidth + 8}" y="${y + 15}">${total} · ${esc(r.note)}</text></g>`);
  });
  out.push('</svg>');
  return out.join('');
}

function legend(): string {
  return '<p class="legend"><span class="dot sev-error"></span>error <span class="dot sev-warning"></span>warning <span class="dot sev-info"></span>info</p>';
}

/** At most `max` characters; a path keeps its last segments ("…/social/launch-post.md"). */
function shorten(s: string, max: number): string {
  if (s.length <= max) return s;
  const parts = s.split('/');
  let tail = parts.pop() ?? s;
  while (parts.length && parts[parts.length - 1].length + tail.length + 3 <= max) tail = `${parts.pop()}/${tail}`;
  return tail.length + 2 <= max ? `…/${tail}` : '…' + s.slice(s.length - max + 1);
}

function topDocuments(r: WorkspaceReport): WorkspaceReport['documents'] {
  return [...r.documents]
    .filter((d) => d.counts.error + d.counts.warning + d.counts.info > 0)
    .sort((a, b) => a.score - b.score || (a.path < b.path ? -1 : 1))
    .slice(0, 8);
}

const SPELLING_CLASS: Record<SpellingStatus, string> = { approved: 'ok', admitted: 'plain', variant: 'bad', retired: 'bad', deprecated: 'warn' };

function census(r: WorkspaceReport, link: (l: Location, label?: string) => string): string {
  if (r.census.length === 0) return '';
  const rows = r.census.map((e) => {
    const spellings = e.spellings
      .map((s) => {
        const cls = s.status !== 'approved' && s.flagged === 0 ? 'plain' : SPELLING_CLASS[s.status];
        const flagged = s.status !== 'approved' && s.flagged > 0 && s.flagged < s.count ? `, ${s.flagged} flagged` : '';
        const where = s.locations.map((l) => link(l)).join(' ');
        return `<details class="spelling"><summary><span class="chip chip-${cls}" title="${esc(SPELLING_LABEL[s.status])}">${esc(s.text)} <b>×${s.count}</b></span></summary><p class="small muted">${esc(SPELLING_LABEL[s.status])}${flagged} · ${esc(plural(s.documents, 'document'))}</p><p class="where">${where}</p></details>`;
      });
    const kind = e.kind === 'name' ? (e.nameKind ?? 'name') : e.kind;
    return `<tr><td><strong>${esc(e.label)}</strong><br><span class="rule-id">${esc(kind)}</span></td><td class="num">${e.total}</td><td>${concat(spellings)}</td></tr>`;
  });
  return `<section><h2>Names and terms in circulation</h2>
<p class="small muted">Every spelling found, approved or not. Open a spelling to see where it stands.</p>
<table class="census"><thead><tr><th>Entry</th><th class="num">Uses</th><th>Spellings</th></tr></thead><tbody>${concat(rows)}</tbody></table></section>`;
}

function taglinesAndBoilerplate(r: WorkspaceReport, link: (l: Location, label?: string) => string): string {
  if (r.taglines.length === 0 && r.boilerplate.length === 0) return '';
  const taglines = r.taglines
    .map((t) => {
      const versions = t.versions.length
        ? `<ul class="plain-list">${t.versions.map((v) => `<li><span class="chip chip-${t.status === 'retired' ? 'bad' : v.exact ? 'ok' : 'warn'}">${v.exact ? (v.form === 'short-form' ? 'short form' : 'word for word') : 'near miss'} ×${v.count}</span> “${esc(v.text)}” ${v.locations.map((l) => link(l)).join(' ')}</li>`).join('')}</ul>`
        : '<p class="muted small">Not used.</p>';
      return `<div class="card mini"><p class="label">${t.status === 'retired' ? 'Retired tagline' : 'Tagline'}</p><p class="tagline">“${esc(t.text)}”</p>${versions}</div>`;
    })
    .join('');
  const boilerplate = r.boilerplate
    .map((b) => {
      const versions = b.versions.length
        ? `<ul class="plain-list">${b.versions.map((v) => `<li><span class="chip chip-${v.current ? 'ok' : 'bad'}">${v.current ? 'approved text' : 'different text'}</span> ${v.locations.map((l) => link(l)).join(' ')}${v.current ? '' : `<span class="quote">${esc(v.text)}</span>`}</li>`).join('')}</ul>`
        : '<p class="muted small">Not used.</p>';
      const missing = b.missingIn.length ? `<p class="small"><span class="chip chip-bad">missing</span> where its channel requires it: ${b.missingIn.map(esc).join(', ')}</p>` : '';
      return `<div class="card mini"><p class="label">Boilerplate${b.version ? ` · version ${esc(b.version)}` : ''}</p><p class="tagline">${esc(b.heading)}</p>${versions}${missing}</div>`;
    })
    .join('');
  return `<section><h2>Taglines and boilerplate in circulation</h2><div class="minis">${taglines}${boilerplate}</div></section>`;
}

function documents(r: WorkspaceReport, link: (l: Location, label?: string) => string, _options: HtmlOptions): string {
  const rows = r.documents.map((d) => {
    const first: Location = { path: d.path, line: 1, column: 1, endLine: 1, endColumn: 1 };
    const findings = d.findings.length
      ? `<details><summary>${esc(plural(d.findings.length, 'finding'))}</summary><ul class="findings">${d.findings
          .map((f) => `<li><span class="dot sev-${f.severity}"></span>${link(f.location, `${f.location.line}:${f.location.column}`)} <span class="rule-id">${esc(f.rule)}</span> ${esc(f.message)}</li>`)
          .join('')}</ul></details>`
      : '<span class="muted">Clean</span>';
    return `<tr><td>${link(first, d.path)}${d.date ? `<br><span class="small muted">${esc(d.date)}</span>` : ''}</td><td>${d.channel ? `<span class="chip chip-plain">${esc(d.channel)}</span>` : ''}</td><td class="num">${d.words}</td><td class="num">${miniScore(d.score)}</td><td class="num sev-text-error">${d.counts.error || ''}</td><td class="num sev-text-warning">${d.counts.warning || ''}</td><td class="num sev-text-info">${d.counts.info || ''}</td><td>${findings}</td></tr>`;
  });
  return `<section><h2>Documents</h2>
<table class="documents"><thead><tr><th>Document</th><th>Channel</th><th class="num">Words</th><th class="num">Score</th><th class="num">Errors</th><th class="num">Warnings</th><th class="num">Info</th><th>Findings</th></tr></thead><tbody>${concat(rows)}</tbody></table></section>`;
}

function miniScore(score: number): string {
  const band = score >= 80 ? 'good' : score >= 60 ? 'fair' : 'poor';
  return `<svg class="mini-score" viewBox="0 0 84 12" width="84" height="12" role="img" aria-label="${score}"><rect class="bar-track" x="0" y="2" width="60" height="8" rx="4"/><rect class="fill-${band}" x="0" y="2" width="${(score * 0.6).toFixed(1)}" height="8" rx="4"/><text class="mini-score-text" x="84" y="10" text-anchor="end">${score}</text></svg>`;
}

function suppressions(r: WorkspaceReport, link: (l: Location, label?: string) => string): string {
  if (r.suppressions.length === 0) return `<section><h2>Suppressions</h2><p class="muted">No suppression comments.</p></section>`;
  const rows = r.suppressions.map(
    (s) =>
      `<tr><td>${link(s.location)}</td><td>${s.rules.length ? s.rules.map((x) => `<span class="rule-id">${esc(x)}</span>`).join(' ') : '<strong>all rules</strong>'}</td><td>${s.kind === 'next-line' ? 'next line' : 'region'}, ${s.fromLine === s.toLine ? `line ${s.fromLine}` : `lines ${s.fromLine}–${s.toLine}`}</td><td class="num">${s.hidden}</td><td>${s.note ? esc(s.note) : '<span class="muted">no note</span>'}</td></tr>`,
  );
  return `<section><h2>Suppressions</h2><table><thead><tr><th>Where</th><th>Rules</th><th>Covers</th><th class="num">Hidden</th><th>Note above it</th></tr></thead><tbody>${rows.join('')}</tbody></table></section>`;
}

function health(r: WorkspaceReport): string {
  const h = r.health;
  const at = (line: number | null): string => (line ? ` <span class="small muted">line ${line}</span>` : '');
  const items: string[] = [];
  if (h.lastReviewed) {
    items.push(`<li><span class="chip chip-${h.reviewOverdue ? 'bad' : 'ok'}">${h.reviewOverdue ? 'review overdue' : 'reviewed'}</span> Last reviewed ${esc(h.lastReviewed)}${h.reviewDue ? `; next review ${h.reviewOverdue ? 'was due' : 'due'} ${esc(h.reviewDue)}` : ''}.</li>`);
  }
  for (const c of h.claims) items.push(`<li><span class="chip chip-${c.state === 'expired' ? 'bad' : 'warn'}">${c.state}</span> Claim <strong>${esc(c.subject)}</strong> ${c.state === 'expired' ? `expired on ${esc(c.validUntil)}` : `expires on ${esc(c.validUntil)}, in ${esc(plural(c.days, 'day'))}`}.${at(c.line)}</li>`);
  for (const p of h.problems) items.push(`<li><span class="chip chip-${p.severity === 'error' ? 'bad' : 'warn'}">${esc(p.code)}</span> ${esc(p.message)}${at(p.line)}</li>`);
  for (const u of h.unused) items.push(`<li><span class="chip chip-plain">unused</span> ${esc(u.section)} › <strong>${esc(u.label)}</strong>${at(u.line)}</li>`);
  for (const p of h.proposed) items.push(`<li><span class="chip chip-warn">proposed</span> ${esc(p.section)} › <strong>${esc(p.label)}</strong> waits for approval.${at(p.line)}</li>`);
  return `<section><h2>Brand-file health</h2>${items.length ? `<ul class="plain-list health">${items.join('')}</ul>` : '<p class="good-news">Nothing to look at.</p>'}</section>`;
}

const WEBVIEW_SCRIPT = `(function () {
  const vscode = acquireVsCodeApi();
  document.addEventListener('click', function (event) {
    const target = event.target instanceof Element ? event.target : null;
    if (target && target.closest('#refresh')) { vscode.postMessage({ type: 'refresh' }); return; }
    const a = target ? target.closest('a[data-path]') : null;
    if (!a) return;
    event.preventDefault();
    const section = a.closest('[data-root]');
    vscode.postMessage({
      type: 'open',
      root: section ? section.getAttribute('data-root') : null,
      path: a.getAttribute('data-path'),
      line: Number(a.getAttribute('data-line')),
      column: Number(a.getAttribute('data-column')),
      endLine: Number(a.getAttribute('data-end-line')),
      endColumn: Number(a.getAttribute('data-end-column')),
    });
  });
})();`;

const CSS = `
:root {
  --bg: #f5f4ef; --card: #ffffff; --ink: #1c2230; --muted: #667085; --line: #e6e3da; --track: #ecebe5;
  --error: #c8372d; --warning: #d08a00; --info: #3470c2; --ok: #2e8b57; --accent: #33407a;
  --font: -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  --mono: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
}
body.vscode-dark, body.vscode-high-contrast {
  --bg: var(--vscode-editor-background, #1e1e1e); --card: var(--vscode-sideBar-background, #252526); --ink: var(--vscode-editor-foreground, #e8e8e8);
  --muted: #9aa3b2; --line: #3a3d44; --track: #34373d; --accent: #9fb0ff; --error: #f0665c; --warning: #e5a836; --info: #6ea8f7; --ok: #4cc281;
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--ink); font: 15px/1.5 var(--font); }
.page { max-width: 1180px; margin: 0 auto; padding: 32px 28px 48px; }
.section-heading { font-weight: 600; color: var(--muted); border-top: 1px solid var(--line); padding-top: 24px; }
.masthead { border-bottom: 3px solid var(--ink); padding-bottom: 14px; margin-bottom: 22px; }
.kicker { text-transform: uppercase; letter-spacing: .14em; font-size: 12px; font-weight: 700; color: var(--accent); margin: 0; }
h1 { font-size: 40px; line-height: 1.1; margin: 6px 0 6px; letter-spacing: -.01em; }
h2 { font-size: 21px; margin: 36px 0 12px; }
h3 { font-size: 17px; margin: 0 0 4px; }
.meta, .small { font-size: 13px; }
.meta { color: var(--muted); margin: 0; }
.muted { color: var(--muted); }
code, .rule-id { font-family: var(--mono); font-size: 12px; }
.rule-id { color: var(--muted); background: var(--track); border-radius: 4px; padding: 1px 5px; white-space: nowrap; }
h2 .rule-id { font-size: 12px; vertical-align: middle; font-weight: 400; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 12px; padding: 16px 18px; box-shadow: 0 1px 2px rgba(16,24,40,.05); }
.cards { display: grid; grid-template-columns: 1.7fr 1fr 1fr 1fr 1fr; gap: 14px; }
.score-card { display: flex; gap: 16px; align-items: center; }
.score-card p { margin: 2px 0; }
.label { font-size: 13px; color: var(--muted); margin: 0; }
.band { font-size: 20px; font-weight: 700; white-space: nowrap; }
.band-good { color: var(--ok); } .band-fair { color: var(--warning); } .band-poor { color: var(--error); }
.counts { font-size: 13px; list-style: none; padding: 0; margin: 4px 0; display: flex; flex-wrap: wrap; gap: 0 4px; }
.counts .dot { margin-left: 0; }
.stat { border-top: 4px solid var(--line); }
.stat-good { border-top-color: var(--ok); } .stat-warn { border-top-color: var(--warning); } .stat-bad { border-top-color: var(--error); }
.big { font-size: 34px; font-weight: 700; margin: 0; line-height: 1.1; }
.big .of { font-size: 18px; color: var(--muted); font-weight: 600; }
.gauge { flex: none; }
.gauge .track { stroke: var(--track); }
.gauge .arc-good { stroke: var(--ok); } .gauge .arc-fair { stroke: var(--warning); } .gauge .arc-poor { stroke: var(--error); }
.gauge-value { font: 700 34px var(--font); fill: var(--ink); }
.gauge-unit { font: 11px var(--font); fill: var(--muted); }
.dot { display: inline-block; width: 9px; height: 9px; border-radius: 50%; margin: 0 5px 0 8px; }
.dot.sev-error, .sev-error { background: var(--error); fill: var(--error); }
.dot.sev-warning, .sev-warning { background: var(--warning); fill: var(--warning); }
.dot.sev-info, .sev-info { background: var(--info); fill: var(--info); }
.sev-text-error { color: var(--error); font-weight: 600; } .sev-text-warning { color: var(--warning); font-weight: 600; } .sev-text-info { color: var(--info); }
.good-news { background: var(--card); border: 1px solid var(--line); border-left: 5px solid var(--ok); border-radius: 8px; padding: 12px 16px; }
.alert { background: var(--card); border-left: 5px solid var(--error); padding: 10px 14px; border-radius: 8px; }
.conflicts { display: grid; grid-template-columns: repeat(auto-fill, minmax(340px, 1fr)); gap: 14px; }
.conflict { border-left: 5px solid var(--error); }
.value-row { display: grid; grid-template-columns: 110px 1fr; gap: 10px; border-top: 1px dashed var(--line); padding-top: 8px; margin-top: 8px; }
.value { font-size: 24px; font-weight: 700; margin: 0; }
.statements, .uses, .findings, .plain-list { list-style: none; margin: 0; padding: 0; }
.statements li, .uses li, .findings li, .plain-list li { margin: 0 0 8px; }
.quote { display: block; color: var(--muted); font-size: 13px; border-left: 2px solid var(--line); padding-left: 8px; margin-top: 2px; overflow-wrap: anywhere; }
.written { font-weight: 600; }
table { width: 100%; border-collapse: separate; border-spacing: 0; background: var(--card); border: 1px solid var(--line); border-radius: 12px; overflow: hidden; }
th, td { text-align: left; vertical-align: top; padding: 10px 12px; border-bottom: 1px solid var(--line); font-size: 14px; }
th { font-size: 12px; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); background: var(--track); }
tr:last-child td { border-bottom: none; }
td.num, th.num { text-align: right; white-space: nowrap; }
.ledger td:first-child { width: 18%; } .ledger td:nth-child(2) { width: 24%; } .ledger td:nth-child(3) { width: 12%; }
.chip { display: inline-block; border-radius: 999px; padding: 1px 9px; font-size: 12px; font-weight: 600; white-space: nowrap; border: 1px solid transparent; }
.chip b { font-weight: 700; margin-left: 2px; }
.chip-ok { background: rgba(46,139,87,.13); color: var(--ok); border-color: rgba(46,139,87,.35); }
.chip-warn { background: rgba(208,138,0,.14); color: var(--warning); border-color: rgba(208,138,0,.4); }
.chip-bad { background: rgba(200,55,45,.12); color: var(--error); border-color: rgba(200,55,45,.4); }
.chip-plain { background: var(--track); color: var(--ink); }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(520px, 1fr)); gap: 14px; }
figure { margin: 0; }
figcaption { font-weight: 600; margin-bottom: 8px; }
.bars text { font: 13px var(--font); fill: var(--ink); }
.bars .bar-note { fill: var(--muted); }
.bar-track { fill: var(--track); }
.fill-good { fill: var(--ok); } .fill-fair { fill: var(--warning); } .fill-poor { fill: var(--error); }
.mini-score-text { font: 600 11px var(--font); fill: var(--ink); }
.legend { font-size: 12px; color: var(--muted); }
details.spelling { display: inline-block; margin: 0 6px 6px 0; vertical-align: top; }
details.spelling summary { list-style: none; cursor: pointer; }
details.spelling summary::-webkit-details-marker { display: none; }
details.spelling[open] { display: block; background: var(--bg); border-radius: 8px; padding: 6px 8px; }
details.spelling p { margin: 4px 0; }
details summary { cursor: pointer; }
.where a { margin-right: 8px; }
.minis { display: grid; grid-template-columns: repeat(auto-fill, minmax(330px, 1fr)); gap: 14px; }
.mini .tagline { font-size: 18px; font-weight: 600; margin: 4px 0 10px; }
a.loc { color: var(--accent); text-decoration: none; font-family: var(--mono); font-size: 12.5px; overflow-wrap: anywhere; }
a.loc:hover { text-decoration: underline; }
.toolbar { position: sticky; top: 0; display: flex; justify-content: flex-end; padding: 8px 16px; background: var(--bg); border-bottom: 1px solid var(--line); z-index: 1; }
.toolbar button { font: inherit; font-size: 13px; padding: 4px 12px; border-radius: 6px; border: 1px solid var(--line); background: var(--card); color: var(--ink); cursor: pointer; }
footer { margin-top: 40px; border-top: 1px solid var(--line); color: var(--muted); font-size: 13px; }
.empty { font-size: 16px; }
@media (max-width: 900px) { .cards { grid-template-columns: 1fr 1fr; } .score-card { grid-column: 1 / -1; } }
@media print { body { background: #fff; } .card, table { box-shadow: none; } details { display: block; } }
`;
