import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PutObjectCommand, type PutObjectCommandInput } from '@aws-sdk/client-s3';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import { type Json, readJson } from '../support/json.js';
import { startTestStack, type TestStack } from '../support/local-stack.js';

const badDir = join(import.meta.dirname, '..', 'fixtures', 'bad');

let stack: TestStack | undefined;
afterEach(async () => {
  await stack?.dispose();
  stack = undefined;
});

const put = (
  s: TestStack,
  key: string,
  body: PutObjectCommandInput['Body'],
  metadata: Record<string, string> = {},
) => s.runtime.s3.send(new PutObjectCommand({ Bucket: s.bucket, Key: key, Body: body, Metadata: metadata }));
const api = async (s: TestStack, path: string) => readJson(await fetch(`${s.apiUrl}${path}`));
const day = async (s: TestStack, date: string) =>
  (await api(s, `/topics/kherson/trend?from=${date}&to=${date}`)).buckets[0];

/** An article with `n` Kherson mentions, each in its own sentence. */
const article = (i: number, n: number) => `Report ${i}\n${'Shelling was reported in Kherson. '.repeat(n)}`;

describe('Bad input', () => {
  it('turns each bad object into exactly one rejection with a readable reason, and counts the good ones', async () => {
    stack = await startTestStack();
    const s = stack;
    const stored = readdirSync(badDir).filter((f) => f !== 'README.md');
    const generated: [string, Buffer][] = [
      ['huge.txt', Buffer.alloc(5 * 1024 * 1024, 'Kherson. ')],
      ['deep.json', Buffer.from(`{"body":"Kherson.","extra":${'['.repeat(100_000)}${']'.repeat(100_000)}}`)],
    ];
    const meta = { 'published-at': '2022-11-21T10:00:00Z' };
    // One burst: the bad objects and two good ones land in the same batches.
    await Promise.all([
      put(s, 'good/1.txt', article(1, 2), meta),
      ...stored.map((f) => put(s, `bad/${f}`, readFileSync(join(badDir, f)), meta)),
      ...generated.map(([f, body]) => put(s, `bad/${f}`, body, meta)),
      put(s, 'good/2.json', JSON.stringify({ body: article(2, 3), publishedAt: '2022-11-21T11:00:00Z' })),
    ]);
    await s.bridge.idle();

    expect(await day(s, '2022-11-21')).toMatchObject({ articles: 2, mentions: 5 });
    const { items, nextCursor } = await api(s, '/rejections?limit=100');
    expect(nextCursor).toBeNull();
    const byKey = new Map(items.map((r: Json) => [r.key, r.reason]));
    expect([...byKey.keys()].sort()).toEqual(
      [...stored, ...generated.map(([f]) => f)].map((f) => `bad/${f}`).sort(),
    );
    expect(items).toHaveLength(byKey.size); // exactly one each
    expect(byKey.get('bad/empty.txt')).toBe('the object is empty');
    expect(byKey.get('bad/binary.txt')).toMatch(/not valid UTF-8|binary/);
    expect(byKey.get('bad/latin1.txt')).toMatch(/not valid UTF-8/);
    expect(byKey.get('bad/broken.json')).toMatch(/^malformed JSON/);
    expect(byKey.get('bad/no-body.json')).toMatch(/field "body"/);
    expect(byKey.get('bad/bad-date.json')).toMatch(/publishedAt "11\/11\/2022" is not an ISO 8601/);
    expect(byKey.get('bad/report.pdf')).toMatch(/unsupported file type/);
    expect(byKey.get('bad/huge.txt')).toMatch(/over the size limit of 1048576 bytes/);
    expect(byKey.get('bad/deep.json')).toMatch(/nested 100001 levels deep/);
    expect(s.bridge.stats.deadLettered).toBe(0);
  });
});

describe('Hot counters', () => {
  it('spreads a topic-day over counter shards and sums them on read', async () => {
    stack = await startTestStack({ counterShards: 4 });
    const s = stack;
    for (let i = 0; i < 16; i++)
      await put(s, `hot/${i}.txt`, article(i, 1), { 'published-at': '2022-11-22T09:00:00Z' });
    await s.bridge.idle();
    expect(await day(s, '2022-11-22')).toMatchObject({ articles: 16, mentions: 16, share: 1 });
    const used = [];
    for (const pk of ['CNT#kherson#d', 'CNT#kherson#d#1', 'CNT#kherson#d#2', 'CNT#kherson#d#3']) {
      const res = await s.runtime.db.send(
        new QueryCommand({
          TableName: 'trendwire',
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': pk },
        }),
      );
      // Packed month item: the 22nd's counts are the tally t22.
      if ((res.Items ?? []).some((i) => i.t22 !== undefined)) used.push(pk);
    }
    expect(used.length).toBeGreaterThan(1);
    expect((await api(s, '/topics')).topics[0]).toMatchObject({ id: 'kherson', articles: 16, mentions: 16 });
  });
});

describe('Crash', () => {
  // Stopped with SIGTERM: with SIGKILL, DynamoDB Local itself drops writes it has acknowledged
  // (seen in 3 of 5 runs: a transaction reported committed, then missing after the restart), a
  // durability gap of the emulator that no client can close; DynamoDB proper is durable on ack.
  it('loses and doubles nothing when DynamoDB Local stops in the middle of a batch', async () => {
    stack = await startTestStack({ bridge: { retryDelayMs: 250, maxReceiveCount: 40, batchSize: 5 } });
    const s = stack;
    const started = performance.now();
    const n = 40;
    let expectedMentions = 0;
    for (let i = 0; i < n; i++) {
      expectedMentions += (i % 4) + 1;
      await put(s, `crash/${i}.txt`, article(i, (i % 4) + 1), { 'published-at': '2022-11-23T09:00:00Z' });
    }
    while (s.bridge.stats.delivered < 5) await new Promise((r) => setTimeout(r, 2));
    await s.stopDynamo('SIGTERM');
    await new Promise((r) => setTimeout(r, 1000));
    await s.startDynamo();
    await s.bridge.idle();

    expect(s.bridge.stats.failed).toBeGreaterThan(0); // the crash did hit deliveries
    expect(s.bridge.stats.deadLettered).toBe(0);
    expect(await day(s, '2022-11-23')).toMatchObject({ articles: n, mentions: expectedMentions });
    const listed = await api(s, '/articles?from=2022-11-23&to=2022-11-23&limit=100');
    expect(listed.items).toHaveLength(n);
    console.info(
      `crash test: ${n} articles, ${s.bridge.stats.failed} failed deliveries, ${Math.round(performance.now() - started)} ms`,
    );
  }, 600_000); // a hang guard: DynamoDB Local restarts inside this test
});
