import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { UnavailableError } from '#shared/errors.js';
import type { ArticleRecord } from '#shared/ingest/article.js';
import { EMPTY_CONTRIBUTION } from '#shared/ingest/contribution.js';
import { DynamoStore } from '#shared/storage/dynamo-store.js';

/** A client whose every call throws `error`: DynamoDB Local never raises a TransactionConflict. */
const failingClient = (error: Error) =>
  ({
    send: async () => {
      throw error;
    },
  }) as unknown as DynamoDBDocumentClient;

const record: ArticleRecord = {
  id: '0123456789abcdef01234567',
  key: 'a.txt',
  bucket: 'articles',
  sequencer: '02',
  status: 'deleted',
  updatedAt: '2022-11-10T00:00:00.000Z',
  contribution: EMPTY_CONTRIBUTION,
};
const noChange = { counters: [], put: [], remove: [], presence: [] };
const canceled = (...codes: string[]) =>
  new TransactionCanceledException({
    message: 'Transaction cancelled',
    $metadata: {},
    CancellationReasons: codes.map((Code) => ({ Code })),
  });

describe('DynamoStore.commitArticle', () => {
  it('reports a lost race when another transaction held an item (TransactionConflict)', async () => {
    const store = new DynamoStore(failingClient(canceled('None', 'TransactionConflict')), 't');
    expect(await store.commitArticle(record, undefined, noChange, undefined)).toBe(false);
  });

  it('reports a lost race when the article record changed under it (ConditionalCheckFailed)', async () => {
    const store = new DynamoStore(failingClient(canceled('ConditionalCheckFailed', 'None')), 't');
    expect(await store.commitArticle(record, undefined, noChange, undefined)).toBe(false);
  });

  it('rethrows a cancellation for any other reason (throttling is retried by SQS, not here)', async () => {
    const store = new DynamoStore(failingClient(canceled('ThrottlingError')), 't');
    await expect(store.commitArticle(record, undefined, noChange, undefined)).rejects.toThrow(
      'Transaction cancelled',
    );
  });

  it('rethrows network errors', async () => {
    const store = new DynamoStore(failingClient(new Error('ECONNREFUSED')), 't');
    await expect(store.commitArticle(record, undefined, noChange, undefined)).rejects.toThrow('ECONNREFUSED');
  });
});

describe('DynamoStore.getArticles', () => {
  it('fails, never returns a short page, when throttled keys stay unread after every retry', async () => {
    let calls = 0;
    const throttled = {
      send: async (command: { input: { RequestItems: Record<string, { Keys: unknown[] }> } }) => {
        calls++;
        return { Responses: { t: [] }, UnprocessedKeys: command.input.RequestItems };
      },
    } as unknown as DynamoDBDocumentClient;
    const store = new DynamoStore(throttled, 't');
    await expect(store.getArticles(['0123456789abcdef01234567'])).rejects.toBeInstanceOf(UnavailableError);
    expect(calls).toBe(5);
  });
});
