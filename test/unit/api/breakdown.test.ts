import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { type ApiStore, createApp } from '#shared/api/app.js';
import type { BreakdownCount } from '#shared/ports.js';
import { defaultTopics } from '#shared/topics/load.js';
import { type Json, readJson } from '../../support/json.js';

/** Kherson on 10 and 11 November 2022, by source and by language; nothing on other days or topics. */
const c = (value: string, articles: number, mentions: number, sentMilli: number): BreakdownCount => ({
  value,
  articles,
  mentions,
  sentOffset: sentMilli + 1000 * articles,
});
const DAYS: Record<string, Record<string, BreakdownCount[]>> = {
  '2022-11-10': {
    src: [c('Reuters', 3, 5, 300), c('Kyiv "Post", daily', 1, 1, -500), c('(unknown)', 1, 2, 0)],
    lang: [c('en', 4, 6, -200), c('uk', 1, 2, 0)],
  },
  '2022-11-11': { src: [c('Reuters', 1, 1, 100), c('AP', 2, 2, 1000)], lang: [c('en', 3, 3, 1100)] },
};
const asked: string[] = [];
const store = {
  breakdownDay: async (day: string, topic: string, dim: string) => {
    asked.push(day);
    return topic === 'kherson' ? (DAYS[day]?.[dim] ?? []) : [];
  },
} as unknown as ApiStore;
const app = createApp({ store, topics: defaultTopics(), now: () => Date.parse('2022-11-14T10:00:00Z') });
const get = (path: string) => app.request(path);

describe('GET /topics/{id}/breakdown', () => {
  it('sums the days of the range per outlet, most articles first, with mean sentiment', async () => {
    const res = await get('/topics/kherson/breakdown?by=source&from=2022-11-10&to=2022-11-11');
    const body = await readJson(res);
    expect([res.status, body.nextCursor]).toEqual([200, null]);
    expect(body).toEqual({
      topic: 'kherson',
      by: 'source',
      from: '2022-11-10T00:00:00Z',
      to: '2022-11-11T00:00:00Z',
      items: [
        { value: 'Reuters', articles: 4, mentions: 6, sentiment: { mean: 0.1 } },
        { value: 'AP', articles: 2, mentions: 2, sentiment: { mean: 0.5 } },
        { value: '(unknown)', articles: 1, mentions: 2, sentiment: { mean: 0 } },
        { value: 'Kyiv "Post", daily', articles: 1, mentions: 1, sentiment: { mean: -0.5 } },
      ],
      nextCursor: null,
    });
    const lang = await readJson(
      await get('/topics/kherson/breakdown?by=language&from=2022-11-10&to=2022-11-11'),
    );
    expect(lang.items).toEqual([
      { value: 'en', articles: 7, mentions: 9, sentiment: { mean: 0.1286 } },
      { value: 'uk', articles: 1, mentions: 2, sentiment: { mean: 0 } },
    ]);
  });

  it('pages with a cursor bound to its query', async () => {
    const q = 'by=source&from=2022-11-10&to=2022-11-11';
    const first = await readJson(await get(`/topics/kherson/breakdown?${q}&limit=3`));
    expect(first.items.map((i: Json) => i.value)).toEqual(['Reuters', 'AP', '(unknown)']);
    const second = await readJson(
      await get(`/topics/kherson/breakdown?${q}&limit=3&cursor=${first.nextCursor}`),
    );
    expect(second.items.map((i: Json) => i.value)).toEqual(['Kyiv "Post", daily']);
    expect(second.nextCursor).toBeNull();
    const other = await get(
      `/topics/kherson/breakdown?by=language&from=2022-11-10&to=2022-11-11&cursor=${first.nextCursor}`,
    );
    expect(other.status).toBe(400);
    expect((await readJson(other)).parameter).toBe('cursor');
  });

  it('gives CSV with every value, fields quoted where they hold a comma or quote', async () => {
    const res = await get(
      '/topics/kherson/breakdown?by=source&from=2022-11-10&to=2022-11-11&format=csv&limit=1',
    );
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(await res.text()).toBe(
      'topic,by,value,articles,mentions,sentiment_mean\n' +
        'kherson,source,Reuters,4,6,0.1\n' +
        'kherson,source,AP,2,2,0.5\n' +
        'kherson,source,(unknown),1,2,0\n' +
        'kherson,source,"Kyiv ""Post"", daily",1,1,-0.5\n',
    );
  });

  it.each([
    ['', 'by'],
    ['by=outlet', 'by'],
    ['by=source&from=2022-02-30', 'from'],
    ['by=source&to=yesterday', 'to'],
    ['by=source&from=2022-11-12&to=2022-11-10', 'from'],
    ['by=source&from=2020-01-01&to=2022-01-01', 'from'],
    ['by=source&limit=0', 'limit'],
    ['by=source&limit=101', 'limit'],
    ['by=source&cursor=nope!', 'cursor'],
    ['by=source&format=xml', 'format'],
    ['by=source&by=language', 'by'],
  ])('answers ?%s with a 400 problem naming %s', async (query, parameter) => {
    const res = await get(`/topics/kherson/breakdown?${query}`);
    const body = await readJson(res);
    expect([res.status, res.headers.get('content-type')]).toEqual([400, 'application/problem+json']);
    expect(body.parameter).toBe(parameter);
    expect(body.detail).toContain(parameter);
  });

  it('answers an unknown topic, and _all, with a 404', async () => {
    expect((await get('/topics/atlantis/breakdown?by=source')).status).toBe(404);
    expect((await get('/topics/_all/breakdown?by=source')).status).toBe(404);
  });

  it('is in the OpenAPI document, and its answers validate against it', async () => {
    const doc = await readJson(await get('/openapi.json'));
    const op = doc.paths['/topics/{id}/breakdown'].get;
    expect(op.parameters.map((p: Json) => p.name)).toEqual(
      expect.arrayContaining(['id', 'by', 'from', 'to', 'limit', 'cursor', 'format']),
    );
    expect(op.parameters.find((p: Json) => p.name === 'by').required).toBe(true);
    expect(Object.keys(op.responses['200'].content)).toEqual(['application/json', 'text/csv']);
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    ajv.addSchema({ $id: 'doc', components: doc.components });
    const check = async (path: string, status: number, type: string) => {
      const res = await get(path);
      expect(res.status).toBe(status);
      const schema = op.responses[String(status)].content[type].schema;
      const ok = ajv.validate(
        JSON.parse(JSON.stringify(schema).replaceAll('#/components', 'doc#/components')),
        await readJson(res),
      );
      expect(ajv.errors ?? [], path).toEqual([]);
      expect(ok).toBe(true);
    };
    await check(
      '/topics/kherson/breakdown?by=source&from=2022-11-10&to=2022-11-11&limit=2',
      200,
      'application/json',
    );
    await check('/topics/kherson/breakdown?by=language', 200, 'application/json');
    await check('/topics/kherson/breakdown?by=x', 400, 'application/problem+json');
    await check('/topics/atlantis/breakdown?by=source', 404, 'application/problem+json');
  });

  it('reads whole days: the default range is the 30 days before now, like /entities', async () => {
    asked.length = 0;
    await get('/topics/kherson/breakdown?by=source');
    expect(asked[0]).toBe('2022-10-15');
    expect(asked.at(-1)).toBe('2022-11-14');
  });
});
