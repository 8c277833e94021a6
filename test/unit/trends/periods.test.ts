import { describe, expect, it } from 'vitest';
import { BadParameterError } from '#shared/errors.js';
import type { CounterRow, TrendStore } from '#shared/ports.js';
import { nextPeriod, periodCount, periodStart } from '#shared/trends/periods.js';
import { parseRange, topicTrend } from '#shared/trends/trend.js';

const at = (iso: string) => Date.parse(iso);
const iso = (t: number) => new Date(t).toISOString();

describe('weeks and months', () => {
  it('starts a week on Monday 00:00 UTC and a month on its first day, whatever the time', () => {
    expect(iso(periodStart(at('2022-11-10T15:30:00Z'), 'week'))).toBe('2022-11-07T00:00:00.000Z'); // a Thursday
    expect(iso(periodStart(at('2022-11-07T00:00:00Z'), 'week'))).toBe('2022-11-07T00:00:00.000Z');
    expect(iso(periodStart(at('2022-11-13T23:59:59Z'), 'week'))).toBe('2022-11-07T00:00:00.000Z'); // Sunday
    expect(iso(periodStart(at('2023-01-01T12:00:00Z'), 'week'))).toBe('2022-12-26T00:00:00.000Z'); // ISO week 52 of 2022
    expect(iso(periodStart(at('2024-02-29T23:00:00Z'), 'month'))).toBe('2024-02-01T00:00:00.000Z');
    expect(iso(nextPeriod(at('2024-12-01T00:00:00Z'), 'month'))).toBe('2025-01-01T00:00:00.000Z');
    expect(periodCount(at('2022-11-01T00:00:00Z'), at('2023-02-01T00:00:00Z'), 'month')).toBe(4);
    expect(periodCount(at('2022-11-07T00:00:00Z'), at('2022-11-21T00:00:00Z'), 'week')).toBe(3);
  });

  it('reads a range in whole periods, and refuses one with too many buckets, naming from', () => {
    const r = parseRange({ from: '2022-11-10', to: '2022-12-02', granularity: 'week' }, Date.now());
    expect([iso(r.from), iso(r.to)]).toEqual(['2022-11-07T00:00:00.000Z', '2022-11-28T00:00:00.000Z']);
    expect(parseRange({ from: '2000-01-01', to: '2019-12-31', granularity: 'month' }, 0).granularity).toBe(
      'month',
    );
    expect(() => parseRange({ from: '1999-12-01', to: '2019-12-31', granularity: 'month' }, 0)).toThrow(
      BadParameterError,
    );
    expect(() => parseRange({ from: '2015-01-01', to: '2022-01-01', granularity: 'week' }, 0)).toThrow(/262/);
  });

  it('sums the day counters of each week exactly: articles, mentions, labels, share and mean sentiment', async () => {
    const row = (bucket: string, articles: number, sentMilli: number): CounterRow => ({
      bucket,
      articles,
      mentions: articles * 2,
      sentMilli,
      positive: articles,
      neutral: 0,
      negative: 0,
      unique: articles,
    });
    const rows: Record<string, CounterRow[]> = {
      kherson: [row('2022-11-06', 1, 500), row('2022-11-07', 2, 200), row('2022-11-13', 1, -500)],
      _all: [
        row('2022-11-06', 4, 0),
        row('2022-11-07', 4, 0),
        row('2022-11-13', 4, 0),
        row('2022-11-14', 5, 0),
      ],
    };
    const asked: string[][] = [];
    const store: TrendStore = {
      async countersOf(topics, granularity, from, to) {
        asked.push([granularity, from, to]);
        return new Map(
          topics.map((t) => [t, (rows[t] ?? []).filter((r) => r.bucket >= from && r.bucket <= to)]),
        );
      },
      totals: async () => ({ articles: 0, mentions: 0 }),
    };
    const range = parseRange({ from: '2022-11-01', to: '2022-11-15', granularity: 'week' }, 0);
    const buckets = await topicTrend(store, 'kherson', range);
    expect(asked).toEqual([['day', '2022-10-31', '2022-11-20']]); // whole weeks of days
    expect(buckets.map((b) => [b.start, b.articles, b.mentions, b.share, b.sentiment.mean])).toEqual([
      ['2022-10-31T00:00:00Z', 1, 2, 0.25, 0.5],
      ['2022-11-07T00:00:00Z', 3, 6, 0.375, -0.1],
      ['2022-11-14T00:00:00Z', 0, 0, 0, null],
    ]);
  });
});
