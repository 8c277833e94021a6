import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeleteObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3Client } from '#shared/storage/clients.js';
import { S3KeyLister, S3ObjectSource } from '#shared/storage/s3-source.js';
import { freePort } from '../../local/ports.js';
import { type LocalS3, startLocalS3 } from '../../local/s3-server.js';

/** The S3 adapters against the local S3 server (s3rver with the stack's own store). */
describe('S3ObjectSource and S3KeyLister', () => {
  const bucket = 'articles';
  let dir: string;
  let server: LocalS3;
  let s3: S3Client;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'trendwire-s3-source-'));
    const port = await freePort();
    server = await startLocalS3({ host: '127.0.0.1', port, directory: dir, bucket, onEvent: () => {} });
    s3 = createS3Client({ s3Endpoint: `http://127.0.0.1:${port}` });
  });
  afterAll(async () => {
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });
  const put = (key: string, body: string, metadata?: Record<string, string>) =>
    s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, Metadata: metadata }));

  it('reads an object with its metadata, keys lower-cased', async () => {
    await put('a/one.txt', 'Kherson was liberated.', {
      'Published-At': '2022-11-11T10:00:00Z',
      source: 'Wire',
    });
    const got = await new S3ObjectSource(s3).getObject(bucket, 'a/one.txt', { maxBytes: 1000 });
    if (typeof got === 'string') throw new Error(got);
    expect(Buffer.from(got.bytes).toString('utf8')).toBe('Kherson was liberated.');
    expect(got.metadata).toEqual({ 'published-at': '2022-11-11T10:00:00Z', source: 'Wire' });
  });

  it('says missing for a key that is not there or was deleted', async () => {
    const source = new S3ObjectSource(s3);
    expect(await source.getObject(bucket, 'never.txt', { maxBytes: 1000 })).toBe('missing');
    await put('gone.txt', 'x');
    await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: 'gone.txt' }));
    expect(await source.getObject(bucket, 'gone.txt', { maxBytes: 1000 })).toBe('missing');
  });

  it('says too-large past the limit and reads exactly the limit', async () => {
    await put('big.txt', 'x'.repeat(2048));
    const source = new S3ObjectSource(s3);
    expect(await source.getObject(bucket, 'big.txt', { maxBytes: 2047 })).toBe('too-large');
    const exact = await source.getObject(bucket, 'big.txt', { maxBytes: 2048 });
    expect(typeof exact === 'string' ? exact : exact.bytes.length).toBe(2048);
  });

  it('lists every current key in key order', async () => {
    const keys: string[] = [];
    for await (const page of new S3KeyLister(s3).listKeys(bucket)) keys.push(...page);
    expect(keys).toEqual(['a/one.txt', 'big.txt']);
  });
});
