import { RejectedArticleError } from '../errors.js';
import { inWindow, WINDOW } from '../trends/time.js';

/** A publication time as stored (UTC ISO), and the zone it was read in when it had none. */
export type PublicationTime = { readonly publishedAt: string; readonly assumedZone?: string | undefined };

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

const EXPECTED =
  'expected 2022-11-08, 2022-11-08T12:00:00Z, 2022-11-08T12:00:00+02:00 or 2022-11-08T12:00:00';

const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** What is wrong with a value that has the shape of an ISO date(-time) but not its content. */
function fieldProblem(f: number[], zone: string | undefined): string | undefined {
  const [y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0] = f;
  if (mo < 1 || mo > 12) return `month ${mo} does not exist`;
  if (d < 1 || d > daysIn(y, mo)) return `day ${d} does not exist in ${y}-${String(mo).padStart(2, '0')}`;
  if (h > 23) return `hour ${h} is out of range (00-23)`;
  if (mi > 59) return `minute ${mi} is out of range (00-59)`;
  if (s > 59) return `second ${s} is out of range (00-59)`;
  if (zone && /^[+-]/.test(zone)) {
    const digits = zone.replace(/[^0-9]/g, '');
    const oh = Number(digits.slice(0, 2));
    const om = Number(digits.slice(2) || '0');
    if (oh > 14 || om > 59) return `offset ${zone} is out of range (at most ±14:00)`;
  }
  return undefined;
}

/** Milliseconds `zone` is ahead of UTC at the instant `utc`. */
function zoneOffset(zone: string, utc: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(utc));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - Math.floor(utc / 1000) * 1000;
}

/** The UTC instant of a wall-clock time in an IANA zone (the earlier one in a repeated hour). */
function wallClockIn(zone: string, wall: number): number {
  const first = wall - zoneOffset(zone, wall);
  return wall - zoneOffset(zone, first);
}

/**
 * Reads an ISO 8601 date or date-time: with a zone (`Z`, `+02:00`) as written; without one in
 * `defaultZone`, which the result names; a date alone is midnight UTC. Anything else, a field out
 * of range or a time outside the supported window is a rejection that says what is wrong.
 */
export function publicationTime(value: string, origin: string, defaultZone: string): PublicationTime {
  const shown = `${origin} "${value.slice(0, 60)}"`;
  const m = ISO.exec(value.trim());
  if (!m) {
    const hint = /^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}/.test(value.trim())
      ? ' (write the year first: 2022-11-08)'
      : '';
    throw new RejectedArticleError(`${shown} is not an ISO 8601 date or date-time${hint}: ${EXPECTED}`);
  }
  const fields = m.slice(1, 7).map((x) => Number(x ?? 0));
  const zone = m[8];
  const problem = fieldProblem(fields, zone);
  if (problem) throw new RejectedArticleError(`${shown} is not an ISO 8601 date or date-time: ${problem}`);
  const [y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0] = fields;
  const ms = Number((m[7] ?? '0').padEnd(3, '0').slice(0, 3));
  const wall = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  let time: number;
  let assumedZone: string | undefined;
  if (m[4] === undefined || zone?.toUpperCase() === 'Z') time = wall;
  else if (zone) {
    const digits = zone.replace(/[^0-9]/g, '');
    const offset = (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0')) * 60_000;
    time = wall - (zone.startsWith('-') ? -offset : offset);
  } else {
    time = defaultZone === 'UTC' ? wall : wallClockIn(defaultZone, wall);
    assumedZone = defaultZone;
  }
  if (!inWindow(time))
    throw new RejectedArticleError(`${shown} is outside the supported window ${WINDOW.text}`);
  return { publishedAt: new Date(time).toISOString(), assumedZone };
}

/** A zone written out in a date: `GMT`, `UTC`, `Z`, `+0200`, `-05:00`, a US zone abbreviation. */
const EXPLICIT_ZONE = /(?:\b(?:GMT|UTC|Z|[ECMP][SD]T)\b|[+-]\d{2}:?\d{2})\s*$/;

/**
 * The first of a page's dates, in order of trust, that reads as a time in the window: ISO 8601
 * as publicationTime reads it, or an RFC 2822 style date with its zone written out
 * (`Mon, 18 Nov 2019 16:07:38 -0600`). Pages write all sorts; an unreadable one is skipped, not
 * a rejection.
 */
export function pageTime(candidates: readonly string[], defaultZone: string): PublicationTime | undefined {
  for (const value of candidates) {
    try {
      return publicationTime(value, 'page date', defaultZone);
    } catch {
      if (!EXPLICIT_ZONE.test(value.trim())) continue;
      const time = Date.parse(value.replace(/,(?=\s*\d{1,2}:\d{2})/, ''));
      if (!Number.isNaN(time) && inWindow(time) && time > Date.UTC(1990, 0, 1))
        return { publishedAt: new Date(time).toISOString() };
    }
  }
  return undefined;
}
