import { ALL_TOPIC } from '#shared/ingest/contribution.js';
import { newRecountId, type RecountStatus, runRecount, startingStatus } from '#shared/recount/job.js';
import { staleAnalysis } from '#shared/recount/plan.js';
import { DynamoRecountLog } from '#shared/storage/recount-log.js';
import { S3KeyLister } from '#shared/storage/s3-source.js';
import type { LiveTopics } from '#shared/topics/live.js';
import type { IngestLogger } from '../functions/lib/ingest-handler.js';
import type { createIngestRuntime } from '../functions/lib/runtime.js';

export type LocalRecount = { readonly id: string; readonly done: Promise<RecountStatus> };

/**
 * Recounts in the `npm start` process: the same job the state machine runs on AWS, over the
 * s3rver listing. A new recount stops the one running (a newer topic set supersedes it: the keys
 * it did are skipped as current or redone); stop() waits for every one to end.
 */
export class LocalRecounts {
  readonly log: DynamoRecountLog;
  private readonly running = new Map<string, { done: Promise<RecountStatus>; abort: AbortController }>();

  constructor(
    private readonly o: {
      readonly runtime: ReturnType<typeof createIngestRuntime>;
      readonly tableName: string;
      readonly bucket: string;
      readonly topics: LiveTopics;
      readonly logger: IngestLogger;
    },
  ) {
    this.log = new DynamoRecountLog(o.runtime.db, o.tableName);
  }

  /** Starts one if the stored counters were made by another analysis or topic set (start-up). */
  async startIfNeeded(): Promise<LocalRecount | undefined> {
    const stale = await staleAnalysis({
      topics: this.o.topics,
      log: this.log,
      hasArticles: async () => (await this.o.runtime.store.dayBounds(ALL_TOPIC)) !== undefined,
    });
    return stale ? this.start(stale.reason) : undefined;
  }

  async start(reason: string): Promise<LocalRecount> {
    for (const r of this.running.values()) r.abort.abort();
    const live = await this.o.topics.analyser();
    const id = newRecountId(new Date());
    const abort = new AbortController();
    // Announced only once its record is written (as on AWS): a client polling GET /recounts/{id}
    // right after the route returns the id finds it (it raced the job's own first write before).
    await this.log.saveRecount(startingStatus(id, reason, live.analyser.version, new Date().toISOString()));
    const say = (line: string) => this.o.logger.warn(line, {});
    say(`recount ${id} started: ${reason}`);
    const done = runRecount({
      id,
      reason,
      bucket: this.o.bucket,
      topics: live.topics.topics,
      lister: new S3KeyLister(this.o.runtime.s3),
      log: this.log,
      deps: { ...this.o.runtime, analyser: live.analyser, topicsVersion: live.version },
      signal: abort.signal,
      onProgress: (s) =>
        say(
          `recount ${id}${s.status === 'running' ? '' : ` ${s.status}`}: ${s.processed}/${s.total} keys, ` +
            `${s.recounted} analysed again, ${s.failed} failed${s.error ? ` (${s.error})` : ''}`,
        ),
    }).finally(() => this.running.delete(id));
    this.running.set(id, { done, abort });
    return { id, done };
  }

  async stop(): Promise<void> {
    for (const r of this.running.values()) r.abort.abort();
    await Promise.allSettled([...this.running.values()].map((r) => r.done));
  }
}
