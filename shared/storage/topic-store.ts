import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { StoredTopics, TopicStore } from '../topics/live.js';
import { TOPICS_KEY } from './keys.js';

/** The topic set as one item of the table, written with optimistic concurrency on its version. */
export class DynamoTopicStore implements TopicStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async getTopics(): Promise<StoredTopics | undefined> {
    const res = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: TOPICS_KEY, ConsistentRead: true }),
    );
    if (!res.Item) return undefined;
    const { pk: _pk, sk: _sk, ...stored } = res.Item;
    return stored as StoredTopics;
  }

  async putTopics(next: StoredTopics, expected: number | undefined): Promise<boolean> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...TOPICS_KEY, ...next },
          ...(expected === undefined
            ? { ConditionExpression: 'attribute_not_exists(pk)' }
            : {
                ConditionExpression: '#v = :v',
                ExpressionAttributeNames: { '#v': 'version' },
                ExpressionAttributeValues: { ':v': expected },
              }),
        }),
      );
      return true;
    } catch (err) {
      if (
        err instanceof ConditionalCheckFailedException ||
        (err as Error).name === 'ConditionalCheckFailedException'
      )
        return false;
      throw err;
    }
  }
}
