/**
 * The report as Markdown, for a pull-request comment or a wiki page. Every piece of document and
 * brand-file text is escaped, so copy can neither break a table nor become markup or a link.
 */
import type { ClaimLedgerEntry, Counts, Location, WorkspaceReport } from './types';
import { BAND_LABEL, SCORE_FORMULA, SPELLING_LABEL, STATUS_LABEL, hrefFor, longDate, place, plural, title } from './text';

export interface MarkdownOptions {
  /** Put before every document path in links: the way from the report's folder to the paths' base. */
  linkPrefix?: string;
}

/**
 * Text for a Markdown table cell or line: the characters that make emphasis, code, links, tables and
 * strikethrough backslash-escaped, `<` and `&` as entities (no HTML), white space folded.
 */
export function mdText(s: string): string {
  // One pass, not four (a profile of the warm 10,000-document report put mdText at 4% of the main thread):
  // the four replacements touch disjoint characters and none makes a character another one replaces, except
  // "&lt;", whose "&" the sequential form escaped before making it, as this does.
  // Most text needs nothing done (17 MB of the 10,000-document report's messages): MD_CHANGES, a single
  // class, says so faster than MD_SPECIAL's alternatives fail to match at every character.
  return MD_CHANGES.test(s) ? s.replace(MD_SPECIAL, (m) => MD_ESCAPE[m] ?? ' ') : s;
}

/** White space that folding changes (a run of two or more, or one that is not a plain space) and the escaped characters. */
const MD_SPECIAL = /\s{2,}|[^\S ]|[\\`*_[\]|~&<]/g;
/**
 * Matches wherever MD_SPECIAL does: the escaped characters, white space other than a plain space (\s
 * spelled out) and two plain spaces. One character class first, which the engine scans for quickly.
 */
const MD_CHANGES = /[\t-\r\\`*_[\]|~&<\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]|  /;
const MD_ESCAPE: Record<string, string> = { '&': '&amp;', '<': '&lt;' };
for (const c of '\\`*_[]|~') MD_ESCAPE[c] = `\\${c}`;

