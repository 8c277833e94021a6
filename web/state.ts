/**
 * The dashboard's view state and its URL form. Pure (no DOM), so it is unit-tested in Node and
 * the page can be restored from any shared link: `?from=2022-11-01&to=2022-11-30&granularity=day
 * &metric=mentions&topics=kherson,negotiations&articles=kherson`.
 */

export type Granularity = 'day' | 'hour';
export type Metric = 'articles' | 'mentions';

export type ViewState = {
  readonly from: string;
  readonly to: string;
  readonly granularity: Granularity;
  readonly metric: Metric;
  /** Topics drawn on the chart, in the order of the topic list. */
  readonly topics: readonly string[];
  /** The topic whose latest articles are listed; '' lists every article. */
  readonly articles: string;
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;
/** The API refuses more than 744 hourly buckets (31 days) or 366 daily ones. */
export const MAX_DAYS: Record<Granularity, number> = { day: 366, hour: 31 };
/** Days shown when the URL names no range: a month of days, a week of hours. */
export const DEFAULT_DAYS: Record<Granularity, number> = { day: 30, hour: 7 };

export const isDate = (s: string | null | undefined): s is string =>
  typeof s === 'string' && DATE.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));

export const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** Inclusive number of days from `from` to `to`. */
export const spanDays = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;

/**
 * The state a URL describes. Anything missing or invalid falls back to a default: the range ends
 * on `anchor` (the day of the newest article, so a fresh page shows data, not an empty month) and
 * spans the granularity's default; unknown topics are dropped; a range the API would refuse is
 * shortened from its start.
 */
export function parseState(search: string, knownTopics: readonly string[], anchor: string): ViewState {
  const q = new URLSearchParams(search);
  const granularity: Granularity = q.get('granularity') === 'hour' ? 'hour' : 'day';
  const metric: Metric = q.get('metric') === 'articles' ? 'articles' : 'mentions';
  const toParam = q.get('to');
  const fromParam = q.get('from');
  let to = isDate(toParam) ? toParam : anchor;
  let from = isDate(fromParam) ? fromParam : addDays(to, 1 - DEFAULT_DAYS[granularity]);
  if (from > to) [from, to] = [to, from];
  if (spanDays(from, to) > MAX_DAYS[granularity]) from = addDays(to, 1 - MAX_DAYS[granularity]);
  const topicsParam = q.get('topics');
  const topics =
    topicsParam === null ? [...knownTopics] : knownTopics.filter((t) => topicsParam.split(',').includes(t));
  const articlesParam = q.get('articles');
  const articles =
    articlesParam !== null && (articlesParam === '' || knownTopics.includes(articlesParam))
      ? articlesParam
      : (topics[0] ?? '');
  return { from, to, granularity, metric, topics, articles };
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
  });
  return `?${q.toString().replaceAll('%2C', ',')}`;
}

/** A state with a new granularity, its range shortened if the API would refuse it. */
export function withGranularity(s: ViewState, granularity: Granularity): ViewState {
  const max = MAX_DAYS[granularity];
  const from = spanDays(s.from, s.to) > max ? addDays(s.to, 1 - max) : s.from;
  return { ...s, granularity, from };
}

/** A state with a new range; a reversed range is put right, an over-long one shortened. */
export function withRange(s: ViewState, from: string, to: string): ViewState {
  if (!isDate(from) || !isDate(to)) return s;
  let [f, t] = from <= to ? [from, to] : [to, from];
  if (spanDays(f, t) > MAX_DAYS[s.granularity]) f = addDays(t, 1 - MAX_DAYS[s.granularity]);
  return { ...s, from: f, to: t };
}
