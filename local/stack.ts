import { mkdir, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from '#shared/api/app.js';
import { type ArticleFormats, DEFAULT_ARTICLE_FORMATS } from '#shared/ingest/formats.js';
import type { RecountStatus } from '#shared/recount/job.js';
import type { DynamoRecountLog } from '#shared/storage/recount-log.js';
import { DynamoSpikeClaims } from '#shared/storage/spike-claims.js';
import { DynamoTopicStore } from '#shared/storage/topic-store.js';
import { type WriteCost, watchWriteCost } from '#shared/storage/write-cost.js';
import { applyTopicFile, LiveTopics } from '#shared/topics/live.js';
import type { TopicFile } from '#shared/topics/schema.js';
import { createIngestHandler, type IngestLogger } from '../functions/lib/ingest-handler.js';
import { createIngestRuntime } from '../functions/lib/runtime.js';
import { type BridgeOptions, SqsBridge } from './bridge.js';
import { ensureTable, startDynamoLocal } from './dynamodb.js';
import { type LocalRecount, LocalRecounts } from './recounts.js';
import { startLocalS3 } from './s3-server.js';
import { startSpikeWatch } from './spike-watch.js';

export type LocalStackOptions = {
  readonly s3Port: number;
  readonly dynamoPort: number;
  readonly apiPort: number;
  readonly bucket: string;
  readonly tableName: string;
  /** Where S3 objects, the DynamoDB file, the bridge journal and the dead-letter file live. */
  readonly dataDir: string;
  readonly topics: TopicFile;
  readonly maxArticleBytes: number;
  /** Items each topic counter is spread over; 1 (no sharding) by default. */
  readonly counterShards?: number;
  /** Find and cluster syndicated copies (default on; TRENDWIRE_COPY_DETECTION=off). */
  readonly copyDetection?: boolean;
  /** Article suffixes and the default time zone (default: DEFAULT_ARTICLE_FORMATS). */
  readonly formats?: ArticleFormats;
  readonly fresh?: boolean;
  readonly logger?: IngestLogger;
  readonly host?: string;
  /** Browser origins allowed to call the API (CORS); none by default. */
  readonly corsOrigins?: readonly string[];
  /**
   * Recount the stored articles when they were counted by another analysis or topic set (default
   * true): in the background, with a progress line; `recount` on the stack is its result.
   */
  readonly recount?: boolean;
  /** How often new spikes of the last complete hours are looked for and printed (default 60 s; 0: never). */
  readonly spikeWatchMs?: number;
  /** Bridge settings (retry delay, receive count) — tests shorten them. */
  readonly bridge?: Partial<
    Pick<BridgeOptions, 'retryDelayMs' | 'maxReceiveCount' | 'batchSize' | 'concurrency'>
  >;
};

export type LocalStack = {
  readonly s3Endpoint: string;
  readonly dynamoEndpoint: string;
  readonly apiUrl: string;
  readonly bridge: SqsBridge;
  readonly runtime: ReturnType<typeof createIngestRuntime>;
  /** What the stack's transactions cost, by DynamoDB's billing rules (for tests and benchmarks). */
  readonly writeCost: WriteCost;
  readonly recounts: DynamoRecountLog;
  /** The topic set in force (the table's; the topic file seeds it, PUT /topics/{id} changes it). */
  readonly topics: LiveTopics;
  /** The recount started at start-up (the stored counts were made by another analysis), if any. */
  readonly recount: Promise<RecountStatus> | undefined;
  /** Starts a recount of the bucket now (as `npm run recount` does). */
  startRecount(reason: string): Promise<LocalRecount>;
  /**
   * Stops DynamoDB Local abruptly (requests in flight fail) and starts it again on its data: for
   * crash drills. SIGKILL is possible, but DynamoDB Local then loses writes it had acknowledged.
   */
  stopDynamo(signal?: NodeJS.Signals): Promise<void>;
  startDynamo(): Promise<void>;
  stop(): Promise<void>;
};

const quietLogger: IngestLogger = { info() {}, warn() {}, error() {} };

/**
 * The whole pipeline on one machine: s3rver → bridge (SQS-shaped batches) → the ingest handler →
 * DynamoDB Local, and the API on @hono/node-server. The handler and the app are the ones the
 * Lambdas run; only the edges differ.
 */
export async function startLocalStack(o: LocalStackOptions): Promise<LocalStack> {
  const host = o.host ?? '127.0.0.1';
  if (o.fresh) await rm(o.dataDir, { recursive: true, force: true });
  await mkdir(join(o.dataDir, 's3'), { recursive: true });
  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch(() => {});
  };
  try {
    const dynamoDir = join(o.dataDir, 'dynamodb');
    const logger = o.logger ?? quietLogger;
    const warn = (line: string) => logger.warn(line, {});
    let dynamo = await startDynamoLocal(o.dynamoPort, dynamoDir, warn);
    stops.push(() => dynamo.stop());
    const s3Endpoint = `http://${host}:${o.s3Port}`;
    const dynamoEndpoint = `http://${host}:${o.dynamoPort}`;
    const runtime = createIngestRuntime(
      {
        tableName: o.tableName,
        maxArticleBytes: o.maxArticleBytes,
        counterShards: o.counterShards ?? 1,
        copyDetection: o.copyDetection ?? true,
        formats: o.formats ?? DEFAULT_ARTICLE_FORMATS,
        s3Endpoint,
        dynamoEndpoint,
      },
      o.topics,
    );
    await ensureTable(runtime.db, o.tableName);
    const { cost: writeCost } = watchWriteCost(runtime.db, o.tableName);
    const topicStore = new DynamoTopicStore(runtime.db, o.tableName);
    const applied = await applyTopicFile(topicStore, o.topics, new Date().toISOString());
    if (applied.said) logger.warn(applied.said, {});
    const topics = new LiveTopics(topicStore, () => runtime.analyser, { maxAgeMs: 2000 });

    const bridge = new SqsBridge({
      handler: createIngestHandler({ ...runtime, topics, logger }),
      deadLetterFile: join(o.dataDir, 'dead-letters.jsonl'),
      journalFile: join(o.dataDir, 'bridge-journal.log'),
      log: (line) => logger.warn(line, {}),
      ...o.bridge,
    });
    stops.push(() => bridge.stop());

    const s3 = await startLocalS3({
      host,
      port: o.s3Port,
      directory: join(o.dataDir, 's3'),
      bucket: o.bucket,
      onEvent: (notification) => bridge.publishS3Event(notification),
    });
    stops.push(() => s3.close());

    const recounts = new LocalRecounts({ runtime, tableName: o.tableName, bucket: o.bucket, topics, logger });
    stops.push(() => recounts.stop());
    const recount = o.recount === false ? undefined : (await recounts.startIfNeeded())?.done;

    let stopWatch = async () => {};
    if (o.spikeWatchMs !== 0) {
      const watch = startSpikeWatch({
        store: runtime.store,
        claims: new DynamoSpikeClaims(runtime.db, o.tableName),
        topics,
        intervalMs: o.spikeWatchMs ?? 60_000,
        log: (line) => logger.info(line, {}),
      });
      stopWatch = () => watch.stop();
      stops.push(stopWatch);
    }

    const app = createApp({
      store: runtime.store,
      topics: o.topics,
      analyser: runtime.analyser,
      objects: runtime.source,
      recounts: recounts.log,
      liveTopics: topics,
      startRecount: async (reason) => ({ id: (await recounts.start(reason)).id, status: 'running' }),
      maxArticleBytes: o.maxArticleBytes,
      articleFormats: runtime.formats,
      corsOrigins: o.corsOrigins,
      onError: (err) => logger.error('unhandled API error', { error: String((err as Error)?.stack ?? err) }),
    });
    const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
      const s = serve({ fetch: app.fetch, port: o.apiPort, hostname: host }, () => resolve(s));
      s.once('error', reject);
    });
    const closeApi = () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
    stops.push(closeApi);
    const apiPort = (server.address() as AddressInfo).port;

    return {
      s3Endpoint,
      dynamoEndpoint,
      apiUrl: `http://${host === '127.0.0.1' ? 'localhost' : host}:${apiPort}`,
      bridge,
      runtime,
      writeCost,
      recounts: recounts.log,
      topics,
      recount,
      startRecount: (reason) => recounts.start(reason),
      async stopDynamo(signal: NodeJS.Signals = 'SIGTERM') {
        await dynamo.stop(signal);
      },
      async startDynamo() {
        dynamo = await startDynamoLocal(o.dynamoPort, dynamoDir, warn);
      },
      /**
       * In the order that loses nothing: uploads are refused first (S3 answers 503, so nothing new
       * is acknowledged), the bridge lets the batches in flight finish (the rest stay in its
       * journal for the next start), then the API and S3 close, and the database stops last.
       */
      async stop() {
        await s3.stopIntake();
        await stopWatch();
        await recounts.stop();
        await bridge.stop();
        await closeApi();
        await s3.close();
        await dynamo.stop();
      },
    };
  } catch (err) {
    await stopAll();
    throw err;
  }
}
