import type { Context } from 'hono';
import type { TrendBucket } from '../trends/trend.js';

/** A CSV response body. */
export function csv(c: Context, body: string) {
  return c.body(body, 200, { 'content-type': 'text/csv; charset=utf-8' });
}

/** Trend series as CSV: one row per topic and bucket. */
export function trendCsv(series: readonly { topic: string; buckets: readonly TrendBucket[] }[]): string {
  const header = 'topic,start,articles,mentions,share,sentiment_mean,positive,neutral,negative';
  const rows = series.flatMap(({ topic, buckets }) =>
    buckets.map((b) =>
      [
        topic,
        b.start,
        b.articles,
        b.mentions,
        b.share ?? '',
        b.sentiment.mean ?? '',
        b.sentiment.positive,
        b.sentiment.neutral,
        b.sentiment.negative,
      ].join(','),
    ),
  );
  return `${[header, ...rows].join('\n')}\n`;
}
