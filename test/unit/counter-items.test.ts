import { describe, expect, it } from 'vitest';
import type { CounterDelta } from '#shared/ingest/contribution.js';
import { counterItemUpdates, unpackCounterItem } from '#shared/storage/counter-items.js';

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
    ]);
    expect(updates).toEqual([
      {
        key: { pk: 'CNT#kherson#d', sk: '2022-11' },
        add: { m10: 4, s10: -150, n10: 1, p10: 1, m11: 2, u11: 1 },
      },
      { key: { pk: 'CNT#kherson#d', sk: '2022-12' }, add: { m01: 1, u01: 1 } },
    ]);
  });

  it('drops amounts that cancel out, and items left with none (an overwrite that changes nothing)', () => {
    const a = { articles: 1, mentions: 2, sentMilli: 40, pos: 1 };
    const minus = Object.fromEntries(Object.entries(a).map(([k, v]) => [k, -v]));
    expect(counterItemUpdates([day('2022-11-10', a), day('2022-11-10', minus)])).toEqual([]);
  });

  it('packs hours by day, and leaves entity items as they are', () => {
    const updates = counterItemUpdates([
      {
        counter: { kind: 'topic', topic: '_all', granularity: 'hour', bucket: '2022-11-10T07', shard: 2 },
        add: { articles: 1, sentMilli: 5, pos: 1 },
      },
      { counter: { kind: 'entities', day: '2022-11-10', shard: 1 }, add: { 'm|place|Kherson': 2 } },
    ]);
    expect(updates).toEqual([
      { key: { pk: 'CNT#_all#h#2', sk: '2022-11-10' }, add: { s07: 5, p07: 1 } },
      { key: { pk: 'ENT#2022-11-10', sk: '01' }, add: { 'm|place|Kherson': 2 } },
    ]);
  });

  it('refuses a delta whose articles are not its labels (articles is stored as p + u + n)', () => {
    expect(() => counterItemUpdates([day('2022-11-10', { articles: 1, mentions: 1 })])).toThrow(/labels/);
  });

  it('unpacks the buckets of an item inside the range, articles = positive + neutral + negative', () => {
    const item = { pk: 'CNT#kherson#d', sk: '2022-11', m09: 1, u09: 1, m10: 4, s10: -150, n10: 1, p10: 1 };
    expect(unpackCounterItem(item, 'day', '2022-11-10', '2022-11-30')).toEqual([
      {
        bucket: '2022-11-10',
        articles: 2,
        mentions: 4,
        sentMilli: -150,
        positive: 1,
        neutral: 0,
        negative: 1,
      },
    ]);
    expect(unpackCounterItem({ pk: 'x', sk: '2022-11-10', p23: 2 }, 'hour', '', '\uffff')).toEqual([
      {
        bucket: '2022-11-10T23',
        articles: 2,
        mentions: 0,
        sentMilli: 0,
        positive: 2,
        neutral: 0,
        negative: 0,
      },
    ]);
  });
});
