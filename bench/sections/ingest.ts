/**
 * End-to-end ingestion through the real local path — S3 API PutObject → s3rver → the SQS-shaped
 * bridge → the ingest handler (the Lambda's) → DynamoDB Local — against, in the same run and on the
 * same DynamoDB Local, the same transactions issued directly: every TransactWriteItems the pipeline
 * committed is recorded and replayed into a fresh table (no S3, no bridge, no analysis, no
 * read-before-write).
 *
 * Upload order: the main run uploads the corpus in publication order, as a live feed delivers it
 * (a batch's articles then share their day's counter items); the run with the bridge's defaults
 * uploads it in generated order, random over the year, as an unsorted backfill would.
 */
import { fork } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  PutCommand,
  ScanCommand,
  type ScanCommandOutput,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { ArticleRecord } from '#shared/ingest/article.js';
import { itemBytes, transactionalWriteUnits } from '#shared/storage/item-size.js';
import { watchWriteCost } from '#shared/storage/write-cost.js';
import { defaultTopics } from '#shared/topics/load.js';
import { StackConfig } from '../../infra/config.js';
import { SqsBridge } from '../../local/bridge.js';
import { ensureTable } from '../../local/dynamodb.js';
import { freePort } from '../../local/ports.js';
import { startLocalStack } from '../../local/stack.js';
import { articleBytes, generateCorpus } from '../../scripts/corpus.js';
import { log, pool, type Row, r2, r3, root, type SectionResult } from '../lib.js';

export type IngestOptions = {
  readonly articles: number;
  readonly uploaders: number;
  readonly maxQueued: number;
  /** Articles for the extra run with the bridge's defaults (batches of 10, one at a time). */
  readonly defaultBridgeArticles: number;
};

type BridgeShape = { readonly batchSize: number; readonly concurrency: number };
type Order = 'published' | 'random';

/**
 * AWS with the CDK defaults (infra/config.ts): up to maxConcurrency batches of batchSize at once.
 * TRENDWIRE_BENCH_BATCH_SIZE measures another batch size (what `-c batchSize` would deploy).
 */
const STACK_DEFAULTS = StackConfig.parse({ stage: 'bench' });
const AWS_SHAPED: BridgeShape = {
  batchSize: Number(process.env.TRENDWIRE_BENCH_BATCH_SIZE ?? STACK_DEFAULTS.batchSize),
  concurrency: STACK_DEFAULTS.maxConcurrency,
};
/** The local bridge's own defaults (local/bridge.ts). */
const BRIDGE_DEFAULTS: BridgeShape = { batchSize: 10, concurrency: 2 };
const shape = (b: BridgeShape) => `${b.concurrency} batches of ${b.batchSize} at once`;

/** Wall time the ingest handler spends per batch, recorded by wrapping the bridge's delivery. */
function timeHandler(): { batches: number; records: number; ms: number; restore(): void } {
  const proto = SqsBridge.prototype as unknown as { deliver: (batch: unknown[]) => Promise<unknown> };
  const original = proto.deliver;
  const acc = {
    batches: 0,
    records: 0,
    ms: 0,
    restore() {
      proto.deliver = original;
    },
  };
  proto.deliver = async function (this: unknown, batch: unknown[]) {
    const t = performance.now();
    try {
      return await original.call(this, batch);
    } finally {
      acc.ms += performance.now() - t;
      acc.batches++;
      acc.records += batch.length;
    }
  };
  return acc;
}

/** The same transaction against another table, without its idempotency token. */
function retarget(input: TransactWriteCommandInput, table: string): TransactWriteCommandInput {
  const items = (input.TransactItems ?? []).map((item) =>
    Object.fromEntries(Object.entries(item).map(([op, body]) => [op, { ...body, TableName: table }])),
  );
  return { TransactItems: items as TransactWriteCommandInput['TransactItems'] };
}

function dirBytes(dir: string): number {
  let total = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    total += e.isDirectory() ? dirBytes(p) : statSync(p).size;
  }
  return total;
}

