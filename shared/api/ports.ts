import type { ArticleRecord, Rejection } from '../ingest/article.js';

/** Ports the read side needs beyond trends; DynamoStore implements them, tests may fake them. */
export type ListingEntry = { readonly sortKey: string; readonly id: string };
export type ListingPage = { readonly entries: readonly ListingEntry[]; readonly more: boolean };

export type ArticleReader = {
  getArticleById(id: string): Promise<ArticleRecord | undefined>;
  getArticles(ids: readonly string[]): Promise<ArticleRecord[]>;
  /** Listing entries of a topic-month with sort keys in [from, to], newest first, after `after`. */
  listMonth(
    topic: string,
    month: string,
    range: { from: string; to: string },
    limit: number,
    after: string | undefined,
  ): Promise<ListingPage>;
  dayBounds(topic: string): Promise<{ first: string; last: string } | undefined>;
  /** Months between two `yyyy-mm` (inclusive) in which the topic has articles now, newest first. */
  activeMonths(topic: string, fromMonth: string, toMonth: string): Promise<string[]>;
  /** The entities counted on one day (UTC), all its hours and their parts together. */
  entityDay(day: string): Promise<EntityCount[]>;
};

/** How many articles named an entity and how often, over some period. */
export type EntityCount = {
  readonly type: string;
  readonly name: string;
  readonly articles: number;
  readonly mentions: number;
};

export type RejectionPage = { readonly items: readonly Rejection[]; readonly next: string | undefined };

export type RejectionReader = {
  listRejections(limit: number, after: string | undefined): Promise<RejectionPage>;
};
