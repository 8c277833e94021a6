import type { ArticleRecord } from '../ingest/article.js';
import type { ArticleReader } from '../ports.js';

export type ListPosition = { readonly month: string; readonly after: string };

export type ArticleListQuery = {
  /** A topic id, or ALL_TOPIC for every article. */
  readonly topic: string;
  /** Inclusive bounds in ms; open ends are bounded by the topic's first and last counted day. */
  readonly from?: number | undefined;
  readonly to?: number | undefined;
  readonly limit: number;
  readonly position?: ListPosition | undefined;
};

export type ArticleListPage = {
  readonly items: readonly ArticleRecord[];
  readonly next: ListPosition | undefined;
};

const monthOf = (iso: string) => iso.slice(0, 7);

/**
 * Articles of a topic, newest first. The months that hold its articles come from its day counters
 * (so months once touched and since emptied, or empty years between two articles, cost nothing);
 * their listing entries are read month by month (one Query each, by key), then the page's records
 * in one batch read. Every page but the last holds `limit` items: one entry more than the limit is
 * asked for, so the last page says so (no cursor) instead of leading to an empty page.
 */
export async function listArticles(reader: ArticleReader, q: ArticleListQuery): Promise<ArticleListPage> {
  // DynamoDB refuses an empty string in a key condition: '0000' sorts before every date.
  const fromKey = q.from === undefined ? '0000' : new Date(q.from).toISOString();
  const toKey = q.to === undefined ? '\uffff' : `${new Date(q.to).toISOString()}#\uffff`;
  if (fromKey > toKey) return { items: [], next: undefined };
  const newest = q.position?.month ?? (q.to === undefined ? '9999-99' : monthOf(toKey));
  const months = await reader.activeMonths(
    q.topic,
    q.from === undefined ? '0000-00' : monthOf(fromKey),
    newest,
  );
  const entries: { id: string; sortKey: string; month: string }[] = [];
  for (const month of months) {
    // Within the cursor's month, go on after its entry; every other month from its newest.
    let after = month === q.position?.month ? q.position.after || undefined : undefined;
    while (entries.length <= q.limit) {
      const page = await reader.listMonth(
        q.topic,
        month,
        { from: fromKey, to: toKey },
        q.limit + 1 - entries.length,
        after,
      );
      for (const e of page.entries) entries.push({ ...e, month });
      after = page.entries.at(-1)?.sortKey;
      if (!page.more || after === undefined) break;
    }
    if (entries.length > q.limit) break;
  }
  const hasMore = entries.length > q.limit;
  const kept = entries.slice(0, q.limit);
  const last = kept.at(-1);
  const items = await reader.getArticles(kept.map((e) => e.id));
  return { items, next: hasMore && last ? { month: last.month, after: last.sortKey } : undefined };
}
