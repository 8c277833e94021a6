import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listUniqueArticles } from '#shared/articles/unique-list.js';
import type { ArticleRecord } from '#shared/ingest/article.js';
import type { Contribution } from '#shared/ingest/contribution.js';
import type { ArticleReader, ClusterReader } from '#shared/ports.js';
import { fakeListing } from '../../support/fake-listing.js';

type Article = { id: string; publishedAt: string; cluster: string | undefined };

/**
 * An in-memory topic listing with clusters: listing entries newest first in pages of at most
 * `pageSize`, records whose contribution names their cluster, and each cluster's presence by hour
 * as the cluster item keeps it.
 */
function fakeReader(articles: readonly Article[], pageSize: number): ArticleReader & ClusterReader {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const entries = articles.map((a) => ({ sortKey: `${a.publishedAt}#${a.id}`, id: a.id }));
  const record = (a: Article) =>
    ({
      id: a.id,
      publishedAt: a.publishedAt,
      status: 'active',
      contribution: {
        counters: [],
        memberships: [],
        ...(a.cluster ? { cluster: a.cluster } : {}),
      } as Contribution,
    }) as ArticleRecord;
  return {
    getArticleById: async (id) => {
      const a = byId.get(id);
      return a && record(a);
    },
    getArticles: async (ids) => ids.flatMap((id) => (byId.has(id) ? [record(byId.get(id) as Article)] : [])),
    dayBounds: async () => undefined,
    entityDay: async () => [],
    ...fakeListing(entries, pageSize).listing,
    clusterPresence: async (cluster) => {
      const presence = new Map<string, number>();
      for (const a of articles.filter((o) => o.cluster === cluster)) {
        for (const key of [
          `d|${a.publishedAt.slice(0, 10)}|kherson`,
          `h|${a.publishedAt.slice(0, 13)}|kherson`,
        ])
          presence.set(key, (presence.get(key) ?? 0) + 1);
      }
      return presence;
    },
    copiesNear: async () => [],
  };
}

/** Every page of the unique listing, as ids. */
async function allPages(
  reader: ArticleReader & ClusterReader,
  limit: number,
  range: { from?: number; to?: number },
) {
  const ids: string[] = [];
  let position: Parameters<typeof listUniqueArticles>[1]['position'];
  for (let pages = 0; pages < 100; pages++) {
    const page = await listUniqueArticles(reader, { topic: 'kherson', limit, position, ...range });
    ids.push(...page.items.map((a) => a.id));
    expect(page.items.length).toBeLessThanOrEqual(limit);
    position = page.next;
    if (!position) return ids;
    expect(page.items.length).toBe(limit);
  }
  throw new Error('more than 100 pages');
}

/** What the listing must hold: of each cluster, its newest article in the range, newest first. */
function reference(articles: readonly Article[], range: { from?: number; to?: number }) {
  const inRange = articles
    .filter((a) => {
      const t = Date.parse(a.publishedAt);
      return (range.from === undefined || t >= range.from) && (range.to === undefined || t <= range.to);
    })
    .sort((a, b) => (`${a.publishedAt}#${a.id}` < `${b.publishedAt}#${b.id}` ? 1 : -1));
  const seen = new Set<string>();
  return inRange
    .filter((a) => {
      if (!a.cluster) return true;
      if (seen.has(a.cluster)) return false;
      seen.add(a.cluster);
      return true;
    })
    .map((a) => a.id);
}

const T0 = Date.parse('2022-10-30T22:00:00Z');
const articleArb = fc.record({
  minutes: fc.nat(3 * 24 * 60), // three days across a month's end
  cluster: fc.option(fc.constantFrom('c1', 'c2', 'c3', 'c4'), { nil: undefined }),
});

describe('GET /articles?topic&unique=true (one article per story)', () => {
  it('lists, across pages, exactly the newest article of each cluster in the range, whatever the page size', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(articleArb, { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 30 }),
        fc.option(fc.tuple(fc.nat(3 * 24 * 60), fc.nat(3 * 24 * 60)), { nil: undefined }),
        async (list, limit, pageSize, bounds) => {
          const articles = list.map((a, i) => ({
            id: `a${String(i).padStart(2, '0')}`,
            publishedAt: new Date(T0 + a.minutes * 60_000).toISOString(),
            cluster: a.cluster,
          }));
          const range = bounds
            ? { from: T0 + Math.min(...bounds) * 60_000, to: T0 + Math.max(...bounds) * 60_000 }
            : {};
          const got = await allPages(fakeReader(articles, pageSize), limit, range);
          expect(got).toEqual(reference(articles, range));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps a copy hidden on a later page when its newer copy was on an earlier one, in the same hour', async () => {
    const articles = [
      { id: 'a1', publishedAt: '2022-11-10T08:10:00.000Z', cluster: 'c' },
      { id: 'a2', publishedAt: '2022-11-10T08:20:00.000Z', cluster: undefined },
      { id: 'a3', publishedAt: '2022-11-10T08:30:00.000Z', cluster: 'c' },
    ];
    expect(await allPages(fakeReader(articles, 10), 1, {})).toEqual(['a3', 'a2']);
  });
});
