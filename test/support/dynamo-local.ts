import { afterAll, beforeAll } from 'vitest';
import { createDynamoClient } from '#shared/storage/clients.js';
import { type DynamoLocal, ensureTable, startDynamoLocal } from '../../local/dynamodb.js';
import { freePort } from '../../local/ports.js';

/**
 * DynamoDB Local (in memory, a free port) for the tests of one file: started before them, with the
 * given tables, and stopped after. `db()` is its document client once started.
 */
export function useDynamoLocal(tables: readonly string[] = []): {
  db: () => ReturnType<typeof createDynamoClient>;
} {
  let dynamo: DynamoLocal | undefined;
  let db: ReturnType<typeof createDynamoClient> | undefined;
  beforeAll(async () => {
    const port = await freePort();
    dynamo = await startDynamoLocal(port, undefined);
    db = createDynamoClient({ dynamoEndpoint: `http://127.0.0.1:${port}` });
    for (const table of tables) await ensureTable(db, table);
  });
  afterAll(async () => {
    await dynamo?.stop();
  });
  return {
    db: () => {
      if (!db) throw new Error('DynamoDB Local is not started yet (use db() inside a test)');
      return db;
    },
  };
}
