import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { ArticleRecord } from '../ingest/article.js';
import { OWN_UNIQUE } from '../ingest/unique.js';
import type { ArticleCommit } from '../ports.js';
import { counterItemUpdates } from './counter-items.js';
import { itemBytes } from './item-size.js';
import { replacedRejection } from './keys.js';

/** The shape of a transaction's planning and failures (the DynamoStore writes them). */
export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/**
 * A record is replaced only if it is still the one the change was computed from: same sequencer
 * and same revision (records from before revisions have none), or still absent.
 */
export function recordCondition(previous: ArticleRecord | undefined) {
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
export const MAX_TRANSACTION_ITEMS = 100;
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
    const own =
      1 +
      c.change.put.length +
      c.change.remove.length +
      (c.rejection ? 1 : 0) +
      (replacedRejection(c.previous, c.next) ? 1 : 0) +
      new Set(c.change.presence.map((d) => d.cluster)).size;
    const adds = new Map<string, string[]>();
    // Unique amounts land on the counters of its presence changes: every one they may add.
    const unique = c.change.presence.map((d) => ({
      counter: d.counter,
      add: d.counter.granularity === 'day' ? OWN_UNIQUE.day : OWN_UNIQUE.hour,
    }));
    for (const u of [...counterItemUpdates(c.change.counters), ...counterItemUpdates(unique)]) {
      const key = `${u.key.pk}\u0000${u.key.sk}`;
      adds.set(key, [...new Set([...(adds.get(key) ?? []), ...Object.keys(u.add)])]);
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

/**
 * The commits (by position) whose record failed its condition, when that is the only reason a
 * transaction was cancelled; undefined for any other failure (a conflict, a refused item).
 */
export function conditionFailures(err: unknown, owners: readonly number[]): Set<number> | undefined {
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
export const TOPICS_GUARD = -2;
/** An owner of transaction items that is an entity part's growth condition (entity-parts.ts). */
export const ENTITY_PART_FULL = -3;
/** An owner of transaction items that is a cluster item, conditional on its revision (cluster-items.ts). */
export const CLUSTER_STALE = -4;

/** Whether the transaction was cancelled by a failed condition on an item of `owner`. */
export function failedAt(err: unknown, owners: readonly number[], owner: number): boolean {
  if (
    !(err instanceof TransactionCanceledException) &&
    (err as { name?: string }).name !== 'TransactionCanceledException'
  )
    return false;
  const reasons = (err as TransactionCanceledException).CancellationReasons ?? [];
  return reasons.some((r, i) => r.Code === 'ConditionalCheckFailed' && owners[i] === owner);
}

/** The article record changed under us (condition failed) or another transaction held an item. */
export function isLostRace(err: unknown): boolean {
  const name = (err as { name?: string }).name;
  if (name === 'TransactionConflictException') return true;
  if (!(err instanceof TransactionCanceledException) && name !== 'TransactionCanceledException') return false;
  const reasons = (err as TransactionCanceledException).CancellationReasons ?? [];
  return reasons.some((r) => r.Code === 'ConditionalCheckFailed' || r.Code === 'TransactionConflict');
}
