/** Wording and links shared by the report's Markdown and HTML forms. */
import type { ClaimUseStatus, Location, SpellingStatus, WorkspaceReport } from './types';

export const STATUS_LABEL: Record<ClaimUseStatus, string> = {
  ok: 'OK',
  overstated: 'Overstated',
  understated: 'Understated',
  qualifier: 'Qualifier dropped',
  fact: 'Wrong fact',
  expired: 'Expired',
  expiring: 'Expiring',
  flagged: 'Needs attention',
};

export const SPELLING_LABEL: Record<SpellingStatus, string> = {
  approved: 'approved',
  admitted: 'admitted in some channels',
  variant: 'variant',
  retired: 'retired',
  deprecated: 'deprecated',
};

export const BAND_LABEL = { good: 'Good', fair: 'Fair', poor: 'Needs work' } as const;

export const SCORE_FORMULA =
  'Per document: 100 · n / (n + w), with n = max(1, words ÷ 75) and w = errors + ½ · warnings + ¼ · info. The workspace and each channel score the mean of their documents. 80+ good, 60–79 fair, below 60 needs work.';

/**
 * The link to a location, relative to where the report is read: `prefix` + the path, each segment
 * percent-encoded and the whole starting with "./" or "../", so that no path can read as a URL scheme
 * ("javascript:…"); an absolute path becomes a file: URL. `#L<line>` as code hosts understand it.
 */
export function hrefFor(location: Location, prefix = ''): string {
  const path = prefix + location.path;
  const encoded = URI_SAFE.test(path) ? path : encodeSegments(path);
  const relative = encoded.startsWith('/') ? `file://${encoded}` : encoded.startsWith('../') || encoded.startsWith('./') ? encoded : `./${encoded}`;
  return `${relative}#L${location.line}`;
}

/** Each segment of a path percent-encoded; "." and ".." kept. */
function encodeSegments(path: string): string {
  return path
    .split('/')
    .map((segment) => (segment === '..' || segment === '.' ? segment : encodeURIComponent(segment)))
    .join('/');
}

/**
 * Paths that encodeSegments returns unchanged: encodeURIComponent leaves these characters as they are. A
 * report links every location, and most paths are plain; splitting and encoding each cost more than the
 * test.
 */
const URI_SAFE = /^[A-Za-z0-9\-_.!~*'()/]*$/;

export function place(location: Location): string {
  return `${location.path}:${location.line}:${location.column}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

export function title(report: WorkspaceReport): string {
  return report.company ? `${report.company}: consistency report` : 'Consistency report';
}

/** "1 April 2026" from an ISO date; the ISO text when it is not one. */
export function longDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  return `${Number(m[3])} ${months[Number(m[2]) - 1]} ${m[1]}`;
}
