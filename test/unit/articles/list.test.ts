import { describe, expect, it } from 'vitest';
import { listArticles } from '#shared/articles/list.js';
import type { ArticleRecord } from '#shared/ingest/article.js';
import type { ArticleReader } from '#shared/ports.js';
import { fakeListing } from '../../support/fake-listing.js';

/**
 * An in-memory listing of one topic: entries sorted by `<publishedAt>#<id>` within their month,
 * read newest first at most `pageSize` at a time (as DynamoDB pages a Query), with a count of
 * the reads so a test can see what a page cost.
 */
function fakeReader(publishedAt: readonly string[], pageSize = 1000) {
  const entries = publishedAt.map((t, i) => ({
    sortKey: `${t}#${String(i).padStart(24, '0')}`,
    id: `a${i}`,
  }));
  const { listing, reads } = fakeListing(entries, pageSize);
  const reader: ArticleReader = {
    getArticleById: async () => undefined,
    getArticles: async (ids) => ids.map((id) => ({ id }) as ArticleRecord),
    dayBounds: async () => undefined,
    entityDay: async () => [],
    ...listing,
  };
  return { reader, reads };
}

const hoursOf = (n: number, start = Date.parse('2022-10-30T00:00:00Z')) =>
  Array.from({ length: n }, (_, i) => new Date(start + i * 7 * 3_600_000).toISOString());

async function allPages(reader: ArticleReader, limit: number, range: { from?: number; to?: number } = {}) {
  const pages: string[][] = [];
  let position: Parameters<typeof listArticles>[1]['position'];
  do {
    const page = await listArticles(reader, { topic: 'kherson', limit, position, ...range });
    pages.push(page.items.map((a) => a.id));
    position = page.next;
  } while (position);
  return pages;
}

describe('listArticles', () => {
  it('pages newest first across months, every page but the last full, none empty', async () => {
    const times = hoursOf(96); // 28 days of articles every 7 hours, over two months
    const { reader } = fakeReader(times, 7);
    const pages = await allPages(reader, 10);
    expect(pages.map((p) => p.length)).toEqual([10, 10, 10, 10, 10, 10, 10, 10, 10, 6]);
    const newestFirst = times.map((_, i) => `a${i}`).reverse();
    expect(pages.flat()).toEqual(newestFirst);
  });

  it('ends without a cursor when the last page is exactly full', async () => {
    const { reader } = fakeReader(hoursOf(20));
    expect((await allPages(reader, 10)).map((p) => p.length)).toEqual([10, 10]);
  });

  it('keeps to the range, whose ends are inclusive', async () => {
    const times = hoursOf(30);
    const { reader } = fakeReader(times);
    const from = Date.parse(times[5] as string);
    const to = Date.parse(times[9] as string);
    expect((await allPages(reader, 3, { from, to })).flat()).toEqual(['a9', 'a8', 'a7', 'a6', 'a5']);
    expect((await allPages(reader, 3, { from: to, to: from })).flat()).toEqual([]);
  });

  it('reads no month between two articles 200 years apart', async () => {
    const { reader, reads } = fakeReader(['1999-01-01T00:00:00.000Z', '2199-12-31T23:00:00.000Z']);
    expect(await allPages(reader, 1)).toEqual([['a1'], ['a0']]);
    // Two pages, each reading the cursor's month and the next month that holds an article.
    expect(reads.listMonth).toBe(4);
  });
});
