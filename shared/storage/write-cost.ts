import type { DynamoDBDocumentClient, TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { itemBytes, transactionalWriteUnits } from './item-size.js';
import type { TransactItem } from './transactions.js';

/**
 * What the transactions a client committed cost: transactions, article records, items, the write
 * units DynamoDB bills by its rules (billedWriteUnits: 2 per started KB per item; a counter
 * update sized by its keys and the attributes it adds, so a lower bound for items that grew) and
 * the units the server reported (DynamoDB Local's figure differs from what AWS bills for
 * transactions). Failed transactions are left out.
 */
export type WriteCost = {
  transactions: number;
  articles: number;
  items: number;
  billedWriteUnits: number;
  reportedWriteUnits: number;
  /** Single-item puts and deletes (the copy index): 1 unit per started KB, billed like that. */
  itemWrites: number;
  itemWriteUnits: number;
  /** Queries (the copy index's candidates) and the read units DynamoDB Local reports for them. */
  queries: number;
  queryReadUnits: number;
  /** Items read by BatchGetItem strongly consistent (the cluster items), a unit per started 4 KB. */
  consistentBatchReads: number;
  consistentBatchReadUnits: number;
};

export type WriteCostWatch = {
  readonly cost: WriteCost;
  /** Every committed transaction as it was sent, for the benchmarks' own accounting. */
  readonly committed: TransactWriteCommandInput[];
  stop(): void;
};

let watches = 0;

/**
 * Watches the TransactWriteItems a client commits (to `tableName`, or to any table): SDK
 * middleware that the local stack, the tests and the benchmarks install. The production path never
 * sizes items or asks DynamoDB for consumed capacity.
 */
export function watchWriteCost(client: DynamoDBDocumentClient, tableName?: string): WriteCostWatch {
  const cost: WriteCost = {
    transactions: 0,
    articles: 0,
    items: 0,
    billedWriteUnits: 0,
    reportedWriteUnits: 0,
    itemWrites: 0,
    itemWriteUnits: 0,
    queries: 0,
    queryReadUnits: 0,
    consistentBatchReads: 0,
    consistentBatchReadUnits: 0,
  };
  const committed: TransactWriteCommandInput[] = [];
  const name = `trendwireWriteCost${watches++}`;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as TransactWriteCommandInput & SingleItemInput;
      const items = input.TransactItems;
      if (!items)
        return single(context.commandName, input, tableName, cost, (i) => next({ ...args, input: i }));
      if (tableName && !items.some((i) => tableOf(i) === tableName)) return next(args);
      const res = await next({ ...args, input: { ...input, ReturnConsumedCapacity: 'TOTAL' } });
      committed.push(input);
      cost.transactions++;
      cost.items += items.length;
      cost.articles += items.filter(isArticleRecord).length;
      cost.billedWriteUnits += items.reduce(
        (sum, i) => sum + transactionalWriteUnits(transactItemBytes(i)),
        0,
      );
      const consumed = (res.output as { ConsumedCapacity?: { CapacityUnits?: number }[] }).ConsumedCapacity;
      cost.reportedWriteUnits += (consumed ?? []).reduce((sum, c) => sum + (c.CapacityUnits ?? 0), 0);
      return res;
    },
    { step: 'initialize', name },
  );
  return { cost, committed, stop: () => void client.middlewareStack.remove(name) };
}

type SingleItemInput = {
  TableName?: string;
  RequestItems?: Record<
    string,
    { PutRequest?: { Item?: Record<string, unknown> }; DeleteRequest?: { Key?: Record<string, unknown> } }[]
  >;
  Item?: Record<string, unknown>;
  Key?: Record<string, unknown>;
};

/** Puts and deletes outside transactions (1 unit per started KB each), or a query (the read units reported). */
async function single<R extends { output: unknown }>(
  command: string | undefined,
  input: SingleItemInput,
  tableName: string | undefined,
  cost: WriteCost,
  send: (input: SingleItemInput) => Promise<R>,
): Promise<R> {
  if (command === 'BatchWriteItemCommand') {
    const res = await send(input);
    const unprocessed =
      (res.output as { UnprocessedItems?: Record<string, unknown[]> }).UnprocessedItems ?? {};
    for (const [table, requests] of Object.entries(input.RequestItems ?? {})) {
      if (tableName && table !== tableName) continue;
      for (const r of requests.slice(0, requests.length - (unprocessed[table]?.length ?? 0))) {
        cost.itemWrites++;
        cost.itemWriteUnits += Math.max(
          1,
          Math.ceil(itemBytes(r.PutRequest?.Item ?? r.DeleteRequest?.Key ?? {}) / 1024),
        );
      }
    }
    return res;
  }
  if (command === 'BatchGetItemCommand') {
    const res = await send(input);
    for (const [table, items] of Object.entries(
      (res.output as { Responses?: Record<string, Record<string, unknown>[]> }).Responses ?? {},
    )) {
      const asked = (input.RequestItems as Record<string, { ConsistentRead?: boolean }> | undefined)?.[table];
      if ((tableName && table !== tableName) || !asked?.ConsistentRead) continue;
      for (const item of items) {
        cost.consistentBatchReads++;
        cost.consistentBatchReadUnits += Math.max(1, Math.ceil(itemBytes(item) / 4096));
      }
    }
    return res;
  }
  if (tableName && input.TableName !== tableName) return send(input);
  if (command === 'QueryCommand') {
    const res = await send({ ...input, ReturnConsumedCapacity: 'TOTAL' } as SingleItemInput);
    const consumed = (res.output as { ConsumedCapacity?: { CapacityUnits?: number } }).ConsumedCapacity;
    cost.queries++;
    cost.queryReadUnits += consumed?.CapacityUnits ?? 0;
    return res;
  }
  const res = await send(input);
  if (command === 'PutItemCommand' || command === 'DeleteItemCommand') {
    cost.itemWrites++;
    cost.itemWriteUnits += Math.max(1, Math.ceil(itemBytes(input.Item ?? input.Key ?? {}) / 1024));
  }
  return res;
}

const tableOf = (i: TransactItem) =>
  i.Put?.TableName ?? i.Update?.TableName ?? i.Delete?.TableName ?? i.ConditionCheck?.TableName;

/** An article record's write (`ART#<id>` / `ART`): one per article a transaction commits. */
const isArticleRecord = (i: TransactItem) => {
  const key = i.Put?.Item ?? i.Update?.Key;
  return key?.sk === 'ART' && String(key.pk).startsWith('ART#');
};

/** Bytes of the item a transaction item writes (a counter: keys and the attributes it adds). */
export function transactItemBytes(i: TransactItem): number {
  if (i.Put?.Item) return itemBytes(i.Put.Item);
  if (i.Delete?.Key) return itemBytes(i.Delete.Key);
  // A ConditionCheck reads an item (the topic set's version: keys and a number) and is billed.
  if (i.ConditionCheck?.Key) return itemBytes({ ...i.ConditionCheck.Key, version: 0 });
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
