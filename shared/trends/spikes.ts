import * as z from 'zod';
import type { TrendStore } from '../ports.js';
import { bucketKey, DAY_MS, type Granularity, HOUR_MS, hourStartIso, WINDOW } from './time.js';

/**
 * How a spike is told from the topic's usual volume: a z-score of the bucket's article count
 * against a trailing baseline — for a day, the `baselineDays` days before it; for an hour, the same
 * hour of the day on each of the `baselineDays` days before (news has a daily rhythm: 3 a.m. is
 * not compared with noon). The deviation is floored at the square root of the mean (a Poisson
 * count's own spread) and at `minDeviation`, so a topic that is usually silent does not "spike"
 * on one article; a spike also needs at least `minArticles`.
 */
export const SpikeMethod = z.object({
  // Coerced: the values arrive as strings from a query, the CDK context or the environment.
  baselineDays: z.coerce.number().int().min(7).max(56).default(28),
  threshold: z.coerce.number().min(1).max(20).default(3),
  minArticles: z.coerce.number().int().min(1).max(100_000).default(3),
  minDeviation: z.coerce.number().min(0.1).max(1000).default(1),
});
export type SpikeMethod = z.infer<typeof SpikeMethod>;
export const DEFAULT_SPIKE_METHOD: SpikeMethod = SpikeMethod.parse({});

export type Spike = {
  /** The bucket's start, `2022-11-10T12:00:00Z`. */
  readonly start: string;
  /** Articles of the topic in the bucket. */
  readonly value: number;
  /** The baseline's mean and the deviation the score divides by (after the floors). */
  readonly mean: number;
  readonly deviation: number;
  readonly score: number;
};

/** A series of bucket values by bucket start (ms); a missing bucket holds 0. */
export type Series = ReadonlyMap<number, number>;

/** The earliest bucket start a range's baseline reaches back to. */
export const baselineStart = (from: number, method: SpikeMethod): number =>
  Math.max(WINDOW.from, from - method.baselineDays * DAY_MS);

/**
 * The buckets of [from, to] (bucket starts, inclusive) that are spikes of `series`: pure
 * arithmetic, so a test can feed it any series.
 */
export function detectSpikes(
  series: Series,
  range: { readonly from: number; readonly to: number; readonly granularity: Granularity },
  method: SpikeMethod = DEFAULT_SPIKE_METHOD,
): Spike[] {
  const step = range.granularity === 'day' ? DAY_MS : HOUR_MS;
  // The baseline steps back a day at a time: the days before, or the same hour on the days before.
  const spikes: Spike[] = [];
  for (let t = range.from; t <= range.to; t += step) {
    const value = series.get(t) ?? 0;
    if (value < method.minArticles) continue;
    let sum = 0;
    let sumSq = 0;
    let n = 0;
    for (let k = 1; k <= method.baselineDays; k++) {
      const b = t - k * DAY_MS;
      if (b < WINDOW.from) break;
      const v = series.get(b) ?? 0;
      sum += v;
      sumSq += v * v;
      n++;
    }
    if (n === 0) continue;
    const mean = sum / n;
    const sd = Math.sqrt(Math.max(0, sumSq / n - mean * mean));
    const deviation = Math.max(sd, Math.sqrt(mean), method.minDeviation);
    const score = (value - mean) / deviation;
    if (score >= method.threshold) {
      spikes.push({
        start: hourStartIso(t),
        value,
        mean: round3(mean),
        deviation: round3(deviation),
        score: round3(score),
      });
    }
  }
  return spikes;
}

/** The spikes of one topic over a range of whole buckets, from its counters (one read). */
export async function topicSpikes(
  store: TrendStore,
  topic: string,
  range: { readonly from: number; readonly to: number; readonly granularity: Granularity },
  method: SpikeMethod = DEFAULT_SPIKE_METHOD,
): Promise<Spike[]> {
  const g = range.granularity;
  const rows = await store.countersOf(
    [topic],
    g,
    bucketKey(baselineStart(range.from, method), g),
    bucketKey(range.to, g),
  );
  const suffix = g === 'day' ? 'T00:00:00Z' : ':00:00Z';
  const series = new Map(
    (rows.get(topic) ?? []).map((r) => [Date.parse(`${r.bucket}${suffix}`), r.articles]),
  );
  return detectSpikes(series, range, method);
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;
