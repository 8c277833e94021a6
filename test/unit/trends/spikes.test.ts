import { describe, expect, it } from 'vitest';
import type { CounterRow, TrendStore } from '#shared/ports.js';
import { DEFAULT_SPIKE_METHOD, detectSpikes, SpikeMethod, topicSpikes } from '#shared/trends/spikes.js';
import { DAY_MS, HOUR_MS } from '#shared/trends/time.js';

const T0 = Date.parse('2022-10-01T00:00:00Z');
const days = (values: readonly number[]) => new Map(values.map((v, i) => [T0 + i * DAY_MS, v]));
const dayRange = (first: number, last: number) => ({
  from: T0 + first * DAY_MS,
  to: T0 + last * DAY_MS,
  granularity: 'day' as const,
});
/** A steady topic: 10 articles a day, ±2, over five weeks. */
const steady = Array.from({ length: 35 }, (_, i) => 10 + ((i * 7) % 5) - 2);

describe('detectSpikes', () => {
  it('finds the day that leaves the band, with its baseline, and nothing else', () => {
    const series = [...steady];
    series[30] = 40;
    const spikes = detectSpikes(days(series), dayRange(28, 34));
    expect(spikes).toHaveLength(1);
    const [s] = spikes;
    expect(s?.start).toBe('2022-10-31T00:00:00Z');
    expect(s?.value).toBe(40);
    expect(s?.mean).toBeCloseTo(10, 0);
    // The Poisson floor: sqrt(10) ≈ 3.16 is above the series' own spread (~1.4).
    expect(s?.deviation).toBeCloseTo(Math.sqrt(s?.mean ?? 0), 2);
    expect(s?.score).toBeCloseTo((40 - (s?.mean ?? 0)) / (s?.deviation ?? 1), 2);
  });

  it('does not call ordinary variation, a dip or a slow rise a spike', () => {
    const series = [...steady];
    series[30] = 15; // within ~1.6 deviations
    series[31] = 0; // a dip
    expect(detectSpikes(days(series), dayRange(28, 34))).toEqual([]);
    const rising = Array.from({ length: 60 }, (_, i) => 10 + Math.floor(i / 3));
    expect(detectSpikes(days(rising), dayRange(30, 59))).toEqual([]);
  });

  it('needs minArticles: a usually silent topic does not spike on one or two articles', () => {
    const silent = Array.from({ length: 35 }, () => 0);
    silent[30] = 2;
    expect(detectSpikes(days(silent), dayRange(28, 34))).toEqual([]);
    silent[30] = 5;
    expect(detectSpikes(days(silent), dayRange(28, 34)).map((s) => s.score)).toEqual([5]);
  });

  it('compares an hour with the same hour of the days before, not with the night', () => {
    // Every day: 20 articles at noon, 1 at 3 a.m., for 29 days; then 20 at 3 a.m. on the last day.
    const series = new Map<number, number>();
    for (let d = 0; d < 29; d++) {
      series.set(T0 + d * DAY_MS + 12 * HOUR_MS, 20);
      series.set(T0 + d * DAY_MS + 3 * HOUR_MS, d === 28 ? 20 : 1);
    }
    const lastDay = {
      from: T0 + 28 * DAY_MS,
      to: T0 + 28 * DAY_MS + 23 * HOUR_MS,
      granularity: 'hour' as const,
    };
    const spikes = detectSpikes(series, lastDay);
    expect(spikes.map((s) => s.start)).toEqual(['2022-10-29T03:00:00Z']);
  });

  it('takes its parameters: a lower threshold finds more, a shorter baseline forgets sooner', () => {
    const series = [...steady];
    series[30] = 17;
    expect(detectSpikes(days(series), dayRange(28, 34))).toEqual([]);
    expect(detectSpikes(days(series), dayRange(28, 34), SpikeMethod.parse({ threshold: 2 }))).toHaveLength(1);
    expect(() => SpikeMethod.parse({ baselineDays: 3 })).toThrow();
    expect(DEFAULT_SPIKE_METHOD).toEqual({ baselineDays: 28, threshold: 3, minArticles: 3, minDeviation: 1 });
  });
});

describe('topicSpikes', () => {
  it('reads the baseline days before the range from the counters, in one read', async () => {
    const reads: string[][] = [];
    const store: TrendStore = {
      countersOf: async (topics, g, from, to) => {
        reads.push([...topics, g, from, to]);
        const rows: CounterRow[] = steady.map((v, i) => ({
          bucket: new Date(T0 + i * DAY_MS).toISOString().slice(0, 10),
          articles: i === 30 ? 40 : v,
          mentions: 0,
          unique: 0,
          sentMilli: 0,
          positive: 0,
          neutral: 0,
          negative: 0,
        }));
        return new Map([['kherson', rows.filter((r) => r.bucket >= from && r.bucket <= to)]]);
      },
      totals: async () => ({ articles: 0, mentions: 0 }),
    };
    const spikes = await topicSpikes(store, 'kherson', dayRange(28, 34));
    expect(spikes.map((s) => s.start)).toEqual(['2022-10-31T00:00:00Z']);
    expect(reads).toEqual([['kherson', 'day', '2022-10-01', '2022-11-04']]);
  });
});
