import {
  type AttributeValue,
  BatchGetItemCommand,
  type BatchGetItemCommandOutput,
  QueryCommand as LowLevelQuery,
} from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { CONTRIBUTION_RULES, type ContributionRules } from '../ingest/contribution.js';
import type { CounterRow, TrendStore } from '../ports.js';
import { sumCounterRows } from '../trends/counter-rows.js';
import type { PeriodGranularity } from '../trends/periods.js';
import type { Granularity } from '../trends/time.js';
import { counterItemSks, unpackCounterItem } from './counter-items.js';
import { topicCounterPk } from './keys.js';

export type DynamoStoreOptions = {
  /** Items each topic's counters are spread over (readers sum them): the writers' value, only ever raised. */
  readonly counterShards?: number;
  /** Contribution rules by version (a test brings its own; CONTRIBUTION_RULES otherwise). */
  readonly contributionRules?: readonly ContributionRules[];
};

/**
 * The topic counters as the read side sees them: trends (packed month and day items read by key),
 * totals, and which months and days hold articles now (listings start from these). One table;
 * see table.ts for the item layout. DynamoReads adds the article, listing and rejection reads.
 */
export class DynamoCounterReads implements TrendStore {
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
    period?: PeriodGranularity,
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
      if (topic !== undefined)
        rows.get(topic)?.push(...unpackCounterItem(item, granularity, from, to, period));
    }
    return new Map([...rows].map(([topic, list]) => [topic, sumByBucket(list)]));
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

  /**
   * Months between two `yyyy-mm` (inclusive) in which the topic has articles now, newest first:
   * from the topic's day counters (one packed item per month and shard, read by key range), so a
   * month once touched and since emptied (a mistyped date corrected, a deleted README) is not one.
   */
  async activeMonths(topic: string, fromMonth: string, toMonth: string): Promise<string[]> {
    const months = new Set((await this.activeDays(topic, fromMonth, toMonth)).map((d) => d.slice(0, 7)));
    return [...months].sort().reverse();
  }

  /** First and last day with an article of the topic now (empty counter rows left out). */
  async dayBounds(topic: string): Promise<{ first: string; last: string } | undefined> {
    const days = await this.activeDays(topic, '0000-00', '9999-99');
    const [first, last] = [days[0], days.at(-1)];
    return first && last ? { first, last } : undefined;
  }

  /** Days of the months between two `yyyy-mm` with articles of the topic (shards summed), in order. */
  private async activeDays(topic: string, fromMonth: string, toMonth: string): Promise<string[]> {
    const perShard = await Promise.all(
      this.shards.map((shard) =>
        this.partitionItems(topicCounterPk(topic, 'day', shard), [fromMonth, toMonth]),
      ),
    );
    const articles = new Map<string, number>();
    for (const row of perShard.flat().flatMap((item) => unpackCounterItem(item, 'day', '', '\uffff'))) {
      articles.set(row.bucket, (articles.get(row.bucket) ?? 0) + row.articles);
    }
    return [...articles].flatMap(([day, n]) => (n > 0 ? [day] : [])).sort();
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
  return sumCounterRows(rows, (r) => r.bucket).sort((a, b) =>
    a.bucket < b.bucket ? -1 : a.bucket > b.bucket ? 1 : 0,
  );
}
