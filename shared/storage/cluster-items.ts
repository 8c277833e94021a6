import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import type { CounterDelta } from '../ingest/contribution.js';
import { type PresenceDelta, uniqueChange } from '../ingest/unique.js';
import type { TransactItem } from './transactions.js';

/**
 * Cluster items: `CLU#<cluster>` / `CLU`, one per copy cluster with articles that count for a
 * topic, holding how many of its articles count in each topic's day and hour (`d|2022-11-10|kherson`
 * → 3; shared/ingest/unique.ts) and a revision `rev`. A transaction that changes a cluster's
 * presences reads the item (strongly consistent) and writes it back on the condition that `rev`
 * is still the one read, so the unique amounts it adds follow from the presences it replaced: a
 * concurrent change of the same cluster cancels one of the two, which is committed again from a
 * fresh read. An item whose last presence goes is deleted.
 *
 * What bounds it: one attribute per topic and day or hour in which the cluster has articles, and a
 * cluster's articles lie within 7 days of its start (shared/copies/cluster.ts): at most 15 days
 * and 360 hours a topic. A story that runs for three days under two topics holds ~150 attributes
 * (~4 KB); the worst, 14 topics over all 375 buckets, ~5 250 attributes (~170 KB), under
 * DynamoDB's 400 KB. It is hot only while its copies arrive: copies in one SQS batch share one
 * write; copies in concurrent batches retry.
 */
export const clusterKey = (cluster: string) => ({ pk: `CLU#${cluster}`, sk: 'CLU' });

export type ClusterState = {
  readonly rev: number | undefined;
  readonly presence: ReadonlyMap<string, number>;
};

const MAX_ATTEMPTS = 8;

/** The stored state of clusters (absent: no presence yet), read strongly consistent. */
export async function readClusters(
  db: DynamoDBDocumentClient,
  tableName: string,
  clusters: readonly string[],
): Promise<Map<string, ClusterState>> {
  const states = new Map<string, ClusterState>();
  for (let i = 0; i < clusters.length; i += 100) {
    let pending: Record<string, unknown>[] | undefined = clusters.slice(i, i + 100).map(clusterKey);
    for (let attempt = 0; pending && pending.length > 0; attempt++) {
      if (attempt >= MAX_ATTEMPTS)
        throw new Error(`cluster items: ${pending.length} keys still unprocessed after ${attempt} attempts`);
      if (attempt > 0) await new Promise((r) => setTimeout(r, 20 * 2 ** attempt));
      const res: BatchGetCommandOutput = await db.send(
        new BatchGetCommand({ RequestItems: { [tableName]: { Keys: pending, ConsistentRead: true } } }),
      );
      for (const item of res.Responses?.[tableName] ?? []) {
        const { pk, sk: _sk, rev, ...presence } = item;
        states.set(String(pk).slice(4), {
          rev: Number(rev),
          presence: new Map(Object.entries(presence).map(([k, v]) => [k, Number(v)])),
        });
      }
      pending = res.UnprocessedKeys?.[tableName]?.Keys;
    }
  }
  return states;
}

/**
 * The unique amounts of some presence changes and the conditional writes of their cluster items,
 * from the clusters' stored states.
 */
export function clusterWrites(
  tableName: string,
  deltas: readonly PresenceDelta[],
  states: ReadonlyMap<string, ClusterState>,
): { counters: CounterDelta[]; items: TransactItem[] } {
  const byCluster = new Map<string, PresenceDelta[]>();
  for (const d of deltas) byCluster.set(d.cluster, [...(byCluster.get(d.cluster) ?? []), d]);
  const counters: CounterDelta[] = [];
  const items: TransactItem[] = [];
  for (const [cluster, list] of byCluster) {
    const stored = states.get(cluster);
    const change = uniqueChange(stored?.presence ?? new Map(), list);
    counters.push(...change.counters);
    const Key = clusterKey(cluster);
    const condition = stored
      ? {
          ConditionExpression: '#rev = :rev',
          ExpressionAttributeNames: { '#rev': 'rev' },
          ExpressionAttributeValues: { ':rev': stored.rev },
        }
      : { ConditionExpression: 'attribute_not_exists(pk)' };
    if (change.next.size === 0 && stored) {
      items.push({ Delete: { TableName: tableName, Key, ...condition } });
    } else if (change.next.size > 0) {
      const Item = { ...Key, rev: (stored?.rev ?? 0) + 1, ...Object.fromEntries(change.next) };
      items.push({ Put: { TableName: tableName, Item, ...condition } });
    }
  }
  return { counters, items };
}
