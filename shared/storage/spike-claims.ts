import { type DynamoDBDocumentClient, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { SpikeClaims } from '../ports.js';
import { spikeKey } from './keys.js';

/**
 * Claims of announced spikes, one item each: a claim is taken when no item exists or the item's
 * announcement was never confirmed, so a spike goes out once and a failed announcement again.
 */
export class DynamoSpikeClaims implements SpikeClaims {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async claimSpike(topic: string, start: string, at: string): Promise<boolean> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...spikeKey(topic, start), claimedAt: at, sent: false },
          ConditionExpression: 'attribute_not_exists(pk) OR sent = :no',
          ExpressionAttributeValues: { ':no': false },
        }),
      );
      return true;
    } catch (err) {
      if ((err as Error).name === 'ConditionalCheckFailedException') return false;
      throw err;
    }
  }

  async confirmSpike(topic: string, start: string): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: spikeKey(topic, start),
        UpdateExpression: 'SET sent = :yes',
        ExpressionAttributeValues: { ':yes': true },
      }),
    );
  }
}
