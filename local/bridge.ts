import { randomUUID } from 'node:crypto';
import { appendFileSync, closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { encodeS3Key } from '#shared/ingest/events.js';
import { type JournalEntry, type Message, readJournal } from './bridge-journal.js';

export type BatchHandler = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse>;

export type BridgeOptions = {
  readonly handler: BatchHandler;
  /** Like the SQS event source's BatchSize and MaximumBatchingWindow. */
  readonly batchSize?: number;
  /** Batches delivered at once, like the event source's maximum concurrency (default 2). */
  readonly concurrency?: number;
  readonly batchWindowMs?: number;
  /** Like the redrive policy: after this many receives a failing message goes to the dead-letter file. */
  readonly maxReceiveCount?: number;
  /** Delay before a failed message is visible again (SQS: the visibility timeout). */
  readonly retryDelayMs?: number;
  readonly deadLetterFile?: string;
  /**
   * Pending messages are journaled here so that a restart delivers what a stop or a crash
   * interrupted: an append-only log of sent and settled messages, compacted at start.
   */
  readonly journalFile?: string;
  readonly queueArn?: string;
  readonly log?: (line: string) => void;
};

/**
 * Stands in for S3 → SQS → Lambda: takes S3 event notifications, delivers them to the ingest
 * handler as SQS-shaped batches, retries the records the handler reports as failed, and after
 * maxReceiveCount receives appends them to a dead-letter file (JSON lines).
 *
 * Like real S3 it URL-encodes keys in notifications and gives each event of the bucket a
 * sequencer that grows with time (s3rver's is the millisecond, so two writes in one millisecond
 * would tie).
 */
export class SqsBridge {
  private readonly queue: Message[] = [];
  private running = 0;
  private timer: NodeJS.Timeout | undefined;
  private idleWaiters: (() => void)[] = [];
  private lastMs = 0;
  private counter = 0;
  private stopped = false;
  /** The journal, held open for appends (opening and closing it per entry cost more than the write). */
  private journalFd: number | undefined;
  readonly stats = { delivered: 0, failed: 0, deadLettered: 0 };
  /** The bodies of the last messages sent, newest last (to inspect or replay a delivery). */
  readonly history: string[] = [];

  constructor(private readonly options: BridgeOptions) {
    const journal = options.journalFile;
    if (journal) {
      for (const m of readJournal(journal)) this.queue.push({ ...m, visibleAt: 0 });
      // Compact: the log restarts with only what is still pending.
      writeFileSync(journal, this.queue.map((m) => `${JSON.stringify({ op: 'send', m })}\n`).join(''));
      this.journalFd = openSync(journal, 'a');
      if (this.queue.length > 0) this.schedule(0);
    }
  }

  /** A fixed-length hex sequencer that grows with every event: milliseconds, then a counter. */
  nextSequencer(): string {
    const now = Date.now();
    if (now > this.lastMs) {
      this.lastMs = now;
      this.counter = 0;
    } else {
      this.counter++;
    }
    return `${this.lastMs.toString(16).padStart(12, '0')}${this.counter.toString(16).padStart(6, '0')}`.toUpperCase();
  }

  /** Accepts an S3 notification as s3rver emits it (raw keys, millisecond sequencers). */
  publishS3Event(notification: { Records: { s3: { object: { key: string; sequencer?: string } } }[] }): void {
    for (const record of notification.Records) {
      record.s3.object.key = encodeS3Key(record.s3.object.key);
      record.s3.object.sequencer = this.nextSequencer();
    }
    this.send(JSON.stringify(notification));
  }

  /** Sends a raw message body, as anything that can write to the queue could. */
  send(body: string): void {
    this.history.push(body);
    if (this.history.length > 100) this.history.shift();
    const message = { id: randomUUID(), body, sentAt: Date.now(), receiveCount: 0, visibleAt: 0 };
    this.queue.push(message);
    // Journaled even once stopping (the next start delivers it); only delivery stops.
    this.journal({ op: 'send', m: message });
    this.schedule(this.options.batchWindowMs ?? 20);
  }

  /** Resolves when every message has been delivered and acknowledged or dead-lettered. */
  idle(): Promise<void> {
    if (this.queue.length === 0 && this.running === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  get pending(): number {
    return this.queue.length;
  }

  /**
   * Stops delivering and waits for the batches in flight; undelivered messages (and those that
   * fail meanwhile) stay in the journal for the next start.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    while (this.running > 0) await new Promise((r) => setTimeout(r, 20));
    if (this.journalFd !== undefined) closeSync(this.journalFd);
    this.journalFd = undefined;
  }

  private schedule(delayMs: number) {
    if (this.stopped || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.pump();
    }, delayMs);
  }

  private async pump(): Promise<void> {
    if (this.stopped) return;
    const concurrency = this.options.concurrency ?? 2;
    while (this.running < concurrency) {
      const now = Date.now();
      const batch = this.queue.filter((m) => m.visibleAt <= now).slice(0, this.options.batchSize ?? 10);
      if (batch.length === 0) break;
      // In flight: invisible to the other pollers until settled, as SQS does.
      for (const m of batch) {
        m.visibleAt = Number.POSITIVE_INFINITY;
        m.receiveCount++;
      }
      this.running++;
      void this.process(batch).finally(() => {
        this.running--;
        void this.pump();
      });
    }
    if (this.running > 0) return;
    if (this.queue.length === 0) {
      this.settle();
      return;
    }
    const next = Math.min(...this.queue.map((m) => m.visibleAt));
    this.schedule(Math.max(5, next - Date.now()));
  }

  private async process(batch: Message[]): Promise<void> {
    const failedIds = await this.deliver(batch);
    for (const m of batch) {
      if (!failedIds.has(m.id)) {
        this.remove(m);
        this.stats.delivered++;
        continue;
      }
      this.stats.failed++;
      // A failure while the stack stops is the stop's doing, not the message's: it stays in the
      // journal and is delivered on the next start, with its receives counted from zero again.
      if (m.receiveCount >= (this.options.maxReceiveCount ?? 5) && !this.stopped) {
        this.remove(m);
        this.deadLetter(m);
      } else {
        m.visibleAt = Date.now() + (this.options.retryDelayMs ?? 500) * m.receiveCount;
      }
    }
  }

  private async deliver(batch: Message[]): Promise<Set<string>> {
    const event: SQSEvent = { Records: batch.map((m) => this.toRecord(m)) };
    try {
      const res = await this.options.handler(event, localContext());
      return new Set((res?.batchItemFailures ?? []).map((f) => f.itemIdentifier));
    } catch (err) {
      this.options.log?.(`ingest handler failed the whole batch: ${(err as Error).message}`);
      return new Set(batch.map((m) => m.id));
    }
  }

  private toRecord(m: Message): SQSRecord {
    return {
      messageId: m.id,
      receiptHandle: `${m.id}#${m.receiveCount}`,
      body: m.body,
      attributes: {
        ApproximateReceiveCount: String(m.receiveCount),
        SentTimestamp: String(m.sentAt),
        SenderId: 'local-s3',
        ApproximateFirstReceiveTimestamp: String(Date.now()),
      },
      messageAttributes: {},
      md5OfBody: '',
      eventSource: 'aws:sqs',
      eventSourceARN: this.options.queueArn ?? 'arn:aws:sqs:local:000000000000:trendwire-articles',
      awsRegion: 'local',
    };
  }

  /** Settles a message: delivered, or moved to the dead-letter file. */
  private remove(m: Message) {
    const i = this.queue.indexOf(m);
    if (i >= 0) this.queue.splice(i, 1);
    this.journal({ op: 'done', id: m.id });
  }

  private deadLetter(m: Message) {
    this.stats.deadLettered++;
    this.options.log?.(`message ${m.id} failed ${m.receiveCount} times: moved to the dead-letter file`);
    if (this.options.deadLetterFile) {
      appendFileSync(
        this.options.deadLetterFile,
        `${JSON.stringify({ messageId: m.id, receiveCount: m.receiveCount, deadLetteredAt: new Date().toISOString(), body: m.body })}\n`,
      );
    }
  }

  private journal(entry: JournalEntry) {
    // Synchronous, as before: an entry is in the file (the OS's cache) before the event is
    // acknowledged or the send returns. Same durability as appendFileSync, without an open and a
    // close per entry.
    if (this.journalFd !== undefined) writeSync(this.journalFd, `${JSON.stringify(entry)}\n`);
  }

  private settle() {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }
}

function localContext(): Context {
  const deadline = Date.now() + 60_000;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: 'trendwire-ingest-local',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:local:000000000000:function:trendwire-ingest-local',
    memoryLimitInMB: '1024',
    awsRequestId: randomUUID(),
    logGroupName: 'local',
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => {},
    fail: () => {},
    succeed: () => {},
  };
}
