import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { CommitGroup } from '#shared/ingest/commit-group.js';
import type { ObjectEvent } from '#shared/ingest/events.js';
import { parseNotification } from '#shared/ingest/events.js';
import { type IngestDeps, type IngestOutcome, ingestObjectEvent } from '#shared/ingest/process.js';
import type { GroupIngestStore } from '#shared/ports.js';
import { type LiveTopics, TopicsChangedError } from '#shared/topics/live.js';

/** Narrow logging port: Powertools' Logger in Lambda, a console logger locally. */
export type IngestLogger = {
  info(message: string, extra: Record<string, unknown>): void;
  warn(message: string, extra: Record<string, unknown>): void;
  error(message: string, extra: Record<string, unknown>): void;
};

export type IngestHandlerDeps = IngestDeps & {
  /**
   * Topics as run-time data: each batch is analysed under the current set (read at most every few
   * seconds), and a batch that raced with a change is retried under the new one.
   */
  readonly topics?: LiveTopics | undefined;
  readonly store: GroupIngestStore;
  readonly logger: IngestLogger;
  readonly onOutcome?: (event: ObjectEvent, outcome: IngestOutcome) => void;
  /** A record that will be retried: with partial batch responses, Lambda's Errors metric never sees it. */
  readonly onFailure?: (messageId: string) => void;
};

/**
 * SQS → ingest: each message carries one S3 notification. A record whose processing throws
 * (throttling, network, a malformed message) is reported as a batch item failure so that SQS
 * retries it alone and, after maxReceiveCount, moves it to the dead-letter queue. Bad articles
 * do not throw: they become rejection records.
 */
export function createIngestHandler(deps: IngestHandlerDeps) {
  const recordHandler = async (
    record: SQSRecord,
    store: CommitGroup,
    run: Promise<IngestDeps>,
  ): Promise<void> => {
    let events: ObjectEvent[];
    try {
      events = parseNotification(record.body);
    } catch (err) {
      deps.logger.error('message is not an S3 event notification', {
        messageId: record.messageId,
        error: (err as Error).message.slice(0, 500),
      });
      deps.onFailure?.(record.messageId);
      throw err;
    }
    for (const event of events) {
      let outcome: IngestOutcome;
      try {
        // The batch's topic set is read once; a failure to read it is this event's failure, logged
        // with the event (the database is down, say) like any other.
        outcome = await ingestObjectEvent(event, { ...(await run), store });
      } catch (err) {
        if (err instanceof TopicsChangedError) deps.topics?.invalidate();
        deps.logger.error(`${event.kind} ${event.key}: failed, SQS will deliver it again`, {
          key: event.key,
          sequencer: event.sequencer,
          messageId: record.messageId,
          receiveCount: record.attributes.ApproximateReceiveCount,
          error: describeError(err),
        });
        deps.onFailure?.(record.messageId);
        throw err;
      }
      const log = outcome.result === 'rejected' ? deps.logger.warn : deps.logger.info;
      log.call(deps.logger, `${event.kind} ${event.key}: ${outcome.result}`, {
        key: event.key,
        sequencer: event.sequencer,
        ...outcome,
      });
      deps.onOutcome?.(event, outcome);
    }
  };

  // A processor per invocation: it holds the batch's failures, and the local bridge runs batches
  // concurrently in one process (Lambda runs one at a time per container); a shared processor
  // mixed the failures of two batches and acknowledged records that had failed.
  // A commit group per invocation too: the batch's articles commit together, in one transaction
  // where DynamoDB's limits allow. It needs the records processed in parallel (Powertools'
  // default, made explicit): one by one, the first would wait for the others forever.
  return async (event: SQSEvent, context: Context): Promise<SQSBatchResponse> => {
    const group = new CommitGroup(deps.store, event.Records.length);
    const topics = deps.topics;
    const run: Promise<IngestDeps> = topics
      ? topics.analyser().then((live) => ({ ...deps, analyser: live.analyser, topicsVersion: live.version }))
      : Promise.resolve(deps);
    run.catch(() => {}); // reported by each record that awaits it
    return processPartialResponse(
      event,
      (record: SQSRecord) => recordHandler(record, group, run).finally(() => group.leave()),
      new BatchProcessor(EventType.SQS),
      { context, throwOnFullBatchFailure: false, processInParallel: true },
    );
  };
}

/** An error as one line: its name, code and message (a refused connection's message can be empty). */
function describeError(err: unknown): string {
  const e = err as { name?: unknown; code?: unknown; message?: unknown } | undefined;
  const parts = [e?.name, e?.code, e?.message].filter((p) => typeof p === 'string' && p !== '');
  return (parts.length > 0 ? [...new Set(parts)].join(': ') : String(err)).slice(0, 500);
}
