import { describe, expect, it } from 'vitest';
import { Analyser } from '#shared/analysis/analyse.js';
import { contributionOf, diffContributions, EMPTY_CONTRIBUTION } from '#shared/ingest/contribution.js';
import { type PresenceDelta, presenceKey, uniqueChange } from '#shared/ingest/unique.js';
import { defaultTopics } from '#shared/topics/load.js';

const analysis = new Analyser(defaultTopics()).analyse({ body: 'Kherson was shelled overnight.' });
const article = (id: string, at: string, cluster?: string) =>
  contributionOf({ ...analysis, cluster }, at, id);

/** Applies changes one after another, as transactions would, and sums the unique amounts by attribute. */
function run(changes: readonly (readonly PresenceDelta[])[]) {
  let state = new Map<string, number>();
  const unique = new Map<string, number>();
  for (const deltas of changes) {
    const { next, counters } = uniqueChange(state, deltas);
    state = next;
    for (const d of counters) {
      if (d.counter.kind !== 'topic') continue;
      for (const [field, n] of Object.entries(d.add)) {
        const id = `${d.counter.granularity}|${d.counter.bucket}|${field}`;
        unique.set(id, (unique.get(id) ?? 0) + n);
      }
    }
  }
  return { state, unique: Object.fromEntries([...unique].filter(([, n]) => n !== 0)) };
}

const add = (c: ReturnType<typeof article>) => diffContributions(EMPTY_CONTRIBUTION, c).presence;
const remove = (c: ReturnType<typeof article>) => diffContributions(c, EMPTY_CONTRIBUTION).presence;

describe('unique counts (distinct copy clusters)', () => {
  it('counts a story and its reprints once a day, and once on each day it ran', () => {
    const a = article('a', '2022-11-10T08:00:00Z', 'a');
    const b = article('b', '2022-11-10T09:00:00Z', 'a');
    const c = article('c', '2022-11-11T07:00:00Z', 'a');
    const { unique } = run([add(a), add(b), add(c)]);
    expect(unique).toEqual({
      'day|2022-11-10|unique': 1,
      'day|2022-11-11|unique': 1,
      'hour|2022-11-10T08|unique': 1,
      'hour|2022-11-10T09|unique': 1,
      'hour|2022-11-11T07|unique': 1,
      // The week (Monday 2022-11-07) and the month once, on the day that brought the cluster in.
      'day|2022-11-10|uniqueWeek': 1,
      'day|2022-11-10|uniqueMonth': 1,
    });
  });

  it('leaves unique as it was when the first copy is deleted while another remains, and takes it back with the last', () => {
    const a = article('a', '2022-11-10T08:00:00Z', 'a');
    const b = article('b', '2022-11-10T08:30:00Z', 'a');
    expect(run([add(a), add(b), remove(a)]).unique).toEqual({
      'day|2022-11-10|unique': 1,
      'hour|2022-11-10T08|unique': 1,
      'day|2022-11-10|uniqueWeek': 1,
      'day|2022-11-10|uniqueMonth': 1,
    });
    const gone = run([add(a), add(b), remove(a), remove(b)]);
    expect(gone.unique).toEqual({});
    expect(gone.state.size).toBe(0);
  });

  it('counts a week that spans two months once: its ±1 goes to the day that moved it, in either month', () => {
    // ISO week 44 of 2022: Monday 31 October to Sunday 6 November.
    const oct = article('a', '2022-10-31T10:00:00Z', 'a');
    const nov = article('b', '2022-11-02T10:00:00Z', 'a');
    const { unique } = run([add(oct), add(nov), remove(oct)]);
    const week = Object.entries(unique).filter(([k]) => k.endsWith('uniqueWeek'));
    // +1 from October 31 when the cluster came; no change when it moved to November alone.
    expect(week).toEqual([['day|2022-10-31|uniqueWeek', 1]]);
    expect(unique['day|2022-10-31|uniqueMonth']).toBeUndefined(); // October: +1 then −1
    expect(unique['day|2022-11-02|uniqueMonth']).toBe(1);
  });

  it('moves an article between clusters: the old one loses it, the new one gains it', () => {
    const a = article('a', '2022-11-10T08:00:00Z', 'x');
    const moved = diffContributions(a, article('a', '2022-11-10T08:00:00Z', 'y')).presence;
    expect(moved.map((d) => [d.cluster, presenceKey(d.counter), d.add])).toEqual([
      ['x', 'd|2022-11-10|kherson', -1],
      ['x', 'h|2022-11-10T08|kherson', -1],
      ['y', 'd|2022-11-10|kherson', 1],
      ['y', 'h|2022-11-10T08|kherson', 1],
    ]);
  });

  it('gives an article without a cluster (copy detection off) its own unique amounts, and no presence', () => {
    const own = article('a', '2022-11-10T08:00:00Z');
    expect(own.cluster).toBeUndefined();
    expect(add(own)).toEqual([]);
    const kherson = own.counters.filter((d) => d.counter.kind === 'topic' && d.counter.topic === 'kherson');
    expect(kherson.map((d) => [d.counter.kind === 'topic' && d.counter.granularity, d.add.unique])).toEqual([
      ['day', 1],
      ['hour', 1],
    ]);
    expect(kherson[0]?.add).toMatchObject({ uniqueWeek: 1, uniqueMonth: 1 });
  });

  it('refuses a presence that would go below zero (a change computed from another state)', () => {
    expect(() => run([remove(article('a', '2022-11-10T08:00:00Z', 'a'))])).toThrow(/would be -1/);
  });
});