export function formatReportMarkdown(report: WorkspaceReport, options: MarkdownOptions = {}): string {
  const link = (l: Location): string => `[${mdText(place(l))}](<${hrefFor(l, options.linkPrefix)}>)`;
  const out: string[] = [];
  const t = report.totals;
  out.push(`# ${mdText(title(report))}`, '');
  out.push(
    `Judged on ${longDate(report.today)}${report.brandFile ? ` against ${mdText(report.brandFile)}` : ''} · ${plural(t.documents, 'document')} · ${plural(t.words, 'word')}`,
    '',
  );
  out.push(
    `**Consistency score: ${report.score.value} / 100 (${BAND_LABEL[report.score.band]})** · ${plural(t.error, 'error')}, ${plural(t.warning, 'warning')}, ${t.info} info · ${t.suppressed} suppressed · ${plural(t.conflicts, 'conflict')} between documents`,
    '',
  );
  if (t.failures > 0) out.push(`> ${plural(t.failures, 'check')} failed on some documents; their findings there are missing.`, '');

  out.push('## Where documents disagree', '');
  if (report.conflicts.length === 0) out.push('No subject is stated with different figures in different documents.', '');
  for (const c of report.conflicts) {
    out.push(`### ${mdText(c.subject)}${c.approved ? ` (approved: ${mdText(c.approved)})` : ''}`, '');
    out.push('| Figure | Where | As written |', '|---|---|---|');
    for (const v of c.values) {
      for (const s of v.statements) out.push(`| ${mdText(v.display)} | ${link(s.location)} | ${mdText(s.wording)} |`);
    }
    out.push('');
  }

  out.push('## Claims ledger', '');
  for (const claim of report.claims) out.push(...ledgerEntry(claim, link));

  out.push('## Findings by channel', '', '| Channel | Documents | Words | Errors | Warnings | Info | Score |', '|---|--:|--:|--:|--:|--:|--:|');
  for (const c of report.channels) out.push(`| ${c.channel === null ? '(no channel)' : mdText(c.channel)} | ${c.documents} | ${c.words} | ${counts(c.counts)} | ${c.score} |`);
  out.push('');

  out.push('## Findings by rule', '');
  if (report.rules.length === 0) out.push('No findings.', '');
  else {
    out.push('| Rule | Errors | Warnings | Info | Documents |', '|---|--:|--:|--:|--:|');
    for (const r of report.rules) out.push(`| \`${r.rule}\` | ${counts(r.counts)} | ${r.documents} |`);
    out.push('');
  }

  out.push('## Documents', '', '| Document | Channel | Words | Errors | Warnings | Info | Score |', '|---|---|--:|--:|--:|--:|--:|');
  for (const d of report.documents) {
    const first: Location = { path: d.path, line: 1, column: 1, endLine: 1, endColumn: 1 };
    out.push(`| [${mdText(d.path)}](<${hrefFor(first, options.linkPrefix)}>) | ${d.channel === null ? '' : mdText(d.channel)} | ${d.words} | ${counts(d.counts)} | ${d.score} |`);
  }
  out.push('');
  for (const d of report.documents.filter((x) => x.findings.length > 0)) {
    out.push(`### ${mdText(d.path)}`, '', '| Where | Severity | Rule | Message |', '|---|---|---|---|');
    for (const f of d.findings) out.push(`| ${link(f.location)} | ${f.severity} | \`${f.rule}\` | ${mdText(f.message)} |`);
    out.push('');
  }

  out.push('## Name census', '', '| Entry | Spelling | Status | Count | Where |', '|---|---|---|--:|---|');
  for (const e of report.census) {
    e.spellings.forEach((s, i) => {
      const status = `${SPELLING_LABEL[s.status]}${s.flagged && s.status !== 'approved' ? ` (${s.flagged} flagged)` : ''}`;
      out.push(`| ${i === 0 ? mdText(e.label) : ''} | ${mdText(s.text)} | ${status} | ${s.count} | ${s.locations.slice(0, 5).map(link).join(', ')}${s.locations.length > 5 ? ` and ${s.locations.length - 5} more` : ''} |`);
    });
  }
  out.push('');

  out.push('## Taglines', '');
  for (const tl of report.taglines) {
    out.push(`- **${mdText(tl.text)}** (${tl.status})${tl.versions.length === 0 ? ': not used' : ''}`);
    for (const v of tl.versions) out.push(`  - ${v.exact ? 'word for word' : 'near miss'}: “${mdText(v.text)}” ×${v.count}: ${v.locations.map(link).join(', ')}`);
  }
  out.push('');

  out.push('## Boilerplate', '');
  for (const b of report.boilerplate) {
    out.push(`- **${mdText(b.heading)}**${b.version ? ` (version ${mdText(b.version)})` : ''}${b.versions.length === 0 ? ': not used' : ''}`);
    for (const v of b.versions) out.push(`  - ${v.current ? 'approved text' : 'a different text'}: ${v.locations.map(link).join(', ')}`);
    if (b.missingIn.length) out.push(`  - missing where required: ${b.missingIn.map(mdText).join(', ')}`);
  }
  out.push('');

  out.push('## Suppressions', '');
  if (report.suppressions.length === 0) out.push('None.', '');
  else {
    out.push('| Where | Rules | Lines | Hidden | Note |', '|---|---|---|--:|---|');
    for (const s of report.suppressions) {
      out.push(`| ${link(s.location)} | ${s.rules.length ? s.rules.map((r) => `\`${r}\``).join(', ') : 'all rules'} | ${s.fromLine === s.toLine ? s.fromLine : `${s.fromLine}–${s.toLine}`} | ${s.hidden} | ${s.note ? mdText(s.note) : ''} |`);
    }
    out.push('');
  }

  out.push('## Brand-file health', '');
  const h = report.health;
  const health: string[] = [];
  if (h.lastReviewed) health.push(`Last reviewed ${h.lastReviewed}${h.reviewDue ? `; next review ${h.reviewOverdue ? '**overdue** since' : 'due'} ${h.reviewDue}` : ''}.`);
  for (const c of h.claims) health.push(`Claim \`${mdText(c.id)}\` (${mdText(c.subject)}) ${c.state === 'expired' ? `expired on ${c.validUntil}` : `expires on ${c.validUntil}, in ${plural(c.days, 'day')}`}.`);
  for (const u of h.unused) health.push(`Used nowhere: ${u.section} › ${mdText(u.id)} (${mdText(u.label)})${u.line ? `, line ${u.line}` : ''}.`);
  for (const p of h.proposed) health.push(`Waiting for approval: ${p.section} › ${mdText(p.id)} (${mdText(p.label)}).`);
  for (const p of h.problems) health.push(`${p.severity} \`${p.code}\`${p.line ? ` line ${p.line}` : ''}: ${mdText(p.message)}`);
  out.push(...(health.length ? health.map((x) => `- ${x}`) : ['Nothing to report.']), '');

  out.push('---', '', `*How the score is computed.* ${mdText(SCORE_FORMULA)}`, '');
  return out.join('\n');
}

function counts(c: Counts): string {
  return `${c.error} | ${c.warning} | ${c.info}`;
}

function ledgerEntry(claim: ClaimLedgerEntry, link: (l: Location) => string): string[] {
  const validity = claim.validUntil ? ` · valid until ${claim.validUntil}${claim.state !== 'current' ? ` (**${claim.state}**)` : ''}` : '';
  const out = [`### ${mdText(claim.subject)}: ${mdText(claim.approved)}`, '', `\`${mdText(claim.id)}\`${validity}${claim.source ? ` · source: ${mdText(claim.source)}` : ''}`, ''];
  if (claim.uses.length === 0) return [...out, 'Not used in any document.', ''];
  out.push('| Where | As written | Implies | Status | Sentence |', '|---|---|---|---|---|');
  for (const u of claim.uses) {
    const status = `${STATUS_LABEL[u.status]}${u.issues.length ? ` (${u.issues.map((r) => `\`${r}\``).join(', ')})` : ''}${u.suppressed ? ', suppressed' : ''}`;
    out.push(`| ${link(u.location)} | ${mdText(u.written)} | ${mdText(u.implied)} | ${status} | ${mdText(u.wording)} |`);
  }
  return [...out, ''];
}
