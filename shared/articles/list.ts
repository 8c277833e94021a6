import type { ArticleReader } from '../api/ports.js';
import type { ArticleRecord } from '../ingest/article.js';

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

/** Months read at most by one request; past that the page ends early with a cursor to go on. */
const MAX_MONTHS_PER_PAGE = 24;

const monthOf = (iso: string) => iso.slice(0, 7);

function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** The month range a query covers, or undefined when it is empty. */
export async function listingBounds(
  reader: ArticleReader,
  q: Pick<ArticleListQuery, 'topic' | 'from' | 'to'>,
): Promise<{ fromKey: string; toKey: string } | undefined> {
  let from = q.from === undefined ? undefined : new Date(q.from).toISOString();
  let to = q.to === undefined ? undefined : `${new Date(q.to).toISOString()}#\uffff`;
  if (from === undefined || to === undefined) {
    const bounds = await reader.dayBounds(q.topic);
    if (!bounds) return undefined;
    from ??= `${bounds.first}T00:00:00.000Z`;
    to ??= `${bounds.last}T23:59:59.999Z#\uffff`;
  }
  return from <= to ? { fromKey: from, toKey: to } : undefined;
}

/**
 * Articles of a topic, newest first: listing entries are read month by month (one Query per
 * month, by key), then the page's article records in one batch read. Asks one entry more than
 * the limit so that the last page says so (no cursor) instead of leading to an empty page.
 */
export async function listArticles(reader: ArticleReader, q: ArticleListQuery): Promise<ArticleListPage> {
  const bounds = await listingBounds(reader, q);
  if (!bounds) return { items: [], next: undefined };
  const firstMonth = monthOf(bounds.fromKey);
  let month = q.position?.month ?? monthOf(bounds.toKey);
  let after = q.position?.after;
  const entries: { id: string; sortKey: string; month: string }[] = [];
  let monthsRead = 0;
  while (month >= firstMonth && entries.length <= q.limit) {
    if (monthsRead === MAX_MONTHS_PER_PAGE) {
      // Bounded work per request: continue from the start of this month on the next page.
      const ids = entries.map((e) => e.id);
      return { items: await reader.getArticles(ids), next: { month, after: '' } };
    }
    const page = await reader.listMonth(
      q.topic,
      month,
      { from: bounds.fromKey, to: bounds.toKey },
      q.limit + 1 - entries.length,
      after || undefined,
    );
    monthsRead++;
    for (const e of page.entries) entries.push({ ...e, month });
    if (!page.more) {
      month = previousMonth(month);
      after = undefined;
    }
  }
  const hasMore = entries.length > q.limit;
  const kept = entries.slice(0, q.limit);
  const last = kept.at(-1);
  const items = await reader.getArticles(kept.map((e) => e.id));
  return { items, next: hasMore && last ? { month: last.month, after: last.sortKey } : undefined };
}
