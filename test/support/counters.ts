import type { TrendStore } from '#shared/ports.js';
import type { Granularity } from '#shared/trends/time.js';

/** One topic's counter rows over a range, as the trend routes read them. */
export async function counterRows(
  store: TrendStore,
  topic: string,
  granularity: Granularity,
  from: string,
  to: string,
) {
  return (await store.countersOf([topic], granularity, from, to)).get(topic) ?? [];
}
