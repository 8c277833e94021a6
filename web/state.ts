import { MAX_BUCKETS, periodStart } from '../shared/trends/periods.js';
import type { Granularity } from './types.js';

/**
 * The dashboard's view state and its URL form. Pure (no DOM), so it is unit-tested in Node and
 * the page can be restored from any shared link: `?from=2022-11-01&to=2022-11-30&granularity=day
 * &metric=mentions&topics=kherson,negotiations&articles=kherson&breakdown=source` (and `&article=<id>` while one
 * article is open).
 */

export type { Granularity };
/** A granularity, or `auto`: the one that suits the range (see autoGranularity). */
export type GranularityChoice = Granularity | 'auto';
/** What the chart counts: mentions, articles, or stories (unique: a story's copies once). */
export const METRICS = { mentions: 'Mentions', articles: 'Articles', unique: 'Stories' } as const;
export type Metric = keyof typeof METRICS;
/** What the breakdown card splits its topic by: outlets or languages. */
export type BreakdownBy = 'source' | 'language';

export type ViewState = {
  readonly from: string;
  readonly to: string;
  readonly granularity: GranularityChoice;
  readonly metric: Metric;
  /** Topics drawn on the chart, in the order of the topic list. */
  readonly topics: readonly string[];
  /** The topic whose latest articles are listed; '' lists every article. */
  readonly articles: string;
  /** The breakdown card's split of that topic (or of the first charted one). */
  readonly breakdown: BreakdownBy;
  /** The id of the article shown on its own, over the trends; '' when none is. */
  readonly article: string;
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const ARTICLE_ID = /^[0-9a-f]{24}$/;
const DAY_MS = 86_400_000;
const CHOICES: readonly GranularityChoice[] = ['auto', 'day', 'hour', 'week', 'month'];
/** Days shown when the URL names no range: a week of hours, else a month of days. */
export const DEFAULT_DAYS = (g: GranularityChoice): number => (g === 'hour' ? 7 : 30);
/** Ranges longer than this many days are drawn in weeks, and longer than the second in months. */
export const AUTO_WEEKS_AFTER = 120;
export const AUTO_MONTHS_AFTER = 731;

export const isDate = (s: string | null | undefined): s is string =>
  typeof s === 'string' && DATE.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));

const ms = (date: string) => Date.parse(`${date}T00:00:00Z`);
const day = (time: number) => new Date(time).toISOString().slice(0, 10);

export const addDays = (date: string, days: number): string => day(ms(date) + days * DAY_MS);

/** Inclusive number of days from `from` to `to`. */
export const spanDays = (from: string, to: string): number => Math.round((ms(to) - ms(from)) / DAY_MS) + 1;

/** Days for up to 120 days, weeks for up to two years, months beyond. */
export function autoGranularity(from: string, to: string): Granularity {
  const days = spanDays(from, to);
  return days > AUTO_MONTHS_AFTER ? 'month' : days > AUTO_WEEKS_AFTER ? 'week' : 'day';
}

/** The granularity a state is drawn in. */
export const granularityOf = (s: Pick<ViewState, 'from' | 'to' | 'granularity'>): Granularity =>
  s.granularity === 'auto' ? autoGranularity(s.from, s.to) : s.granularity;

/**
 * The earliest `from` the API serves with `to` in `g`: its MAX_BUCKETS buckets ending with the
 * one that holds `to` (31 days of hours, 366 days, 262 ISO weeks, 240 months).
 */
export function earliestFrom(to: string, g: GranularityChoice): string {
  const last = periodStart(ms(to), g === 'auto' ? 'month' : g);
  const back = MAX_BUCKETS[g === 'auto' ? 'month' : g] - 1;
  if (g === 'hour') return addDays(to, -Math.floor(back / 24));
  if (g === 'day') return addDays(to, -back);
  if (g === 'week') return day(last - back * 7 * DAY_MS);
  const d = new Date(last);
  return day(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - back, 1));
}

