import { describe, expect, it } from 'vitest';
import { contributionOf } from '#shared/ingest/contribution.js';
import { readBreakdownTally, storedBreakdown } from '#shared/storage/breakdown-tally.js';
import { counterItemUpdates } from '#shared/storage/counter-items.js';
import { breakdownAmounts } from '#shared/trends/breakdown.js';

const topics = (n: number) =>
  Object.fromEntries(
    Array.from({ length: n }, (_, i) => [
      `topic-${i}`,
      { mentions: 3, sentiment: { score: -0.5, label: 'negative' as const } },
    ]),
  );
const entities = (prefix: string) =>
  Array.from({ length: 60 }, (_, i) => ({ type: 'person' as const, name: `${prefix} ${i}`, mentions: 2 }));

describe('breakdown tallies as stored', () => {
  it('packs the three amounts of a topic and value into one attribute, and reads them back', () => {
    const add = breakdownAmounts(
      { kherson: { mentions: 3, sentiment: { score: -0.25 } } },
      'AP | wire',
      'en',
    );
    const stored = new Map<string, bigint>();
    for (const [attr, amount] of Object.entries(add)) {
      const [name, v] = storedBreakdown(attr, amount) ?? ['', 0n];
      stored.set(name, (stored.get(name) ?? 0n) + v * 2n); // two such articles
    }
    expect([...stored.keys()]).toEqual(['b|src|kherson|AP | wire', 'b|lang|kherson|en']);
    const text = String(stored.get('b|src|kherson|AP | wire'));
    expect(readBreakdownTally('b|src|kherson|AP | wire', text, 'kherson', 'src')).toEqual({
      value: 'AP | wire',
      articles: 2,
      mentions: 6,
      sentOffset: 1500,
    });
    expect(readBreakdownTally('b|src|kherson|AP | wire', text, 'kherson', 'lang')).toBeUndefined();
    expect(readBreakdownTally('b|src|kherson-2|x', text, 'kherson', 'src')).toBeUndefined();
    expect(readBreakdownTally('m|person|Zelensky', '3', 'kherson', 'src')).toBeUndefined();
    expect(() => readBreakdownTally('b|src|kherson|x', '-5', 'kherson', 'src')).toThrow(/corrupt/);
    expect(storedBreakdown('m|person|Zelensky', 3)).toBeUndefined();
  });

  it('keeps the worst overwrite (50 entities and 14 topics replaced in the same hour) within one update expression', () => {
    const at = '2022-11-10T07:30:00Z';
    const before = contributionOf(
      { language: 'en', topics: topics(14), entities: entities('Old'), source: 'Old Wire' },
      at,
      'a1',
    );
    const after = contributionOf(
      { language: 'uk', topics: topics(14), entities: entities('New'), source: 'New Daily' },
      at,
      'a1',
    );
    const deltas = [
      ...before.counters.map((d) => ({
        ...d,
        add: Object.fromEntries(Object.entries(d.add).map(([k, v]) => [k, -v])),
      })),
      ...after.counters,
    ];
    const hour = counterItemUpdates(deltas).find((u) => u.counter.kind === 'entities');
    const attributes = Object.keys(hour?.add ?? {}).length;
    // 2 × 50 entities × 2 fields + 2 × 14 topics × 2 dimensions; + `grown` when written.
    expect(attributes).toBe(256);
    const expression = `ADD ${Array.from({ length: attributes + 1 }, (_, i) => `#a${i} :v${i}`).join(', ')}`;
    expect(expression.length).toBeLessThan(4096);
  });
});
