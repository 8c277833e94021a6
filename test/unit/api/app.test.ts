import { describe, expect, it } from 'vitest';
import type { ApiStore } from '#shared/api/app.js';
import { createApp } from '#shared/api/app.js';
import { UnavailableError } from '#shared/errors.js';
import type { CounterRow } from '#shared/ports.js';
import { defaultTopics } from '#shared/topics/load.js';
import { readJson } from '../../support/json.js';

/** A trend store over fixed rows: these tests are about HTTP behaviour, not storage. */
const rows: Record<string, CounterRow[]> = {
  'kherson|day': [
    {
      bucket: '2022-11-10',
      articles: 2,
      mentions: 9,
      sentMilli: -800,
      positive: 0,
      neutral: 0,
      negative: 2,
      unique: 2,
    },
  ],
  '_all|day': [
    {
      bucket: '2022-11-10',
      articles: 4,
      mentions: 0,
      sentMilli: 0,
      positive: 1,
      neutral: 1,
      negative: 2,
      unique: 0,
    },
  ],
};
const empty = {
  getArticleById: async () => undefined,
  getArticles: async () => [],
  listMonth: async () => ({ entries: [], more: false }),
  dayBounds: async () => undefined,
  activeMonths: async () => [],
  entityDay: async () => [],
  breakdownDay: async () => [],
  listRejections: async () => ({ items: [], next: undefined }),
  clusterPresence: async () => new Map(),
  copiesNear: async () => [],
};
const store: ApiStore = {
  ...empty,
  async countersOf(topics, g, from, to) {
    return new Map(
      topics.map((topic) => [
        topic,
        (rows[`${topic}|${g}`] ?? []).filter((r) => r.bucket >= from && r.bucket <= to),
      ]),
    );
  },
  async totals(topic) {
    const r = rows[`${topic}|day`] ?? [];
    return {
      articles: r.reduce((a, b) => a + b.articles, 0),
      mentions: r.reduce((a, b) => a + b.mentions, 0),
    };
  },
};
const app = createApp({ store, topics: defaultTopics(), now: () => Date.parse('2022-11-20T10:00:00Z') });
const get = (path: string) => app.request(path);

