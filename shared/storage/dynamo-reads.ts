import {
  type AttributeValue,
  BatchGetItemCommand,
  type BatchGetItemCommandOutput,
  QueryCommand as LowLevelQuery,
} from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
} from '@aws-sdk/lib-dynamodb';
import type { ArticleReader, ListingPage, RejectionPage, RejectionReader } from '../api/ports.js';
import { UnavailableError } from '../errors.js';
import { type ArticleRecord, articleIdOf } from '../ingest/article.js';
import { CONTRIBUTION_RULES, type ContributionRules } from '../ingest/contribution.js';
import type { Granularity } from '../trends/time.js';
import type { CounterRow, TrendStore } from '../trends/trend.js';
import { fromArticleItem } from './article-item.js';
import { counterItemSks, unpackCounterItem } from './counter-items.js';
import { articleKey, entityCounterPk, listingPk, REJECTIONS_PK, topicCounterPk } from './keys.js';

export type DynamoStoreOptions = {
  /** Items each topic's counters are spread over (readers sum them): the writers' value, only ever raised. */
  readonly counterShards?: number;
  /** Contribution rules by version (a test brings its own; CONTRIBUTION_RULES otherwise). */
  readonly contributionRules?: readonly ContributionRules[];
};

/**
 * The read side of the DynamoDB adapter (trends, articles, listings, entities, rejections): by
 * key and key range only, one table (see table.ts for the item layout). DynamoStore adds the writes.
 */
export class DynamoReads implements TrendStore, ArticleReader, RejectionReader {
  protected readonly shards: readonly number[];
  protected readonly rules: readonly ContributionRules[];

