import { isoWeekOf } from '../trends/periods.js';
import { ALL_TOPIC, type Contribution, type CounterDelta, type CounterRef } from './contribution.js';

/**
 * Unique counts: a bucket's `unique` is the number of distinct copy clusters among the topic's
 * articles in it (shared/copies), so a wire story reprinted by ten outlets on one day counts
 * once that day — and once on each day it ran. Days, hours, ISO weeks and months each count
 * their own distinct clusters: a week's unique is not the sum of its days'.
 *
 * How it stays exact: per cluster, how many of its articles count in each (topic, day) and
 * (topic, hour) — its *presence* — is kept with the cluster (the store keeps it in one item per
 * cluster, changed in the same transaction as the articles). A bucket's unique moves by ±1
 * exactly when a cluster's presence there goes from 0 to more or back; a week or month's when
 * the cluster's presence in any of its days does. An article without a cluster (copy detection
 * off) is a cluster of its own and adds its unique amounts directly, like its other amounts.
 */

export type TopicCounter = Extract<CounterRef, { kind: 'topic' }>;

/** One article joining (+1) or leaving (−1) its cluster's presence in a topic's day or hour. */
export type PresenceDelta = {
  readonly cluster: string;
  readonly counter: TopicCounter;
  readonly add: number;
};

/** The unique amounts of an article that is a cluster of its own, by the granularity of a counter. */
export const OWN_UNIQUE = {
  day: { unique: 1, uniqueWeek: 1, uniqueMonth: 1 },
  hour: { unique: 1 },
} as const;

/** The name of a presence in a cluster's state: `d|2022-11-10|kherson`, `h|2022-11-10T07|kherson`. */
export const presenceKey = (c: TopicCounter): string =>
  `${c.granularity === 'day' ? 'd' : 'h'}|${c.bucket}|${c.topic}`;

export function parsePresenceKey(key: string): { g: string; bucket: string; topic: string } | undefined {
  const [g, bucket, ...topic] = key.split('|');
  return g && bucket && topic.length > 0 ? { g, bucket, topic: topic.join('|') } : undefined;
}

/** An article's presence in its cluster, times `sign`: one per topic counter it adds to. */
function presenceOf(c: Contribution, sign: 1 | -1): PresenceDelta[] {
  const { cluster } = c;
  if (!cluster) return [];
  return c.counters.flatMap((d) =>
    d.counter.kind === 'topic' && d.counter.topic !== ALL_TOPIC && (d.add.articles ?? 0) > 0
      ? [{ cluster, counter: d.counter, add: sign }]
      : [],
  );
}

/** What a change does to cluster presences: after's minus before's, zeros left out. */
export function diffPresence(before: Contribution, after: Contribution): PresenceDelta[] {
  const merged = new Map<string, PresenceDelta>();
  for (const d of [...presenceOf(before, -1), ...presenceOf(after, 1)]) {
    const id = `${d.cluster}\u0000${presenceKey(d.counter)}`;
    const prev = merged.get(id);
    // Another counter shard of the same bucket is the same presence: the sum is what counts.
    merged.set(id, prev ? { ...d, add: prev.add + d.add } : d);
  }
  return [...merged.values()].filter((d) => d.add !== 0);
}

/**
 * A change takes away a presence its cluster does not have: it was computed from a record that
 * has changed since (a concurrent writer moved it), so it must not commit; its caller re-reads.
 */
export class StalePresenceError extends Error {
  override readonly name = 'StalePresenceError';
}

/**
 * A cluster's presences after `deltas` (all of one cluster), and the unique amounts that moves: ±1
 * on each day or hour bucket whose presence went from 0 to more or back, and on each week and
 * month whose days did. Each amount goes to a counter the deltas already name (one of the
 * changed days for a week or month), so the change touches no counter item its articles do not.
 */
export function uniqueChange(
  state: ReadonlyMap<string, number>,
  deltas: readonly PresenceDelta[],
): { next: Map<string, number>; counters: CounterDelta[] } {
  const next = new Map(state);
  const changed = new Map<string, TopicCounter>();
  for (const d of deltas) {
    const key = presenceKey(d.counter);
    const n = (next.get(key) ?? 0) + d.add;
    if (n < 0) throw new StalePresenceError(`cluster ${d.cluster}: presence ${key} would be ${n}`);
    if (n === 0) next.delete(key);
    else next.set(key, n);
    changed.set(key, d.counter);
  }
  const counters: CounterDelta[] = [];
  const periods = new Map<string, { counter: TopicCounter; field: 'uniqueWeek' | 'uniqueMonth' }>();
  for (const [key, counter] of changed) {
    const step = Number(next.has(key)) - Number(state.has(key));
    if (step !== 0) counters.push({ counter, add: { unique: step } });
    if (counter.granularity !== 'day') continue;
    periods.set(`w|${isoWeekOf(counter.bucket).monday}|${counter.topic}`, { counter, field: 'uniqueWeek' });
    periods.set(`m|${counter.bucket.slice(0, 7)}|${counter.topic}`, { counter, field: 'uniqueMonth' });
  }
  if (periods.size > 0) {
    const present = (s: ReadonlyMap<string, number>) => {
      const out = new Set<string>();
      for (const key of s.keys()) {
        const p = parsePresenceKey(key);
        if (p?.g !== 'd') continue;
        out.add(`w|${isoWeekOf(p.bucket).monday}|${p.topic}`);
        out.add(`m|${p.bucket.slice(0, 7)}|${p.topic}`);
      }
      return out;
    };
    const [was, is] = [present(state), present(next)];
    for (const [period, { counter, field }] of periods) {
      const step = Number(is.has(period)) - Number(was.has(period));
      if (step !== 0) counters.push({ counter, add: { [field]: step } });
    }
  }
  return { next, counters };
}
