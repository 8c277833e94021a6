import { bucketStart, DAY_MS, type Granularity, stepOf } from './time.js';

/**
 * The buckets a trend can be read in: the stored ones (day, hour) and calendar periods summed from
 * the day counters — ISO weeks (Monday to Sunday, UTC) and calendar months (UTC).
 */
/** Plain data, not a zod enum: the dashboard imports this module and should not bundle zod. */
export const TREND_GRANULARITIES = ['day', 'hour', 'week', 'month'] as const;
export type TrendGranularity = (typeof TREND_GRANULARITIES)[number];
/** The granularities summed from days (their unique counts are stored apart: shared/ingest/unique.ts). */
export type PeriodGranularity = Exclude<TrendGranularity, 'day' | 'hour'>;

/**
 * At most this many buckets a response: a year of days, a month of hours, ~5 years of weeks, 20
 * years of months. The dashboard keeps its ranges within them.
 */
export const MAX_BUCKETS: Record<TrendGranularity, number> = { day: 366, hour: 744, week: 262, month: 240 };

export const isStoredGranularity = (g: TrendGranularity): g is Granularity => g === 'day' || g === 'hour';

/** Start of the bucket or period holding `time`, in ms. */
export function periodStart(time: number, g: TrendGranularity): number {
  if (isStoredGranularity(g)) return bucketStart(time, g);
  const days = Math.floor(time / DAY_MS);
  // 1970-01-01 was a Thursday: (days + 3) % 7 counts days since Monday.
  if (g === 'week') return (days - ((((days + 3) % 7) + 7) % 7)) * DAY_MS;
  const d = new Date(time);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
}

/** Start of the bucket or period after the one that starts at `start`. */
export function nextPeriod(start: number, g: TrendGranularity): number {
  if (isStoredGranularity(g)) return start + stepOf(g);
  if (g === 'week') return start + 7 * DAY_MS;
  const d = new Date(start);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
}

/** How many buckets or periods from the one starting at `first` to the one starting at `last`. */
export function periodCount(first: number, last: number, g: TrendGranularity): number {
  if (g === 'month') {
    const a = new Date(first);
    const b = new Date(last);
    return (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + b.getUTCMonth() - a.getUTCMonth() + 1;
  }
  return Math.round((last - first) / (g === 'week' ? 7 * DAY_MS : stepOf(g))) + 1;
}

/**
 * The ISO week of a day (`2022-11-10`): its Monday (`2022-11-07`) and its number (1–53, counted in
 * the year of its Thursday). Within one calendar month the weeks it touches have distinct numbers,
 * which is what names a week's unique count in the month's counter item.
 */
export function isoWeekOf(day: string): { monday: string; number: number } {
  const monday = periodStart(Date.parse(`${day}T00:00:00Z`), 'week');
  const thursday = new Date(monday + 3 * DAY_MS);
  const jan1 = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  return {
    monday: new Date(monday).toISOString().slice(0, 10),
    number: Math.floor((thursday.getTime() - jan1) / (7 * DAY_MS)) + 1,
  };
}

/** The Monday (`yyyy-mm-dd`) of the week numbered `number` that touches the month `yyyy-mm`. */
export function mondayOfWeekInMonth(month: string, number: number): string | undefined {
  const first = Date.parse(`${month}-01T00:00:00Z`);
  for (let t = periodStart(first, 'week'); t < nextPeriod(first, 'month'); t += 7 * DAY_MS) {
    const week = isoWeekOf(new Date(t).toISOString().slice(0, 10));
    if (week.number === number) return week.monday;
  }
  return undefined;
}
