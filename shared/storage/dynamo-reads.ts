import { BatchGetCommand, type BatchGetCommandOutput, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { CopyEntry } from '../copies/cluster.js';
import { UnavailableError } from '../errors.js';
import { type ArticleRecord, articleIdOf } from '../ingest/article.js';
import { parseEntityAttribute } from '../ingest/contribution.js';
import type {
  ArticleReader,
  BreakdownCount,
  BreakdownReader,
  ClusterReader,
  EntityCount,
  ListingPage,
  RejectionPage,
  RejectionReader,
} from '../ports.js';
import type { BreakdownDim } from '../trends/breakdown.js';
import { fromArticleItem } from './article-item.js';
import { readBreakdownTally } from './breakdown-tally.js';
import { clusterKey } from './cluster-items.js';
import { DynamoCopyIndex } from './copy-index.js';
import { DynamoCounterReads } from './counter-reads.js';
import { articleKey, entityCounterPk, listingPk, REJECTIONS_PK } from './keys.js';
import { newestFirst } from './queries.js';

export type { DynamoStoreOptions } from './counter-reads.js';

/**
 * The read side of the DynamoDB adapter: the counters' reads (DynamoCounterReads), and articles,
 * listing entries, entity counters and rejections, by key and key range only. DynamoStore adds
 * the writes.
 */
export class DynamoReads
  extends DynamoCounterReads
  implements ArticleReader, RejectionReader, BreakdownReader, ClusterReader
{
  async clusterPresence(cluster: string): Promise<ReadonlyMap<string, number>> {
    const res = await this.db.send(new GetCommand({ TableName: this.tableName, Key: clusterKey(cluster) }));
    const { pk: _pk, sk: _sk, rev: _rev, ...presence } = res.Item ?? {};
    return new Map(Object.entries(presence).map(([k, v]) => [k, Number(v)]));
  }

  copiesNear(keys: readonly string[], publishedAt: string): Promise<CopyEntry[]> {
    return new DynamoCopyIndex(this.db, this.tableName).candidates(keys, publishedAt);
  }

  async getArticle(key: string): Promise<ArticleRecord | undefined> {
    return this.getArticleById(articleIdOf(key));
  }

  async getArticleById(id: string): Promise<ArticleRecord | undefined> {
    const res = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: articleKey(id), ConsistentRead: true }),
    );
    return res.Item ? fromArticleItem(res.Item, this.rules) : undefined;
  }

  /** Listing entries of one topic-month between two sort keys (inclusive), newest first. */
  async listMonth(
    topic: string,
    month: string,
    range: { from: string; to: string },
    limit: number,
    after: string | undefined,
  ): Promise<ListingPage> {
    const res = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':pk': listingPk(topic, month), ':from': range.from, ':to': range.to },
        ScanIndexForward: false,
        Limit: limit,
        ...(after ? { ExclusiveStartKey: { pk: listingPk(topic, month), sk: after } } : {}),
      }),
    );
    return {
      entries: (res.Items ?? []).map((i) => ({ sortKey: String(i.sk), id: String(i.id) })),
      more: res.LastEvaluatedKey !== undefined,
    };
  }

  /**
   * Article records by id, in the order asked (missing ones left out). Throttled keys are retried
   * with backoff; still unread after 5 attempts, the read fails (UnavailableError), never short.
   */
  async getArticles(ids: readonly string[]): Promise<ArticleRecord[]> {
    const found = new Map<string, ArticleRecord>();
    for (let i = 0; i < ids.length; i += 100) {
      let keys: Record<string, unknown>[] | undefined = ids.slice(i, i + 100).map(articleKey);
      for (let attempt = 0; keys && keys.length > 0 && attempt < 5; attempt++) {
        const res: BatchGetCommandOutput = await this.db.send(
          new BatchGetCommand({ RequestItems: { [this.tableName]: { Keys: keys } } }),
        );
        for (const item of res.Responses?.[this.tableName] ?? []) {
          const record = fromArticleItem(item, this.rules);
          found.set(record.id, record);
        }
        keys = res.UnprocessedKeys?.[this.tableName]?.Keys;
        if (keys && keys.length > 0) await new Promise((r) => setTimeout(r, 20 * 2 ** attempt));
      }
      // Never a short page whose cursor moves past the records it could not read.
      if (keys && keys.length > 0) {
        throw new UnavailableError(
          `${keys.length} article records stayed unread after 5 throttled batch reads`,
        );
      }
    }
    return ids.flatMap((id) => found.get(id) ?? []);
  }

  /** The entities of one day: its hour items and their parts (entity-parts.ts) summed. */
  async entityDay(day: string): Promise<EntityCount[]> {
    // 24 hour items and their parts: more than one page of 1 MB on a busy day.
    const merged = new Map<string, { type: string; name: string; articles: number; mentions: number }>();
    for (const item of await this.partitionItems(entityCounterPk(day))) {
      for (const [attr, amount] of Object.entries(item)) {
        const e = parseEntityAttribute(attr);
        if (!e) continue;
        const id = `${e.type}|${e.name}`;
        const row = merged.get(id) ?? { type: e.type, name: e.name, articles: 0, mentions: 0 };
        if (e.field === 'm') row.mentions += Number(amount);
        else row.articles += Number(amount);
        merged.set(id, row);
      }
    }
    return [...merged.values()].filter((e) => e.articles !== 0 || e.mentions !== 0);
  }

  /**
   * A topic's breakdown of one day by source or language: the same hour items, their breakdown
   * tallies (breakdown-tally.ts), one row per value and part (the domain sums them).
   */
  async breakdownDay(day: string, topic: string, dim: BreakdownDim): Promise<BreakdownCount[]> {
    const rows: BreakdownCount[] = [];
    for (const item of await this.partitionItems(entityCounterPk(day))) {
      for (const [name, text] of Object.entries(item)) {
        const row = readBreakdownTally(name, text, topic, dim);
        if (row) rows.push(row);
      }
    }
    return rows;
  }

  async listRejections(limit: number, after: string | undefined): Promise<RejectionPage> {
    const page = await newestFirst(this.db, this.tableName, REJECTIONS_PK, limit, after);
    const items = page.items.map((i) => ({ key: String(i.key), reason: String(i.reason), at: String(i.at) }));
    return { items, next: page.next };
  }
}
