import { describe, expect, it } from 'vitest';
import { CONTRIBUTION_RULES, contributionOf } from '#shared/ingest/contribution.js';
import type { BreakdownCount } from '#shared/ports.js';
import {
  breakdownAmounts,
  breakdownValue,
  parseBreakdownAttribute,
  sumBreakdown,
  topicBreakdown,
  UNKNOWN_VALUE,
} from '#shared/trends/breakdown.js';

const topic = (mentions: number, score: number) => ({ mentions, sentiment: { score } });

describe('breakdown amounts of one article', () => {
  it('adds articles, mentions and offset sentiment per topic, by source and by language', () => {
    const add = breakdownAmounts({ kherson: topic(3, -0.25), grain: topic(1, 0.5) }, 'AP | wire', 'en');
    expect(add).toEqual({
      'b|a|src|kherson|AP | wire': 1,
      'b|m|src|kherson|AP | wire': 3,
      'b|s|src|kherson|AP | wire': 750,
      'b|a|lang|kherson|en': 1,
      'b|m|lang|kherson|en': 3,
      'b|s|lang|kherson|en': 750,
      'b|a|src|grain|AP | wire': 1,
      'b|m|src|grain|AP | wire': 1,
      'b|s|src|grain|AP | wire': 1500,
      'b|a|lang|grain|en': 1,
      'b|m|lang|grain|en': 1,
      'b|s|lang|grain|en': 1500,
    });
    // Never a negative amount: a part's growth bound counts positive amounts only.
    const worst = breakdownAmounts({ kherson: topic(1, -1) }, undefined, undefined);
    expect(Math.min(...Object.values(worst))).toBeGreaterThanOrEqual(0);
  });

  it('names a missing or blank source "(unknown)" and cuts a long one', () => {
    expect(breakdownValue(undefined)).toBe(UNKNOWN_VALUE);
    expect(breakdownValue('   ')).toBe(UNKNOWN_VALUE);
    expect(breakdownValue('  Reuters ')).toBe('Reuters');
    expect([...breakdownValue('é'.repeat(500))]).toHaveLength(100);
    expect(Object.keys(breakdownAmounts({ kherson: topic(1, 0) }, '', 'uk'))).toContain(
      'b|a|src|kherson|(unknown)',
    );
  });

  it('parses its attribute names back, the value last (it may hold |), and nothing else', () => {
    expect(parseBreakdownAttribute('b|s|src|kherson|AP | wire')).toEqual({
      field: 's',
      dim: 'src',
      topic: 'kherson',
      value: 'AP | wire',
    });
    for (const other of [
      'm|person|Zelensky',
      'a|place|Kherson',
      'b|x|src|k|v',
      'b|a|geo|k|v',
      'b|a|src|k',
      'grown',
    ])
      expect(parseBreakdownAttribute(other), other).toBeUndefined();
  });

  it('is in the hour item from contribution rules version 2 on, not in version 1', () => {
    const analysis = {
      language: 'en',
      topics: { kherson: { mentions: 2, sentiment: { score: 0.1, label: 'neutral' as const } } },
      entities: [],
      source: 'BBC',
    };
    const [v1, v2] = CONTRIBUTION_RULES;
    const hour = (rules: typeof v1) =>
      contributionOf(analysis, '2022-11-10T07:30:00Z', 'a1', 0, rules).counters.filter(
        (d) => d.counter.kind === 'entities',
      );
    expect(hour(v1)).toEqual([]);
    expect(hour(v2)).toEqual([
      {
        counter: { kind: 'entities', day: '2022-11-10', hour: '07' },
        add: breakdownAmounts(analysis.topics, 'BBC', 'en'),
      },
    ]);
  });
});

describe('summing a breakdown', () => {
  const c = (value: string, articles: number, mentions: number, sentMilli: number): BreakdownCount => ({
    value,
    articles,
    mentions,
    sentOffset: sentMilli + 1000 * articles,
  });

  it('sums days per value, means the sentiment, sorts by articles then value, drops emptied values', () => {
    const items = sumBreakdown([
      c('b', 2, 3, 500),
      c('a', 1, 1, -200),
      c('c', 3, 9, 0),
      c('a', 1, 2, 600),
      c('gone', 1, 1, 100),
      c('gone', -1, -1, -100),
    ]);
    expect(items).toEqual([
      { value: 'c', articles: 3, mentions: 9, sentiment: { mean: 0 } },
      { value: 'a', articles: 2, mentions: 3, sentiment: { mean: 0.2 } },
      { value: 'b', articles: 2, mentions: 3, sentiment: { mean: 0.25 } },
    ]);
  });

  it('reads one day partition per day of the range, for the topic and dimension asked', async () => {
    const asked: string[] = [];
    const reader = {
      breakdownDay: async (day: string, t: string, dim: string) => {
        asked.push(`${day} ${t} ${dim}`);
        return [c(day, 1, 1, 0)];
      },
    };
    const range = { from: Date.parse('2022-11-09T00:00:00Z'), to: Date.parse('2022-11-11T00:00:00Z') };
    const items = await topicBreakdown(reader, 'kherson', 'language', range);
    expect(asked).toEqual(['2022-11-09 kherson lang', '2022-11-10 kherson lang', '2022-11-11 kherson lang']);
    expect(items.map((i) => i.value)).toEqual(['2022-11-09', '2022-11-10', '2022-11-11']);
  });
});
