import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJson } from '../support/json.js';
import { startTestStack, type TestStack } from '../support/local-stack.js';

const seed = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'seed-article.txt'));

describe('Pipeline on DynamoDB Local and s3rver', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => {
    await stack?.dispose();
  });

  const put = async (key: string, body: string | Buffer, metadata: Record<string, string> = {}) => {
    await stack.runtime.s3.send(
      new PutObjectCommand({ Bucket: stack.bucket, Key: key, Body: body, Metadata: metadata }),
    );
    await stack.bridge.idle();
  };
  const api = async (path: string) => {
    const res = await fetch(`${stack.apiUrl}${path}`);
    return { status: res.status, body: await readJson(res) };
  };
  const day = async (topic: string, date: string) => {
    const { body } = await api(`/topics/${topic}/trend?from=${date}&to=${date}`);
    return body.buckets[0];
  };

  it('counts the seed uploaded through the S3 API: 1 article, 8 kherson mentions on 2022-11-10', async () => {
    const before = { ...stack.writeCost };
    await put('2022/seed-article.txt', seed, { 'published-at': '2022-11-10T12:00:00Z' });
    const after = stack.writeCost;
    // One transaction: the article record, 2 × 3 topic counters (day, hour), the entity shards
    // and 3 listing entries (all, kherson, negotiations).
    expect(after.transactions - before.transactions).toBe(1);
    const items = after.items - before.items;
    expect(items).toBeGreaterThanOrEqual(1 + 6 + 3 + 1);
    console.info(
      `seed article: one transaction of ${items} items, ${after.billedWriteUnits - before.billedWriteUnits} write units as DynamoDB bills them`,
    );
    expect(await day('kherson', '2022-11-10')).toMatchObject({ articles: 1, mentions: 8, share: 1 });
    expect(await day('negotiations', '2022-11-10')).toMatchObject({ articles: 1, mentions: 4 });
  });

  it('does not move the counts when the same event is delivered again', async () => {
    const delivered = stack.bridge.history.at(-1);
    expect(delivered).toContain('seed-article.txt');
    stack.bridge.send(delivered as string);
    stack.bridge.send(delivered as string);
    await stack.bridge.idle();
    expect(await day('kherson', '2022-11-10')).toMatchObject({ articles: 1, mentions: 8 });
    expect((await api('/topics')).body.topics[0]).toEqual({
      id: 'kherson',
      label: 'Kherson',
      articles: 1,
      mentions: 8,
      complete: true,
    });
  });

  it('moves the counts on an overwrite and removes them on delete', async () => {
    await put('2022/short.txt', 'Shelling hit Kherson again.', { 'published-at': '2022-11-11T09:00:00Z' });
    expect(await day('kherson', '2022-11-11')).toMatchObject({ articles: 1, mentions: 1 });
    await put('2022/short.txt', 'Kherson, Kherson, Kherson.', { 'published-at': '2022-11-11T09:00:00Z' });
    expect(await day('kherson', '2022-11-11')).toMatchObject({ articles: 1, mentions: 3 });
    await stack.runtime.s3.send(new DeleteObjectCommand({ Bucket: stack.bucket, Key: '2022/short.txt' }));
    await stack.bridge.idle();
    expect(await day('kherson', '2022-11-11')).toMatchObject({ articles: 0, mentions: 0, share: null });
  });

  it('decodes keys that S3 URL-encodes in notifications', async () => {
    await put(
      '2022/red flower+1.json',
      JSON.stringify({ body: 'Kherson.', publishedAt: '2022-11-12T10:00:00Z' }),
    );
    expect(stack.bridge.history.at(-1)).toContain('red+flower%2B1.json');
    expect(await day('kherson', '2022-11-12')).toMatchObject({ articles: 1, mentions: 1 });
  });

  it('records an unsupported file as a rejection and counts nothing', async () => {
    const before = await day('kherson', '2022-11-13');
    await put('2022/report.pdf', 'Kherson %PDF', { 'published-at': '2022-11-13T10:00:00Z' });
    expect(await day('kherson', '2022-11-13')).toEqual(before);
    const record = await stack.runtime.store.getArticle('2022/report.pdf');
    expect(record).toMatchObject({
      status: 'rejected',
      reason: expect.stringMatching(/unsupported file type/),
    });
    expect(stack.bridge.stats.deadLettered).toBe(0);
  });

  it('stores a streamed PutObject intact and counts it (SDK checksums WHEN_REQUIRED for s3rver)', async () => {
    // With the SDK's default checksum mode a stream body is sent aws-chunked and s3rver stores the
    // chunk framing ("4650\r\n…") as content, without an error.
    const text = 'Kherson. '.repeat(2000);
    await stack.runtime.s3.send(
      new PutObjectCommand({
        Bucket: stack.bucket,
        Key: '2022/stream.txt',
        Body: Readable.from([Buffer.from(text)]),
        ContentLength: Buffer.byteLength(text),
        Metadata: { 'published-at': '2022-11-14T10:00:00Z' },
      }),
    );
    const res = await stack.runtime.s3.send(
      new GetObjectCommand({ Bucket: stack.bucket, Key: '2022/stream.txt' }),
    );
    expect(await res.Body?.transformToString()).toBe(text);
    await stack.bridge.idle();
    expect(await day('kherson', '2022-11-14')).toMatchObject({ articles: 1, mentions: 2000 });
  });

  it('serves hourly buckets across a day boundary', async () => {
    const { body } = await api(
      '/topics/kherson/trend?granularity=hour&from=2022-11-10T11:00:00Z&to=2022-11-11T00:00:00Z',
    );
    expect(body.buckets).toHaveLength(14);
    expect(body.buckets[1]).toMatchObject({ start: '2022-11-10T12:00:00Z', articles: 1, mentions: 8 });
    expect(body.buckets.at(-1).start).toBe('2022-11-11T00:00:00Z');
  });

  it('fails only the poison record of a batch and dead-letters it after the retries', async () => {
    const before = { ...stack.bridge.stats };
    stack.bridge.send('this is not an S3 event notification');
    await put('2022/good-neighbour.txt', 'Kherson again.', { 'published-at': '2022-11-15T10:00:00Z' });
    await stack.bridge.idle();
    expect(await day('kherson', '2022-11-15')).toMatchObject({ articles: 1, mentions: 1 });
    expect(stack.bridge.stats.deadLettered - before.deadLettered).toBe(1);
    // Three failed receives, all of the poison message: the good record was never failed with it.
    expect(stack.bridge.stats.failed - before.failed).toBe(3);
    const lines = (await readFile(join(stack.dataDir, 'dead-letters.jsonl'), 'utf8')).trim().split('\n');
    expect(JSON.parse(lines.at(-1) as string)).toMatchObject({
      receiveCount: 3,
      body: 'this is not an S3 event notification',
    });
  });
});
