import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import fc from 'fast-check';
import S3Object from 's3rver/lib/models/object.js';
import FilesystemStore from 's3rver/lib/stores/filesystem.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compareUtf8, KeyIndex } from '../../../local/s3-key-index.js';
import { AtomicStore } from '../../../local/s3-store.js';

const read = async (stream: Readable | Buffer | null | undefined) => {
  const chunks: Buffer[] = [];
  for await (const chunk of (stream ?? []) as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks).toString();
};

describe('AtomicStore (the local S3 store)', () => {
  let dir: string;
  let store: AtomicStore;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'trendwire-s3-'));
    store = new AtomicStore(dir);
    await store.putBucket('articles');
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const put = (key: string, body: string, metadata: Record<string, string> = {}) =>
    store.putObject(new S3Object('articles', key, Buffer.from(body), metadata));

  it('keeps body and metadata together, serves ranges, an empty object and a copy', async () => {
    await put('a.txt', 'hello world', {
      'x-amz-meta-published-at': '2022-11-10T12:00:00Z',
      'content-length': '11',
    });
    const object = await store.getObject('articles', 'a.txt');
    expect(await read(object?.content)).toBe('hello world');
    expect(object?.metadata).toMatchObject({
      'x-amz-meta-published-at': '2022-11-10T12:00:00Z',
      'content-length': 11,
      etag: '"5eb63bbbe01eeed093cb22bb8f5acdc3"',
    });
    expect(await read((await store.getObject('articles', 'a.txt', { start: 6, end: 8 }))?.content)).toBe(
      'wor',
    );
    await put('empty.txt', '');
    expect(await read((await store.getObject('articles', 'empty.txt'))?.content)).toBe('');
    await store.copyObject('articles', 'a.txt', 'articles', 'b.txt', null);
    expect((await store.getObject('articles', 'b.txt'))?.metadata['x-amz-meta-published-at']).toBe(
      '2022-11-10T12:00:00Z',
    );
    await store.deleteObject('articles', 'a.txt');
    expect(await store.getObject('articles', 'a.txt')).toBeNull();
    expect(await store.existsObject('articles', 'a.txt')).toBe(false);
    expect((await store.listObjects('articles', {})).objects.map((o) => o.key)).toEqual([
      'b.txt',
      'empty.txt',
    ]);
  });

  it('moves objects stored in s3rver’s own layout into its own at first use, with their metadata', async () => {
    const legacy = new FilesystemStore(dir);
    for (const key of ['2022/one.txt', '2022/deep/two.json', 'three.md'])
      await legacy.putObject(
        new S3Object('articles', key, Buffer.from(`body of ${key}`), { 'x-amz-meta-source': key }),
      );
    store = new AtomicStore(dir);
    const listed = await store.listObjects('articles', {});
    expect(listed.objects.map((o) => o.key)).toEqual(['2022/deep/two.json', '2022/one.txt', 'three.md']);
    const two = await store.getObject('articles', '2022/deep/two.json');
    expect(await read(two?.content)).toBe('body of 2022/deep/two.json');
    expect(two?.metadata['x-amz-meta-source']).toBe('2022/deep/two.json');
    const left = await readdir(join(dir, 'articles'), { recursive: true });
    expect(
      left.filter((f) => f.includes('_S3rver_') || f.startsWith('2022') || f.startsWith('three')),
    ).toEqual([]);
  });

  it('refuses a bucket name that is a path', async () => {
    expect(await store.getBucket('..')).toBeNull();
    expect(await store.getBucket('articles')).not.toBeNull();
  });
});

describe('KeyIndex', () => {
  it('orders keys by their UTF-8 bytes, as S3 lists them', () => {
    fc.assert(
      // Graphemes, astral ones included: lone surrogates have no UTF-8 form and are no keys.
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (a, b) => {
        const bytes = Math.sign(Buffer.compare(Buffer.from(a), Buffer.from(b)));
        expect(Math.sign(compareUtf8(a, b))).toBe(bytes);
      }),
    );
    expect(compareUtf8('\u{1F1FA}', '\uFF46')).toBeGreaterThan(0); // '🇺' > 'ｆ', unlike '<'
  });

  it('pages through keys and common prefixes, each once, whatever the page size', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.stringMatching(/^[ab/]{1,6}$/), { maxLength: 40 }),
        fc.constantFrom('', 'a', 'a/'),
        fc.constantFrom('', '/'),
        fc.integer({ min: 1, max: 7 }),
        (keys, prefix, delimiter, maxKeys) => {
          const index = new KeyIndex();
          for (const k of keys) index.add(k);
          const everything = index.list({ prefix, delimiter, startAfter: '', maxKeys: 10_000 });
          const seen: string[] = [];
          let startAfter = '';
          for (let pages = 0; pages < 100; pages++) {
            const page = index.list({ prefix, delimiter, startAfter, maxKeys });
            expect(page.keys.length + page.commonPrefixes.length).toBeLessThanOrEqual(maxKeys);
            seen.push(...page.keys, ...page.commonPrefixes);
            if (!page.isTruncated) break;
            startAfter = page.next as string;
          }
          expect(seen.sort()).toEqual([...everything.keys, ...everything.commonPrefixes].sort());
        },
      ),
    );
  });
});
