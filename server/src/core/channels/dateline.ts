/**
 * AP datelines: "AUSTIN, Texas, June 10, 2025 — ", "PORTLAND, Ore., Sept. 16, 2025 — ", "CHICAGO, …".
 *
 * `parseDateline` reads the opening of a paragraph as a dateline when it has the shape place, date, dash
 * (however badly written); `datelineProblems` lists what departs from AP style, and `apDateline` writes the
 * corrected form when every problem can be corrected without guessing.
 */
import { MONTH_PATTERN, WEEKDAY_PATTERN, apMonth, fullMonth, monthNumber } from './dates';

/** [full name, postal code, AP dateline abbreviation]. The eight states AP never abbreviates keep their name. */
const STATES: Array<[string, string, string]> = [
  ['Alabama', 'AL', 'Ala.'], ['Alaska', 'AK', 'Alaska'], ['Arizona', 'AZ', 'Ariz.'], ['Arkansas', 'AR', 'Ark.'],
  ['California', 'CA', 'Calif.'], ['Colorado', 'CO', 'Colo.'], ['Connecticut', 'CT', 'Conn.'], ['Delaware', 'DE', 'Del.'],
  ['Florida', 'FL', 'Fla.'], ['Georgia', 'GA', 'Ga.'], ['Hawaii', 'HI', 'Hawaii'], ['Idaho', 'ID', 'Idaho'],
  ['Illinois', 'IL', 'Ill.'], ['Indiana', 'IN', 'Ind.'], ['Iowa', 'IA', 'Iowa'], ['Kansas', 'KS', 'Kan.'],
  ['Kentucky', 'KY', 'Ky.'], ['Louisiana', 'LA', 'La.'], ['Maine', 'ME', 'Maine'], ['Maryland', 'MD', 'Md.'],
  ['Massachusetts', 'MA', 'Mass.'], ['Michigan', 'MI', 'Mich.'], ['Minnesota', 'MN', 'Minn.'], ['Mississippi', 'MS', 'Miss.'],
  ['Missouri', 'MO', 'Mo.'], ['Montana', 'MT', 'Mont.'], ['Nebraska', 'NE', 'Neb.'], ['Nevada', 'NV', 'Nev.'],
  ['New Hampshire', 'NH', 'N.H.'], ['New Jersey', 'NJ', 'N.J.'], ['New Mexico', 'NM', 'N.M.'], ['New York', 'NY', 'N.Y.'],
  ['North Carolina', 'NC', 'N.C.'], ['North Dakota', 'ND', 'N.D.'], ['Ohio', 'OH', 'Ohio'], ['Oklahoma', 'OK', 'Okla.'],
  ['Oregon', 'OR', 'Ore.'], ['Pennsylvania', 'PA', 'Pa.'], ['Rhode Island', 'RI', 'R.I.'], ['South Carolina', 'SC', 'S.C.'],
  ['South Dakota', 'SD', 'S.D.'], ['Tennessee', 'TN', 'Tenn.'], ['Texas', 'TX', 'Texas'], ['Utah', 'UT', 'Utah'],
  ['Vermont', 'VT', 'Vt.'], ['Virginia', 'VA', 'Va.'], ['Washington', 'WA', 'Wash.'], ['West Virginia', 'WV', 'W.Va.'],
  ['Wisconsin', 'WI', 'Wis.'], ['Wyoming', 'WY', 'Wyo.'],
];

/** Cities AP datelines name without a state or country. */
const STANDALONE = new Set([
  // United States
  'ATLANTA', 'BALTIMORE', 'BOSTON', 'CHICAGO', 'CINCINNATI', 'CLEVELAND', 'DALLAS', 'DENVER', 'DETROIT', 'HONOLULU',
  'HOUSTON', 'INDIANAPOLIS', 'LAS VEGAS', 'LOS ANGELES', 'MIAMI', 'MILWAUKEE', 'MINNEAPOLIS', 'NEW ORLEANS', 'NEW YORK',
  'OKLAHOMA CITY', 'PHILADELPHIA', 'PHOENIX', 'PITTSBURGH', 'ST. LOUIS', 'SALT LAKE CITY', 'SAN ANTONIO', 'SAN DIEGO',
  'SAN FRANCISCO', 'SEATTLE', 'WASHINGTON',
  // Elsewhere
  'AMSTERDAM', 'BAGHDAD', 'BANGKOK', 'BEIJING', 'BEIRUT', 'BERLIN', 'BRUSSELS', 'CAIRO', 'DJIBOUTI', 'DUBLIN', 'GENEVA',
  'GIBRALTAR', 'GUATEMALA CITY', 'HAVANA', 'HELSINKI', 'HONG KONG', 'ISLAMABAD', 'ISTANBUL', 'JERUSALEM', 'JOHANNESBURG',
  'KABUL', 'KUWAIT CITY', 'LONDON', 'LUXEMBOURG', 'MACAU', 'MADRID', 'MEXICO CITY', 'MILAN', 'MONACO', 'MONTREAL',
  'MOSCOW', 'MUNICH', 'NEW DELHI', 'PANAMA CITY', 'PARIS', 'PRAGUE', 'QUEBEC CITY', 'RIO DE JANEIRO', 'ROME', 'SAN MARINO',
  'SAO PAULO', 'SHANGHAI', 'SINGAPORE', 'STOCKHOLM', 'SYDNEY', 'TOKYO', 'TORONTO', 'VATICAN CITY', 'VIENNA', 'ZURICH',
]);

