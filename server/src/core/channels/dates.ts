/**
 * Calendar facts for the press-release checks: month and weekday names as copy writes them, AP month
 * forms, the weekday of a date (proleptic Gregorian, leap years included) and the date a document speaks
 * from. Pure functions; no clock.
 */

export interface CalendarDate {
  year: number;
  /** 1–12. */
  month: number;
  day: number;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** AP: with a specific date, Jan., Feb., Aug., Sept., Oct., Nov., Dec.; March–July spelled out. */
const AP_MONTHS = ['Jan.', 'Feb.', 'March', 'April', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];
export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const WEEKDAY_ABBREVIATIONS = ['Sun.', 'Mon.', 'Tue.', 'Wed.', 'Thu.', 'Fri.', 'Sat.'];

/** A month name as written with a day: full, AP or three-letter, with or without a period. Capitalised. */
export const MONTH_PATTERN = String.raw`(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?`;

/** A weekday name: full, or abbreviated with a period ("Wed.", "Tues."). Capitalised. */
export const WEEKDAY_PATTERN = String.raw`(?:Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|(?:Sun|Mon|Tues|Tue|Wed|Thurs|Thur|Thu|Fri|Sat)\.)`;

/**
 * Whether `text` may hold a WEEKDAY_PATTERN match: every alternative opens with one of these seven
 * capitalised three-letter stems, so text without any of them holds none. A profile of the 5 KB press
 * release showed pr.day-date's weekday-and-date pattern (a look-behind at every position) run over every
 * block for about 25 µs a check, where only a block naming a weekday can match; the literal search costs ~1 µs.
 */
export function mayHoldWeekday(text: string): boolean {
  return WEEKDAY_STEM.test(text);
}

const WEEKDAY_STEM = /Sun|Mon|Tue|Wed|Thu|Fri|Sat/;

/**
 * Month number (1–12) of a written month name, or undefined: the month whose name, or (for three letters)
 * whose first three letters, is the word, case and a final period aside. A table look-up; the search it
 * replaces (kept in test/unit/pr-fastpaths.test.ts) lowercased the twelve names on every call.
 */
export function monthNumber(word: string): number | undefined {
  const w = word.endsWith('.') ? word.slice(0, -1).toLowerCase() : word.toLowerCase();
  return MONTH_NUMBERS.get(w);
}

/** Each month's lowercase name and first three letters, and "sept"; no two months share a key. */
const MONTH_NUMBERS = new Map<string, number>([
  ...MONTHS.flatMap((m, i): Array<[string, number]> => [
    [m.toLowerCase(), i + 1],
    [m.slice(0, 3).toLowerCase(), i + 1],
  ]),
  ['sept', 9],
]);

/** Weekday index (0 = Sunday) of a written weekday name, or undefined. */
export function weekdayNumber(word: string): number | undefined {
  const w = word.replace(/\.$/, '').toLowerCase();
  const i = WEEKDAYS.findIndex((d) => d.toLowerCase() === w || (w.length >= 3 && d.toLowerCase().startsWith(w)));
  return i < 0 ? undefined : i;
}

export function apMonth(month: number): string {
  return AP_MONTHS[month - 1];
}

export function fullMonth(month: number): string {
  return MONTHS[month - 1];
}

/** The weekday as the copy wrote the wrong one: full name, or an abbreviation, in the same letter case. */
export function weekdayLike(written: string, weekday: number): string {
  const name = written.endsWith('.') ? WEEKDAY_ABBREVIATIONS[weekday] : WEEKDAYS[weekday];
  if (written === written.toUpperCase()) return name.toUpperCase();
  if (written === written.toLowerCase()) return name.toLowerCase();
  return name;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

export function isValidDate(d: CalendarDate): boolean {
  return d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= daysInMonth(d.year, d.month);
}

/** Weekday (0 = Sunday) of a valid date. */
export function weekdayOf(d: CalendarDate): number {
  return new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
}

/** "Sept. 16, 2025" (AP), or "Sept. 16" without a year. */
export function formatAp(month: number, day: number, year?: number): string {
  return `${apMonth(month)} ${day}${year === undefined ? '' : `, ${year}`}`;
}

/** A front-matter `date` (YYYY-MM-DD, a YAML timestamp or a Date), if it is a real date. */
export function parseIsoDate(value: unknown): CalendarDate | undefined {
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : typeof value === 'string' ? value.trim().slice(0, 10) : '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const d = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return isValidDate(d) ? d : undefined;
}

/** Days from `a` to `b`. */
export function daysBetween(a: CalendarDate, b: CalendarDate): number {
  return (Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000;
}

/**
 * The year of a month and day written without one, read from the release's own date: of the year before,
 * the same year and the year after, the one that puts the day nearest the release ("Jan. 6" in a release
 * of Dec. 20, 2025 is in 2026). Undefined when the day exists in none of them (Feb. 30).
 */
export function inferYear(month: number, day: number, reference: CalendarDate): number | undefined {
  let best: number | undefined;
  let bestDistance = Infinity;
  for (const year of [reference.year - 1, reference.year, reference.year + 1]) {
    const d = { year, month, day };
    if (!isValidDate(d)) continue;
    const distance = Math.abs(daysBetween(reference, d));
    if (distance < bestDistance) {
      best = year;
      bestDistance = distance;
    }
  }
  return best;
}
