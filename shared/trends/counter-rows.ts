import type { CounterRow } from '../ports.js';

/**
 * Counter rows summed by the bucket `bucketOf` gives each (a day's shards into the day, days into
 * their week or month), in the order each bucket first appears; a sum's `bucket` is that key.
 */
export function sumCounterRows(
  rows: readonly CounterRow[],
  bucketOf: (r: CounterRow) => string,
): CounterRow[] {
  const sums = new Map<string, CounterRow>();
  for (const r of rows) {
    const bucket = bucketOf(r);
    const s = sums.get(bucket);
    sums.set(
      bucket,
      s
        ? {
            bucket,
            articles: s.articles + r.articles,
            mentions: s.mentions + r.mentions,
            sentMilli: s.sentMilli + r.sentMilli,
            positive: s.positive + r.positive,
            neutral: s.neutral + r.neutral,
            negative: s.negative + r.negative,
            unique: s.unique + r.unique,
          }
        : { ...r, bucket },
    );
  }
  return [...sums.values()];
}
