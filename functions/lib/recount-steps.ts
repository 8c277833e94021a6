import * as z from 'zod';
import type { IngestDeps } from '#shared/ingest/process.js';
import type { GroupIngestStore } from '#shared/ports.js';
import { type RecountLog, type RecountStatus, recountBatch } from '#shared/recount/job.js';
import type { LiveTopics } from '#shared/topics/live.js';

/**
 * The steps of the recount state machine (infra/constructs/recount.ts), one Lambda for all:
 * `begin` records the recount, each `batch` of the Distributed Map recounts up to a hundred keys
 * of the S3 listing, `finish` marks it done and the counters' analysis state current, `fail`
 * records why it stopped. The domain work is recountBatch, the same as the local job's.
 */
export const RecountStep = z.discriminatedUnion('step', [
  z.object({ step: z.literal('begin'), id: z.string().min(1), reason: z.string() }),
  z.object({
    step: z.literal('batch'),
    Items: z.array(z.object({ Key: z.string() })).max(1000),
    BatchInput: z.object({ id: z.string().min(1), bucket: z.string().min(1) }),
  }),
  z.object({ step: z.literal('finish'), id: z.string().min(1) }),
  z.object({ step: z.literal('fail'), id: z.string().min(1), error: z.unknown() }),
]);
export type RecountStep = z.infer<typeof RecountStep>;

export type RecountStepDeps = {
  readonly log: RecountLog;
  readonly topics: LiveTopics;
  readonly ingest: Omit<IngestDeps, 'analyser'> & { readonly store: GroupIngestStore };
  readonly now?: () => Date;
};

export async function runRecountStep(
  input: unknown,
  deps: RecountStepDeps,
): Promise<Record<string, unknown>> {
  const step = RecountStep.parse(input);
  const now = (deps.now?.() ?? new Date()).toISOString();
  const live = await deps.topics.analyser();
  switch (step.step) {
    case 'begin': {
      const status: RecountStatus = {
        id: step.id,
        reason: step.reason,
        status: 'running',
        analysis: live.analyser.version,
        total: 0,
        processed: 0,
        recounted: 0,
        failed: 0,
        startedAt: now,
        updatedAt: now,
      };
      await deps.log.saveRecount(status);
      return { id: step.id, topicsVersion: live.version };
    }
    case 'batch': {
      const keys = step.Items.map((i) => i.Key);
      const tally = await recountBatch(step.BatchInput.bucket, keys, {
        ...deps.ingest,
        analyser: live.analyser,
        topicsVersion: live.version,
      });
      await deps.log.addProgress(step.BatchInput.id, tally, now);
      // A failed key fails the batch: the Map counts it against its tolerated failures, and the
      // execution's result says so. The keys done are kept; a new recount skips them.
      if (tally.failed > 0)
        throw new Error(`${tally.failed} of ${keys.length} keys failed, e.g. ${tally.error}`);
      return { processed: tally.processed, recounted: tally.recounted };
    }
    case 'finish': {
      const status = await deps.log.getRecount(step.id);
      if (!status) throw new Error(`no recount ${step.id}`);
      // A topic change after the recount began starts a recount of its own: this one is superseded.
      const superseded = status.analysis !== live.analyser.version;
      await deps.log.saveRecount({
        ...status,
        status: superseded ? 'failed' : 'done',
        updatedAt: now,
        finishedAt: now,
        ...(superseded ? { error: 'superseded: the topics or the analyser changed while it ran' } : {}),
      });
      if (!superseded) {
        await deps.log.saveAnalysisState({
          analysis: live.analyser.version,
          topics: live.topics.topics,
          updatedAt: now,
        });
      }
      return { id: step.id, status: superseded ? 'failed' : 'done' };
    }
    case 'fail': {
      const status = await deps.log.getRecount(step.id);
      if (status) {
        const error = JSON.stringify(step.error).slice(0, 1000);
        await deps.log.saveRecount({ ...status, status: 'failed', updatedAt: now, finishedAt: now, error });
      }
      return { id: step.id, status: 'failed' };
    }
  }
}
