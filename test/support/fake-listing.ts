import type { ArticleReader, ListingEntry, ListingPage } from '#shared/ports.js';

/**
 * A topic's listing in memory, as DynamoDB serves it: entries sorted by `<publishedAt>#<id>`
 * within their month, read newest first at most `pageSize` at a time (as DynamoDB pages a Query),
 * and the months that hold entries. `reads` counts the listMonth calls.
 */
export function fakeListing(entries: readonly ListingEntry[], pageSize: number) {
  const reads = { listMonth: 0 };
  const listing: Pick<ArticleReader, 'activeMonths' | 'listMonth'> = {
    activeMonths: async (_topic, fromMonth, toMonth) =>
      [...new Set(entries.map((e) => e.sortKey.slice(0, 7)))]
        .filter((m) => m >= fromMonth && m <= toMonth)
        .sort()
        .reverse(),
    listMonth: async (_topic, month, range, limit, after): Promise<ListingPage> => {
      reads.listMonth++;
      const inMonth = entries
        .filter((e) => e.sortKey.startsWith(month) && e.sortKey >= range.from && e.sortKey <= range.to)
        .filter((e) => after === undefined || e.sortKey < after)
        .sort((a, b) => (a.sortKey < b.sortKey ? 1 : -1));
      const page = inMonth.slice(0, Math.min(limit, pageSize));
      return { entries: page, more: inMonth.length > page.length };
    },
  };
  return { listing, reads };
}
