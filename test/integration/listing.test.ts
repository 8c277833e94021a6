import { DeleteObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJson } from '../support/json.js';
import { startTestStack, type TestStack } from '../support/local-stack.js';

/** Listing over months once touched and since emptied, and over years with nothing (issue 17, bugs 1 and 2). */
describe('GET /articles pages (DynamoDB Local and s3rver)', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => {
    await stack?.dispose();
  });

  const put = (key: string, publishedAt: string, body = 'Kherson was shelled overnight.') =>
    stack.runtime.s3.send(
      new PutObjectCommand({ Bucket: stack.bucket, Key: key, Body: JSON.stringify({ body, publishedAt }) }),
    );
  const api = async (path: string) => readJson(await fetch(`${stack.apiUrl}${path}`));

  it('finds the newest article after a mistyped date was corrected and a stray file came and went', async () => {
    await put('typo.json', '2032-11-10T12:00:00Z');
    await stack.bridge.idle();
    await put('typo.json', '2022-11-10T12:00:00Z'); // the same key, the right year
    await stack.runtime.s3.send(
      new PutObjectCommand({ Bucket: stack.bucket, Key: 'README.md', Body: '# notes about Kherson' }),
    );
    await stack.bridge.idle();
    await stack.runtime.s3.send(new DeleteObjectCommand({ Bucket: stack.bucket, Key: 'README.md' }));
    await stack.bridge.idle();
    const page = await api('/articles?limit=1');
    expect(page.items.map((a: { key: string }) => a.key)).toEqual(['typo.json']);
    expect(page.nextCursor).toBeNull();
    expect((await api('/articles?topic=kherson&limit=1')).items).toHaveLength(1);
  });

  it('fills every page but the last, across years without articles, each article once, newest first', async () => {
    // 95 more articles: some in 2016, most in 2022, a few in 2024 — long empty stretches between.
    const dates = Array.from({ length: 95 }, (_, i) => {
      const year = i < 10 ? 2016 : i < 85 ? 2022 : 2024;
      const month = String((i % 12) + 1).padStart(2, '0');
      const day = String((i % 27) + 1).padStart(2, '0');
      return `${year}-${month}-${day}T${String(i % 24).padStart(2, '0')}:00:00Z`;
    });
    for (const [i, d] of dates.entries()) await put(`many/${i}.json`, d);
    await stack.bridge.idle();
    const seen: string[] = [];
    const sizes: number[] = [];
    let cursor: string | null = null;
    do {
      const page = await api(`/articles?limit=10${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      sizes.push(page.items.length);
      seen.push(...page.items.map((a: { publishedAt: string; key: string }) => `${a.publishedAt} ${a.key}`));
      cursor = page.nextCursor;
    } while (cursor);
    expect(sizes).toEqual([10, 10, 10, 10, 10, 10, 10, 10, 10, 6]);
    expect(new Set(seen).size).toBe(96);
    expect([...seen].sort().reverse()).toEqual(seen);
  });

  it('pages through articles at both ends of the date window without empty pages (issue 18, item 6)', async () => {
    // An article on the last day served and one on the first: 230 years of months between them.
    await put('edge/last.json', '2199-12-31T23:00:00Z');
    await put('edge/first.json', '1970-01-01T01:00:00Z');
    await stack.bridge.idle();
    const keys: string[] = [];
    let pages = 0;
    let cursor: string | null = null;
    do {
      const page = await api(`/articles?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(page.items.length).toBeGreaterThan(0);
      keys.push(...page.items.map((a: { key: string }) => a.key));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(2); // 98 articles in pages of 50 and 48
    expect(keys).toHaveLength(98);
    expect(keys[0]).toBe('edge/last.json');
    expect(keys.at(-1)).toBe('edge/first.json');
  });
});
