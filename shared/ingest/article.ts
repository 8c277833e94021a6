import { createHash } from 'node:crypto';
import type { Entity } from '../analysis/entities.js';
import { normaliseText } from '../analysis/normalise.js';
import type { Sentiment } from '../analysis/sentiment.js';
import type { CopyPlace } from '../copies/cluster.js';
import type { Contribution } from './contribution.js';
import type { ObjectVersion } from './events.js';

export type ArticleStatus = 'active' | 'rejected' | 'deleted';

/**
 * The state of one object key: what the article is, the sequencer of the event that made it so,
 * and the contribution it made to the counters (so that the next change can take it back).
 * A deleted or rejected key keeps its record (a tombstone) so that older events stay ignored.
 */
/** What an article says of itself: read from the object and its metadata, kept on its record. */
export type ArticleMetadata = {
  readonly title?: string | undefined;
  readonly source?: string | undefined;
  readonly url?: string | undefined;
  readonly publishedAt?: string | undefined;
  /** The zone `publishedAt` was read in because the article's time had none (e.g. `UTC`). */
  readonly publishedAtAssumedZone?: string | undefined;
  readonly language?: string | undefined;
};

/** What the analysis found in an article; absent on the record of a rejected or deleted key. */
export type ArticleFindings = {
  readonly sentiment?: Sentiment | undefined;
  readonly topics?: Readonly<Record<string, { mentions: number; sentiment: Sentiment }>> | undefined;
  readonly entities?: readonly Entity[] | undefined;
  /** The analysis that made this record (Analyser.version): code revision, data and topic set. */
  readonly analysis?: string | undefined;
};

/** What the text itself is: its digest, size and cluster of copies; absent like the findings. */
export type ArticleText = {
  /** SHA-256 of the normalised body: the evidence shows matches only while the text is this one. */
  readonly fingerprint?: string | undefined;
  readonly bytes?: number | undefined;
  /** Its cluster of syndicated copies and the copy-index keys it is found by (shared/copies). */
  readonly copy?: CopyPlace | undefined;
};

/** The versions a record's write was conditioned on and made with. */
export type RecordVersions = {
  /**
   * The record's revision: every write raises it and is conditioned on the one it replaces, so a
   * recount (which keeps the sequencer) and an ingest of the same key never both apply their
   * change. Records written before revisions existed have none.
   */
  readonly rev?: number | undefined;
  /**
   * The version of the run-time topic set that analysed it (shared/topics/live.ts): its commit
   * checks that the set has not changed since, so no article is counted under outdated topics.
   */
  readonly topicsVersion?: number | undefined;
  /** The version of the contribution rules that made `contribution` (absent: version 1). */
  readonly contributionRules?: number | undefined;
};

export type ArticleRecord = ArticleMetadata &
  ObjectVersion &
  ArticleFindings &
  ArticleText &
  RecordVersions & {
    readonly id: string;
    readonly status: ArticleStatus;
    readonly updatedAt: string;
    /** What the record added to the counters and listings (taken back by the next change). */
    readonly contribution: Contribution;
    /** Why the key was rejected (status `rejected`). */
    readonly reason?: string | undefined;
  };

export type Rejection = { readonly key: string; readonly reason: string; readonly at: string };

/** One article per object key: its id is a digest of the key, stable across overwrites. */
export const articleIdOf = (key: string): string =>
  createHash('sha256').update(key).digest('hex').slice(0, 24);

/** SHA-256 of the normalised body: the same text gives the same fingerprint, whatever its line ends. */
export const fingerprintOf = (body: string): string =>
  createHash('sha256').update(normaliseText(body).trim()).digest('hex');
