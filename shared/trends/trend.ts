import { BadParameterError } from '../errors.js';
import { ALL_TOPIC } from '../ingest/contribution.js';
import type { CounterRow, TrendStore } from '../ports.js';
import { sumCounterRows } from './counter-rows.js';
import {
  isStoredGranularity,
  MAX_BUCKETS,
  nextPeriod,
  periodCount,
  periodStart,
  type TrendGranularity,
} from './periods.js';
import { bucketKey, DAY_MS, HOUR_MS, hourStartIso, inWindow, realCalendarTime, WINDOW } from './time.js';

export type TrendBucket = {
  start: string;
  articles: number;
  mentions: number;
  /** The topic's articles over all articles of the bucket; null when the bucket has none. */
  share: number | null;
  /** Distinct copy clusters among the articles: a story and its reprints count once. */
  unique: number;
  sentiment: { mean: number | null; positive: number; neutral: number; negative: number };
};

export type TrendRange = {
  readonly from: number;
  readonly to: number;
  readonly granularity: TrendGranularity;
};

/** The range when `from` is not given: this long before `to`. */
const DEFAULT_SPAN: Record<TrendGranularity, number> = {
  day: 30 * DAY_MS,
  hour: 48 * HOUR_MS,
  week: 26 * 7 * DAY_MS,
  month: 365 * DAY_MS,
};

/**
 * Parses `from`/`to` (a date or a date-time) into an inclusive range of whole buckets. Defaults:
 * `to` = now, `from` = 30 days (day) or 48 hours (hour) before `to`, cut at the start of the
 * supported window. A date as `to` means the whole of that day. Either end outside the window is
 * a BadParameterError, so the range never holds a key with a year past 9999.
 */
