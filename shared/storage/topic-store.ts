import type { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { type StoredTopics, storedTopicsOf, type TopicStore } from '../topics/live.js';
import { TOPICS_KEY, TOPICS_VERSION_KEY } from './keys.js';
import { getAttributes } from './queries.js';

/** The topic set as one item of the table, written with optimistic concurrency on its version. */
export class DynamoTopicStore implements TopicStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async getTopics(): Promise<StoredTopics | undefined> {
    const stored = (await getAttributes(this.db, this.tableName, TOPICS_KEY)) as StoredTopics | undefined;
    return stored && storedTopicsOf(stored);
  }

  /**
   * The set and, beside it, a small item with its version only: every article transaction checks
   * that one (a ConditionCheck is billed by the size of the item it reads; the set is ~30 KB).
   */
  async putTopics(next: StoredTopics, expected: number | undefined): Promise<boolean> {
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.tableName,
                Item: { ...TOPICS_KEY, ...next },
                ...(expected === undefined
                  ? { ConditionExpression: 'attribute_not_exists(pk)' }
                  : {
                      ConditionExpression: '#v = :v',
                      ExpressionAttributeNames: { '#v': 'version' },
                      ExpressionAttributeValues: { ':v': expected },
                    }),
              },
            },
            { Put: { TableName: this.tableName, Item: { ...TOPICS_VERSION_KEY, version: next.version } } },
          ],
        }),
      );
      return true;
    } catch (err) {
      const reasons = (err as TransactionCanceledException).CancellationReasons ?? [];
      if (
        (err as Error).name === 'TransactionCanceledException' &&
        reasons[0]?.Code === 'ConditionalCheckFailed'
      )
        return false;
      throw err;
    }
  }
}
