import type { Context } from 'hono';
import type { BreakdownItem } from '../trends/breakdown.js';
import type { TrendBucket } from '../trends/trend.js';

/** A CSV response body. */
export function csv(c: Context, body: string) {
  return c.body(body, 200, { 'content-type': 'text/csv; charset=utf-8' });
}

/** Trend series as CSV: one row per topic and bucket. */
export function trendCsv(series: readonly { topic: string; buckets: readonly TrendBucket[] }[]): string {
  const header = 'topic,start,articles,mentions,share,sentiment_mean,positive,neutral,negative,unique';
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
        b.unique,
      ].join(','),
    ),
  );
  return `${[header, ...rows].join('\n')}\n`;
}

/** A CSV field: quoted (quotes doubled) when it holds a comma, quote or line break (RFC 4180). */
export const csvField = (v: string | number | null): string => {
  const s = v === null ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

/** A breakdown as CSV: one row per value, most articles first. */
export function breakdownCsv(head: { topic: string; by: string }, items: readonly BreakdownItem[]): string {
  const header = 'topic,by,value,articles,mentions,sentiment_mean';
  const rows = items.map((i) =>
    [head.topic, head.by, i.value, i.articles, i.mentions, i.sentiment.mean].map(csvField).join(','),
  );
  return `${[header, ...rows].join('\n')}\n`;
}
