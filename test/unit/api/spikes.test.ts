import { describe, expect, it } from 'vitest';
import { type ApiStore, createApp } from '#shared/api/app.js';
import type { CounterRow } from '#shared/ports.js';
import { defaultTopics } from '#shared/topics/load.js';
import { readJson } from '../../support/json.js';

/** Kherson: 5 articles a day in October 2022, then 40 on 11 November, the day of its liberation. */
const day = (d: number) => new Date(Date.UTC(2022, 9, 1) + d * 86_400_000).toISOString().slice(0, 10);
const rows: CounterRow[] = Array.from({ length: 45 }, (_, d) => ({
  bucket: day(d),
  articles: day(d) === '2022-11-11' ? 40 : 5 + (d % 3),
  mentions: 0,
  unique: 0,
  sentMilli: 0,
  positive: 0,
  neutral: 0,
  negative: 0,
}));
const store = {
  countersOf: async (topics: readonly string[], g: string, from: string, to: string) =>
    new Map(
      topics.map((t) => [
        t,
        t === 'kherson' && g === 'day' ? rows.filter((r) => r.bucket >= from && r.bucket <= to) : [],
      ]),
    ),
  totals: async () => ({ articles: 0, mentions: 0 }),
} as unknown as ApiStore;
const app = createApp({ store, topics: defaultTopics(), now: () => Date.parse('2022-11-14T10:00:00Z') });

describe('GET /topics/{id}/spikes', () => {
  it('returns the day coverage jumped, with its baseline and score, and the method used', async () => {
    const res = await app.request('/topics/kherson/spikes?from=2022-11-01&to=2022-11-14');
    expect(res.status).toBe(200);
    const body = await readJson(res);
    expect(body).toMatchObject({
      topic: 'kherson',
      granularity: 'day',
      from: '2022-11-01T00:00:00Z',
      to: '2022-11-14T00:00:00Z',
      method: { baselineDays: 28, threshold: 3, minArticles: 3, minDeviation: 1 },
    });
    expect(body.spikes).toHaveLength(1);
    expect(body.spikes[0]).toMatchObject({ start: '2022-11-11T00:00:00Z', value: 40 });
    expect(body.spikes[0].score).toBeGreaterThan(10);
  });

  it('takes the method parameters, and a topic with no coverage has no spikes', async () => {
    const strict = await readJson(
      await app.request('/topics/kherson/spikes?from=2022-11-01&to=2022-11-14&threshold=15'),
    );
    expect(strict.spikes).toEqual([]);
    const quiet = await readJson(await app.request('/topics/negotiations/spikes?granularity=hour'));
    expect(quiet).toMatchObject({ granularity: 'hour', spikes: [] });
  });

  it('answers bad parameters with a 400 naming them, an unknown topic with a 404', async () => {
    for (const [query, parameter] of [
      ['threshold=0.5', 'threshold'],
      ['baselineDays=3', 'baselineDays'],
      ['minArticles=x', 'minArticles'],
      ['granularity=week', 'granularity'],
      ['from=2022-02-30', 'from'],
      ['from=2020-01-01&to=2022-01-01', 'from'],
    ]) {
      const res = await app.request(`/topics/kherson/spikes?${query}`);
      expect(res.status, query).toBe(400);
      expect((await readJson(res)).detail, query).toContain(parameter);
    }
    expect((await app.request('/topics/nowhere/spikes')).status).toBe(404);
  });
});
