import { createHash } from 'node:crypto';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { ArticleRecord, Rejection } from '../ingest/article.js';
import type { ContributionChange } from '../ingest/contribution.js';
import { StalePresenceError } from '../ingest/unique.js';
import type { ArticleCommit, GroupIngestStore } from '../ports.js';
import { TopicsChangedError } from '../topics/live.js';
import { toArticleItem } from './article-item.js';
import { type ClusterState, clusterWrites, readClusters } from './cluster-items.js';
import { counterItemUpdates } from './counter-items.js';
import { DynamoReads } from './dynamo-reads.js';
import {
  ENTITY_PART_BYTES,
  entityHourId,
  GROWTH_ATTRIBUTE,
  placeEntities,
  updateGrowth,
} from './entity-parts.js';
import { membershipKey, rejectionKey, replacedRejection, TOPICS_VERSION_KEY } from './keys.js';
import {
  CLUSTER_STALE,
  conditionFailures,
  ENTITY_PART_FULL,
  failedAt,
  isLostRace,
  MAX_TRANSACTION_ITEMS,
  planTransactions,
  recordCondition,
  TOPICS_GUARD,
  type TransactItem,
} from './transactions.js';

export type { DynamoStoreOptions } from './dynamo-reads.js';

/** Rounds of a group whose cluster items changed under it before its articles report lost races. */
const MAX_CLUSTER_RETRIES = 4;

export { MAX_UPDATE_ATTRIBUTES, planTransactions } from './transactions.js';

/**
 * DynamoDB adapter of the ingest and read ports: the reads of DynamoReads, and the writes — each
 * article change one conditional transaction, a batch's articles grouped (transactions.ts plans
 * them). One table; see table.ts for the item layout.
 */
