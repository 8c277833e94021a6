import { createHash } from 'node:crypto';
import {
  type AttributeValue,
  BatchGetItemCommand,
  type BatchGetItemCommandOutput,
  QueryCommand as LowLevelQuery,
  TransactionCanceledException,
} from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { ArticleReader, ListingPage, RejectionPage, RejectionReader } from '../api/ports.js';
import { UnavailableError } from '../errors.js';
import { type ArticleRecord, articleIdOf, type Rejection } from '../ingest/article.js';
import {
  CONTRIBUTION_RULES,
  type ContributionChange,
  type ContributionRules,
} from '../ingest/contribution.js';
import type { ArticleCommit, GroupIngestStore } from '../ingest/process.js';
import { TopicsChangedError } from '../topics/live.js';
import type { Granularity } from '../trends/time.js';
import type { CounterRow, TrendStore } from '../trends/trend.js';
import { fromArticleItem, toArticleItem } from './article-item.js';
import { counterItemSks, counterItemUpdates, unpackCounterItem } from './counter-items.js';
import { itemBytes, transactionalWriteUnits } from './item-size.js';
import {
  articleKey,
  entityCounterPk,
  listingPk,
  membershipKey,
  REJECTIONS_PK,
  TOPICS_KEY,
  topicCounterPk,
} from './keys.js';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** DynamoDB adapter of the ingest and read ports: one table, see table.ts for the item layout. */
export class DynamoStore implements GroupIngestStore, TrendStore, ArticleReader, RejectionReader {
  /**
   * Committed transactions, their items, the write units they cost by DynamoDB's billing rules
   * (billedWriteUnits: 2 per started KB per item; counter updates billed at their item size
   * after the update, an upper bound) and the units the server reported (DynamoDB Local's
   * figure differs from what AWS bills for transactions).
   */
  readonly stats = { transactions: 0, articles: 0, items: 0, billedWriteUnits: 0, reportedWriteUnits: 0 };

  private readonly shards: readonly number[];
  private readonly rules: readonly ContributionRules[];

  /**
   * `counterShards`: how many items each topic's counters are spread over; readers sum them.
   * It must be the value the writers use, and may only grow (a smaller value hides shards).
   */
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    options: {
      counterShards?: number;
      /** Contribution rules by version (a test brings its own; CONTRIBUTION_RULES otherwise). */
      contributionRules?: readonly ContributionRules[];
    } = {},
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

  async commitArticle(
    next: ArticleRecord,
    previous: ArticleRecord | undefined,
    change: ContributionChange,
    rejection: Rejection | undefined,
  ): Promise<boolean> {
    const [result] = await this.commitArticles([{ next, previous, change, rejection }]);
    if (!result) throw new Error('commitArticles returned no result');
    if (result.status === 'fulfilled') return result.value;
    throw result.reason;
  }

