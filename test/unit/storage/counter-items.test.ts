import { describe, expect, it } from 'vitest';
import type { CounterDelta } from '#shared/ingest/contribution.js';
import { counterItemSks, counterItemUpdates, unpackCounterItem } from '#shared/storage/counter-items.js';

const day = (bucket: string, add: Record<string, number>): CounterDelta => ({
  counter: { kind: 'topic', topic: 'kherson', granularity: 'day', bucket, shard: 0 },
  add,
});

describe('packed counter items', () => {
  it('packs the days of a month into one item update, summing the amounts of several articles', () => {
    const updates = counterItemUpdates([
      day('2022-11-10', { articles: 1, mentions: 3, sentMilli: -250, neg: 1 }),
      day('2022-11-10', { articles: 1, mentions: 1, sentMilli: 100, pos: 1 }),
      day('2022-11-11', { articles: 1, mentions: 2, sentMilli: 0, neu: 1 }),
      day('2022-12-01', { articles: 1, mentions: 1, sentMilli: 0, neu: 1 }),
    ]).map(({ key, add }) => ({ key, add }));
    // The tally: positive·10²⁹ + neutral·10²³ + negative·10¹⁷ + mentions·10¹⁰ + (sentiment + 1000·articles).
    const tally = (p: number, u: number, n: number, m: number, sent: number) =>
      BigInt(p) * 10n ** 29n +
      BigInt(u) * 10n ** 23n +
      BigInt(n) * 10n ** 17n +
      BigInt(m) * 10n ** 10n +
      BigInt(sent + 1000 * (p + u + n));
    expect(updates).toEqual([
      {
        key: { pk: 'CNT#kherson#d', sk: '2022-11' },
        add: { t10: tally(1, 0, 1, 4, -150), t11: tally(0, 1, 0, 2, 0) },
      },
      { key: { pk: 'CNT#kherson#d', sk: '2022-12' }, add: { t01: tally(0, 1, 0, 1, 0) } },
    ]);
    expect(tally(1, 0, 1, 4, -150)).toBe(1_000000_000001_0000004_0000001850n);
  });

  it('drops amounts that cancel out, and items left with none (an overwrite that changes nothing)', () => {
    const a = { articles: 1, mentions: 2, sentMilli: 40, pos: 1 };
    const minus = Object.fromEntries(Object.entries(a).map(([k, v]) => [k, -v]));
    expect(counterItemUpdates([day('2022-11-10', a), day('2022-11-10', minus)])).toEqual([]);
  });

  it('packs hours by day, and leaves entity items as they are', () => {
    const updates = counterItemUpdates([
      {
        counter: { kind: 'topic', topic: 'kherson', granularity: 'hour', bucket: '2022-11-10T07', shard: 2 },
        add: { articles: 1, sentMilli: 5, pos: 1 },
      },
      {
        counter: { kind: 'topic', topic: '_all', granularity: 'hour', bucket: '2022-11-10T07', shard: 0 },
        add: { articles: 1 },
      },
      { counter: { kind: 'entities', day: '2022-11-10', hour: '07' }, add: { 'm|place|Kherson': 2 } },
      {
        counter: { kind: 'entities', day: '2022-11-10', hour: '07', part: 3 },
        add: { 'a|place|Kherson': 1 },
      },
    ]).map(({ key, add }) => ({ key, add }));
    expect(updates).toEqual([
      { key: { pk: 'CNT#kherson#h#2', sk: '2022-11-10' }, add: { t07: 10n ** 29n + 1005n } },
      { key: { pk: 'CNT#_all#h', sk: '2022-11-10' }, add: { a07: 1 } },
      { key: { pk: 'ENT#2022-11-10', sk: '07' }, add: { 'm|place|Kherson': 2 } },
      // A further part of the hour's entities is an item of its own.
      { key: { pk: 'ENT#2022-11-10', sk: '07#3' }, add: { 'a|place|Kherson': 1 } },
    ]);
  });

  it('refuses a delta whose articles are not its labels (articles is stored as p + u + n)', () => {
    expect(() => counterItemUpdates([day('2022-11-10', { articles: 1, mentions: 1 })])).toThrow(/labels/);
    const all = { kind: 'topic', topic: '_all', granularity: 'day', bucket: '2022-11-10', shard: 0 } as const;
    expect(() => counterItemUpdates([{ counter: all, add: { articles: 1, pos: 1 } }])).toThrow(
      /unknown fields pos/,
    );
  });

  it('unpacks the buckets of an item inside the range, articles = positive + neutral + negative', () => {
    // What a transaction wrote, read back: the store returns a tally as a bigint when it is large.
    const [update] = counterItemUpdates([
      day('2022-11-09', { articles: 1, mentions: 1, sentMilli: 0, neu: 1 }),
      day('2022-11-10', { articles: 1, mentions: 3, sentMilli: -250, neg: 1 }),
      day('2022-11-10', { articles: 1, mentions: 1, sentMilli: 100, pos: 1 }),
    ]);
    const item = { pk: 'CNT#kherson#d', sk: '2022-11', ...update?.add };
    expect(unpackCounterItem(item, 'day', '2022-11-10', '2022-11-30')).toEqual([
      {
        bucket: '2022-11-10',
        articles: 2,
        mentions: 4,
        sentMilli: -150,
        positive: 1,
        neutral: 0,
        negative: 1,
        unique: 0,
      },
    ]);
    // A small tally comes back as a number (mentions only, after a label moved away).
    expect(unpackCounterItem({ pk: 'x', sk: '2022-11-10', t23: 7e10 }, 'hour', '', '\uffff')).toEqual([
      {
        bucket: '2022-11-10T23',
        articles: 0,
        mentions: 7,
        sentMilli: 0,
        positive: 0,
        neutral: 0,
        negative: 0,
        unique: 0,
      },
    ]);
    // The bounds: a million negative articles at -1.0, with ten million minus one mentions.
    const [big] = counterItemUpdates([
      day('2022-11-10', { articles: 999_999, neg: 999_999, mentions: 9_999_999, sentMilli: -999_999_000 }),
    ]);
    expect(unpackCounterItem({ pk: 'x', sk: '2022-11', ...big?.add }, 'day', '', '\uffff')).toEqual([
      {
        bucket: '2022-11-10',
        articles: 999_999,
        mentions: 9_999_999,
        sentMilli: -999_999_000,
        positive: 0,
        neutral: 0,
        negative: 999_999,
        unique: 0,
      },
    ]);
    expect(unpackCounterItem({ pk: 'CNT#_all#h', sk: '2022-11-10', a05: 7 }, 'hour', '', '\uffff')).toEqual([
      {
        bucket: '2022-11-10T05',
        articles: 7,
        mentions: 0,
        sentMilli: 0,
        positive: 0,
        neutral: 0,
        negative: 0,
        unique: 0,
      },
    ]);
  });

  it('names the packed items of a range: months of days across a year end, days of hours across a month end', () => {
    expect(counterItemSks('2022-11-20', '2023-02-01', 'day')).toEqual([
      '2022-11',
      '2022-12',
      '2023-01',
      '2023-02',
    ]);
    expect(counterItemSks('2022-01-01', '2022-12-31', 'day')).toHaveLength(12);
    expect(counterItemSks('2024-02-28T22', '2024-03-01T01', 'hour')).toEqual([
      '2024-02-28',
      '2024-02-29',
      '2024-03-01',
    ]);
  });

  it('names as many items as the range holds whatever the years (past 9999 keys stop sorting)', () => {
    expect(counterItemSks('9999-12-01', '9999-12-31', 'day')).toEqual(['9999-12']);
    expect(counterItemSks('9999-12-31T00', '9999-12-31T23', 'hour')).toEqual(['9999-12-31']);
    expect(counterItemSks('2199-11-30', '2199-12-31', 'day')).toEqual(['2199-11', '2199-12']);
    expect(counterItemSks('2023-01-01', '2022-12-31', 'day')).toEqual([]);
  });
});