const stateKey = (s: string): string => s.toLowerCase().replace(/[.\s]/g, '');
const STATE_BY_KEY = new Map<string, [string, string, string]>();
for (const s of STATES) for (const form of s) STATE_BY_KEY.set(stateKey(form), s);

export interface Dateline {
  /** Text offsets of the whole dateline, trailing space after the dash included. */
  start: number;
  end: number;
  /** Place as written ("Austin, TX"), its city and its state or country, if any. */
  place: string;
  city: string;
  region?: string;
  /** How the place is separated from the date: "," or a dash. */
  separator: string;
  weekday?: string;
  month: number;
  monthWritten: string;
  day: number;
  ordinal?: string;
  year?: number;
  /** A wire tag between date and dash ("/PRNewswire/"). */
  wire?: string;
  /** The dash as written; "" when there is none. */
  dash: string;
}

const PLACE = String.raw`\p{L}[\p{L}.'’ -]{0,40}?`;
const DATELINE = new RegExp(
  String.raw`^(?<city>${PLACE})(?:,\s*(?<region>${PLACE}))?(?<sep>,|\s+[—–-]{1,2})\s*` +
    String.raw`(?:(?<weekday>${WEEKDAY_PATTERN}),?\s+)?(?<month>${MONTH_PATTERN})\s+(?<day>\d{1,2})(?<ordinal>st|nd|rd|th)?(?!\d)` +
    String.raw`(?:,?\s+(?<year>(?:19|20)\d\d)(?!\d))?` +
    String.raw`(?:\s*(?<wire>/[^/\n]{2,40}/))?` +
    String.raw`(?:\s*(?<dash>—|–|--|-|:|,)(?!\d))?[ \t]*`,
  'u',
);

/** Reads the start of `text` as a dateline, if it has the shape of one. */
export function parseDateline(text: string): Dateline | undefined {
  const m = DATELINE.exec(text);
  const g = m?.groups;
  if (!m || !g) return undefined;
  const month = monthNumber(g.month);
  if (month === undefined) return undefined;
  const city = g.city.trim();
  const region = g.region?.trim();
  const line: Dateline = {
    start: 0,
    end: m[0].length,
    place: region ? `${city}, ${region}` : city,
    city,
    separator: g.sep.trim(),
    month,
    monthWritten: g.month,
    day: Number(g.day),
    dash: g.dash ?? '',
  };
  if (region) line.region = region;
  if (g.weekday) line.weekday = g.weekday;
  if (g.ordinal) line.ordinal = g.ordinal;
  if (g.year) line.year = Number(g.year);
  if (g.wire) line.wire = g.wire;
  return line;
}

export interface DatelineProblems {
  /** Plain-language problems, in reading order. */
  problems: string[];
  /** The place AP style (or the brand file) wants, when it is known; otherwise a correction needs a human. */
  place?: string;
}

/**
 * What departs from an AP dateline. With `configured` ("AUSTIN, Texas"), the place must be exactly that;
 * without it, the city must be in capitals and followed by its state's AP form, unless it stands alone.
 */
export function datelineProblems(d: Dateline, configured: string | undefined): DatelineProblems {
  const problems: string[] = [];
  let place: string | undefined;
  if (configured) {
    const comma = configured.indexOf(',');
    const configuredCity = (comma < 0 ? configured : configured.slice(0, comma)).trim();
    if (d.place !== configured) {
      if (d.city.toUpperCase() === configuredCity.toUpperCase()) {
        problems.push(`write the place as '${configured}'`);
        place = configured;
      } else {
        problems.push(`the place should be '${configured}'`);
      }
    } else {
      place = configured;
    }
  } else {
    const city = d.city.toUpperCase();
    let ok = true;
    if (d.city !== city) problems.push(`put the city in capitals ('${city}')`);
    let region = d.region;
    if (d.region) {
      const state = STATE_BY_KEY.get(stateKey(d.region));
      if (state && d.region !== state[2]) {
        problems.push(state[1] === d.region ? `'${d.region}' is a postal code; AP writes '${state[2]}'` : `AP writes '${d.region}' as '${state[2]}'`);
        region = state[2];
      }
    } else if (!STANDALONE.has(city)) {
      problems.push(`add the state or country after '${city}' (only cities such as CHICAGO stand alone)`);
      ok = false;
    }
    if (ok) place = region ? `${city}, ${region}` : city;
  }
  if (d.separator !== ',') problems.push('separate the place from the date with a comma');
  const ap = apMonth(d.month);
  if (d.monthWritten !== ap) {
    problems.push(
      ap.endsWith('.') ? `abbreviate the month as '${ap}'` : `spell out '${fullMonth(d.month)}'`,
    );
  }
  if (d.ordinal) problems.push(`drop the '${d.ordinal}' after the day ('${ap} ${d.day}')`);
  if (!['—', '–', '--'].includes(d.dash)) problems.push(d.dash ? `use a dash ('—') instead of '${d.dash}' after the date` : "follow the date with a dash ('—')");
  return place ? { problems, place } : { problems };
}

/** The corrected dateline text, trailing space included. */
export function apDateline(place: string, d: Pick<Dateline, 'weekday' | 'month' | 'day' | 'year'>): string {
  const weekday = d.weekday ? `${d.weekday}, ` : '';
  const year = d.year === undefined ? '' : `, ${d.year}`;
  return `${place}, ${weekday}${apMonth(d.month)} ${d.day}${year} — `;
}
