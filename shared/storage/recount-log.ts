import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { AnalysisState, BatchTally, RecountLog, RecountPage, RecountStatus } from '../recount/job.js';
import { ANALYSIS_STATE_KEY, RECOUNT_CLAIMS_PK, RECOUNTS_PK } from './keys.js';

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
    const res = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': RECOUNTS_PK },
        ScanIndexForward: false,
        Limit: limit,
        ...(after ? { ExclusiveStartKey: { pk: RECOUNTS_PK, sk: after } } : {}),
      }),
    );
    const last = res.LastEvaluatedKey?.sk;
    return { items: (res.Items ?? []).map(recountOf), next: typeof last === 'string' ? last : undefined };
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
    const res = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: ANALYSIS_STATE_KEY, ConsistentRead: true }),
    );
    if (!res.Item) return undefined;
    const { pk: _pk, sk: _sk, ...state } = res.Item;
    return state as AnalysisState;
  }

  async saveAnalysisState(state: AnalysisState): Promise<void> {
    await this.db.send(
      new PutCommand({ TableName: this.tableName, Item: { ...ANALYSIS_STATE_KEY, ...state } }),
    );
  }
}

function recountOf(item: Record<string, unknown>): RecountStatus {
  const { pk: _pk, sk: _sk, ...status } = item;
  return status as RecountStatus;
}