  /**
   * Commits articles in as few transactions as DynamoDB's limits allow (100 items, 4 MB). Each
   * transaction holds, per article, its record (conditional on the previous record's sequencer, or
   * on its absence), a Put or Delete per listing entry that appears or disappears and the rejection
   * if any; and one ADD update per counter item with the amounts of all its articles summed — ten
   * articles of the same day update the day's counters once. All or none: if the transaction
   * fails, its articles are committed one by one, so that one article's lost race or bad item
   * never costs the others their commit. A second commit of an article already in this call is a
   * lost race (false): the caller re-reads and decides again.
   */
  async commitArticles(commits: readonly ArticleCommit[]): Promise<PromiseSettledResult<boolean>[]> {
    const results: PromiseSettledResult<boolean>[] = commits.map(() => ({
      status: 'fulfilled',
      value: false,
    }));
    for (const group of planTransactions(commits)) {
      const members = group.map((i) => commits[i] as ArticleCommit);
      const { items, owners } = this.transaction(members);
      try {
        await this.send(items, members.length);
        for (const i of group) results[i] = { status: 'fulfilled', value: true };
        continue;
      } catch (err) {
        if (failedAt(err, owners, TOPICS_GUARD)) {
          const reason = new TopicsChangedError('the topics changed while the article was analysed');
          for (const i of group) results[i] = { status: 'rejected', reason };
          continue;
        }
        if (group.length === 1) {
          results[group[0] as number] = isLostRace(err)
            ? { status: 'fulfilled', value: false }
            : { status: 'rejected', reason: err };
          continue;
        }
        // Only some articles' records failed their condition (a duplicate, a lost race): they
        // report it, and the others are committed together again.
        const lost = conditionFailures(err, owners);
        if (lost) {
          for (const j of lost) results[group[j] as number] = { status: 'fulfilled', value: false };
          const rest = group.filter((_, j) => !lost.has(j));
          const again = await this.commitArticles(rest.map((i) => commits[i] as ArticleCommit));
          rest.forEach((i, j) => {
            const r = again[j];
            if (r) results[i] = r;
          });
          continue;
        }
      }
      // Anything else (a conflict on a shared item, an item DynamoDB refuses, throttling): one by
      // one, so that one article's problem never costs the others their commit.
      for (const i of group) {
        const [alone] = await this.commitArticles([commits[i] as ArticleCommit]);
        if (alone) results[i] = alone;
      }
    }
    return results;
  }

  /** The transaction of some commits, and for each of its items the commit it belongs to (-1: shared). */
  private transaction(commits: readonly ArticleCommit[]): { items: TransactItem[]; owners: number[] } {
    const TableName = this.tableName;
    const items: TransactItem[] = [];
    const owners: number[] = [];
    commits.forEach(({ next, previous, change, rejection }, owner) => {
      const first = items.length;
      items.push({
        Put: {
          TableName,
          Item: toArticleItem(next, this.rules),
          ...recordCondition(previous),
        },
      });
      for (const m of change.remove) items.push({ Delete: { TableName, Key: membershipKey(m) } });
      for (const m of change.put)
        items.push({ Put: { TableName, Item: { ...membershipKey(m), id: next.id } } });
      if (rejection) {
        items.push({
          Put: { TableName, Item: { pk: REJECTIONS_PK, sk: `${rejection.at}#${next.id}`, ...rejection } },
        });
      }
      for (let k = first; k < items.length; k++) owners.push(owner);
    });
    // Articles analysed under a run-time topic set commit only while that set is current.
    const guarded = new Set(
      commits.flatMap((c) => (c.next.topicsVersion === undefined ? [] : [c.next.topicsVersion])),
    );
    for (const version of guarded) {
      owners.push(TOPICS_GUARD);
      items.push({
        ConditionCheck: {
          TableName,
          Key: TOPICS_KEY,
          ConditionExpression: '#v = :v',
          ExpressionAttributeNames: { '#v': 'version' },
          ExpressionAttributeValues: { ':v': version },
        },
      });
    }
    for (const u of counterItemUpdates(commits.flatMap((c) => c.change.counters))) {
      owners.push(-1);
      const entries = Object.entries(u.add);
      items.push({
        Update: {
          TableName,
          Key: u.key,
          UpdateExpression: `ADD ${entries.map((_, i) => `#a${i} :v${i}`).join(', ')}`,
          ExpressionAttributeNames: Object.fromEntries(entries.map(([attr], i) => [`#a${i}`, attr])),
          ExpressionAttributeValues: Object.fromEntries(entries.map(([, amount], i) => [`:v${i}`, amount])),
        },
      });
    }
    return { items, owners };
  }

