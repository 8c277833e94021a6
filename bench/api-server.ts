/**
 * The API as the local stack serves it (createApp on @hono/node-server, DynamoStore on DynamoDB
 * Local), one server per table, in its own process so that the load generator does not share its
 * event loop. Usage: tsx bench/api-server.ts <dynamo endpoint> <table> [<table> …]; prints one
 * JSON line `{ "<table>": "<url>" }` when listening, stops on SIGTERM.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp } from '#shared/api/app.js';
import { createDynamoClient } from '#shared/storage/clients.js';
import { DynamoStore } from '#shared/storage/dynamo-store.js';
import { defaultTopics } from '#shared/topics/load.js';

const [endpoint, ...tables] = process.argv.slice(2);
if (!endpoint || tables.length === 0) throw new Error('usage: api-server.ts <dynamo endpoint> <table>…');
const db = createDynamoClient({ dynamoEndpoint: endpoint });
const urls: Record<string, string> = {};
const servers: ReturnType<typeof serve>[] = [];
for (const table of tables) {
  const app = createApp({ store: new DynamoStore(db, table), topics: defaultTopics() });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  servers.push(server);
  urls[table] = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
process.stdout.write(`${JSON.stringify(urls)}\n`);
process.on('SIGTERM', () => {
  for (const s of servers) s.close();
  process.exit(0);
});
