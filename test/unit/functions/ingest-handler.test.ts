import type { Context, SQSRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { Analyser } from '#shared/analysis/analyse.js';
import { defaultTopics } from '#shared/topics/load.js';
import { createIngestHandler, type IngestLogger } from '../../../functions/lib/ingest-handler.js';

const notification = (key: string) =>
  JSON.stringify({
    Records: [
      {
        eventName: 'ObjectRemoved:Delete',
        eventTime: '2022-11-10T12:00:00.000Z',
        s3: { bucket: { name: 'articles' }, object: { key, sequencer: '0A' } },
      },
    ],
  });
const record = (messageId: string, body: string) =>
  ({ messageId, body, attributes: { ApproximateReceiveCount: '1' } }) as unknown as SQSRecord;

const analyser = new Analyser(defaultTopics());

/** The handler over a store whose reads are `getArticle`; objects are always gone (deletes need none). */
const handlerOver = (
  getArticle: (key: string) => Promise<undefined>,
  logger: IngestLogger,
  onFailure?: (id: string) => void,
) =>
  createIngestHandler({
    analyser,
    maxArticleBytes: 1024,
    source: { getObject: async () => 'missing' },
    store: {
      getArticle,
      commitArticle: async () => true,
      commitArticles: async (commits) => commits.map(() => ({ status: 'fulfilled', value: true })),
    },
    logger,
    ...(onFailure ? { onFailure } : {}),
  });
const quiet: IngestLogger = { info() {}, warn() {}, error() {} };

describe('createIngestHandler', () => {
  it('fails only the records that throw, logs them with their key and reports each once', async () => {
    const errors: string[] = [];
    const failed: string[] = [];
    const handler = handlerOver(
      async (key) => {
        if (key === 'throttled.txt') throw new Error('ProvisionedThroughputExceededException');
        return undefined;
      },
      { info() {}, warn() {}, error: (m) => errors.push(m) },
      (id) => failed.push(id),
    );
    const res = await handler(
      {
        Records: [
          record('m1', notification('fine.txt')),
          record('m2', notification('throttled.txt')),
          record('m3', 'not a notification'),
          record('m4', JSON.stringify({ Service: 'Amazon S3', Event: 's3:TestEvent' })),
        ],
      },
      {} as Context,
    );
    // Powertools processes the records of a batch concurrently: compare as sets.
    expect(res.batchItemFailures.map((f) => f.itemIdentifier).sort()).toEqual(['m2', 'm3']);
    expect(failed.sort()).toEqual(['m2', 'm3']);
    expect(errors.sort()).toEqual([
      'message is not an S3 event notification',
      'removed throttled.txt: failed, SQS will deliver it again',
    ]);
  });

  it('keeps the failures of concurrent invocations apart (the local bridge runs batches at once)', async () => {
    const handler = handlerOver(async (key) => {
      await new Promise((r) => setTimeout(r, key.startsWith('slow') ? 30 : 1));
      if (key.endsWith('bad.txt')) throw new Error('throttled');
      return undefined;
    }, quiet);
    // The first batch fails one record early and is still busy with another when the second
    // batch starts: a processor shared by both lost the early failure.
    const first = handler(
      { Records: [record('a1', notification('slow-ok.txt')), record('a2', notification('fast-bad.txt'))] },
      {} as Context,
    );
    await new Promise((r) => setTimeout(r, 10));
    const second = handler({ Records: [record('b1', notification('fast-ok.txt'))] }, {} as Context);
    const [firstResult, secondResult] = await Promise.all([first, second]);
    expect(firstResult.batchItemFailures).toEqual([{ itemIdentifier: 'a2' }]);
    expect(secondResult.batchItemFailures).toEqual([]);
  });
});