  private async send(items: TransactItem[], articles: number): Promise<void> {
    if (items.length > MAX_TRANSACTION_ITEMS)
      throw new Error(`transaction of ${items.length} items exceeds DynamoDB's ${MAX_TRANSACTION_ITEMS}`);
    // The token is a digest of the exact transaction: the SDK's own retries resend the same bytes
    // and are no-ops if the first attempt committed, while a transaction rebuilt later (an SQS
    // redelivery after a failure: new updatedAt) gets a new token instead of DynamoDB's
    // IdempotentParameterMismatch for a reused one.
    const token = createHash('sha256')
      .update(JSON.stringify(items, (_k, v) => (typeof v === 'bigint' ? `${v}n` : v)))
      .digest('base64url')
      .slice(0, 36);
    const res = await this.db.send(
      new TransactWriteCommand({
        TransactItems: items,
        ClientRequestToken: token,
        ReturnConsumedCapacity: 'TOTAL',
      }),
    );
    this.stats.transactions++;
    this.stats.articles += articles;
    this.stats.items += items.length;
    this.stats.billedWriteUnits += items.reduce(
      (sum, i) => sum + transactionalWriteUnits(transactItemBytes(i)),
      0,
    );
    this.stats.reportedWriteUnits += (res.ConsumedCapacity ?? []).reduce(
      (sum, c) => sum + (c.CapacityUnits ?? 0),
      0,
    );
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
  private async partitionItems(pk: string): Promise<Record<string, string>[]> {
    const items: Record<string, string>[] = [];
    let start: Record<string, AttributeValue> | undefined;
    do {
      const page = await this.db.send(
        new LowLevelQuery({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': { S: pk } },
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
  async dayBounds(topic: string): Promise<{ first: string; last: string } | undefined> {
    const edge = async (shard: number, forward: boolean) => {
      const res = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': topicCounterPk(topic, 'day', shard) },
          ScanIndexForward: forward,
          Limit: 1,
        }),
      );
      const item = res.Items?.[0];
      return item ? unpackCounterItem(item, 'day', '', '\uffff').map((r) => r.bucket) : [];
    };
    const edges = await Promise.all(this.shards.flatMap((shard) => [edge(shard, true), edge(shard, false)]));
    const days = edges.flat().sort();
    const first = days[0];
    const last = days.at(-1);
    return first && last ? { first, last } : undefined;
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

/**
 * A record is replaced only if it is still the one the change was computed from: same sequencer
 * and same revision (records from before revisions have none), or still absent.
 */
function recordCondition(previous: ArticleRecord | undefined) {
  if (!previous) return { ConditionExpression: 'attribute_not_exists(pk)' };
  return previous.rev === undefined
    ? {
        ConditionExpression: 'sequencer = :prev AND attribute_not_exists(#rev)',
        ExpressionAttributeNames: { '#rev': 'rev' },
        ExpressionAttributeValues: { ':prev': previous.sequencer },
      }
    : {
        ConditionExpression: 'sequencer = :prev AND #rev = :rev',
        ExpressionAttributeNames: { '#rev': 'rev' },
        ExpressionAttributeValues: { ':prev': previous.sequencer, ':rev': previous.rev },
      };
}

/** DynamoDB's limits on one TransactWriteItems call (items; bytes, kept under the 4 MB). */
const MAX_TRANSACTION_ITEMS = 100;
const MAX_TRANSACTION_BYTES = 3_500_000;
/**
 * Attributes one merged counter update may add: DynamoDB caps an expression at 4 KB, and each
 * `#aN :vN, ` takes up to 13 characters. A batch's articles of one hour merge their entities into
 * one update, which passes that cap at ~160 distinct entities.
 */
export const MAX_UPDATE_ATTRIBUTES = 250;

/**
 * Splits commits into transactions, in order, each within DynamoDB's limits once counter updates
 * are merged: items (the distinct counter items bound the merged updates), bytes, and attributes
 * per merged update. A second commit of the same article is left out of every transaction: it
 * reports a lost race.
 */
export function planTransactions(commits: readonly ArticleCommit[]): number[][] {
  const groups: number[][] = [];
  const seen = new Set<string>();
  let group: number[] = [];
  let attributes = new Map<string, Set<string>>();
  let ownItems = 0;
  let bytes = 0;
  const fits = (own: number, size: number, adds: Map<string, string[]>) => {
    let items = attributes.size;
    for (const [key, names] of adds) {
      const now = attributes.get(key);
      if (!now) items++;
      const merged = new Set([...(now ?? []), ...names]);
      if (merged.size > MAX_UPDATE_ATTRIBUTES) return false;
    }
    // One item is kept for the topic set's version check.
    return ownItems + own + items <= MAX_TRANSACTION_ITEMS - 1 && bytes + size <= MAX_TRANSACTION_BYTES;
  };
  commits.forEach((c, i) => {
    if (seen.has(c.next.id)) return;
    seen.add(c.next.id);
    const own = 1 + c.change.put.length + c.change.remove.length + (c.rejection ? 1 : 0);
    const adds = new Map<string, string[]>();
    for (const u of counterItemUpdates(c.change.counters)) {
      adds.set(`${u.key.pk}\u0000${u.key.sk}`, Object.keys(u.add));
    }
    const size = itemBytes(c.next) + 200 * (own + adds.size);
    if (group.length > 0 && !fits(own, size, adds)) {
      groups.push(group);
      group = [];
      attributes = new Map();
      ownItems = 0;
      bytes = 0;
    }
    for (const [key, names] of adds) {
      const set = attributes.get(key) ?? new Set<string>();
      for (const n of names) set.add(n);
      attributes.set(key, set);
    }
    group.push(i);
    ownItems += own;
    bytes += size;
  });
  if (group.length > 0) groups.push(group);
  return groups;
}

/** Bytes of the item a transaction item writes (a counter: keys and the attributes it adds). */
function transactItemBytes(i: TransactItem): number {
  if (i.Put?.Item) return itemBytes(i.Put.Item);
  if (i.Delete?.Key) return itemBytes(i.Delete.Key);
  if (i.Update?.Key) {
    const attrs = Object.fromEntries(
      Object.entries(i.Update.ExpressionAttributeNames ?? {}).map(([alias, name]) => [
        name,
        i.Update?.ExpressionAttributeValues?.[`:v${alias.slice(2)}`],
      ]),
    );
    return itemBytes({ ...i.Update.Key, ...attrs });
  }
  return 0;
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

/**
 * The commits (by position) whose record failed its condition, when that is the only reason a
 * transaction was cancelled; undefined for any other failure (a conflict, a refused item).
 */
function conditionFailures(err: unknown, owners: readonly number[]): Set<number> | undefined {
  if (
    !(err instanceof TransactionCanceledException) &&
    (err as { name?: string }).name !== 'TransactionCanceledException'
  )
    return undefined;
  const reasons = (err as TransactionCanceledException).CancellationReasons ?? [];
  const lost = new Set<number>();
  for (const [i, r] of reasons.entries()) {
    if (!r.Code || r.Code === 'None') continue;
    const owner = owners[i] ?? -1;
    if (r.Code !== 'ConditionalCheckFailed' || owner < 0) return undefined;
    lost.add(owner);
  }
  return lost.size > 0 ? lost : undefined;
}

/** An owner of transaction items that is the topic set's version check. */
const TOPICS_GUARD = -2;

/** Whether the transaction was cancelled by a failed condition on an item of `owner`. */
function failedAt(err: unknown, owners: readonly number[], owner: number): boolean {
  if (
    !(err instanceof TransactionCanceledException) &&
    (err as { name?: string }).name !== 'TransactionCanceledException'
  )
    return false;
  const reasons = (err as TransactionCanceledException).CancellationReasons ?? [];
  return reasons.some((r, i) => r.Code === 'ConditionalCheckFailed' && owners[i] === owner);
}

/** The article record changed under us (condition failed) or another transaction held an item. */
function isLostRace(err: unknown): boolean {
  const name = (err as { name?: string }).name;
  if (name === 'TransactionConflictException') return true;
  if (!(err instanceof TransactionCanceledException) && name !== 'TransactionCanceledException') return false;
  const reasons = (err as TransactionCanceledException).CancellationReasons ?? [];
  return reasons.some((r) => r.Code === 'ConditionalCheckFailed' || r.Code === 'TransactionConflict');
}
