import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '#shared/api/app.js';
import { evidenceOf } from '#shared/articles/evidence.js';
import { defaultTopics } from '#shared/topics/load.js';
import { type Json, readJson } from '../support/json.js';
import { startTestStack, type TestStack } from '../support/local-stack.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures');
const devArticles = readdirSync(join(fixtures, 'dev')).filter((f) => /^dev-\d+\.json$/.test(f));

describe('HTTP API on articles ingested through the real path', () => {
  let stack: TestStack;
  const get = async (path: string) => {
    const res = await fetch(`${stack.apiUrl}${path}`);
    return { res, body: await readJson(res) };
  };

  beforeAll(async () => {
    stack = await startTestStack();
    const put = (key: string, body: string | Buffer, metadata: Record<string, string> = {}) =>
      stack.runtime.s3.send(
        new PutObjectCommand({ Bucket: stack.bucket, Key: key, Body: body, Metadata: metadata }),
      );
    await put('seed.txt', readFileSync(join(fixtures, 'seed-article.txt')), {
      'published-at': '2022-11-10T12:00:00Z',
    });
    for (const f of devArticles) await put(`dev/${f}`, readFileSync(join(fixtures, 'dev', f)));
    await put('bad/one.pdf', '%PDF-1.4');
    await put('bad/two.json', '{"title": "no body"}');
    await put('bad/three.txt', '');
    await stack.bridge.idle();
  });
  afterAll(async () => {
    await stack?.dispose();
  });

  it('totals every topic on /topics', async () => {
    const { body } = await get('/topics');
    const kherson = body.topics.find((t: Json) => t.id === 'kherson');
    // The seed and every development article that mentions Kherson.
    expect(kherson.articles).toBeGreaterThanOrEqual(10);
    expect(kherson.mentions).toBeGreaterThan(kherson.articles);
  });

  it('returns one series per topic on /trends, the same buckets as /topics/{id}/trend', async () => {
    const q = 'from=2022-11-01&to=2022-11-30';
    const { body } = await get(`/trends?topics=kherson,negotiations&${q}`);
    expect(body.series.map((s: Json) => s.topic)).toEqual(['kherson', 'negotiations']);
    const single = await get(`/topics/negotiations/trend?${q}`);
    expect(body.series[1].buckets).toEqual(single.body.buckets);
    expect(body.series[0].buckets).toHaveLength(30);
  });

  it('answers /trends with an unknown topic with a 404', async () => {
    const { res } = await get('/trends?topics=kherson,atlantis');
    expect(res.status).toBe(404);
  });

  it('lists articles newest first and pages through all of them without repeats', async () => {
    const all: Json[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const { body }: { body: Json } = await get(`/articles?limit=4${cursor ? `&cursor=${cursor}` : ''}`);
      expect(body.items.length).toBeLessThanOrEqual(4);
      all.push(...body.items);
      cursor = body.nextCursor;
      pages++;
    } while (cursor && pages < 20);
    expect(all).toHaveLength(devArticles.length + 1);
    expect(new Set(all.map((a) => a.id)).size).toBe(all.length);
    const times = all.map((a) => a.publishedAt);
    expect([...times].sort().reverse()).toEqual(times);
    expect(pages).toBe(Math.ceil(all.length / 4));
  });

  it('filters articles by topic and range', async () => {
    const { body } = await get('/articles?topic=negotiations&from=2022-11-01&to=2022-11-30&limit=100');
    expect(body.items.length).toBeGreaterThan(0);
    for (const a of body.items) {
      expect(a.topics.negotiations.mentions).toBeGreaterThan(0);
      expect(a.publishedAt >= '2022-11-01' && a.publishedAt < '2022-12-01').toBe(true);
    }
    expect(body.nextCursor).toBeNull();
  });

  it('rejects a cursor used on another query, or tampered with', async () => {
    const first = await get('/articles?limit=2');
    const cursor = first.body.nextCursor as string;
    const other = await get(`/articles?limit=2&topic=kherson&cursor=${cursor}`);
    expect(other.res.status).toBe(400);
    expect(other.body.parameter).toBe('cursor');
    const decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    decoded.p[0] = '1999-01';
    decoded.p[1] = 'LIST#x';
    const forged = Buffer.from(JSON.stringify(decoded)).toString('base64url');
    const tampered = await get(`/articles?limit=2&cursor=${forged}`);
    expect(tampered.res.status).toBe(400);
    expect(tampered.body.parameter).toBe('cursor');
  });

  it('returns one article with its entities on /articles/{id}', async () => {
    const list = await get('/articles?topic=kherson&from=2022-11-10&to=2022-11-10');
    const seed = list.body.items.find((a: Json) => a.key === 'seed.txt');
    const { res, body } = await get(`/articles/${seed.id}`);
    expect(res.status).toBe(200);
    expect(body).toMatchObject({
      id: seed.id,
      key: 'seed.txt',
      language: 'en',
      publishedAt: '2022-11-10T12:00:00.000Z',
    });
    expect(body.topics.kherson.mentions).toBe(8);
    expect(body.entities).toEqual(expect.arrayContaining([{ name: 'Bakhmut', type: 'place', mentions: 2 }]));
  });

  it('shows the evidence of every count: matches in the analysed text, served on /articles/{id}/text', async () => {
    for (const item of (await get('/articles?limit=100')).body.items as Json[]) {
      const { body } = await get(`/articles/${item.id}`);
      expect(body.evidence).toBeNull();
      const res = await fetch(`${stack.apiUrl}/articles/${item.id}/text`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain; charset=utf-8/i);
      const text = await res.text();
      for (const [topic, t] of Object.entries(body.topics) as [string, Json][]) {
        expect(t.matches, `${item.key} ${topic}`).toHaveLength(t.mentions);
        for (const m of t.matches) {
          expect(text.slice(m.start, m.end)).toBe(m.text);
          expect(m.sentence).toContain(m.text);
          expect(text).toContain(m.sentence);
        }
      }
    }
    const list = await get('/articles?topic=kherson&from=2022-11-10&to=2022-11-10');
    const seed = list.body.items.find((a: Json) => a.key === 'seed.txt');
    const text = await (await fetch(`${stack.apiUrl}/articles/${seed.id}/text`)).text();
    // The headline is not part of the analysed text, nor is the byline.
    expect(
      text.startsWith(readFileSync(join(fixtures, 'seed-article.txt'), 'utf8').split('\n')[0] ?? ''),
    ).toBe(false);
  });

  it('says why it cannot show the evidence of an article whose object is gone or changed', async () => {
    const list = await get('/articles?limit=1');
    const record = await stack.runtime.store.getArticleById(list.body.items[0].id);
    if (!record) throw new Error('no record');
    const deps = { source: stack.runtime.source, analyser: stack.runtime.analyser, maxArticleBytes: 1 << 20 };
    expect(await evidenceOf(record, deps)).toMatchObject({ ok: true });
    expect(await evidenceOf({ ...record, fingerprint: '0'.repeat(64) }, deps)).toMatchObject({
      ok: false,
      gone: false,
      why: expect.stringMatching(/changed/),
    });
    expect(await evidenceOf({ ...record, key: 'never/uploaded.txt' }, deps)).toMatchObject({
      ok: false,
      gone: true,
    });
  });

  it('analyses a text without storing it on POST /analyse', async () => {
    const before = (await get('/articles?limit=100')).body.items.length;
    const article = JSON.parse(readFileSync(join(fixtures, 'dev', devArticles[0] as string), 'utf8'));
    const res = await fetch(`${stack.apiUrl}/analyse`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: article.body, title: article.title, language: article.language }),
    });
    expect(res.status).toBe(200);
    const body = await readJson(res);
    for (const t of Object.values(body.topics) as Json[]) {
      expect(t.matches).toHaveLength(t.mentions);
      for (const m of t.matches) expect(article.body.slice(m.start, m.end)).toBe(m.text);
    }
    const stored = (await get('/articles?limit=100')).body.items.find(
      (a: Json) => a.key === `dev/${devArticles[0]}`,
    );
    const detail = (await get(`/articles/${stored.id}`)).body;
    for (const [topic, t] of Object.entries(detail.topics) as [string, Json][]) {
      expect(body.topics[topic].mentions, topic).toBe(t.mentions);
    }
    expect(body.sentiment).toEqual(detail.sentiment);
    expect((await get('/articles?limit=100')).body.items.length).toBe(before);
  });

  it('answers an unknown or rejected article with a 404', async () => {
    expect((await get('/articles/0123456789abcdef01234567')).res.status).toBe(404);
    expect((await get('/articles/not-an-id')).res.status).toBe(404);
  });

  it('ranks entities by mentions, filters by type and pages', async () => {
    const q = 'from=2022-10-01&to=2023-01-31&type=person';
    const first = await get(`/entities?${q}&limit=3`);
    expect(first.body.entities).toHaveLength(3);
    for (const e of first.body.entities) expect(e.type).toBe('person');
    const mentions = first.body.entities.map((e: Json) => e.mentions);
    expect([...mentions].sort((a, b) => b - a)).toEqual(mentions);
    const second = await get(`/entities?${q}&limit=3&cursor=${first.body.nextCursor}`);
    const names = [...first.body.entities, ...second.body.entities].map((e: Json) => e.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain('Volodymyr Zelensky');
  });

  it('breaks a topic down by outlet and by language: every article of its trend in each, the seed under (unknown)', async () => {
    const q = 'from=2022-11-01&to=2022-11-30';
    const trend = await get(`/topics/kherson/trend?${q}`);
    const articles = trend.body.buckets.reduce((n: number, b: Json) => n + b.articles, 0);
    expect(articles).toBeGreaterThan(0);
    for (const by of ['source', 'language']) {
      const { body } = await get(`/topics/kherson/breakdown?by=${by}&${q}&limit=100`);
      expect(
        body.items.reduce((n: number, i: Json) => n + i.articles, 0),
        by,
      ).toBe(articles);
      const counts = body.items.map((i: Json) => i.articles);
      expect([...counts].sort((a, b) => b - a)).toEqual(counts);
    }
    const { body } = await get(`/topics/kherson/breakdown?by=source&from=2022-11-10&to=2022-11-10&limit=100`);
    expect(body.items.map((i: Json) => i.value)).toContain('(unknown)');
  });

  it('lists rejections newest first with their reasons, one page at a time', async () => {
    const first = await get('/rejections?limit=2');
    expect(first.body.items).toHaveLength(2);
    const second = await get(`/rejections?limit=2&cursor=${first.body.nextCursor}`);
    const all = [...first.body.items, ...second.body.items];
    expect(all.map((r: Json) => r.key).sort()).toEqual(['bad/one.pdf', 'bad/three.txt', 'bad/two.json']);
    expect(second.body.nextCursor).toBeNull();
    expect(all.find((r: Json) => r.key === 'bad/two.json').reason).toMatch(/field "body"/);
  });

  it('serves responses that validate against its own OpenAPI document', async () => {
    const { body: doc } = await get('/openapi.json');
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    ajv.addSchema({ $id: 'doc', components: doc.components });
    const validate = async (path: string, status = 200) => {
      const { res, body } = await get(path);
      expect(res.status).toBe(status);
      const route = path
        .split('?')[0]
        ?.replace(/\/articles\/[0-9a-f]{24}$/, '/articles/{id}')
        .replace(/\/topics\/[^/]+\/trend$/, '/topics/{id}/trend')
        .replace(/\/topics\/[^/]+\/breakdown$/, '/topics/{id}/breakdown') as string;
      const type = status === 200 ? 'application/json' : 'application/problem+json';
      const schema = doc.paths[route].get.responses[String(status)].content[type].schema;
      const ok = ajv.validate(
        JSON.parse(JSON.stringify(schema).replaceAll('#/components', 'doc#/components')),
        body,
      );
      expect(ajv.errors ?? [], `${path}: ${ajv.errorsText()}`).toEqual([]);
      expect(ok).toBe(true);
    };
    const seedId = (await get('/articles?limit=1')).body.items[0].id;
    for (const path of [
      '/health',
      '/topics',
      '/topics/kherson/trend?from=2022-11-01&to=2022-11-30',
      '/topics/kherson/trend?granularity=hour&from=2022-11-10&to=2022-11-10',
      '/trends?from=2022-11-01&to=2022-11-30',
      '/articles?limit=5',
      `/articles/${seedId}`,
      '/entities?from=2022-11-01&to=2022-11-30',
      '/topics/kherson/breakdown?by=source&from=2022-11-01&to=2022-11-30',
      '/topics/kherson/breakdown?by=language&from=2022-11-01&to=2022-11-30&limit=1',
      '/rejections',
    ]) {
      await validate(path);
    }
    await validate('/topics/kherson/trend?granularity=fortnight', 400);
    await validate('/topics/atlantis/trend', 404);
    await validate('/articles/0123456789abcdef01234567', 404);
  });

  it('never answers a 5xx, and answers every 4xx with problem+json (fuzzed)', async () => {
    const app = createApp({ store: stack.runtime.store, topics: defaultTopics(), onError: () => {} });
    const paths = [
      '/topics',
      '/topics/kherson/trend',
      '/topics/kherson/breakdown',
      '/trends',
      '/articles',
      '/entities',
      '/rejections',
      '/health',
    ];
    const names = [
      'from',
      'to',
      'granularity',
      'format',
      'topics',
      'topic',
      'limit',
      'cursor',
      'type',
      'id',
      'by',
    ];
    const nasty = fc.oneof(
      fc.string(),
      fc.string({ unit: 'grapheme', maxLength: 50 }),
      fc.constantFrom(
        '',
        '0',
        '-1',
        '101',
        '1e309',
        'NaN',
        '2022-02-30',
        '2022-11-10T25:00:00Z',
        "' OR 1=1 --",
        `\${{7*7}}`,
        '../../etc/passwd',
        '%00',
        'x'.repeat(5000),
      ),
      fc.integer().map(String),
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
    );
    const query = fc.array(fc.tuple(fc.constantFrom(...names), nasty), { maxLength: 6 });
    const pathArb = fc.oneof(
      fc.constantFrom(...paths),
      fc.string({ maxLength: 30 }).map((s) => `/topics/${encodeURIComponent(s)}/trend`),
      fc.string({ maxLength: 30 }).map((s) => `/articles/${encodeURIComponent(s)}`),
      fc.string({ maxLength: 30 }).map((s) => `/${encodeURIComponent(s)}`),
    );
    await fc.assert(
      fc.asyncProperty(pathArb, query, async (path, params) => {
        const qs = new URLSearchParams(params).toString();
        const res = await app.request(`${path}${qs ? `?${qs}` : ''}`);
        expect(res.status).toBeLessThan(500);
        if (res.status >= 400) expect(res.headers.get('content-type')).toBe('application/problem+json');
        await res.arrayBuffer();
      }),
      { numRuns: 300 },
    );
  });
});
