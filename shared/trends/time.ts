/** UTC bucket keys: a day is `2022-11-10`, an hour `2022-11-10T12`. They sort as they read. */
export type Granularity = 'day' | 'hour';

export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;
export const stepOf = (g: Granularity) => (g === 'day' ? DAY_MS : HOUR_MS);

/**
 * The times trendwire stores and serves: 1970-01-01T00:00:00Z to 2199-12-31T23:59:59.999Z. Every
 * key has a four-digit year inside it (past 9999 toISOString writes `+010000-01`, which sorts
 * before `9999-12`), and a query outside it is a 400, an article a rejection.
 */
export const WINDOW = { from: 0, to: Date.UTC(2200, 0, 1) - 1, text: '1970-01-01 to 2199-12-31 (UTC)' };
export const inWindow = (time: number): boolean => time >= WINDOW.from && time <= WINDOW.to;

const DATE_TIME_PARTS = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?/;

/**
 * Whether the calendar fields of an ISO 8601 date or date-time exist: Date.parse rolls
 * `2022-02-30T00:00:00Z` over to March 2 and reads `T24:00` as the next day.
 */
export function realCalendarTime(value: string): boolean {
  const m = DATE_TIME_PARTS.exec(value);
  if (!m) return false;
  const [y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0] = m.slice(1).map((f) => Number(f ?? 0));
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1] ?? 0;
  return d >= 1 && d <= days && h < 24 && mi < 60 && s < 60;
}

export function bucketKey(time: number | string, g: Granularity): string {
  const iso = new Date(time).toISOString();
  return g === 'day' ? iso.slice(0, 10) : iso.slice(0, 13);
}

/** Start of the bucket holding `time`, in ms. */
export function bucketStart(time: number, g: Granularity): number {
  const step = stepOf(g);
  return Math.floor(time / step) * step;
}

/** `2022-11-10T12:00:00Z` style: UTC ISO 8601 without milliseconds. */
export const isoSeconds = (time: number): string => `${new Date(time).toISOString().slice(0, 19)}Z`;

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/**
 * `2022-11-10T12:00:00Z` of a whole-hour UTC time, by integer arithmetic (days to civil date,
 * after Howard Hinnant's algorithm): a year's trend formats 366 bucket starts, and Date's
 * toISOString made up most of the time the API spent building it. Years 0–9999.
 */
export function hourStartIso(time: number): string {
  const days = Math.floor(time / DAY_MS);
  const hour = Math.floor((time - days * DAY_MS) / HOUR_MS);
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}T${pad2(hour)}:00:00Z`;
}
