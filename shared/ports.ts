import type { CopyEntry } from './copies/cluster.js';
import type { ArticleRecord, Rejection } from './ingest/article.js';
import type { ContributionChange } from './ingest/contribution.js';
import type { BreakdownDim } from './trends/breakdown.js';
import type { PeriodGranularity } from './trends/periods.js';
import type { Granularity } from './trends/time.js';

/**
 * Every port the domain needs, in one place: the domain defines them, the adapters
 * (shared/storage for DynamoDB and S3, the local stack, tests' fakes) implement them, and nothing
 * in the domain imports an adapter (test/unit/dependency-rule.test.ts holds that).
 */

// Ingest: the article records and counters, and the article objects.

/** Port: the article records and counters (DynamoDB in production and locally). */
export type IngestStore = {
  getArticle(key: string): Promise<ArticleRecord | undefined>;
  /**
   * Writes `next`, the counter and listing `change` and the optional rejection in one transaction, provided
   * the stored record is still `previous` (same sequencer, or still absent). Returns false when
   * another writer got there first; the caller re-reads and decides again.
   */
  commitArticle(
    next: ArticleRecord,
    previous: ArticleRecord | undefined,
    change: ContributionChange,
    rejection: Rejection | undefined,
  ): Promise<boolean>;
};

/** One article's change, as IngestStore.commitArticle takes it. */
export type ArticleCommit = {
  readonly next: ArticleRecord;
  readonly previous: ArticleRecord | undefined;
  readonly change: ContributionChange;
  readonly rejection: Rejection | undefined;
};

/**
 * A store that commits several articles in one transaction: each with its own condition, all or
 * none, the counter updates of all of them merged into one update per item (fewer, cheaper writes).
 */
export type GroupIngestStore = IngestStore & {
  /** One result per commit, in order: what commitArticle would have returned or thrown for it. */
  commitArticles(commits: readonly ArticleCommit[]): Promise<PromiseSettledResult<boolean>[]>;
};

/**
 * Port: finds an article's copies by the LSH keys of its signature (shared/copies). Entries are
 * written before the article's commit and removed after it, so an entry may outlive a failed
 * commit for a while, never the other way round.
 */
export type CopyIndex = {
  /** The articles indexed under any of `keys`, published within the copy window of `publishedAt`. */
  candidates(keys: readonly string[], publishedAt: string): Promise<CopyEntry[]>;
  /** Indexes an article under `keys` (idempotent). */
  put(keys: readonly string[], entry: CopyEntry): Promise<void>;
  remove(
    keys: readonly string[],
    entry: { readonly id: string; readonly publishedAt: string },
  ): Promise<void>;
};

export type FetchedObject = {
  readonly bytes: Uint8Array;
  readonly metadata: Readonly<Record<string, string>>;
  readonly versionId?: string | undefined;
  /** Content-Encoding of the object as stored (`gzip`: the bytes are compressed). */
  readonly contentEncoding?: string | undefined;
};

/** Port: the article objects (S3). `missing` when the key no longer exists. */
export type ObjectSource = {
  getObject(
    bucket: string,
    key: string,
    options: { versionId?: string | undefined; maxBytes: number },
  ): Promise<FetchedObject | 'missing' | 'too-large'>;
};

// Trends: counter items by key.

/** One counter item as stored: sums over the articles published in one bucket. */
export type CounterRow = {
  readonly bucket: string;
  readonly articles: number;
  readonly mentions: number;
  readonly sentMilli: number;
  readonly positive: number;
  readonly neutral: number;
  readonly negative: number;
  /** Distinct copy clusters among the articles (shared/ingest/unique.ts). */
  readonly unique: number;
};

/** Port: reads counter items by key (never a scan). */
export type TrendStore = {
  /**
   * The counter rows of several topics between two bucket keys (inclusive), in one read where the
   * store can: a trend needs its topic and `_all`, `/trends` several topics and `_all`. With
   * `period`, day rows come with the unique counts of the weeks or months they touch, as rows of
   * their own (`week:<Monday>`, `month:<yyyy-mm>`; see PERIOD_ROW in shared/storage/counter-items.ts).
   */
  countersOf(
    topics: readonly string[],
    granularity: Granularity,
    from: string,
    to: string,
    period?: PeriodGranularity,
  ): Promise<Map<string, CounterRow[]>>;
  totals(topic: string): Promise<{ articles: number; mentions: number }>;
};

// The read side beyond trends: articles, listings, entities, rejections.

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

/** Port: copy clusters as stored (shared/ingest/unique.ts, shared/copies). */
export type ClusterReader = {
  /** A cluster's presences: its articles per topic day and hour (`h|2022-11-10T07|kherson` → 2). */
  clusterPresence(cluster: string): Promise<ReadonlyMap<string, number>>;
  /** The articles indexed under copy-index keys within the copy window of `publishedAt`. */
  copiesNear(keys: readonly string[], publishedAt: string): Promise<CopyEntry[]>;
};

/** How many articles named an entity and how often, over some period. */
export type EntityCount = {
  readonly type: string;
  readonly name: string;
  readonly articles: number;
  readonly mentions: number;
};

/** One value's sums in one day's breakdown of a topic (shared/trends/breakdown.ts). */
export type BreakdownCount = {
  readonly value: string;
  readonly articles: number;
  readonly mentions: number;
  /** Sentiment thousandths plus 1000 per article (never negative). */
  readonly sentOffset: number;
};

/** Port: a topic's breakdown by source or language on one day (UTC), all its hours and parts together. */
export type BreakdownReader = {
  breakdownDay(day: string, topic: string, dim: BreakdownDim): Promise<BreakdownCount[]>;
};

export type RejectionPage = { readonly items: readonly Rejection[]; readonly next: string | undefined };

export type RejectionReader = {
  listRejections(limit: number, after: string | undefined): Promise<RejectionPage>;
};

/**
 * Port: remembers which spikes were announced, so each is announced once. A claim is taken before
 * the announcement and confirmed after it; a claim left unconfirmed (the announcement failed) can
 * be taken again by the next check.
 */
export type SpikeClaims = {
  /** True when this caller may announce the spike (no one has, or an announcement failed). */
  claimSpike(topic: string, start: string, at: string): Promise<boolean>;
  confirmSpike(topic: string, start: string): Promise<void>;
};
