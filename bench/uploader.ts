/**
 * The ingest bench's load generator, in a process of its own as a user's uploads would be: it
 * regenerates the corpus from its seed and PutObjects it to the local S3 endpoint, `uploaders` at
 * a time, pausing while the parent says the queue is full (IPC "pause" / "resume"). It reports
 * "done" with the count when every object is stored. Run by bench/sections/ingest.ts.
 *
 * argv: <s3 endpoint> <bucket> <articles> <seed> <order: published|random> <uploaders>
 */
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { createS3Client } from '#shared/storage/clients.js';
import { articleBytes, generateCorpus } from '../scripts/corpus.js';
import { pool } from './lib.js';

const [endpoint, bucket, articles, seed, order, uploaders] = process.argv.slice(2);
if (!endpoint || !bucket || !articles || !seed || !order || !uploaders)
  throw new Error('usage: see the header');

const corpus = [...generateCorpus({ articles: Number(articles), days: 366, seed })];
if (order === 'published')
  corpus.sort((a, b) =>
    a.article.publishedAt < b.article.publishedAt
      ? -1
      : a.article.publishedAt > b.article.publishedAt
        ? 1
        : 0,
  );
const s3 = createS3Client({ s3Endpoint: endpoint });
let paused = false;
process.on('message', (m) => {
  paused = m === 'pause';
});
process.send?.({ ready: true });
await new Promise<void>((resolve) => process.once('message', () => resolve()));
await pool(corpus, Number(uploaders), async (item) => {
  while (paused) await new Promise((r) => setTimeout(r, 2));
  await s3.send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: item.key,
      Body: articleBytes(item.article),
      ContentType: 'application/json',
    }),
  );
});
process.send?.({ done: corpus.length });
process.disconnect?.();
