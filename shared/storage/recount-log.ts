import { type DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { AnalysisState, BatchTally, RecountLog, RecountPage, RecountStatus } from '../recount/job.js';
import { ANALYSIS_STATE_KEY, RECOUNT_CLAIMS_PK, RECOUNTS_PK } from './keys.js';
import { getAttributes, newestFirst, withoutKey } from './queries.js';

/** The recounts and the analysis state, as items of the table (see keys.ts). */
export class DynamoRecountLog implements RecountLog {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async saveRecount(status: RecountStatus): Promise<void> {
    await this.db.send(
      new PutCommand({ TableName: this.tableName, Item: { pk: RECOUNTS_PK, sk: status.id, ...status } }),
    );
  }

  async getRecount(id: string): Promise<RecountStatus | undefined> {
    const res = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: { pk: RECOUNTS_PK, sk: id }, ConsistentRead: true }),
    );
    return res.Item ? recountOf(res.Item) : undefined;
  }

  async listRecounts(limit: number, after: string | undefined): Promise<RecountPage> {
    const page = await newestFirst(this.db, this.tableName, RECOUNTS_PK, limit, after);
    return { items: page.items.map(recountOf), next: page.next };
  }

  async addProgress(id: string, tally: BatchTally, at: string): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: { pk: RECOUNTS_PK, sk: id },
        UpdateExpression:
          'ADD #processed :p, #recounted :r, #failed :f, #total :p SET #updatedAt = :at' +
          (tally.error ? ', #error = if_not_exists(#error, :e)' : ''),
        ConditionExpression: 'attribute_exists(pk)',
        // Every name through a placeholder: several are DynamoDB reserved words.
        ExpressionAttributeNames: {
          '#processed': 'processed',
          '#recounted': 'recounted',
          '#failed': 'failed',
          '#total': 'total',
          '#updatedAt': 'updatedAt',
          ...(tally.error ? { '#error': 'error' } : {}),
        },
        ExpressionAttributeValues: {
          ':p': tally.processed,
          ':r': tally.recounted,
          ':f': tally.failed,
          ':at': at,
          ...(tally.error ? { ':e': tally.error } : {}),
        },
      }),
    );
  }

  async claimRecountOf(analysis: string, id: string): Promise<boolean> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { pk: RECOUNT_CLAIMS_PK, sk: analysis, id },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return true;
    } catch (err) {
      if ((err as Error).name === 'ConditionalCheckFailedException') return false;
      throw err;
    }
  }

  async getAnalysisState(): Promise<AnalysisState | undefined> {
    return (await getAttributes(this.db, this.tableName, ANALYSIS_STATE_KEY)) as AnalysisState | undefined;
  }

  async saveAnalysisState(state: AnalysisState): Promise<void> {
    await this.db.send(
      new PutCommand({ TableName: this.tableName, Item: { ...ANALYSIS_STATE_KEY, ...state } }),
    );
  }
}

function recountOf(item: Record<string, unknown>): RecountStatus {
  return withoutKey(item) as RecountStatus;
}