/** A range put in order and shortened from its start to what the API serves in `g`. */
function fitRange(from: string, to: string, g: GranularityChoice): [string, string] {
  const [f, t] = from <= to ? [from, to] : [to, from];
  const earliest = earliestFrom(t, g);
  if (f < earliest) return [earliest, t];
  return [f, t];
}

/**
 * The state a URL describes. Anything missing or invalid falls back to a default: the range ends
 * on `anchor` (the day of the newest article, so a fresh page shows data, not an empty month) and
 * spans the granularity's default; the granularity is `auto`; unknown topics are dropped; a range
 * the API would refuse is shortened from its start.
 */
export function parseState(search: string, knownTopics: readonly string[], anchor: string): ViewState {
  const q = new URLSearchParams(search);
  const g = q.get('granularity') as GranularityChoice | null;
  const granularity: GranularityChoice = g !== null && CHOICES.includes(g) ? g : 'auto';
  const m = q.get('metric');
  const metric: Metric = m === 'articles' || m === 'unique' ? m : 'mentions';
  const toParam = q.get('to');
  const fromParam = q.get('from');
  const to = isDate(toParam) ? toParam : anchor;
  const from = isDate(fromParam) ? fromParam : addDays(to, 1 - DEFAULT_DAYS(granularity));
  const topicsParam = q.get('topics');
  const topics =
    topicsParam === null ? [...knownTopics] : knownTopics.filter((t) => topicsParam.split(',').includes(t));
  const articlesParam = q.get('articles');
  const articles =
    articlesParam !== null && (articlesParam === '' || knownTopics.includes(articlesParam))
      ? articlesParam
      : (topics[0] ?? '');
  const article = q.get('article') ?? '';
  const breakdown: BreakdownBy = q.get('breakdown') === 'language' ? 'language' : 'source';
  return {
    ...withRange({ from, to, granularity, metric, topics, articles, breakdown }, from, to),
    article: ARTICLE_ID.test(article) ? article : '',
  };
}

/** The query string of a state; every field is written so a link is complete on its own. */
export function toSearch(s: ViewState): string {
  const q = new URLSearchParams({
    from: s.from,
    to: s.to,
    granularity: s.granularity,
    metric: s.metric,
    topics: s.topics.join(','),
    articles: s.articles,
    breakdown: s.breakdown,
  });
  if (s.article) q.set('article', s.article);
  return `?${q.toString().replaceAll('%2C', ',')}`;
}

/** A state with a new granularity, its range shortened if the API would refuse it. */
export function withGranularity<S extends ViewState>(s: S, granularity: GranularityChoice): S {
  return withRange({ ...s, granularity }, s.from, s.to);
}

/** A state with a new range; a reversed range is put right, an over-long one shortened. */
export function withRange<S extends Omit<ViewState, 'article'>>(s: S, from: string, to: string): S {
  if (!isDate(from) || !isDate(to)) return s;
  const [f, t] = fitRange(from, to, s.granularity);
  return { ...s, from: f, to: t };
}

/**
 * A range the user picked (a preset or the date fields): kept whole, and drawn in `auto`
 * granularity when the chosen one cannot serve it (a five-year range picked while hourly).
 */
export function withChosenRange(s: ViewState, from: string, to: string): ViewState {
  if (!isDate(from) || !isDate(to)) return s;
  const start = from <= to ? from : to;
  const end = from <= to ? to : from;
  const fits = start >= earliestFrom(end, s.granularity);
  return withRange({ ...s, granularity: fits ? s.granularity : 'auto' }, start, end);
}

/** The topic the breakdown card shows: the articles' topic, else the first charted one ('' none). */
export const breakdownTopic = (s: Pick<ViewState, 'articles' | 'topics'>): string =>
  s.articles || (s.topics[0] ?? '');

/** The part of a range GET /entities serves (it reads a counter a day, 366 days at most): its end. */
export function entityRange(s: Pick<ViewState, 'from' | 'to'>): { from: string; to: string } {
  const earliest = earliestFrom(s.to, 'day');
  if (s.from < earliest) return { from: earliest, to: s.to };
  return { from: s.from, to: s.to };
}
