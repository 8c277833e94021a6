import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Json, readJson } from '../support/json.js';
import { startTestStack, type TestStack } from '../support/local-stack.js';

const seed = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'seed-article.txt'));

/**
 * Dates at the edges of time, through the real path (s3rver → bridge → DynamoDB Local → API).
 * Before the supported window existed, the first request here looped over "months" past year
 * 9999 until the process ran out of memory (107 s and 4.9 GB in the adversarial trial).
 */
describe('The supported date window (1970-01-01 to 2199-12-31)', () => {
  let stack: TestStack;
  const get = async (path: string) => {
    const res = await fetch(`${stack.apiUrl}${path}`);
    return { res, body: await readJson(res) };
  };
  const put = (key: string, body: string | Buffer, metadata: Record<string, string> = {}) =>
    stack.runtime.s3.send(
      new PutObjectCommand({ Bucket: stack.bucket, Key: key, Body: body, Metadata: metadata }),
    );

  beforeAll(async () => {
    stack = await startTestStack();
    await put('seed.txt', seed, { 'published-at': '2022-11-10T12:00:00Z' });
    await stack.bridge.idle();
  });
  afterAll(async () => {
    await stack?.dispose();
  });

  const expectProblem = (r: { res: Response; body: Json }, parameter: string) => {
    expect(r.res.status).toBe(400);
    expect(r.res.headers.get('content-type')).toBe('application/problem+json');
    expect(r.body.parameter).toBe(parameter);
  };

  it('answers a trend in year 9999 (hour or day) with a 400 naming the parameter', async () => {
    const hour = await get(
      '/topics/kherson/trend?from=9999-12-31T00:00:00Z&to=9999-12-31T00:00:00Z&granularity=hour',
    );
    expectProblem(hour, 'from');
    expect(hour.body.detail).toMatch(/1970-01-01.*2199-12-31/);
    expectProblem(await get('/topics/kherson/trend?from=9999-12-31&to=9999-12-31'), 'from');
    expectProblem(await get('/trends?from=2022-11-01&to=9999-12-31'), 'to');
    expectProblem(await get('/topics/kherson/trend?to=2200-01-01T00:00:00Z'), 'to');
  });

  it('answers dates before 1970 or after 2199 with a 400 on /articles and /entities too', async () => {
    expectProblem(await get('/articles?from=1969-12-31'), 'from');
    expectProblem(await get('/articles?to=9999-12-31T23:59:59Z'), 'to');
    expectProblem(await get('/entities?from=0001-01-01&to=0001-01-31'), 'from');
    // An offset that carries the instant past the window's end is outside it too.
    expectProblem(await get('/articles?to=2199-12-31T23:00:00-05:00'), 'to');
  });

  it('answers a date-time with an impossible day or hour with a 400, as the date-only form', async () => {
    expectProblem(await get('/topics/kherson/trend?from=2022-02-30T00:00:00Z&to=2022-03-05'), 'from');
    expectProblem(await get('/topics/kherson/trend?from=2022-02-28&to=2022-02-29T12:00:00Z'), 'to');
    expectProblem(await get('/articles?from=2022-04-31T00:00:00Z'), 'from');
    expectProblem(await get('/articles?from=2022-11-10T24:00:00Z'), 'from');
    expectProblem(await get('/topics/kherson/trend?from=2022-02-30&to=2022-03-05'), 'from');
  });

  it('serves both ends of the window', async () => {
    const first = await get('/topics/kherson/trend?from=1970-01-01&to=1970-01-31');
    expect(first.res.status).toBe(200);
    expect(first.body.buckets).toHaveLength(31);
    expect(first.body.buckets[0].start).toBe('1970-01-01T00:00:00Z');
    const last = await get('/topics/kherson/trend?from=2199-12-31&to=2199-12-31&granularity=hour');
    expect(last.res.status).toBe(200);
    expect(last.body.buckets).toHaveLength(24);
    expect(last.body.buckets.at(-1).start).toBe('2199-12-31T23:00:00Z');
    // A window edge with the default range still answers: the 30 days are cut at 1970-01-01.
    const clipped = await get('/topics/kherson/trend?to=1970-01-05');
    expect(clipped.res.status).toBe(200);
    expect(clipped.body.from).toBe('1970-01-01T00:00:00Z');
    expect((await get('/articles?from=1970-01-01&to=2199-12-31')).res.status).toBe(200);
  });

  it('reads counters by key in time bounded by the buckets asked, whatever their years', async () => {
    // The storage adapter on its own: past year 9999 its keys used to never reach their end.
    const rows = await stack.runtime.store.countersOf(['kherson'], 'hour', '9999-12-31T00', '9999-12-31T23');
    expect(rows.get('kherson')).toEqual([]);
    const days = await stack.runtime.store.countersOf(['kherson'], 'day', '9999-12-01', '9999-12-31');
    expect(days.get('kherson')).toEqual([]);
  });

  it('records an article published outside the window as a rejection with that reason', async () => {
    await put('future.txt', seed, { 'published-at': '9999-12-31T00:00:00Z' });
    await put('ancient.json', JSON.stringify({ body: seed.toString(), publishedAt: '1066-10-14' }));
    await put('impossible.json', JSON.stringify({ body: seed.toString(), publishedAt: '2022-02-30' }));
    await stack.bridge.idle();
    const { body } = await get('/rejections?limit=10');
    const reason = (key: string) => body.items.find((r: Json) => r.key === key)?.reason;
    expect(reason('future.txt')).toMatch(
      /published-at .*outside the supported window 1970-01-01 to 2199-12-31/,
    );
    expect(reason('ancient.json')).toMatch(/publishedAt .*outside the supported window/);
    expect(reason('impossible.json')).toMatch(/not an ISO 8601 date/);
    const kherson = (await get('/topics')).body.topics.find((t: Json) => t.id === 'kherson');
    expect(kherson.articles).toBe(1);
    expect(stack.bridge.stats.deadLettered).toBe(0);
  });
});
