import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DeleteObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import { articleIdOf } from '#shared/ingest/article.js';
import { type Json, readJson } from '../support/json.js';
import { startTestStack, type TestStack } from '../support/local-stack.js';

const page = (name: string) => readFileSync(join(import.meta.dirname, '..', 'fixtures', 'html', name));

describe('HTML articles and /rejections through s3rver and DynamoDB Local', () => {
  let stack: TestStack;
  // The teardown is the function beforeAll returns: the stack goes whatever the tests do.
  beforeAll(async () => {
    stack = await startTestStack();
    return () => stack.dispose();
  }, 120_000);

  const put = async (
    key: string,
    body: string | Buffer,
    more: { metadata?: Record<string, string>; encoding?: string } = {},
  ) => {
    await stack.runtime.s3.send(
      new PutObjectCommand({
        Bucket: stack.bucket,
        Key: key,
        Body: body,
        Metadata: more.metadata ?? {},
        ...(more.encoding ? { ContentEncoding: more.encoding } : {}),
      }),
    );
    await stack.bridge.idle();
  };
  const remove = async (key: string) => {
    await stack.runtime.s3.send(new DeleteObjectCommand({ Bucket: stack.bucket, Key: key }));
    await stack.bridge.idle();
  };
  const api = async (path: string) => {
    const res = await fetch(`${stack.apiUrl}${path}`);
    const type = res.headers.get('content-type') ?? '';
    return { status: res.status, body: type.includes('json') ? await readJson(res) : await res.text() };
  };
  const rejectedKeys = async () =>
    ((await api('/rejections?limit=100')).body.items as Json[]).map((r) => r.key);

  it('counts an .html page with its title, time, source and canonical URL, and serves its extracted text', async () => {
    await put('pages/kherson.html', page('jsonld-article.html'));
    const { status, body } = await api(`/articles/${articleIdOf('pages/kherson.html')}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      title: 'Kherson residents return as power comes back',
      publishedAt: '2022-11-12T07:30:00.000Z',
      publishedAtAssumedZone: null,
      source: 'The Daily Example',
      url: 'https://daily.example.org/world/kherson-power',
      language: 'en-GB',
    });
    // Twice in the article text; the caption and the related-stories list that also name it are not read.
    expect(body.topics.kherson.mentions).toBe(2);
    expect(body.topics.kherson.matches.map((m: Json) => m.sentence)).toEqual([
      expect.stringMatching(/^Residents of Kherson began/),
      expect.stringMatching(/^Aid groups warned that mines/),
    ]);
    const trend = await api('/topics/kherson/trend?from=2022-11-12&to=2022-11-12');
    expect(trend.body.buckets[0]).toMatchObject({ articles: 1, mentions: 2 });

    const text = await api(`/articles/${articleIdOf('pages/kherson.html')}/text`);
    expect(text.status).toBe(200);
    expect(text.body).toMatch(/^Residents of Kherson began returning/);
    expect(text.body).not.toMatch(/SCRIPT TEXT|STYLE TEXT|COMMENT TEXT|Engineers repair a substation/);
  });

  it('counts a gzip-encoded page (Content-Encoding: gzip) and a .html.gz key alike', async () => {
    const zipped = gzipSync(page('og-only.html'));
    await put('pages/grain.html', zipped, { encoding: 'gzip' });
    await put('pages/grain-copy.html.gz', zipped);
    for (const key of ['pages/grain.html', 'pages/grain-copy.html.gz']) {
      const { status, body } = await api(`/articles/${articleIdOf(key)}`);
      expect(status).toBe(200);
      expect(body).toMatchObject({
        title: 'Grain corridor talks resume in Istanbul',
        publishedAt: '2022-11-08T12:00:00.000Z',
        publishedAtAssumedZone: 'UTC',
        source: 'Harbour Post',
        url: 'https://harbour.example/grain-talks',
      });
      expect(body.topics.negotiations.mentions).toBeGreaterThan(0);
    }
    const trend = await api('/topics/negotiations/trend?from=2022-11-08&to=2022-11-08');
    expect(trend.body.buckets[0].articles).toBe(2);
  });

  it('takes a Cyrillic source from RFC 2047 metadata', async () => {
    const source = `=?UTF-8?B?${Buffer.from('Українська правда').toString('base64')}?=`;
    await put('pages/kyiv.txt', 'Shelling hit Kherson again on Sunday.', {
      metadata: { source, 'published-at': '2022-11-13T08:00:00' },
    });
    const { body } = await api(`/articles/${articleIdOf('pages/kyiv.txt')}`);
    expect(body).toMatchObject({ source: 'Українська правда', publishedAtAssumedZone: 'UTC' });
  });

  it('rejects a page without text, with that reason', async () => {
    await put('pages/empty.html', page('empty.html'));
    const { body } = await api('/rejections?limit=100');
    expect(body.items.find((r: Json) => r.key === 'pages/empty.html')?.reason).toBe(
      'the page has no extractable text',
    );
  });

  it('takes a key off /rejections once it is fixed and counted, or deleted', async () => {
    await put('fix/me.json', '{"title": "no body"}');
    await put('fix/gone.json', '{"body": ');
    await put('fix/twice.txt', 'x', { metadata: { 'published-at': 'yesterday' } });
    await put('fix/twice.txt', 'x', { metadata: { 'published-at': 'last week' } });
    expect(await rejectedKeys()).toEqual(expect.arrayContaining(['fix/me.json', 'fix/gone.json']));
    // Rejected twice: listed once, with the latest reason.
    const twice = ((await api('/rejections?limit=100')).body.items as Json[]).filter(
      (r) => r.key === 'fix/twice.txt',
    );
    expect(twice).toHaveLength(1);
    expect(twice[0].reason).toMatch(/last week/);

    await put(
      'fix/me.json',
      JSON.stringify({ body: 'Talks on Kherson resumed.', publishedAt: '2022-11-14T10:00:00Z' }),
    );
    await remove('fix/gone.json');
    const keys = await rejectedKeys();
    expect(keys).not.toContain('fix/me.json');
    expect(keys).not.toContain('fix/gone.json');
    expect(keys).toContain('fix/twice.txt');
    expect((await api(`/articles/${articleIdOf('fix/me.json')}`)).status).toBe(200);
  });
});