export async function ingestSection(o: IngestOptions): Promise<SectionResult> {
  log(`ingest: ${o.defaultBridgeArticles} articles with the bridge's defaults (${shape(BRIDGE_DEFAULTS)})`);
  const defaults = await pipelineRun(
    { ...o, articles: o.defaultBridgeArticles },
    BRIDGE_DEFAULTS,
    'random',
    false,
  );
  const main = await pipelineRun(o, AWS_SHAPED, 'published', true);
  const defaultRatio = defaults.pipeline.articlesPerSecond / main.rawCeiling.articlesPerSecond;
  const rows: Row[] = [
    ...main.rows.slice(0, 1),
    {
      section: 'ingest',
      figure: `the same with the bridge's defaults (${shape(BRIDGE_DEFAULTS)}), ${o.defaultBridgeArticles} articles`,
      value: `${r2(defaultRatio)} (${defaults.pipeline.articlesPerSecond} articles/s)`,
      target: '>= 0.7',
      ok: defaultRatio >= 0.7,
      note: 'the local default delivers fewer batches at once than the AWS default',
    },
    ...main.rows.slice(1, 2),
    {
      section: 'ingest',
      figure: `the same uploaded in random order (a backfill), ${o.defaultBridgeArticles} articles`,
      value: `${defaults.writeUnitsPerArticle} WCU, at most ${defaults.writeUnitsPerArticleUpperBound} (${defaults.articlesPerTransaction} articles/transaction)`,
    },
    ...main.rows.slice(2),
  ];
  const { rows: _r, ...data } = main;
  const { rows: _d, ...defaultData } = defaults;
  return { rows, data: { ...data, defaultBridge: { ...defaultData, ratioToRawCeiling: r3(defaultRatio) } } };
}

