import { CommitGroup } from '../ingest/commit-group.js';
import type { IngestDeps } from '../ingest/process.js';
import type { GroupIngestStore } from '../ports.js';
import type { TopicFile } from '../topics/schema.js';
import { type RecountResult, recountKey } from './recount-key.js';

/** A recount as `GET /recounts/{id}` shows it. */
export type RecountStatus = {
  readonly id: string;
  readonly reason: string;
  readonly status: 'running' | 'done' | 'failed';
  /** The analysis version it brings every record to. */
  readonly analysis: string;
  /** Keys listed so far (final once the listing is read to its end). */
  readonly total: number;
  /** Keys finished, whatever the result; `recounted` of them were analysed again. */
  readonly processed: number;
  readonly recounted: number;
  readonly failed: number;
  readonly startedAt: string;
  /** Last progress: a running recount with no progress for STALE_AFTER_MS has stopped. */
  readonly updatedAt: string;
  readonly finishedAt?: string | undefined;
  readonly error?: string | undefined;
};

/** What the counters reflect once a recount is done: the analysis version and its topic set. */
export type AnalysisState = {
  readonly analysis: string;
  readonly topics: TopicFile;
  readonly updatedAt: string;
};

/** Port: the bucket's current keys, page by page (S3 ListObjectsV2; s3rver locally). */
export type KeyLister = { listKeys(bucket: string): AsyncIterable<readonly string[]> };

export type RecountPage = { readonly items: readonly RecountStatus[]; readonly next: string | undefined };

/** Port: where recounts and the analysis state are kept (the table). */
export type RecountLog = {
  saveRecount(status: RecountStatus): Promise<void>;
  getRecount(id: string): Promise<RecountStatus | undefined>;
  /** Newest first. */
  listRecounts(limit: number, after: string | undefined): Promise<RecountPage>;
  /** Adds a batch's tally to a recount's counts (batches on AWS run in parallel functions). */
  addProgress(id: string, tally: BatchTally, at: string): Promise<void>;
  getAnalysisState(): Promise<AnalysisState | undefined>;
  saveAnalysisState(state: AnalysisState): Promise<void>;
  /**
   * Claims the one start of a recount for an analysis version: true for the first caller only
   * (many cold starts after a deploy see the same change; one of them starts the recount).
   */
  claimRecountOf(analysis: string, id: string): Promise<boolean>;
};

/** A running recount whose progress is older than this has stopped (its process was killed). */
export const STALE_AFTER_MS = 120_000;

/** The status as a reader should see it: a recount that stopped making progress has failed. */
export function observedStatus(s: RecountStatus, now: number): RecountStatus {
  if (s.status !== 'running' || now - Date.parse(s.updatedAt) <= STALE_AFTER_MS) return s;
  return {
    ...s,
    status: 'failed',
    error: `no progress since ${s.updatedAt}: the process running it stopped; start a recount again to finish`,
  };
}

/** A recount id that sorts by start time: `r-20221110T120000Z-1a2b`. */
export const newRecountId = (at: Date): string =>
  `r-${at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')}-${Math.random().toString(16).slice(2, 6)}`;

export type RecountOptions = {
  readonly id: string;
  readonly reason: string;
  readonly bucket: string;
  readonly topics: TopicFile;
  readonly lister: KeyLister;
  readonly log: RecountLog;
  readonly deps: IngestDeps & { readonly store: GroupIngestStore };
  /** Keys committed together (one transaction where DynamoDB's limits allow). */
  readonly batchSize?: number;
  /** Batches at work at once. */
  readonly concurrency?: number;
  /** Stops taking new keys; the recount ends `failed`, and a new one finishes the work. */
  readonly signal?: AbortSignal;
  readonly onProgress?: (status: RecountStatus) => void;
  readonly progressEveryMs?: number;
};

export type BatchTally = {
  readonly processed: number;
  readonly recounted: number;
  readonly failed: number;
  /** The first failure's message. */
  readonly error?: string | undefined;
};

/**
 * Recounts some keys together: each as recountKey, their commits gathered into shared
 * transactions (CommitGroup). A key's failure is counted, never thrown: the others commit.
 * The unit of work of both the local job and the state machine's batches on AWS.
 */
