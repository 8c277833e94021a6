import type { Membership } from '../ingest/contribution.js';
import type { Granularity } from '../trends/time.js';

export const articleKey = (id: string) => ({ pk: `ART#${id}`, sk: 'ART' });
export const REJECTIONS_PK = 'REJ';
/** A rejection item: `REJ` / `<at>#<id>`, newest first in GET /rejections. */
export const rejectionKey = (at: string, id: string) => ({ pk: REJECTIONS_PK, sk: `${at}#${id}` });

/**
 * The rejection item a commit over `previous` takes out of the list: the key's last rejection,
 * once the key is counted, deleted or rejected again (the list shows each key's current state;
 * the history stays in the log). A rejected record's updatedAt is its rejection's `at`.
 */
export function replacedRejection(
  previous: { readonly id: string; readonly status: string; readonly updatedAt: string } | undefined,
  next: { readonly updatedAt: string },
) {
  if (previous?.status !== 'rejected' || previous.updatedAt === next.updatedAt) return undefined;
  return rejectionKey(previous.updatedAt, previous.id);
}

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

/** Recounts: `RECOUNT` / their id (ids sort by start time, so newest first is a reverse query). */
export const RECOUNTS_PK = 'RECOUNT';
/** Which recount was started for an analysis version (`RECOUNT#CLAIM` / the version). */
export const RECOUNT_CLAIMS_PK = 'RECOUNT#CLAIM';
/** What the counters reflect: the analysis version and topic set of the last complete recount. */
export const ANALYSIS_STATE_KEY = { pk: 'META', sk: 'analysis' } as const;
/** The run-time topic set (see shared/topics/live.ts). */
export const TOPICS_KEY = { pk: 'META', sk: 'topics' } as const;
/** Its version alone, written with it: every article transaction checks this small item. */
export const TOPICS_VERSION_KEY = { pk: 'META', sk: 'topics-version' } as const;
/** Announced spikes: `SPIKE` / `<topic>#<bucket start>` (one partition, so IAM can confine writes to it). */
export const SPIKES_PK = 'SPIKE';
export const spikeKey = (topic: string, start: string) => ({ pk: SPIKES_PK, sk: `${topic}#${start}` });

/** Copy index entries: `COPY#<LSH key>` / `<publishedAt>#<id>` (shared/storage/copy-index.ts). */
export const copyKeyPk = (key: string) => `COPY#${key}`;
export const copyEntryKey = (key: string, publishedAt: string, id: string) => ({
  pk: copyKeyPk(key),
  sk: `${publishedAt}#${id}`,
});
