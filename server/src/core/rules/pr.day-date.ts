import type { Rule } from '../rule';
import { channelSource, profileOf, sub } from '../channels/profile';
import { pressRelease } from '../channels/press';
import {
  MONTH_PATTERN,
  WEEKDAYS,
  WEEKDAY_PATTERN,
  formatAp,
  inferYear,
  isValidDate,
  mayHoldWeekday,
  monthNumber,
  weekdayLike,
  weekdayNumber,
  weekdayOf,
} from '../channels/dates';

/**
 * "Wednesday, Sept. 16, 2025" or "Wednesday 16 September": a weekday written next to a date must be that
 * date's weekday. A date without a year takes the year that puts it nearest the release's own date (its
 * dateline, else its front-matter `date`); with no such date the weekday is not checked. Applies where the
 * channel profile has `dateline` (press releases).
 */
const DAY_DATE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?<weekday>${WEEKDAY_PATTERN})(?:,\s*|\s+)` +
    String.raw`(?:(?<m1>${MONTH_PATTERN})\s+(?<d1>\d{1,2})(?:st|nd|rd|th)?|(?:the\s+)?(?<d2>\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?\s+(?<m2>${MONTH_PATTERN}))(?![\p{L}\p{N}])` +
    String.raw`(?:,?\s+(?<year>(?:19|20)\d\d)(?!\d))?`,
  'gu',
);

export const rule: Rule = {
  id: 'pr.day-date',
  description: 'A weekday that does not match the date next to it ("Wednesday, Sept. 16, 2025" was a Tuesday).',
  severity: 'error',
  check(ctx) {
    const profile = profileOf(ctx);
    if (!profile || !sub(profile.raw, 'dateline')) return;
    const reference = pressRelease(ctx).date;
    const source = channelSource(profile.channel);
    ctx.blocks.forEach(({ block }, b) => {
      // Every match opens with a weekday: a block naming none is skipped without the scan (see mayHoldWeekday).
      if (!mayHoldWeekday(block.text)) return;
      for (const m of block.text.matchAll(DAY_DATE)) {
        const g = m.groups ?? {};
        const weekday = weekdayNumber(g.weekday);
        const month = monthNumber(g.m1 ?? g.m2);
        const day = Number(g.d1 ?? g.d2);
        if (weekday === undefined || month === undefined) continue;
        const start = m.index ?? 0;
        const written = g.year ? Number(g.year) : undefined;
        const year = written ?? (reference ? inferYear(month, day, reference) : undefined);
        const shown = formatAp(month, day, written);
        if (year === undefined) {
          if (!reference) continue;
          ctx.report({ block: b, start, end: start + m[0].length, message: `There is no ${formatAp(month, day)}: check the date next to '${g.weekday}'.`, source });
          continue;
        }
        const date = { year, month, day };
        if (!isValidDate(date)) {
          ctx.report({ block: b, start, end: start + m[0].length, message: `There is no ${formatAp(month, day, year)}: check the date next to '${g.weekday}'.`, source });
          continue;
        }
        const actual = weekdayOf(date);
        if (actual === weekday) continue;
        const assumed = written === undefined ? ` (reading the date as ${year}, from the release's date)` : '';
        const right = weekdayLike(g.weekday, actual);
        ctx.report({
          block: b,
          start,
          end: start + g.weekday.length,
          message: `'${g.weekday}' does not match the date: ${shown} is a ${WEEKDAYS[actual]}${assumed}.`,
          fix: { title: `Replace with '${right}'`, text: right },
          source,
        });
      }
    });
  },
};
