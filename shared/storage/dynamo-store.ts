import { createHash } from 'node:crypto';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  paginateQuery,
  QueryCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { type ArticleRecord, articleIdOf, type Rejection } from '../ingest/article.js';
import type { CounterDelta } from '../ingest/contribution.js';
import type { IngestStore } from '../ingest/process.js';
import type { Granularity } from '../trends/time.js';
import type { CounterRow, TrendStore } from '../trends/trend.js';
import { ARTICLES_INDEX_PK, articleKey, counterKey, REJECTIONS_PK, topicCounterPk } from './keys.js';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** DynamoDB adapter of the ingest and trend ports: one table, see table.ts for the item layout. */
export class DynamoStore implements IngestStore, TrendStore {
  /** Committed transactions and the write units DynamoDB reported for them. */
  readonly stats = { transactions: 0, writeUnits: 0 };

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async getArticle(key: string): Promise<ArticleRecord | undefined> {
    return this.getArticleById(articleIdOf(key));
  }

  async getArticleById(id: string): Promise<ArticleRecord | undefined> {
    const res = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: articleKey(id), ConsistentRead: true }),
    );
    if (!res.Item) return undefined;
    const { pk: _pk, sk: _sk, gsi1pk: _g1, gsi1sk: _g2, ...record } = res.Item;
    return record as ArticleRecord;
  }

  /**
   * One transaction: the article record (conditional on the previous record's sequencer, or on
   * its absence), an ADD update per counter item, and the rejection if any. Write cost: 2 WCU per
   * item (transactional writes cost double), so 2 × (1 + counters) per article; 14 for an article
   * that mentions both default topics and a few entities, plus 2 for a rejection record.
   * The ClientRequestToken is derived from the key and both sequencers: a replay of the same
   * transaction within DynamoDB's 10-minute window is a no-op instead of a double count.
   */
  async commitArticle(
    next: ArticleRecord,
    previous: ArticleRecord | undefined,
    deltas: readonly CounterDelta[],
    rejection: Rejection | undefined,
  ): Promise<boolean> {
    const items: TransactItem[] = [
      {
        Put: {
          TableName: this.tableName,
          Item: {
            ...articleKey(next.id),
            ...(next.status === 'active' && next.publishedAt
              ? { gsi1pk: ARTICLES_INDEX_PK, gsi1sk: `${next.publishedAt}#${next.id}` }
              : {}),
            ...next,
          },
          ...(previous
            ? {
                ConditionExpression: 'sequencer = :prev',
                ExpressionAttributeValues: { ':prev': previous.sequencer },
              }
            : { ConditionExpression: 'attribute_not_exists(pk)' }),
        },
      },
    ];
    for (const d of deltas) {
      const names: Record<string, string> = {};
      const values: Record<string, number> = {};
      const parts: string[] = [];
      Object.entries(d.add).forEach(([attr, amount], i) => {
        names[`#a${i}`] = attr;
        values[`:v${i}`] = amount;
        parts.push(`#a${i} :v${i}`);
      });
      items.push({
        Update: {
          TableName: this.tableName,
          Key: counterKey(d.counter),
          UpdateExpression: `ADD ${parts.join(', ')}`,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        },
      });
    }
    if (rejection) {
      items.push({
        Put: {
          TableName: this.tableName,
          Item: { pk: REJECTIONS_PK, sk: `${rejection.at}#${next.id}`, ...rejection },
        },
      });
    }
    if (items.length > 100) throw new Error(`transaction of ${items.length} items exceeds DynamoDB's 100`);
    const token = createHash('sha256')
      .update(`${next.key}\n${previous?.sequencer ?? '-'}\n${next.sequencer}`)
      .digest('hex')
      .slice(0, 36);
    try {
      const res = await this.db.send(
        new TransactWriteCommand({
          TransactItems: items,
          ClientRequestToken: token,
          ReturnConsumedCapacity: 'TOTAL',
        }),
      );
      this.stats.transactions++;
      this.stats.writeUnits += (res.ConsumedCapacity ?? []).reduce(
        (sum, c) => sum + (c.CapacityUnits ?? 0),
        0,
      );
      return true;
    } catch (err) {
      if (isLostRace(err)) return false;
      throw err;
    }
  }

  async queryCounters(
    topic: string,
    granularity: Granularity,
    from: string,
    to: string,
  ): Promise<CounterRow[]> {
    const rows: CounterRow[] = [];
    const pages = paginateQuery(
      { client: this.db },
      {
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':pk': topicCounterPk(topic, granularity), ':from': from, ':to': to },
      },
    );
    for await (const page of pages) {
      for (const item of page.Items ?? []) rows.push(toCounterRow(item));
    }
    return rows;
  }

  async totals(topic: string): Promise<{ articles: number; mentions: number }> {
    let articles = 0;
    let mentions = 0;
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': topicCounterPk(topic, 'day') },
          ProjectionExpression: 'articles, mentions',
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of page.Items ?? []) {
        articles += Number(item.articles ?? 0);
        mentions += Number(item.mentions ?? 0);
      }
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return { articles, mentions };
  }
}

function toCounterRow(item: Record<string, unknown>): CounterRow {
  const n = (k: string) => Number(item[k] ?? 0);
  return {
    bucket: String(item.sk),
    articles: n('articles'),
    mentions: n('mentions'),
    sentMilli: n('sentMilli'),
    positive: n('pos'),
    neutral: n('neu'),
    negative: n('neg'),
  };
}

/** The article record changed under us (condition failed) or another transaction held an item. */
function isLostRace(err: unknown): boolean {
  if (
    !(err instanceof TransactionCanceledException) &&
    (err as { name?: string }).name !== 'TransactionCanceledException'
  ) {
    return (err as { name?: string }).name === 'TransactionConflictException';
  }
  const reasons = (err as TransactionCanceledException).CancellationReasons ?? [];
  return reasons.some((r) => r.Code === 'ConditionalCheckFailed' || r.Code === 'TransactionConflict');
}
