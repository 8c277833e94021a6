import type { ArticleRecord } from '../ingest/article.js';
import { parsePresenceKey } from '../ingest/unique.js';
import type { ArticleReader, ClusterReader } from '../ports.js';
import { type ArticleListPage, type ArticleListQuery, type ListPosition, listArticles } from './list.js';

/** Where a record sits in its topic's listing (its listing entry's month and sort key). */
const positionOf = (r: ArticleRecord): ListPosition => ({
  month: (r.publishedAt ?? '').slice(0, 7),
  after: `${r.publishedAt}#${r.id}`,
});

/**
 * `/articles?topic=…&unique=true`: one article per copy cluster — of each story, its newest article
 * in the range — newest first, in pages like listArticles'. The listing is read in order and an
 * article is kept unless its cluster was met before. A page that starts at a cursor cannot know
 * the clusters of earlier pages, so an article there is kept only if its cluster has no newer
 * article of the topic in the range: its cluster item says in which hours it has articles of the
 * topic (shared/ingest/unique.ts), and only its own hour, or the range's last, is read again from
 * the listing. An article without a cluster (copy detection off, or counted before unique counts)
 * is a story of its own.
 */
export async function listUniqueArticles(
  reader: ArticleReader & ClusterReader,
  q: ArticleListQuery,
): Promise<ArticleListPage> {
  const toKey = q.to === undefined ? '\uffff' : `${new Date(q.to).toISOString()}#\uffff`;
  const seen = new Set<string>();
  const shown: ArticleRecord[] = [];
  let position = q.position;
  do {
    const page = await listArticles(reader, { ...q, limit: Math.max(q.limit, 25), position });
    for (const r of page.items) {
      const cluster = r.contribution.cluster;
      if (!cluster) shown.push(r);
      else if (!seen.has(cluster)) {
        seen.add(cluster);
        if (!q.position || !(await newerInRange(reader, r, cluster, q.topic, toKey))) shown.push(r);
      }
      if (shown.length > q.limit) break;
    }
    position = page.next;
  } while (position && shown.length <= q.limit);
  const kept = shown.slice(0, q.limit);
  const last = kept.at(-1);
  return { items: kept, next: shown.length > q.limit && last ? positionOf(last) : undefined };
}

/** Whether the cluster has an article of the topic newer than `r`, up to `toKey`. */
async function newerInRange(
  reader: ArticleReader & ClusterReader,
  r: ArticleRecord,
  cluster: string,
  topic: string,
  toKey: string,
): Promise<boolean> {
  const sortKey = positionOf(r).after;
  const hour = sortKey.slice(0, 13);
  const lastHour = toKey.slice(0, 13);
  const unsure: { from: string; to: string }[] = [];
  for (const [key, n] of await reader.clusterPresence(cluster)) {
    const p = parsePresenceKey(key);
    if (p?.g !== 'h' || p.topic !== topic || p.bucket < hour) continue;
    if (p.bucket > hour && p.bucket < lastHour) return true;
    // The range's last hour: its articles may lie after `to`. Its own hour: another may be older.
    if (p.bucket > hour) unsure.push({ from: p.bucket, to: toKey });
    else if (n > 1) unsure.push({ from: sortKey, to: `${hour}\uffff` < toKey ? `${hour}\uffff` : toKey });
  }
  for (const range of unsure) {
    let after: string | undefined;
    do {
      const page = await reader.listMonth(topic, range.from.slice(0, 7), range, 100, after);
      const ids = page.entries.filter((e) => e.sortKey > sortKey).map((e) => e.id);
      const records = await reader.getArticles(ids);
      if (records.some((o) => o.contribution.cluster === cluster)) return true;
      after = page.more ? page.entries.at(-1)?.sortKey : undefined;
    } while (after);
  }
  return false;
}