async function pipelineRun(o: IngestOptions, bridge: BridgeShape, order: Order, replay: boolean) {
  const dataDir = mkdtempSync(join(tmpdir(), 'trendwire-bench-ingest-'));
  const handlerTime = timeHandler();
  const stack = await startLocalStack({
    s3Port: await freePort(),
    dynamoPort: await freePort(),
    apiPort: 0,
    bucket: 'articles',
    tableName: 'trendwire',
    dataDir,
    topics: defaultTopics(),
    maxArticleBytes: 1024 * 1024,
    fresh: true,
    bridge: { batchSize: bridge.batchSize, concurrency: bridge.concurrency },
  });
  try {
    // The same corpus the uploader process generates from the seed: its sizes for the figures.
    const corpus = [...generateCorpus({ articles: o.articles, days: 366, seed: 'bench-ingest' })];
    const uploadBytes = corpus.reduce((s, c) => s + articleBytes(c.article).length, 0);
    const dbDir = join(dataDir, 'dynamodb');
    const dbBefore = dirBytes(dbDir);
    log(
      `ingest: ${o.articles} articles (${order} order) through S3 → bridge (${shape(bridge)}) → handler → DynamoDB Local`,
    );
    const recorded = watchWriteCost(stack.runtime.db, 'trendwire');

    // Bounded concurrency: `uploaders` PutObjects in flight, from a process of their own (the
    // load generator is not the pipeline), and none while the queue holds more than `maxQueued`
    // events (back-pressure, as a producer would apply to a queue it watches).
    const uploader = fork(
      join(root, 'bench', 'uploader.ts'),
      [stack.s3Endpoint, 'articles', String(o.articles), 'bench-ingest', order, String(o.uploaders)],
      { execArgv: ['--import', 'tsx'], env: { ...process.env, NODE_NO_WARNINGS: '1' } },
    );
    await new Promise((resolve, reject) => {
      uploader.once('message', resolve);
      uploader.once('exit', (code) => reject(new Error(`uploader exited (${code})`)));
    });
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    let paused = false;
    // A pause that reaches the uploader as it exits is of no matter: ignore a closed channel.
    uploader.on('error', () => {});
    const watch = setInterval(() => {
      const full = stack.bridge.pending > o.maxQueued;
      if (full !== paused && uploader.connected) uploader.send(full ? 'pause' : 'resume', () => {});
      paused = full;
    }, 2);
    uploader.send('start');
    const uploaded = await new Promise<number>((resolve, reject) => {
      uploader.on('message', (m: { done?: number }) => {
        if (m.done !== undefined) {
          clearInterval(watch);
          resolve(m.done);
        }
      });
      uploader.once('exit', (code) => {
        if (code) reject(new Error(`uploader exited (${code})`));
      });
    });
    clearInterval(watch);
    log(`  ${uploaded} uploaded`);
    await stack.bridge.idle();
    const pipelineMs = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    handlerTime.restore();
    recorded.stop();
    const stats = { ...stack.writeCost };
    const bridgeStats = { ...stack.bridge.stats };
    if (bridgeStats.deadLettered > 0) throw new Error(`${bridgeStats.deadLettered} events dead-lettered`);

    // Everything the pipeline stored, by DynamoDB's item-size rules.
    const items: Record<string, unknown>[] = [];
    let start: ScanCommandOutput['LastEvaluatedKey'];
    do {
      const page: ScanCommandOutput = await stack.runtime.db.send(
        new ScanCommand({ TableName: 'trendwire', ExclusiveStartKey: start }),
      );
      items.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start);
    const dbAfter = dirBytes(dbDir);
    const records = items
      .filter((i) => String(i.pk).startsWith('ART#'))
      .map(({ pk: _pk, sk: _sk, ...r }) => r as unknown as ArticleRecord)
      .sort((a, b) => (a.key.slice(-12) < b.key.slice(-12) ? -1 : 1));
    const counted = records.filter((r) => r.status === 'active').length;
    // Write units, upper bound: DynamoDB bills an update at the larger of the item before and
    // after it, and counter items only grow, so every counter update billed at its item's FINAL
    // size bounds what AWS would bill (stats.billedWriteUnits counts keys + added attributes only).
    const finalSize = new Map(items.map((i) => [`${i.pk}\u0000${i.sk}`, itemBytes(i)]));
    const sizeOf = (k: Record<string, unknown> | undefined) => finalSize.get(`${k?.pk}\u0000${k?.sk}`) ?? 0;
    let upperWriteUnits = 0;
    for (const t of recorded.committed) {
      for (const i of t.TransactItems ?? []) {
        upperWriteUnits += transactionalWriteUnits(
          i.Put?.Item ? itemBytes(i.Put.Item) : sizeOf(i.Update?.Key ?? i.Delete?.Key),
        );
      }
    }
    const entityItems = items.filter((i) => String(i.pk).startsWith('ENT#')).map((i) => itemBytes(i));
    const itemBytesTotal = items.reduce((s, i) => s + itemBytes(i), 0);
    const kinds: Record<string, { items: number; bytes: number }> = {};
    for (const i of items) {
      const kind = String(i.pk).split('#')[0] ?? '?';
      const k = kinds[kind] ?? { items: 0, bytes: 0 };
      k.items++;
      k.bytes += itemBytes(i);
      kinds[kind] = k;
    }

    // The raw ceiling: the transactions the pipeline committed, replayed straight into a fresh
    // table on the same DynamoDB Local, 10 in flight, and 32 in flight.
    const raw: Record<string, number> = {};
    // 32 in flight on the first 3 000 articles' worth only: it shows whether more concurrency
    // raises the ceiling without doubling the section's time.
    const articlesIn = (t: TransactWriteCommandInput) =>
      (t.TransactItems ?? []).filter((i) => String(i.Put?.Item?.pk).startsWith('ART#')).length;
    const firstArticles = (n: number) => {
      let count = 0;
      return recorded.committed.filter((t) => {
        count += articlesIn(t);
        return count <= n;
      });
    };
    for (const [concurrency, subset] of replay
      ? ([
          [10, recorded.committed],
          [32, firstArticles(3000)],
        ] as const)
      : []) {
      const table = `raw-${concurrency}`;
      await ensureTable(stack.runtime.db, table);
      // Every transaction checks the topic set's version (META/topics-version): the fresh table gets it.
      const topicSet = items.find((i) => i.pk === 'META' && i.sk === 'topics-version');
      if (topicSet) await stack.runtime.db.send(new PutCommand({ TableName: table, Item: topicSet }));
      let conflicts = 0;
      const articles = subset.reduce((n, t) => n + articlesIn(t), 0);
      log(
        `ingest: replaying ${subset.length} transactions (${articles} articles) directly, ${concurrency} in flight`,
      );
      const t = performance.now();
      await pool(subset, concurrency, async (input) => {
        for (;;) {
          try {
            await stack.runtime.db.send(new TransactWriteCommand(retarget(input, table)));
            return;
          } catch (err) {
            if ((err as Error).name !== 'TransactionCanceledException') throw err;
            // A transaction that can never pass (a condition no replay meets) must not spin.
            if (++conflicts > 100_000) throw new Error('the replay keeps being cancelled: a condition fails');
          }
        }
      });
      raw[`c${concurrency}`] = articles / ((performance.now() - t) / 1000);
      raw[`c${concurrency}Conflicts`] = conflicts;
    }
    // The recount of the same articles: a topic added at run time (a twin of kherson) makes every
    // record's analysis outdated, and the local recount job replays the whole bucket.
    let recount: { articlesPerSecond: number; seconds: number; recounted: number } | undefined;
    if (replay) {
      const kherson = defaultTopics().topics[0];
      if (!kherson) throw new Error('no default topic');
      await stack.topics.update(
        (f) => ({ ...f, topics: [...f.topics, { ...kherson, id: 'kherson-twin', label: 'twin' }] }),
        ['kherson-twin'],
        new Date().toISOString(),
      );
      log(`ingest: recounting the ${o.articles} articles after a topic was added`);
      const t = performance.now();
      const status = await (await stack.startRecount('bench: a topic added')).done;
      const seconds = (performance.now() - t) / 1000;
      if (status.status !== 'done') throw new Error(`the recount ended ${status.status}: ${status.error}`);
      recount = {
        articlesPerSecond: r2(status.processed / seconds),
        seconds: r2(seconds),
        recounted: status.recounted,
      };
    }
    const ceiling = Math.max(raw.c10 ?? 0, raw.c32 ?? 0);
    const rate = o.articles / (pipelineMs / 1000);
    const ratio = replay ? rate / ceiling : Number.NaN;
    // The transactions, plus the copy index's single-item writes (1 unit per started KB each).
    const wuPerArticle = (stats.billedWriteUnits + stats.itemWriteUnits) / Math.max(1, stats.articles);
    // The record's consistent GetItem (1 unit) and the copy index's queries: at least half a unit
    // each (eventually consistent, per started 4 KB), or what DynamoDB Local reports if more.
    const queryReadUnits = Math.max(stats.queryReadUnits, stats.queries * 0.5);
    // The record (1), the copy index's queries, and the cluster items read for unique counts.
    const ruPerArticle = 1 + (queryReadUnits + stats.consistentBatchReadUnits) / Math.max(1, stats.articles);
    const articlesPerTransaction = r2(stats.articles / Math.max(1, stats.transactions));
    const handlerMsPerArticle = handlerTime.ms / Math.max(1, handlerTime.records);
    const cpuMsPerArticle = (cpu.user + cpu.system) / 1000 / o.articles;

    const data = {
      articles: o.articles,
      order,
      corpus: {
        seed: 'bench-ingest',
        days: 366,
        uploadBytes,
        bytesPerArticle: Math.round(uploadBytes / o.articles),
      },
      uploaders: o.uploaders,
      maxQueued: o.maxQueued,
      bridge: {
        batchSize: bridge.batchSize,
        batchesInFlight: bridge.concurrency,
        ...bridgeStats,
        batches: handlerTime.batches,
      },
      pipeline: { articlesPerSecond: r2(rate), seconds: r2(pipelineMs / 1000), counted },
      recount,
      rawCeiling: {
        articlesPerSecond: r2(ceiling),
        byConcurrency: Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, r2(v)])),
      },
      ratio: r3(ratio),
      store: stats,
      writeUnitsPerArticle: r2(wuPerArticle),
      copyIndexWriteUnitsPerArticle: r2(stats.itemWriteUnits / Math.max(1, stats.articles)),
      readUnitsPerArticle: r2(ruPerArticle),
      writeUnitsPerArticleUpperBound: r2(
        (upperWriteUnits + stats.itemWriteUnits) / Math.max(1, stats.articles),
      ),
      articlesPerTransaction,
      entityItemBytes: {
        items: entityItems.length,
        mean: Math.round(entityItems.reduce((a, b) => a + b, 0) / Math.max(1, entityItems.length)),
        max: Math.max(0, ...entityItems),
        articlesPerDay: r2(o.articles / 366),
      },
      itemsPerTransaction: r2(stats.items / Math.max(1, stats.transactions)),
      reportedWriteUnitsPerArticle: r2(stats.reportedWriteUnits / Math.max(1, stats.articles)),
      stored: {
        items: items.length,
        itemBytes: itemBytesTotal,
        itemBytesPerArticle: Math.round(itemBytesTotal / o.articles),
        /** DynamoDB bills storage at item size + 100 bytes of index overhead per item. */
        billedBytesPerArticle: Math.round((itemBytesTotal + 100 * items.length) / o.articles),
        byKind: kinds,
        dynamoLocalFileGrowthPerArticle: Math.round((dbAfter - dbBefore) / o.articles),
      },
      handler: {
        msPerArticle: r2(handlerMsPerArticle),
        note: 'wall time of the ingest handler per batch / records in it, as Lambda bills duration; DynamoDB Local on a shared 2-core machine',
      },
      processCpuMsPerArticle: r2(cpuMsPerArticle),
    };
    const rows: Row[] = [
      {
        section: 'ingest',
        figure: `pipeline (${shape(bridge)}) / raw DynamoDB Local, ${o.articles} articles, articles/s`,
        value: `${r2(ratio)} (${r2(rate)} vs ${r2(ceiling)} articles/s)`,
        target: '>= 0.7',
        ok: ratio >= 0.7,
      },
      {
        section: 'ingest',
        figure: 'write units per article (billed rules, transactional)',
        value: `${r2(wuPerArticle)} WCU (copy index ${data.copyIndexWriteUnitsPerArticle}), at most ${data.writeUnitsPerArticleUpperBound} (${articlesPerTransaction} articles, ${r2(stats.items / Math.max(1, stats.transactions))} items/transaction); ${data.readUnitsPerArticle} RRU`,
      },
      {
        section: 'ingest',
        figure: 'bytes stored per article (item sizes, + 100 B/item billed)',
        value: `${data.stored.itemBytesPerArticle} B (${data.stored.billedBytesPerArticle} B billed)`,
      },
      {
        section: 'ingest',
        figure: 'DynamoDB Local reported / billed write units (why the billed rules are used)',
        value: `${r2(stats.reportedWriteUnits / Math.max(1, stats.billedWriteUnits))} (${data.reportedWriteUnitsPerArticle} vs ${r2(wuPerArticle)} WCU)`,
      },
    ];
    // Last, so that ingestSection's row positions stay those of the rows above.
    if (recount) {
      rows.push({
        section: 'ingest',
        figure: `local recount / local ingest, the same ${o.articles} articles (a topic added), articles/s`,
        value: `${r2(recount.articlesPerSecond / rate)} (${recount.articlesPerSecond} vs ${r2(rate)} articles/s)`,
        target: '>= 0.7',
        ok: recount.articlesPerSecond / rate >= 0.7,
      });
    }
    return { rows, ...data };
  } finally {
    handlerTime.restore();
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
