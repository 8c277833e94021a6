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
  };
  const committed: TransactWriteCommandInput[] = [];
  const name = `trendwireWriteCost${watches++}`;
  client.middlewareStack.add(
    (next) => async (args) => {
      const input = args.input as TransactWriteCommandInput;
      const items = input.TransactItems;
      if (!items || (tableName && !items.some((i) => tableOf(i) === tableName))) return next(args);
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