export class DynamoStore extends DynamoReads implements GroupIngestStore {
  /** Per hour (`2022-11-10T07`), the lowest entity part not known to be full (entity-parts.ts). */
  private readonly openEntityParts = new Map<string, number>();

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
  async commitArticles(
    given: readonly ArticleCommit[],
    clusterRetries = 0,
  ): Promise<PromiseSettledResult<boolean>[]> {
    const commits = given.map((c) => placeEntities(c, this.openEntityParts));
    const results: PromiseSettledResult<boolean>[] = commits.map(() => ({
      status: 'fulfilled',
      value: false,
    }));
    for (const group of planTransactions(commits)) {
      const members = group.map((i) => commits[i] as ArticleCommit);
      const presence = members.flatMap((c) => c.change.presence);
      const clusters = presence.length
        ? await readClusters(this.db, this.tableName, [...new Set(presence.map((d) => d.cluster))])
        : new Map<string, ClusterState>();
      let built: ReturnType<typeof this.transaction>;
      try {
        built = this.transaction(members, clusters);
      } catch (err) {
        if (!(err instanceof StalePresenceError)) throw err;
        // Some record changed since its caller read it: alone, that commit is a lost race (its
        // caller re-reads); the others of its group are committed one by one.
        if (group.length > 1) await this.commitAlone(commits, group, results);
        continue;
      }
      const { items, owners, entityParts } = built;
      try {
        await this.send(items);
        for (const i of group) results[i] = { status: 'fulfilled', value: true };
        continue;
      } catch (err) {
        // A cluster changed since it was read: the same articles again, from a fresh read (after
        // a few rounds, a lost race each: their callers re-read their records too).
        if (failedAt(err, owners, CLUSTER_STALE) && clusterRetries < MAX_CLUSTER_RETRIES) {
          const again = await this.commitArticles(members, clusterRetries + 1);
          group.forEach((i, j) => {
            const r = again[j];
            if (r) results[i] = r;
          });
          continue;
        }
        // An hour's entity part is full: its articles go to the next part, all together again.
        const full = fullEntityParts(err, owners, entityParts);
        if (full.length > 0) {
          for (const { hour, part } of full)
            this.openEntityParts.set(hour, Math.max(this.openEntityParts.get(hour) ?? 0, part + 1));
          const again = await this.commitArticles(members);
          group.forEach((i, j) => {
            const r = again[j];
            if (r) results[i] = r;
          });
          continue;
        }
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
      await this.commitAlone(commits, group, results);
    }
    return results;
  }

  /** Commits each of a group's commits in a transaction of its own, into `results`. */
  private async commitAlone(
    commits: readonly ArticleCommit[],
    group: readonly number[],
    results: PromiseSettledResult<boolean>[],
  ): Promise<void> {
    for (const i of group) {
      const [alone] = await this.commitArticles([commits[i] as ArticleCommit]);
      if (alone) results[i] = alone;
    }
  }

  /**
   * The transaction of some commits, and for each of its items the commit it belongs to (-1:
   * shared; ENTITY_PART_FULL: an entity part whose growth condition may fail, in `entityParts`).
   */
  private transaction(
    commits: readonly ArticleCommit[],
    clusters: ReadonlyMap<string, ClusterState>,
  ): {
    items: TransactItem[];
    owners: number[];
    entityParts: Map<number, { hour: string; part: number }>;
  } {
    const TableName = this.tableName;
    const items: TransactItem[] = [];
    const owners: number[] = [];
    const entityParts = new Map<number, { hour: string; part: number }>();
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
        items.push({ Put: { TableName, Item: { ...rejectionKey(rejection.at, next.id), ...rejection } } });
      }
      // The key's previous rejection leaves the list in the same transaction (keys.ts).
      const replaced = replacedRejection(previous, next);
      if (replaced) items.push({ Delete: { TableName, Key: replaced } });
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
          Key: TOPICS_VERSION_KEY,
          ConditionExpression: '#v = :v',
          ExpressionAttributeNames: { '#v': 'version' },
          ExpressionAttributeValues: { ':v': version },
        },
      });
    }
    // Unique counts: the clusters' items, each on the condition that it is the one read, and the
    // unique amounts their changes make (cluster-items.ts).
    const unique = clusterWrites(
      TableName,
      commits.flatMap((c) => c.change.presence),
      clusters,
    );
    for (const item of unique.items) {
      owners.push(CLUSTER_STALE);
      items.push(item);
    }
    for (const u of counterItemUpdates([...commits.flatMap((c) => c.change.counters), ...unique.counters])) {
      const entries = Object.entries(u.add);
      // An entity part that grows takes the condition that it is not full yet.
      const growth = u.counter.kind === 'entities' ? updateGrowth(u.add) : 0;
      if (growth > 0 && u.counter.kind === 'entities') {
        entityParts.set(items.length, { hour: entityHourId(u.counter), part: u.counter.part ?? 0 });
        entries.push([GROWTH_ATTRIBUTE, growth]);
      }
      owners.push(growth > 0 ? ENTITY_PART_FULL : -1);
      const g = entries.length - 1;
      items.push({
        Update: {
          TableName,
          Key: u.key,
          UpdateExpression: `ADD ${entries.map((_, i) => `#a${i} :v${i}`).join(', ')}`,
          ...(growth > 0 ? { ConditionExpression: `attribute_not_exists(#a${g}) OR #a${g} < :cap` } : {}),
          ExpressionAttributeNames: Object.fromEntries(entries.map(([attr], i) => [`#a${i}`, attr])),
          ExpressionAttributeValues: {
            ...Object.fromEntries(entries.map(([, amount], i) => [`:v${i}`, amount])),
            ...(growth > 0 ? { ':cap': ENTITY_PART_BYTES } : {}),
          },
        },
      });
    }
    return { items, owners, entityParts };
  }

  private async send(items: TransactItem[]): Promise<void> {
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
    await this.db.send(new TransactWriteCommand({ TransactItems: items, ClientRequestToken: token }));
  }
}

/** The entity parts whose growth condition cancelled the transaction. */
function fullEntityParts(
  err: unknown,
  owners: readonly number[],
  parts: ReadonlyMap<number, { hour: string; part: number }>,
): { hour: string; part: number }[] {
  if (!failedAt(err, owners, ENTITY_PART_FULL)) return [];
  const reasons = (err as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
  return reasons.flatMap((r, i) => {
    const part = parts.get(i);
    return r.Code === 'ConditionalCheckFailed' && part ? [part] : [];
  });
}