describe('API', () => {
  it('answers /health', async () => {
    const res = await get('/health');
    expect(res.status).toBe(200);
    expect(await readJson(res)).toEqual({ status: 'ok' });
  });

  it('lists the configured topics with their totals', async () => {
    const body = await readJson(await get('/topics'));
    expect(body.topics).toEqual([
      { id: 'kherson', label: 'Kherson', articles: 2, mentions: 9, complete: true },
      { id: 'negotiations', label: 'Negotiations', articles: 0, mentions: 0, complete: true },
    ]);
    expect(body.recount).toBeNull();
  });

  it('returns zero-filled daily buckets with share and mean sentiment, both ends inclusive', async () => {
    const res = await get('/topics/kherson/trend?from=2022-11-09&to=2022-11-11');
    expect(res.status).toBe(200);
    const body = await readJson(res);
    expect(body).toMatchObject({
      topic: 'kherson',
      granularity: 'day',
      from: '2022-11-09T00:00:00Z',
      to: '2022-11-11T00:00:00Z',
    });
    expect(body.buckets).toEqual([
      {
        start: '2022-11-09T00:00:00Z',
        articles: 0,
        mentions: 0,
        share: null,
        sentiment: { mean: null, positive: 0, neutral: 0, negative: 0 },
        unique: 0,
      },
      {
        start: '2022-11-10T00:00:00Z',
        articles: 2,
        mentions: 9,
        share: 0.5,
        sentiment: { mean: -0.4, positive: 0, neutral: 0, negative: 2 },
        unique: 2,
      },
      {
        start: '2022-11-11T00:00:00Z',
        articles: 0,
        mentions: 0,
        share: null,
        sentiment: { mean: null, positive: 0, neutral: 0, negative: 0 },
        unique: 0,
      },
    ]);
  });

  it('defaults to the 30 days before now', async () => {
    const body = await readJson(await get('/topics/kherson/trend'));
    expect(body.buckets).toHaveLength(31);
    expect(body.to).toBe('2022-11-20T00:00:00Z');
  });

  it('gives 48 hourly buckets by default with granularity=hour', async () => {
    const body = await readJson(await get('/topics/kherson/trend?granularity=hour'));
    expect(body.buckets).toHaveLength(49);
    expect(body.buckets[0].start).toBe('2022-11-18T10:00:00Z');
  });

  it('serves the same rows as CSV', async () => {
    const res = await get('/topics/kherson/trend?from=2022-11-10&to=2022-11-10&format=csv');
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(await res.text()).toBe(
      'topic,start,articles,mentions,share,sentiment_mean,positive,neutral,negative,unique\nkherson,2022-11-10T00:00:00Z,2,9,0.5,-0.4,0,0,2,2\n',
    );
  });

  it('serves weeks and months summed from the day counters, in JSON and CSV', async () => {
    const week = await readJson(
      await get('/topics/kherson/trend?from=2022-11-10&to=2022-11-10&granularity=week'),
    );
    expect(week).toMatchObject({ granularity: 'week', from: '2022-11-07T00:00:00Z' });
    expect(week.buckets.map((b: { start: string }) => b.start)).toEqual(['2022-11-07T00:00:00Z']);
    const month = await get(
      '/trends?topics=kherson&from=2022-10-15&to=2022-11-10&granularity=month&format=csv',
    );
    expect(
      (await month.text())
        .split('\n')
        .slice(1, 3)
        .map((l) => l.split(',').slice(0, 2).join(',')),
    ).toEqual(['kherson,2022-10-01T00:00:00Z', 'kherson,2022-11-01T00:00:00Z']);
  });

  it.each([
    ['/topics/kherson/trend?granularity=fortnight', 'granularity'],
    ['/topics/kherson/trend?granularity=week&from=2010-01-01&to=2022-01-01', 'from'],
    ['/topics/kherson/trend?from=yesterday', 'from'],
    ['/topics/kherson/trend?to=2022-13-45', 'to'],
    ['/topics/kherson/trend?from=2022-11-10&to=2022-11-01', 'from'],
    ['/topics/kherson/trend?from=2020-01-01&to=2022-01-01', 'from'],
    ['/topics/kherson/trend?format=xml', 'format'],
    ['/topics/kherson/trend?granularity=day&granularity=hour', 'granularity'],
  ])('answers %s with a 400 problem naming %s', async (path, parameter) => {
    const res = await get(path);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    const body = await readJson(res);
    expect(body).toMatchObject({ status: 400, title: 'Bad parameter', parameter });
    expect(body.detail).toContain(parameter);
  });

  it('says a repeated parameter is repeated', async () => {
    const res = await get('/rejections?limit=1&limit=2');
    expect((await readJson(res)).detail).toBe('limit: is given more than once');
  });

  it('answers an unknown topic with a 404 problem', async () => {
    const res = await get('/topics/bakhmut/trend');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect((await readJson(res)).detail).toMatch(/no topic "bakhmut"/);
  });

  it('answers an unknown route with a 404 problem', async () => {
    const res = await get('/nope');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
  });

  it('publishes an OpenAPI 3.1 document generated from the route schemas', async () => {
    const doc = await readJson(await get('/openapi.json'));
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/health', '/topics', '/topics/{id}/trend']),
    );
    const params = doc.paths['/topics/{id}/trend'].get.parameters.map((p: { name: string }) => p.name);
    expect(params).toEqual(expect.arrayContaining(['id', 'from', 'to', 'granularity', 'format']));
  });

  it('hides internal errors behind a generic 500 problem', async () => {
    const failing = createApp({
      store: { ...store, totals: async () => Promise.reject(new Error('secret connection string')) },
      topics: defaultTopics(),
      onError: () => {},
    });
    const res = await failing.request('/topics');
    expect(res.status).toBe(500);
    expect(await res.text()).not.toContain('secret');
  });

  it('answers a read the store could not finish (throttled past its retries) with a 503 and Retry-After', async () => {
    const busy = createApp({
      store: {
        ...store,
        listMonth: async () => ({
          entries: [{ sortKey: '2022-11-10T00:00:00.000Z#x', id: 'x' }],
          more: false,
        }),
        dayBounds: async () => ({ first: '2022-11-10', last: '2022-11-10' }),
        activeMonths: async () => ['2022-11'],
        getArticles: async () => Promise.reject(new UnavailableError('3 article records stayed unread')),
      },
      topics: defaultTopics(),
      onError: () => {},
    });
    const res = await busy.request('/articles');
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('1');
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });

  it('gzips large responses for clients that accept it', async () => {
    const res = await app.request('/topics/kherson/trend?granularity=hour', {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    const plain = await app.request('/topics/kherson/trend?granularity=hour');
    expect(plain.headers.get('content-encoding')).toBeNull();
  });

  it('lets caches keep successful reads for a minute, and nothing else', async () => {
    expect((await get('/topics')).headers.get('cache-control')).toBe('public, max-age=60');
    expect((await get('/health')).headers.get('cache-control')).toBe('no-store');
    expect((await get('/topics/x/trend')).headers.get('cache-control')).toBe('no-store');
  });

  it('allows no cross-origin reads unless origins are configured', async () => {
    const origin = { headers: { origin: 'https://newsroom.example' } };
    expect((await app.request('/topics', origin)).headers.get('access-control-allow-origin')).toBeNull();
    const open = createApp({ store, topics: defaultTopics(), corsOrigins: ['https://newsroom.example'] });
    const res = await open.request('/topics', origin);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://newsroom.example');
  });
});
