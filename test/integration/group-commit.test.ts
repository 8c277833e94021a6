import { PutObjectCommand } from '@aws-sdk/client-s3';
import type { Context, SQSEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_TOPIC, diffContributions, EMPTY_CONTRIBUTION } from '#shared/ingest/contribution.js';
import { DynamoStore } from '#shared/storage/dynamo-store.js';
import { watchWriteCost } from '#shared/storage/write-cost.js';
import { createIngestHandler } from '../../functions/lib/ingest-handler.js';
import { ensureTable } from '../../local/dynamodb.js';
import { counterRows } from '../support/counters.js';
import { startTestStack, type TestStack } from '../support/local-stack.js';

const quiet = { info() {}, warn() {}, error() {} };

/** An SQS batch of S3 created events, one per key, as S3 → SQS delivers them. */
const batchOf = (keys: readonly string[], sequencer: string): SQSEvent => ({
  Records: keys.map((key, i) => ({
    messageId: `m${i}`,
    body: JSON.stringify({
      Records: [
        {
          eventName: 'ObjectCreated:Put',
          eventTime: '2022-11-10T12:00:00.000Z',
          s3: { bucket: { name: 'articles' }, object: { key, sequencer } },
        },
      ],
    }),
    attributes: { ApproximateReceiveCount: '1' },
  })) as unknown as SQSEvent['Records'],
});

/**
 * Group commit on DynamoDB Local and s3rver: the ingest handler over a table of its own (the
 * stack's bridge ingests the uploads into the stack's table; this handler reads the same objects).
 */
describe('Group commit: a batch in shared transactions', () => {
  let stack: TestStack;
  let n = 0;
  const freshStore = async () => {
    const table = `group${n++}`;
    await ensureTable(stack.runtime.db, table);
    const store = new DynamoStore(stack.runtime.db, table);
    return Object.assign(store, { stats: watchWriteCost(stack.runtime.db, table).cost });
  };
  const keys = Array.from({ length: 10 }, (_, i) => `group/${i}.json`);

  beforeAll(async () => {
    stack = await startTestStack();
    for (const [i, key] of keys.entries()) {
      const body = i % 2 === 0 ? 'Fighting near Kherson.' : 'Rain in Lisbon.';
      await stack.runtime.s3.send(
        new PutObjectCommand({
          Bucket: stack.bucket,
          Key: key,
          Body: JSON.stringify({ body, publishedAt: `2022-11-10T${String(8 + i).padStart(2, '0')}:00:00Z` }),
        }),
      );
    }
    await stack.bridge.idle();
  });
  afterAll(async () => {
    await stack?.dispose();
  });

  it('commits a batch of ten articles in one transaction, counts them once, and a redelivery changes nothing', async () => {
    const store = await freshStore();
    const handler = createIngestHandler({ ...stack.runtime, store, logger: quiet });
    const res = await handler(batchOf(keys, '0A'), {} as Context);
    expect(res.batchItemFailures).toEqual([]);
    expect(store.stats).toMatchObject({ transactions: 1, articles: 10 });
    const [kherson] = await counterRows(store, 'kherson', 'day', '2022-11-10', '2022-11-10');
    const [all] = await counterRows(store, ALL_TOPIC, 'day', '2022-11-10', '2022-11-10');
    expect(kherson).toMatchObject({ articles: 5, mentions: 5 });
    expect(all).toMatchObject({ articles: 10 });
    const hours = await counterRows(store, ALL_TOPIC, 'hour', '2022-11-10T00', '2022-11-10T23');
    expect(hours.map((h) => h.bucket)).toEqual(
      keys.map((_, i) => `2022-11-10T${String(8 + i).padStart(2, '0')}`),
    );

    await handler(batchOf(keys, '0A'), {} as Context);
    expect(store.stats.transactions).toBe(1);
    expect(await counterRows(store, 'kherson', 'day', '2022-11-10', '2022-11-10')).toEqual([kherson]);
  });

  it('commits the others together when one article of the group lost its race, and only that one reports it', async () => {
    const store = await freshStore();
    const handler = createIngestHandler({ ...stack.runtime, store, logger: quiet });
    await handler(batchOf(keys.slice(0, 1), '0A'), {} as Context);
    const stored = await store.getArticle(keys[0] as string);
    if (!stored) throw new Error('not stored');
    // Three commits in one call: the first believes the key is new (it is not), the other two are.
    const fresh = async (key: string) => {
      const other = await stack.runtime.store.getArticle(key);
      if (!other) throw new Error(`${key} not ingested by the stack`);
      // Without the stack's topic set version: this table has no topic set to check it against.
      return { ...other, sequencer: '0B', topicsVersion: undefined };
    };
    const commits = await Promise.all(
      [keys[0], keys[1], keys[2]].map(async (key) => {
        const next = await fresh(key as string);
        return {
          next,
          previous: undefined,
          change: diffContributions(EMPTY_CONTRIBUTION, next.contribution),
          rejection: undefined,
        };
      }),
    );
    const before = { ...store.stats };
    const results = await store.commitArticles(commits);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : r.reason))).toEqual([false, true, true]);
    expect(store.stats.articles - before.articles).toBe(2);
    // The two others were committed together again, not one by one.
    expect(store.stats.transactions - before.transactions).toBe(1);
    expect(await store.getArticle(keys[0] as string)).toMatchObject({ sequencer: stored.sequencer });
    const [all] = await counterRows(store, ALL_TOPIC, 'day', '2022-11-10', '2022-11-10');
    expect(all).toMatchObject({ articles: 3 });
  });

  it('never puts two commits of one article in a transaction: the second reports a lost race', async () => {
    const store = await freshStore();
    const stored = await stack.runtime.store.getArticle(keys[3] as string);
    if (!stored) throw new Error('not ingested');
    const next = { ...stored, topicsVersion: undefined };
    const commit = {
      next,
      previous: undefined,
      change: diffContributions(EMPTY_CONTRIBUTION, next.contribution),
      rejection: undefined,
    };
    const results = await store.commitArticles([commit, { ...commit, next: { ...next, sequencer: 'FF' } }]);
    expect(results).toEqual([
      { status: 'fulfilled', value: true },
      { status: 'fulfilled', value: false },
    ]);
    expect(await store.getArticle(keys[3] as string)).toMatchObject({ sequencer: next.sequencer });
  });
});