describe('unique counts in packed counter items', () => {
  it("stores a day's unique as u<dd>, its month's as u00 and its ISO week's as w<number> in the month's item", () => {
    const [update] = counterItemUpdates([
      day('2022-11-01', { unique: 1, uniqueWeek: 1, uniqueMonth: 1 }),
      day('2022-11-10', { unique: 2, uniqueWeek: 1 }),
    ]);
    // 2022-11-01 is in ISO week 44 (Monday 2022-10-31), 2022-11-10 in week 45.
    expect(update?.add).toEqual({ u01: 1, u00: 1, w44: 1, u10: 2, w45: 1 });
    expect(() => counterItemUpdates([hourOf('2022-11-10T07', { uniqueWeek: 1 })])).toThrow(
      /unknown fields uniqueWeek/,
    );
  });

  it('reads them back: day rows with their unique, and rows for the weeks and the month they touch', () => {
    const item = {
      pk: 'CNT#kherson#d',
      sk: '2022-11',
      t01: 10n ** 29n + 1000n,
      u01: 1,
      u00: 3,
      w44: 1,
      w45: 2,
    };
    const rows = (period?: 'week' | 'month') =>
      unpackCounterItem(item, 'day', '2022-10-31', '2022-11-30', period).map((r) => [
        r.bucket,
        r.articles,
        r.unique,
      ]);
    expect(rows()).toEqual([
      ['2022-11-01', 1, 0],
      ['2022-11-01', 0, 1],
    ]);
    expect(rows('month').slice(2)).toEqual([['month:2022-11', 0, 3]]);
    expect(rows('week').slice(2)).toEqual([
      ['week:2022-10-31', 0, 1],
      ['week:2022-11-07', 0, 2],
    ]);
    // A week that starts before the days read is left out; so is a month that ends before them.
    expect(
      unpackCounterItem(item, 'day', '2022-11-07', '2022-11-30', 'week').map((r) => r.bucket),
    ).not.toContain('week:2022-10-31');
    expect(unpackCounterItem(item, 'day', '2022-12-01', '2022-12-31', 'month')).toEqual([]);
    // In an hour item, u00 is the hour 00.
    expect(unpackCounterItem({ pk: 'x', sk: '2022-11-10', u00: 2 }, 'hour', '', '\uffff')).toEqual([
      expect.objectContaining({ bucket: '2022-11-10T00', unique: 2 }),
    ]);
  });
});

function hourOf(bucket: string, add: Record<string, number>): CounterDelta {
  return { counter: { kind: 'topic', topic: 'kherson', granularity: 'hour', bucket, shard: 0 }, add };
}
