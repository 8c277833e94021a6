import type { Membership } from '../ingest/contribution.js';
import type { Granularity } from '../trends/time.js';

export const articleKey = (id: string) => ({ pk: `ART#${id}`, sk: 'ART' });
export const REJECTIONS_PK = 'REJ';

/**
 * Topic counters: `CNT#<topic>#d` (or `#h`), with `#<shard>` appended for shards 1 and up; the sort
 * key is the month (day counters) or the day (hour counters): see counter-items.ts.
 */
export const topicCounterPk = (topic: string, g: Granularity, shard = 0) =>
  `CNT#${topic}#${g === 'day' ? 'd' : 'h'}${shard ? `#${shard}` : ''}`;
export const entityCounterPk = (day: string) => `ENT#${day}`;

/** Listing entries: `LIST#<topic>#<yyyy-mm>` / `<publishedAt>#<id>`, read newest first. */
export const listingPk = (topic: string, month: string) => `LIST#${topic}#${month}`;
export const membershipKey = (m: Membership) => ({ pk: listingPk(m.topic, m.month), sk: m.sortKey });
