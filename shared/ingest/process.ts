import type { Analyser } from '../analysis/analyse.js';
import { RejectedArticleError } from '../errors.js';
import type { CopyIndex, FetchedObject, IngestStore, ObjectSource } from '../ports.js';
import { type ArticleRecord, articleIdOf, fingerprintOf, type Rejection } from './article.js';
import {
  type ContributionRules,
  CURRENT_CONTRIBUTION_RULES,
  contributionOf,
  counterShardOf,
  diffContributions,
  EMPTY_CONTRIBUTION,
} from './contribution.js';
import { forgetStaleCopies, placeCopy } from './copies.js';
import type { ObjectEvent } from './events.js';
import type { ArticleFormats } from './formats.js';
import { parseArticleObject } from './parse.js';
import { compareSequencers } from './sequencer.js';

/** How articles are read and counted: the deployment's settings, the same for every event. */
export type IngestSettings = {
  readonly maxArticleBytes: number;
  /** Which suffixes are articles and the zone of a time without one (default: DEFAULT_ARTICLE_FORMATS). */
  readonly formats?: ArticleFormats | undefined;
  /** Items each topic's counters are spread over (1: not sharded); readers must use the same. */
  readonly counterShards?: number;
};

export type IngestDeps = IngestSettings & {
  readonly store: IngestStore;
  readonly source: ObjectSource;
  readonly analyser: Analyser;
  /** The version of the run-time topic set the analyser was built from, when topics are run-time data. */
  readonly topicsVersion?: number | undefined;
  /** The contribution rules in force (CURRENT_CONTRIBUTION_RULES unless a test brings others). */
  readonly contributionRules?: ContributionRules | undefined;
  /** Where copies are found (shared/copies); without it, articles are not clustered. */
  readonly copies?: CopyIndex | undefined;
  readonly now?: () => Date;
};

export type IngestOutcome =
  /** The event was older than, or the same as, what the record already reflects. */
  | { readonly result: 'stale' }
  /** A create whose object is gone: the delete event that follows will settle the key. */
  | { readonly result: 'missing' }
  | { readonly result: 'counted'; readonly id: string; readonly topics: readonly string[] }
  | { readonly result: 'rejected'; readonly id: string; readonly reason: string }
  | { readonly result: 'deleted'; readonly id: string };

const MAX_ATTEMPTS = 8;

/**
 * Applies one S3 object event, exactly once in effect: a duplicate or older event changes
 * nothing (sequencer check), and the new state with its counter deltas commits in one conditional
 * transaction; a lost race with a concurrent worker re-reads and retries.
 */
export async function ingestObjectEvent(event: ObjectEvent, deps: IngestDeps): Promise<IngestOutcome> {
  let previous = await deps.store.getArticle(event.key);
  if (isStale(event, previous)) return { result: 'stale' };

  const prepared = await prepare(event, deps);
  if (prepared === 'missing') return { result: 'missing' };

  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const change = diffContributions(
      previous?.contribution ?? EMPTY_CONTRIBUTION,
      prepared.record.contribution,
    );
    const next = { ...prepared.record, rev: nextRevision(previous) };
    if (await deps.store.commitArticle(next, previous, change, prepared.rejection)) {
      await forgetStaleCopies(previous, next, deps.copies);
      return prepared.outcome;
    }
    previous = await deps.store.getArticle(event.key);
    if (isStale(event, previous)) return { result: 'stale' };
  }
  throw new Error(`gave up on ${event.key} after ${MAX_ATTEMPTS} conflicting writes`);
}

/** The revision a write over `previous` gets (see ArticleRecord.rev). */
export const nextRevision = (previous: ArticleRecord | undefined): number => (previous?.rev ?? 0) + 1;

function isStale(event: ObjectEvent, stored: ArticleRecord | undefined): boolean {
  return stored !== undefined && compareSequencers(event.sequencer, stored.sequencer) <= 0;
}

export type Prepared = { record: ArticleRecord; rejection: Rejection | undefined; outcome: IngestOutcome };

