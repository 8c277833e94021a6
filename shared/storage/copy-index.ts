import {
  BatchWriteCommand,
  type BatchWriteCommandInput,
  type DynamoDBDocumentClient,
  QueryCommand,
} from '@aws-sdk/lib-dynamodb';
import { COPY_WINDOW_DAYS, type CopyEntry } from '../copies/cluster.js';
import { decodeSignature, encodeSignature } from '../copies/signature.js';
import type { CopyIndex } from '../ports.js';
import { copyEntryKey, copyKeyPk } from './keys.js';

/** A key shared by more articles of a fortnight than this is a common passage: the rest are not read. */
const MAX_CANDIDATES_PER_KEY = 50;
const DAY_MS = 86_400_000;
const MAX_BATCH_ATTEMPTS = 8;
type WriteRequest = NonNullable<BatchWriteCommandInput['RequestItems']>[string][number];

/**
 * The copy index: one item per article and LSH key, `COPY#<key>` / `<publishedAt>#<id>`, holding
 * the article's cluster and signature, so that the candidates of a new article and their
 * signatures come from one query per key, within the copy window, and no record is read. Each
 * item is under 1 KB (one write unit): the signature is a binary attribute of at most 643 bytes
 * (213 hashes of 3 bytes and the shingle count; ~660 bytes an item with its keys, id and cluster).
 * An entry of an earlier method (its signature a base64 string) is not read.
 */
export class DynamoCopyIndex implements CopyIndex {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async candidates(keys: readonly string[], publishedAt: string): Promise<CopyEntry[]> {
    const at = Date.parse(publishedAt);
    const from = new Date(at - COPY_WINDOW_DAYS * DAY_MS).toISOString();
    const to = `${new Date(at + COPY_WINDOW_DAYS * DAY_MS).toISOString()}~`;
    const pages = await Promise.all(
      keys.map((key) =>
        this.db.send(
          new QueryCommand({
            TableName: this.tableName,
            KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
            ExpressionAttributeValues: { ':pk': copyKeyPk(key), ':from': from, ':to': to },
            Limit: MAX_CANDIDATES_PER_KEY,
          }),
        ),
      ),
    );
    const byId = new Map<string, CopyEntry>();
    for (const item of pages.flatMap((p) => p.Items ?? [])) {
      const entry = entryOf(item);
      if (entry) byId.set(entry.id, entry);
    }
    return [...byId.values()];
  }

  async put(keys: readonly string[], entry: CopyEntry): Promise<void> {
    const attributes = {
      id: entry.id,
      cluster: entry.cluster,
      clusterStart: entry.clusterStart,
      signature: encodeSignature(entry.signature),
    };
    await this.write(
      keys.map((key) => ({
        PutRequest: { Item: { ...copyEntryKey(key, entry.publishedAt, entry.id), ...attributes } },
      })),
    );
  }

  async remove(
    keys: readonly string[],
    entry: { readonly id: string; readonly publishedAt: string },
  ): Promise<void> {
    await this.write(
      keys.map((key) => ({ DeleteRequest: { Key: copyEntryKey(key, entry.publishedAt, entry.id) } })),
    );
  }

  /**
   * One BatchWriteItem for an article's entries (at most 25; an article has four) instead of a
   * request each. Items DynamoDB leaves unprocessed (throttling) are sent again after a pause that
   * doubles: they are idempotent puts and deletes.
   */
  private async write(requests: WriteRequest[]): Promise<void> {
    let pending = requests;
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt >= MAX_BATCH_ATTEMPTS)
        throw new Error(`copy index: ${pending.length} entries still unprocessed after ${attempt} attempts`);
      if (attempt > 0) await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
      const res = await this.db.send(new BatchWriteCommand({ RequestItems: { [this.tableName]: pending } }));
      pending = res.UnprocessedItems?.[this.tableName] ?? [];
    }
  }
}

function entryOf(item: Record<string, unknown>): CopyEntry | undefined {
  const { sk, id, cluster, clusterStart, signature } = item;
  if (typeof sk !== 'string' || typeof id !== 'string' || typeof cluster !== 'string') return undefined;
  const decoded = decodeSignature(signature);
  if (!decoded) return undefined;
  const publishedAt = sk.slice(0, sk.lastIndexOf('#'));
  return {
    id,
    cluster,
    clusterStart: typeof clusterStart === 'string' ? clusterStart : publishedAt,
    publishedAt,
    signature: decoded,
  };
}
