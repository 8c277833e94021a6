import { MONTHS } from './ticks.js';
import type { Bucket, Granularity, Spike } from './types.js';

/**
 * Spike marks: where GET /topics/{id}/spikes found a topic's coverage leaving its usual band,
 * placed on the chart's buckets and told in words. Pure (no DOM), so it is unit-tested in Node.
 */

/** Granularities the spikes route serves: a week or a month has no spikes (the route refuses them). */
export const hasSpikes = (g: Granularity): g is 'day' | 'hour' => g === 'day' || g === 'hour';

/** "11 Nov 2022", in UTC. */
const dayOf = (iso: string): string => {
  const d = new Date(iso);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
};

/** A number as people read it: at most one decimal, none when it is whole ("6", "2.4"). */
const short = (n: number): string => String(Number(n.toFixed(1)));

/** "Kherson 11 Nov 2022 — 40 articles (usual 6 ± 2.4, score 13.9)"; an hour adds "06:00 UTC". */
export function spikeText(label: string, spike: Spike, granularity: Granularity): string {
  const when =
    granularity === 'hour' ? `${dayOf(spike.start)} ${spike.start.slice(11, 16)} UTC` : dayOf(spike.start);
  const articles = `${spike.value} article${spike.value === 1 ? '' : 's'}`;
  return `${label} ${when} — ${articles} (usual ${short(spike.mean)} ± ${short(spike.deviation)}, score ${short(spike.score)})`;
}

/**
 * The index in `buckets` of each spike's bucket, in the order of the buckets; a spike outside
 * them (the API answered for another range) is left out rather than drawn in the wrong place.
 */
export function spikeIndices(
  buckets: readonly Pick<Bucket, 'start'>[],
  spikes: readonly Pick<Spike, 'start'>[],
): number[] {
  const at = new Map(buckets.map((b, i) => [Date.parse(b.start), i]));
  const found = spikes.map((s) => at.get(Date.parse(s.start))).filter((i) => i !== undefined);
  return [...new Set(found)].sort((a, b) => a - b);
}
