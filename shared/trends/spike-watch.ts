import type { SpikeClaims, TrendStore } from '../ports.js';
import { DEFAULT_SPIKE_METHOD, type Spike, type SpikeMethod, topicSpikes } from './spikes.js';
import { HOUR_MS, isoSeconds } from './time.js';

/** What is published of a new spike (EventBridge `detail`, the local console line). */
export type SpikeAnnouncement = {
  readonly topic: string;
  readonly label: string;
  readonly granularity: 'hour';
  readonly detectedAt: string;
} & Spike;

export type SpikeWatchDeps = {
  readonly store: TrendStore;
  readonly claims: SpikeClaims;
  readonly announce: (a: SpikeAnnouncement) => Promise<void>;
};

/** Complete hours checked on every run: an hour's late articles can still make it a spike. */
export const LOOKBACK_HOURS = 3;

/**
 * Checks the last complete hours of every topic and announces each spike not announced before:
 * claimed first, confirmed once announced, so a failed announcement is retried by the next run
 * and a spike found by two runs (the lookback overlaps) goes out once.
 */
export async function announceNewSpikes(
  deps: SpikeWatchDeps,
  topics: readonly { readonly id: string; readonly label: string }[],
  now: number,
  method: SpikeMethod = DEFAULT_SPIKE_METHOD,
): Promise<SpikeAnnouncement[]> {
  const last = Math.floor(now / HOUR_MS) * HOUR_MS - HOUR_MS;
  const range = { from: last - (LOOKBACK_HOURS - 1) * HOUR_MS, to: last, granularity: 'hour' as const };
  const announced: SpikeAnnouncement[] = [];
  for (const topic of topics) {
    for (const spike of await topicSpikes(deps.store, topic.id, range, method)) {
      const detectedAt = isoSeconds(now);
      if (!(await deps.claims.claimSpike(topic.id, spike.start, detectedAt))) continue;
      const announcement = {
        topic: topic.id,
        label: topic.label,
        granularity: 'hour' as const,
        detectedAt,
        ...spike,
      };
      await deps.announce(announcement);
      await deps.claims.confirmSpike(topic.id, spike.start);
      announced.push(announcement);
    }
  }
  return announced;
}