/** What every record of a key has, whatever its content. */
export type RecordBase = Pick<ArticleRecord, 'id' | 'key' | 'bucket' | 'sequencer' | 'updatedAt'>;

async function prepare(event: ObjectEvent, deps: IngestDeps): Promise<Prepared | 'missing'> {
  const id = articleIdOf(event.key);
  const now = (deps.now?.() ?? new Date()).toISOString();
  const base = { id, key: event.key, bucket: event.bucket, sequencer: event.sequencer, updatedAt: now };

  if (event.kind === 'removed') {
    return {
      record: { ...base, status: 'deleted', contribution: EMPTY_CONTRIBUTION },
      rejection: undefined,
      outcome: { result: 'deleted', id },
    };
  }
  if (event.size !== undefined && event.size > deps.maxArticleBytes) {
    return rejected(base, tooLarge(event.size, deps.maxArticleBytes));
  }
  const fetched = await deps.source.getObject(event.bucket, event.key, {
    versionId: event.versionId,
    maxBytes: deps.maxArticleBytes,
  });
  if (fetched === 'missing') return 'missing';
  return recordOfObject(base, fetched, event.eventTime, event.versionId, deps);
}

/**
 * The record an object's content makes, with its contribution, or its rejection: the same code
 * for an S3 event and for a recount. `eventTime` dates an article that carries no date.
 */
export async function recordOfObject(
  base: RecordBase,
  fetched: FetchedObject | 'too-large',
  eventTime: string,
  versionId: string | undefined,
  deps: Pick<
    IngestDeps,
    | 'analyser'
    | 'maxArticleBytes'
    | 'counterShards'
    | 'topicsVersion'
    | 'contributionRules'
    | 'formats'
    | 'copies'
  >,
): Promise<Prepared> {
  if (fetched === 'too-large') return rejected(base, tooLarge(undefined, deps.maxArticleBytes));
  const { id } = base;
  const rules = deps.contributionRules ?? CURRENT_CONTRIBUTION_RULES;
  try {
    const article = await parseArticleObject(
      {
        key: base.key,
        bytes: fetched.bytes,
        metadata: fetched.metadata,
        eventTime,
        contentEncoding: fetched.contentEncoding,
      },
      deps.formats,
    );
    const { analysis, text } = deps.analyser.analyseText({
      body: article.body,
      title: article.title,
      language: article.language,
    });
    const copy =
      deps.copies && (await placeCopy({ id, text, publishedAt: article.publishedAt }, deps.copies));
    const record: ArticleRecord = {
      ...base,
      versionId: fetched.versionId ?? versionId,
      status: 'active',
      title: article.title,
      source: article.source,
      url: article.url,
      publishedAt: article.publishedAt,
      publishedAtAssumedZone: article.publishedAtAssumedZone,
      language: analysis.language,
      sentiment: analysis.sentiment,
      topics: analysis.topics,
      entities: analysis.entities.slice(0, 100),
      fingerprint: fingerprintOf(article.body),
      bytes: fetched.bytes.byteLength,
      analysis: deps.analyser.version,
      copy,
      topicsVersion: deps.topicsVersion,
      contributionRules: rules.version,
      contribution: contributionOf(
        { ...analysis, source: article.source, cluster: copy?.cluster },
        article.publishedAt,
        id,
        counterShardOf(base.key, base.sequencer, deps.counterShards ?? 1),
        rules,
      ),
    };
    return {
      record,
      rejection: undefined,
      outcome: { result: 'counted', id, topics: Object.keys(analysis.topics) },
    };
  } catch (err) {
    if (err instanceof RejectedArticleError) return rejected(base, err.message);
    throw err;
  }
}

function rejected(base: RecordBase, reason: string): Prepared {
  return {
    record: { ...base, status: 'rejected', reason, contribution: EMPTY_CONTRIBUTION },
    rejection: { key: base.key, reason, at: base.updatedAt },
    outcome: { result: 'rejected', id: base.id, reason },
  };
}

const tooLarge = (size: number | undefined, limit: number) =>
  `the object${size === undefined ? '' : ` (${size} bytes)`} is over the size limit of ${limit} bytes`;
