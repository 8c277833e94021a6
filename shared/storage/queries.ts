import { type DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';

/** A page of a partition's items and the sort key to continue after, when there is more. */
export type ItemPage = { readonly items: Record<string, unknown>[]; readonly next: string | undefined };

/** One page of a partition, newest (highest sort key) first, continuing after the sort key given. */
export async function newestFirst(
  db: DynamoDBDocumentClient,
  tableName: string,
  pk: string,
  limit: number,
  after: string | undefined,
): Promise<ItemPage> {
  const res = await db.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': pk },
      ScanIndexForward: false,
      Limit: limit,
      ...(after ? { ExclusiveStartKey: { pk, sk: after } } : {}),
    }),
  );
  const last = res.LastEvaluatedKey?.sk;
  return { items: res.Items ?? [], next: typeof last === 'string' ? last : undefined };
}

/** An item's attributes without its key. */
export function withoutKey(item: Record<string, unknown>): Record<string, unknown> {
  const { pk: _pk, sk: _sk, ...attributes } = item;
  return attributes;
}

/** A consistent read of one item's attributes (its key left out), or undefined when absent. */
export async function getAttributes(
  db: DynamoDBDocumentClient,
  tableName: string,
  key: { readonly pk: string; readonly sk: string },
): Promise<Record<string, unknown> | undefined> {
  const res = await db.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }));
  return res.Item ? withoutKey(res.Item) : undefined;
}
