import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import {
  GetObjectCommand,
  PutObjectCommand,
  paginateListObjectsV2,
  type S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../support/local-stack.js';

/**
 * The local S3 the stack runs (s3rver and what the stack wraps around it), through the AWS SDK as
 * the ingest handler and users' tools reach it. Before the fix, the first test crashed the whole
 * process (ENAMETOOLONG thrown from a write stream), the second and third read bodies spliced
 * from two writes, and the fourth got a 500 (s3rver's DES continuation token).
 */
describe('Local S3', () => {
  let stack: TestStack;
  let s3: S3Client;
  beforeAll(async () => {
    stack = await startTestStack();
    s3 = stack.runtime.s3;
  });
  afterAll(async () => {
    await stack?.dispose();
  });

  const put = (key: string, body: string | Buffer) =>
    s3.send(new PutObjectCommand({ Bucket: stack.bucket, Key: key, Body: body }));
  const get = async (key: string) => {
    const res = await s3.send(new GetObjectCommand({ Bucket: stack.bucket, Key: key }));
    return Buffer.from(await (res.Body?.transformToByteArray() ?? new Uint8Array()));
  };
  const list = async (prefix: string) => {
    const keys: string[] = [];
    for await (const page of paginateListObjectsV2({ client: s3 }, { Bucket: stack.bucket, Prefix: prefix }))
      keys.push(...(page.Contents ?? []).map((o) => o.Key ?? ''));
    return keys;
  };
  const byUtf8 = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));
  const filesUnder = async (dir: string): Promise<string[]> =>
    (await readdir(dir, { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name));

  it('stores every key S3 accepts, refuses a longer one with an S3 error, and stays up', async () => {
    const keys = [
      `hostile/${'a'.repeat(246)}.txt`, // one 250-byte segment: crashed the stack
      `hostile/${'b'.repeat(1000)}.txt`,
      `hostile/${'c'.repeat(1012)}.txt`, // 1 024 bytes, S3's limit
      `hostile/${'ж'.repeat(300)}.txt`, // 600 bytes in one segment
      'hostile/новини/Київ 🇺🇦 — «переговори».txt',
      'hostile/e\u0301.txt', // e + combining acute: not the same key as é
      'hostile/\u00e9.txt',
      'hostile/a/../b.txt',
      'hostile/./c.txt',
      'hostile/double//slash.txt',
      'hostile/trailing/',
      'hostile/ spaces .txt',
      'hostile/per%20cent+plus?q=1#hash*star\\back.txt',
      'hostile/x._S3rver_object',
      'hostile/x',
      'hostile/x/y.txt',
    ];
    for (const [i, key] of keys.entries()) await put(key, `body ${i}`);
    for (const [i, key] of keys.entries()) expect((await get(key)).toString(), key).toBe(`body ${i}`);
    expect(await list('hostile/')).toEqual([...keys].sort(byUtf8));

    const tooLong = await put(`hostile/${'d'.repeat(1013)}.txt`, 'x').catch((e: unknown) => e);
    expect(tooLong).toBeInstanceOf(S3ServiceException);
    expect((tooLong as S3ServiceException).name).toBe('KeyTooLongError');
    expect((tooLong as S3ServiceException).$metadata.httpStatusCode).toBe(400);

    // Nothing was written outside the S3 data directory ("a/../b.txt" is a key, not a path).
    const outside = (await filesUnder(stack.dataDir)).filter((f) => !f.startsWith(join(stack.dataDir, 's3')));
    expect(outside.filter((f) => !/dead-letters|bridge-journal|dynamodb/.test(f))).toEqual([]);
    // Still up: the API answers and a new article is counted.
    expect((await fetch(`${stack.apiUrl}/health`)).status).toBe(200);
    await stack.bridge.idle();
    expect(stack.bridge.stats.deadLettered).toBe(0);
  });

  it('keeps one whole body when two PUTs to one key race (both answered 200)', async () => {
    const size = 3 * 1024 * 1024;
    for (let round = 0; round < 8; round++) {
      const a = Buffer.alloc(size, 0x41 + round);
      const b = Buffer.alloc(size + 4096, 0x61 + round);
      await Promise.all([put('race/one.bin', a), put('race/one.bin', b)]);
      const body = await get('race/one.bin');
      expect(body.equals(a) || body.equals(b), `round ${round}: ${body.length} bytes`).toBe(true);
    }
  });

  it('never serves a half-written object while the key is overwritten', async () => {
    const bodies = [Buffer.alloc(2 * 1024 * 1024, 0x78), Buffer.alloc(512 * 1024, 0x79)];
    await put('flip/one.bin', bodies[0] as Buffer);
    let writing = true;
    const writer = (async () => {
      for (let i = 1; i <= 24; i++) await put('flip/one.bin', bodies[i % 2] as Buffer);
      writing = false;
    })();
    const seen: string[] = [];
    while (writing) {
      const body = await get('flip/one.bin');
      const whole = bodies.some((b) => b.equals(body));
      if (!whole) seen.push(`${body.length} bytes starting ${body.subarray(0, 1).toString()}`);
    }
    await writer;
    expect(seen).toEqual([]);
  });

  it('lists more than 1 000 objects, page by page, each once', async () => {
    const keys = Array.from({ length: 1005 }, (_, i) => `many/${String(i).padStart(4, '0')}.bin`);
    for (let i = 0; i < keys.length; i += 25) await Promise.all(keys.slice(i, i + 25).map((k) => put(k, k)));
    expect(await list('many/')).toEqual(keys);
  });
});