  constructor(
    protected readonly db: DynamoDBDocumentClient,
    protected readonly tableName: string,
    options: DynamoStoreOptions = {},
  ) {
    this.rules = options.contributionRules ?? CONTRIBUTION_RULES;
    this.shards = Array.from({ length: Math.max(1, options.counterShards ?? 1) }, (_, i) => i);
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

  /**
   * The counter rows of several topics between two bucket keys: every packed item of the range is
   * known by key (a year: 13 month items per topic and shard), so they are read by BatchGetItem —
   * a trend's topic and `_all` in one request — not a Query per topic. Shards are summed.
   */
  async countersOf(
    topics: readonly string[],
    granularity: Granularity,
    from: string,
    to: string,
  ): Promise<Map<string, CounterRow[]>> {
    const sks = counterItemSks(from, to, granularity);
    const keys: { topic: string; pk: string; sk: string }[] = [];
    for (const topic of new Set(topics)) {
      for (const shard of this.shards) {
        const pk = topicCounterPk(topic, granularity, shard);
        for (const sk of sks) keys.push({ topic, pk, sk });
      }
    }
    const topicOfPk = new Map(keys.map((k) => [k.pk, k.topic]));
    const chunks: (typeof keys)[] = [];
    for (let i = 0; i < keys.length; i += 100) chunks.push(keys.slice(i, i + 100));
    const items = (await Promise.all(chunks.map((chunk) => this.counterItemsByKey(chunk)))).flat();
    const rows = new Map<string, CounterRow[]>(topics.map((t) => [t, []]));
    for (const item of items) {
      const topic = topicOfPk.get(item.pk ?? '');
      if (topic !== undefined) rows.get(topic)?.push(...unpackCounterItem(item, granularity, from, to));
    }
    return new Map([...rows].map(([topic, list]) => [topic, sumByBucket(list)]));
  }

  /** One topic's counter rows (countersOf for one topic). */
  async queryCounters(
    topic: string,
    granularity: Granularity,
    from: string,
    to: string,
  ): Promise<CounterRow[]> {
    return (await this.countersOf([topic], granularity, from, to)).get(topic) ?? [];
  }

  /** Packed counter items by key (≤ 100), as strings; keys DynamoDB leaves unprocessed are asked again. */
  private async counterItemsByKey(
    keys: readonly { pk: string; sk: string }[],
  ): Promise<Record<string, string>[]> {
    const items: Record<string, string>[] = [];
    let pending: Record<string, AttributeValue>[] | undefined = keys.map((k) => ({
      pk: { S: k.pk },
      sk: { S: k.sk },
    }));
    for (let attempt = 0; pending && pending.length > 0; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 20 * 2 ** attempt)));
      if (attempt > 8)
        throw new Error(`counter items: ${pending.length} keys still unprocessed after ${attempt} attempts`);
      const res: BatchGetItemCommandOutput = await this.db.send(
        new BatchGetItemCommand({ RequestItems: { [this.tableName]: { Keys: pending } } }),
      );
      for (const item of res.Responses?.[this.tableName] ?? []) items.push(flatten(item));
      pending = res.UnprocessedKeys?.[this.tableName]?.Keys;
    }
    return items;
  }

  async totals(topic: string): Promise<{ articles: number; mentions: number }> {
    const perShard = await Promise.all(
      this.shards.map((shard) => this.partitionItems(topicCounterPk(topic, 'day', shard))),
    );
    let articles = 0;
    let mentions = 0;
    for (const row of perShard.flat().flatMap((item) => unpackCounterItem(item, 'day', '', '\uffff'))) {
      articles += row.articles;
      mentions += row.mentions;
    }
    return { articles, mentions };
  }

  /**
   * Every item of one partition, its numbers and strings as text: read with the low-level Query,
   * because tallies are cut from their decimal digits (the document client would turn each into
   * a number, then a BigInt, only for it to be printed again).
   */
  protected async partitionItems(pk: string, skRange?: [string, string]): Promise<Record<string, string>[]> {
    const items: Record<string, string>[] = [];
    let start: Record<string, AttributeValue> | undefined;
    do {
      const page = await this.db.send(
        new LowLevelQuery({
          TableName: this.tableName,
          KeyConditionExpression: skRange ? 'pk = :pk AND sk BETWEEN :a AND :b' : 'pk = :pk',
          ExpressionAttributeValues: {
            ':pk': { S: pk },
            ...(skRange ? { ':a': { S: skRange[0] }, ':b': { S: skRange[1] } } : {}),
          },
          ExclusiveStartKey: start,
        }),
      );
      for (const item of page.Items ?? []) items.push(flatten(item));
      start = page.LastEvaluatedKey;
    } while (start);
    return items;
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

  /** First and last day with a counter for the topic: bounds an open-ended listing. */
  /**
   * Months between two `yyyy-mm` (inclusive) in which the topic has articles now, newest first:
   * from the topic's day counters (one packed item per month and shard, read by key range), so a
   * month once touched and since emptied (a mistyped date corrected, a deleted README) is not one.
   */
  async activeMonths(topic: string, fromMonth: string, toMonth: string): Promise<string[]> {
    const perShard = await Promise.all(
      this.shards.map((shard) =>
        this.partitionItems(topicCounterPk(topic, 'day', shard), [fromMonth, toMonth]),
      ),
    );
    const articles = new Map<string, number>();
    for (const row of perShard.flat().flatMap((item) => unpackCounterItem(item, 'day', '', '\uffff'))) {
      const month = row.bucket.slice(0, 7);
      articles.set(month, (articles.get(month) ?? 0) + row.articles);
    }
    return [...articles]
      .filter(([, n]) => n > 0)
      .map(([m]) => m)
      .sort()
      .reverse();
  }

  /** First and last day with an article of the topic now (empty counter rows left out). */
  async dayBounds(topic: string): Promise<{ first: string; last: string } | undefined> {
    const months = await this.activeMonths(topic, '0000-00', '9999-99');
    const [newest, oldest] = [months[0], months.at(-1)];
    if (!newest || !oldest) return undefined;
    const days = async (month: string) =>
      (await this.countersOf([topic], 'day', `${month}-01`, `${month}-31`))
        .get(topic)
        ?.filter((r) => r.articles > 0) ?? [];
    const [last, first] = await Promise.all([days(newest), days(oldest)]);
    const firstDay = first[0]?.bucket;
    const lastDay = last.at(-1)?.bucket;
    return firstDay && lastDay ? { first: firstDay, last: lastDay } : undefined;
  }

  /** All entity counters of one day, its hours merged: attribute name → amount. */
  async entityDay(day: string): Promise<Record<string, number>> {
    // Up to 24 hour items, more than one page of 1 MB on a busy day.
    const merged: Record<string, number> = {};
    for (const item of await this.partitionItems(entityCounterPk(day))) {
      for (const [k, v] of Object.entries(item)) {
        if (k !== 'pk' && k !== 'sk') merged[k] = (merged[k] ?? 0) + Number(v);
      }
    }
    return merged;
  }

  async listRejections(limit: number, after: string | undefined): Promise<RejectionPage> {
    const res = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': REJECTIONS_PK },
        ScanIndexForward: false,
        Limit: limit,
        ...(after ? { ExclusiveStartKey: { pk: REJECTIONS_PK, sk: after } } : {}),
      }),
    );
    const items = (res.Items ?? []).map((i) => ({
      key: String(i.key),
      reason: String(i.reason),
      at: String(i.at),
    }));
    const last = res.LastEvaluatedKey?.sk;
    return { items, next: typeof last === 'string' ? last : undefined };
  }
}

/** A counter item's strings and numbers, all as their text. */
function flatten(item: Record<string, AttributeValue>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const name in item) {
    const v = item[name];
    const text = v?.N ?? v?.S;
    if (text !== undefined) flat[name] = text;
  }
  return flat;
}

/** Rows of several shards merged into one per bucket, in bucket order. */
function sumByBucket(rows: readonly CounterRow[]): CounterRow[] {
  const merged = new Map<string, CounterRow>();
  for (const r of rows) {
    const m = merged.get(r.bucket);
    merged.set(
      r.bucket,
      m
        ? {
            bucket: r.bucket,
            articles: m.articles + r.articles,
            mentions: m.mentions + r.mentions,
            sentMilli: m.sentMilli + r.sentMilli,
            positive: m.positive + r.positive,
            neutral: m.neutral + r.neutral,
            negative: m.negative + r.negative,
          }
        : r,
    );
  }
  return [...merged.values()].sort((a, b) => (a.bucket < b.bucket ? -1 : a.bucket > b.bucket ? 1 : 0));
}
