import type { LiveTopics } from '#shared/topics/live.js';
import {
  announceNewSpikes,
  type SpikeAnnouncement,
  type SpikeWatchDeps,
} from '#shared/trends/spike-watch.js';

/** The scheduled function's dependencies but its announcer (here: a console line), and a timer. */
export type LocalSpikeWatchOptions = Omit<SpikeWatchDeps, 'announce'> & {
  readonly topics: LiveTopics;
  /** How often the last complete hours are checked (the AWS schedule runs hourly). */
  readonly intervalMs: number;
  readonly log: (line: string) => void;
  readonly now?: () => number;
};

/** The console line of a new spike. */
export const spikeLine = (a: SpikeAnnouncement): string =>
  `spike: ${a.label} (${a.topic}) ${a.start}: ${a.value} articles in the hour, ` +
  `baseline ${a.mean} ± ${a.deviation}, score ${a.score}`;

/**
 * What the scheduled spike function does on AWS, on a timer: each new spike of the last complete
 * hours is printed once (claims in DynamoDB Local, so a restart does not print it again).
 */
export function startSpikeWatch(o: LocalSpikeWatchOptions): {
  check(): Promise<void>;
  stop(): Promise<void>;
} {
  const now = o.now ?? Date.now;
  let running: Promise<void> = Promise.resolve();
  const check = () => {
    running = running.then(async () => {
      try {
        const { topics } = await o.topics.current();
        const announce = async (a: SpikeAnnouncement) => o.log(spikeLine(a));
        await announceNewSpikes({ store: o.store, claims: o.claims, announce }, topics.topics, now());
      } catch (err) {
        o.log(
          `spike check failed, tried again in ${Math.round(o.intervalMs / 1000)} s: ${(err as Error).message}`,
        );
      }
    });
    return running;
  };
  const timer = setInterval(check, o.intervalMs);
  timer.unref();
  void check();
  return {
    check,
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