export async function recountBatch(
  bucket: string,
  keys: readonly string[],
  deps: IngestDeps & { readonly store: GroupIngestStore },
): Promise<BatchTally> {
  const group = new CommitGroup(deps.store, keys.length);
  let recounted = 0;
  let failed = 0;
  let error: string | undefined;
  await Promise.all(
    keys.map((key) =>
      recountKey(bucket, key, { ...deps, store: group })
        .then(
          (r: RecountResult) => {
            if (r === 'recounted') recounted++;
          },
          (err: unknown) => {
            failed++;
            error ??= `${key}: ${String((err as Error)?.message ?? err).slice(0, 500)}`;
          },
        )
        .finally(() => group.leave()),
    ),
  );
  return { processed: keys.length, recounted, failed, error };
}

/**
 * A recount's first record. Whoever starts a recount writes it before announcing the id, so GET
 * /recounts/{id} knows the recount from the moment a route returns it.
 */
export function startingStatus(id: string, reason: string, analysis: string, at: string): RecountStatus {
  return {
    id,
    reason,
    status: 'running',
    analysis,
    total: 0,
    processed: 0,
    recounted: 0,
    failed: 0,
    startedAt: at,
    updatedAt: at,
  };
}

/**
 * Replays the bucket: every current key is recounted (recountKey) in batches that commit
 * together. Restartable at any point: keys already recounted are `current` and cost one read.
 * Once every key is done without failure, the analysis state says the counters reflect this
 * analysis; a recount with failures ends `failed`, and running one again finishes the rest.
 */
export async function runRecount(o: RecountOptions): Promise<RecountStatus> {
  const now = () => (o.deps.now?.() ?? new Date()).toISOString();
  let status = startingStatus(o.id, o.reason, o.deps.analyser.version, now());
  await o.log.saveRecount(status);
  let saving: Promise<void> = Promise.resolve();
  const progress = () => {
    status = { ...status, updatedAt: now() };
    o.onProgress?.(status);
    const snapshot = status;
    saving = saving.then(() => o.log.saveRecount(snapshot)).catch(() => {});
  };
  const timer = setInterval(progress, o.progressEveryMs ?? 2000);
  let firstError: string | undefined;
  const runBatch = async (keys: readonly string[]) => {
    const batch = await recountBatch(o.bucket, keys, o.deps);
    status = {
      ...status,
      processed: status.processed + batch.processed,
      recounted: status.recounted + batch.recounted,
      failed: status.failed + batch.failed,
    };
    firstError ??= batch.error;
  };
  let listingError: unknown;
  try {
    const size = o.batchSize ?? 10;
    const running = new Set<Promise<void>>();
    for await (const page of o.lister.listKeys(o.bucket)) {
      if (o.signal?.aborted) break;
      status = { ...status, total: status.total + page.length };
      for (let i = 0; i < page.length && !o.signal?.aborted; i += size) {
        const p = runBatch(page.slice(i, i + size)).finally(() => running.delete(p));
        running.add(p);
        if (running.size >= (o.concurrency ?? 4)) await Promise.race(running);
      }
    }
    await Promise.all(running);
  } catch (err) {
    listingError = err;
  } finally {
    clearInterval(timer);
  }
  const stopped = o.signal?.aborted === true;
  const complete = !stopped && listingError === undefined && status.failed === 0;
  status = {
    ...status,
    status: complete ? 'done' : 'failed',
    updatedAt: now(),
    finishedAt: now(),
    error: complete
      ? undefined
      : stopped
        ? 'stopped before the end; start a recount again to finish (keys done are kept)'
        : listingError !== undefined
          ? `listing the bucket failed: ${String((listingError as Error)?.message ?? listingError)}`
          : `${status.failed} keys failed, e.g.: ${firstError}; start a recount again to retry them`,
  };
  await saving;
  if (complete) {
    await o.log.saveAnalysisState({ analysis: status.analysis, topics: o.topics, updatedAt: now() });
  }
  await o.log.saveRecount(status);
  o.onProgress?.(status);
  return status;
}
