import type { EntityType } from '../analysis/entities.js';
import type { ArticleReader } from '../ports.js';
import { bucketKey, DAY_MS } from '../trends/time.js';

export type EntityTotal = { name: string; type: EntityType; articles: number; mentions: number };

/** How many day items are read at once. */
const CONCURRENCY = 16;

/**
 * Most-mentioned entities over a range of whole days, from the per-day entity counters (one
 * Query per day, whatever the number of articles), optionally of one type.
 */
export async function topEntities(
  reader: ArticleReader,
  range: { from: number; to: number },
  type: EntityType | undefined,
): Promise<EntityTotal[]> {
  const days: string[] = [];
  for (let t = range.from; t <= range.to; t += DAY_MS) days.push(bucketKey(t, 'day'));
  const totals = new Map<string, EntityTotal>();
  for (let i = 0; i < days.length; i += CONCURRENCY) {
    const dayCounts = await Promise.all(days.slice(i, i + CONCURRENCY).map((d) => reader.entityDay(d)));
    for (const e of dayCounts.flat()) {
      if (type && e.type !== type) continue;
      const key = `${e.type}|${e.name}`;
      const row = totals.get(key) ?? { name: e.name, type: e.type as EntityType, articles: 0, mentions: 0 };
      row.mentions += e.mentions;
      row.articles += e.articles;
      totals.set(key, row);
    }
  }
  return [...totals.values()]
    .filter((e) => e.mentions > 0)
    .sort((a, b) => b.mentions - a.mentions || b.articles - a.articles || a.name.localeCompare(b.name));
}
