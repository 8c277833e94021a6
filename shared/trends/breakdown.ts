import type { BreakdownCount, BreakdownReader } from '../ports.js';
import { bucketKey, DAY_MS } from './time.js';

/**
 * Breakdowns: a topic's articles, mentions and mean sentiment per outlet (the article's `source`)
 * or per language (the analysed language). They are attributes of the hour's detail item (the one
 * that holds its entity counts, shared/storage/entity-parts.ts), not items of their own: an
 * article adds to that one item whatever its number of topics, so a transaction keeps its bound
 * (see diffContributions) and the item's parts bound its size as they bound the entities'.
 *
 * Amounts in a contribution: `b|<field>|<dim>|<topic>|<value>`, field `a` (articles), `m` (mentions)
 * or `s` (sentiment), dim `src` or `lang`; the value last, so it may hold `|` (a topic id cannot).
 * The store keeps the three as one tally attribute (shared/storage/breakdown-tally.ts). `s` is
 * the topic's sentiment score in thousandths PLUS 1000 per article (0 to 2000 an article), so that
 * what an article adds is never negative: the growth bound of a part counts positive amounts
 * only (a negative amount could otherwise create an attribute it did not count).
 */
export const BREAKDOWN_BY = { source: 'src', language: 'lang' } as const;
export type BreakdownBy = keyof typeof BREAKDOWN_BY;
export type BreakdownDim = (typeof BREAKDOWN_BY)[BreakdownBy];

/** The value of an article without a source (or language): documented in docs/api.md. */
export const UNKNOWN_VALUE = '(unknown)';
/** A value is cut to this many characters (a source may be 500): attribute names stay small. */
export const MAX_VALUE_CHARS = 100;
const SENTIMENT_OFFSET = 1000;

export const breakdownAttribute = (field: 'a' | 'm' | 's', dim: BreakdownDim, topic: string, value: string) =>
  `b|${field}|${dim}|${topic}|${value}`;

/** The parts of a breakdown attribute name; undefined for any other attribute. */
export function parseBreakdownAttribute(
  attr: string,
): { field: 'a' | 'm' | 's'; dim: BreakdownDim; topic: string; value: string } | undefined {
  if (!attr.startsWith('b|')) return undefined;
  const [, field, dim, topic, ...value] = attr.split('|');
  if (field !== 'a' && field !== 'm' && field !== 's') return undefined;
  if (dim !== 'src' && dim !== 'lang') return undefined;
  if (!topic || value.length === 0) return undefined;
  return { field, dim, topic, value: value.join('|') };
}

/** The value an article is counted under: trimmed, cut, `(unknown)` when absent or empty. */
export function breakdownValue(raw: string | undefined): string {
  const value = [...(raw ?? '').trim()].slice(0, MAX_VALUE_CHARS).join('');
  return value === '' ? UNKNOWN_VALUE : value;
}

/** What one article adds to its hour's breakdowns: per topic it mentions, by source and by language. */
export function breakdownAmounts(
  topics: Readonly<Record<string, { mentions: number; sentiment: { score: number } }>>,
  source: string | undefined,
  language: string | undefined,
): Record<string, number> {
  const add: Record<string, number> = {};
  const values: [BreakdownDim, string][] = [
    ['src', breakdownValue(source)],
    ['lang', breakdownValue(language)],
  ];
  for (const [topic, t] of Object.entries(topics)) {
    for (const [dim, value] of values) {
      add[breakdownAttribute('a', dim, topic, value)] = 1;
      add[breakdownAttribute('m', dim, topic, value)] = t.mentions;
      add[breakdownAttribute('s', dim, topic, value)] =
        Math.round(t.sentiment.score * 1000) + SENTIMENT_OFFSET;
    }
  }
  return add;
}

export type BreakdownItem = {
  value: string;
  articles: number;
  mentions: number;
  /** Mean per-topic sentiment in [-1, 1] of the value's articles; null when it has none. */
  sentiment: { mean: number | null };
};

/** Counts of one or several days summed per value, largest first (articles desc, then value asc). */
export function sumBreakdown(counts: Iterable<BreakdownCount>): BreakdownItem[] {
  const totals = new Map<string, BreakdownCount>();
  for (const c of counts) {
    const row = totals.get(c.value) ?? { value: c.value, articles: 0, mentions: 0, sentOffset: 0 };
    totals.set(c.value, {
      value: c.value,
      articles: row.articles + c.articles,
      mentions: row.mentions + c.mentions,
      sentOffset: row.sentOffset + c.sentOffset,
    });
  }
  return [...totals.values()]
    .filter((r) => r.articles > 0)
    .map((r) => ({
      value: r.value,
      articles: r.articles,
      mentions: r.mentions,
      sentiment: { mean: round4((r.sentOffset - SENTIMENT_OFFSET * r.articles) / r.articles / 1000) },
    }))
    .sort((a, b) => b.articles - a.articles || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

/** How many day partitions are read at once. */
const CONCURRENCY = 16;

/**
 * A topic's breakdown over a range of whole days (UTC): one Query per day, as /entities reads
 * (the day's hour items and their parts), whatever the number of articles.
 */
export async function topicBreakdown(
  reader: BreakdownReader,
  topic: string,
  by: BreakdownBy,
  range: { from: number; to: number },
): Promise<BreakdownItem[]> {
  const days: string[] = [];
  for (let t = range.from; t <= range.to; t += DAY_MS) days.push(bucketKey(t, 'day'));
  const counts: BreakdownCount[] = [];
  for (let i = 0; i < days.length; i += CONCURRENCY) {
    const batch = days.slice(i, i + CONCURRENCY);
    const perDay = await Promise.all(batch.map((d) => reader.breakdownDay(d, topic, BREAKDOWN_BY[by])));
    for (const day of perDay) counts.push(...day);
  }
  return sumBreakdown(counts);
}