export function parseRange(
  params: { from?: string | undefined; to?: string | undefined; granularity?: TrendGranularity | undefined },
  now: number,
): TrendRange {
  const granularity = params.granularity ?? 'day';
  const parsedFrom = params.from === undefined ? undefined : parseTime(params.from, 'from', 'start');
  const to = params.to === undefined ? Math.min(now, WINDOW.to) : parseTime(params.to, 'to', 'end');
  const from = parsedFrom ?? Math.max(WINDOW.from, to - DEFAULT_SPAN[granularity]);
  if (from > to)
    throw new BadParameterError('from', `from (${params.from}) is after to (${params.to ?? 'now'})`);
  const first = periodStart(from, granularity);
  const last = periodStart(to, granularity);
  const count = periodCount(first, last, granularity);
  if (count > MAX_BUCKETS[granularity]) {
    throw new BadParameterError(
      'from',
      `the range spans ${count} ${granularity} buckets; at most ${MAX_BUCKETS[granularity]} are allowed`,
    );
  }
  return { from: first, to: last, granularity };
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * A date (its first or last millisecond) or a date-time with a zone, in ms, within the supported
 * window; anything else (`2022-02-30T00:00:00Z`, `9999-12-31`) is a BadParameterError naming `name`.
 */
export function parseTime(value: string, name: string, end: 'start' | 'end'): number {
  let time = Number.NaN;
  if (DATE_RE.test(value) && realCalendarTime(value)) {
    const t = Date.parse(`${value}T00:00:00Z`);
    time = end === 'end' ? t + DAY_MS - 1 : t;
  } else if (DATETIME_RE.test(value) && realCalendarTime(value)) {
    time = Date.parse(value);
  }
  if (Number.isNaN(time)) {
    throw new BadParameterError(
      name,
      `${name} must be a date (2022-11-10) or a date-time with a zone (2022-11-10T12:00:00Z), got "${value.slice(0, 40)}"`,
    );
  }
  if (!inWindow(time)) {
    throw new BadParameterError(name, `${name} must lie between ${WINDOW.text}, got "${value.slice(0, 40)}"`);
  }
  return time;
}

/** Zero-filled buckets of a topic over a range, with share of voice against all articles. */
export async function topicTrend(
  store: TrendStore,
  topic: string,
  range: TrendRange,
): Promise<TrendBucket[]> {
  const [buckets] = await topicTrends(store, [topic], range);
  return buckets ?? [];
}

/** The buckets of several topics over one range: one read of their counters and `_all`'s. */
export async function topicTrends(
  store: TrendStore,
  topics: readonly string[],
  range: TrendRange,
): Promise<TrendBucket[][]> {
  const g = range.granularity;
  // Weeks and months are summed from the day counters of the days they hold.
  const stored = isStoredGranularity(g) ? g : 'day';
  const lastDay = Math.min(nextPeriod(range.to, g) - 1, WINDOW.to);
  const counters = await store.countersOf(
    [...topics, ALL_TOPIC],
    stored,
    bucketKey(range.from, stored),
    bucketKey(isStoredGranularity(g) ? range.to : lastDay, stored),
    isStoredGranularity(g) ? undefined : g,
  );
  const rowsOf = (topic: string) => {
    const rows = counters.get(topic) ?? [];
    return isStoredGranularity(g) ? rows : sumByPeriod(rows, g);
  };
  const allByBucket = new Map(rowsOf(ALL_TOPIC).map((r) => [r.bucket, r]));
  return topics.map((topic) => buildBuckets(rowsOf(topic), allByBucket, range));
}

/** Rows that carry a week's or month's unique count (`week:<Monday>`, `month:<yyyy-mm>`). */
const isPeriodRow = (r: CounterRow) => r.bucket.startsWith('week:') || r.bucket.startsWith('month:');

/**
 * Day rows summed into the week or month that holds each day; `bucket` is the period's start. A
 * period's unique count is its own (its period row): distinct clusters are not a sum of days'.
 */
function sumByPeriod(rows: readonly CounterRow[], g: TrendGranularity): CounterRow[] {
  const periodStartOf = (day: string) => hourStartIso(periodStart(Date.parse(`${day}T00:00:00Z`), g));
  const unique = new Map<string, number>();
  for (const r of rows) {
    if (!r.bucket.startsWith(`${g}:`)) continue;
    const start = periodStartOf(g === 'month' ? `${r.bucket.slice(6)}-01` : r.bucket.slice(5));
    unique.set(start, (unique.get(start) ?? 0) + r.unique);
  }
  return sumCounterRows(
    rows.filter((r) => !isPeriodRow(r)),
    (r) => periodStartOf(r.bucket),
  ).map((r) => ({ ...r, unique: unique.get(r.bucket) ?? 0 }));
}

function buildBuckets(
  rows: readonly CounterRow[],
  allByBucket: ReadonlyMap<string, CounterRow>,
  range: TrendRange,
): TrendBucket[] {
  const byBucket = new Map(rows.map((r) => [r.bucket, r]));
  const buckets: TrendBucket[] = [];
  const g = range.granularity;
  const keyLength = g === 'day' ? 10 : g === 'hour' ? 13 : undefined;
  for (let t = range.from; t <= range.to; t = nextPeriod(t, g)) {
    // One date formatting per bucket: its key and its start are both cut from it.
    const start = hourStartIso(t);
    const key = keyLength ? start.slice(0, keyLength) : start;
    const row = byBucket.get(key);
    const all = allByBucket.get(key)?.articles ?? 0;
    const articles = row?.articles ?? 0;
    buckets.push({
      start,
      articles,
      mentions: row?.mentions ?? 0,
      share: all > 0 ? round4(articles / all) : null,
      unique: row?.unique ?? 0,
      sentiment: {
        mean: articles > 0 && row ? round4(row.sentMilli / 1000 / articles) : null,
        positive: row?.positive ?? 0,
        neutral: row?.neutral ?? 0,
        negative: row?.negative ?? 0,
      },
    });
  }
  return buckets;
}

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;
