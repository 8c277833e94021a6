import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { type ApiStore, createApp } from '#shared/api/app.js';
import { DASHBOARD_CSP } from '#shared/api/dashboard.js';
import { defaultTopics } from '#shared/topics/load.js';
import { MAX_BUCKETS, periodCount, periodStart } from '#shared/trends/periods.js';
import { buildDashboard, GENERATED } from '../../../scripts/build-dashboard.js';
import {
  autoGranularity,
  breakdownTopic,
  earliestFrom,
  entityRange,
  granularityOf,
  parseState,
  spanDays,
  toSearch,
  withChosenRange,
  withGranularity,
  withRange,
} from '../../../web/state.js';

// The page's routes never touch storage.
const app = createApp({ store: {} as ApiStore, topics: defaultTopics() });
const topics = ['kherson', 'negotiations'];

describe('GET / (the dashboard)', () => {
  it('serves the page as UTF-8 HTML, revalidated on each visit, under a strict CSP', async () => {
    const res = await app.request('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('content-security-policy')).toBe(DASHBOARD_CSP);
    expect(DASHBOARD_CSP).toContain("script-src 'self'");
    expect(DASHBOARD_CSP).not.toContain('unsafe-inline');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const html = await res.text();
    expect(html).toMatch(/^<!doctype html>/);
    // No inline script or style for the CSP to block.
    expect(html).not.toMatch(/<script>|<style|style=/);
  });

  it('answers a matching If-None-Match with 304 and no body', async () => {
    const first = await app.request('/');
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await app.request('/', { headers: { 'if-none-match': `W/${etag}` } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect((await app.request('/', { headers: { 'if-none-match': '"other"' } })).status).toBe(200);
  });

  it('serves the hashed assets the page names, immutable, gzipped when accepted', async () => {
    const html = await (await app.request('/')).text();
    const names = [...html.matchAll(/"assets\/(dashboard\.[0-9a-f]{12}\.(js|css))"/g)].map((m) => m[1]);
    expect(names).toHaveLength(2);
    for (const name of names) {
      const res = await app.request(`/assets/${name}`, { headers: { 'accept-encoding': 'gzip' } });
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(res.headers.get('content-type')).toMatch(
        name?.endsWith('.js') ? /^text\/javascript/ : /^text\/css/,
      );
      expect(res.headers.get('content-encoding')).toBe('gzip');
      const body = gunzipSync(Buffer.from(await res.arrayBuffer())).toString();
      expect(body.length).toBeGreaterThan(1000);
    }
  });

  it('answers an unknown asset with the API problem 404', async () => {
    for (const path of ['/assets/dashboard.000000000000.js', '/assets/toString', '/assets/__proto__']) {
      const res = await app.request(path);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('is built from web/ as committed (run npm run build:web after editing web/)', async () => {
    const { source } = await buildDashboard();
    expect(readFileSync(GENERATED, 'utf8') === source).toBe(true);
  });
});

describe('dashboard view state in the URL', () => {
  it('defaults to 30 days ending on the newest article, every topic, mentions', () => {
    expect(parseState('', topics, '2022-11-16')).toEqual({
      from: '2022-10-18',
      to: '2022-11-16',
      granularity: 'auto',
      metric: 'mentions',
      topics,
      articles: 'kherson',
      breakdown: 'source',
      article: '',
    });
  });

  it('round-trips through the query string', () => {
    const s = {
      from: '2022-11-01',
      to: '2022-11-07',
      granularity: 'hour' as const,
      metric: 'articles' as const,
      topics: ['negotiations'],
      articles: '',
      breakdown: 'language' as const,
      article: '',
    };
    expect(toSearch(s)).toBe(
      '?from=2022-11-01&to=2022-11-07&granularity=hour&metric=articles&topics=negotiations&articles=&breakdown=language',
    );
    expect(parseState(toSearch(s), topics, '2030-01-01')).toEqual(s);
  });

  it('keeps the breakdown split (outlet unless the URL says language) and the topic it shows', () => {
    expect(parseState('?breakdown=language', topics, '2022-11-16').breakdown).toBe('language');
    expect(parseState('?breakdown=planet', topics, '2022-11-16').breakdown).toBe('source');
    expect(breakdownTopic({ articles: 'negotiations', topics })).toBe('negotiations');
    expect(breakdownTopic({ articles: '', topics: ['negotiations'] })).toBe('negotiations');
    expect(breakdownTopic({ articles: '', topics: [] })).toBe('');
  });

  it('drops unknown topics and bad dates, orders a reversed range, shortens one the API refuses', () => {
    const s = parseState('?topics=atlantis,kherson&from=2022-13-01&to=nope', topics, '2022-11-16');
    expect(s.topics).toEqual(['kherson']);
    expect([s.from, s.to]).toEqual(['2022-10-18', '2022-11-16']);
    expect(parseState('?from=2022-11-30&to=2022-11-01', topics, 'x')).toMatchObject({
      from: '2022-11-01',
      to: '2022-11-30',
    });
    // 744 hourly buckets at most: 31 days.
    expect(parseState('?granularity=hour&from=2022-01-01&to=2022-12-31', topics, 'x')).toMatchObject({
      from: '2022-12-01',
      to: '2022-12-31',
    });
    expect(parseState('?topics=', topics, '2022-11-16').topics).toEqual([]);
    expect(parseState('?granularity=minute', topics, '2022-11-16').granularity).toBe('auto');
  });

  it('keeps the open article in the URL, and drops an id that cannot be one', () => {
    const id = '0123456789abcdef01234567';
    const s = parseState(`?from=2022-11-01&to=2022-11-30&article=${id}`, topics, 'x');
    expect(s.article).toBe(id);
    expect(toSearch(s)).toMatch(new RegExp(`&article=${id}$`));
    expect(parseState(toSearch(s), topics, 'x')).toEqual(s);
    expect(toSearch({ ...s, article: '' })).not.toContain('article=');
    expect(parseState('?article=../topics', topics, '2022-11-16').article).toBe('');
  });

  it('keeps ranges within what the API accepts when the granularity or range changes', () => {
    const s = parseState('?from=2022-01-01&to=2022-12-31&granularity=day', topics, 'x');
    expect(withGranularity(s, 'hour')).toMatchObject({ granularity: 'hour', from: '2022-12-01' });
    expect(withRange(s, '2023-02-01', '2023-01-01')).toMatchObject({ from: '2023-01-01', to: '2023-02-01' });
    expect(withRange(s, '', '2023-01-01')).toBe(s);
  });
});

describe('dashboard granularity for long ranges', () => {
  it('draws days up to 120 days, weeks up to two years, months beyond', () => {
    expect(autoGranularity('2022-11-01', '2022-11-30')).toBe('day');
    expect(autoGranularity('2022-01-01', '2022-04-30')).toBe('day'); // 120 days
    expect(autoGranularity('2022-01-01', '2022-05-01')).toBe('week');
    expect(autoGranularity('2021-01-01', '2022-12-31')).toBe('week'); // 730 days
    expect(autoGranularity('2020-01-01', '2022-12-31')).toBe('month');
    expect(granularityOf({ from: '2020-01-01', to: '2022-12-31', granularity: 'day' })).toBe('day');
  });

  it("starts ranges no earlier than the API's bucket limits allow, to the bucket", () => {
    for (const to of ['2022-11-16', '2024-02-29', '2023-01-01', '2021-01-03', '2022-12-31']) {
      for (const g of ['hour', 'day', 'week', 'month'] as const) {
        const from = earliestFrom(to, g);
        const toEnd = Date.parse(`${to}T23:59:59.999Z`);
        const count = (f: string) =>
          periodCount(periodStart(Date.parse(`${f}T00:00:00Z`), g), periodStart(toEnd, g), g);
        expect(count(from), `${g} to ${to}`).toBe(MAX_BUCKETS[g]);
        const dayBefore = new Date(Date.parse(`${from}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
        expect(count(dayBefore), `${g} to ${to}`).toBeGreaterThan(MAX_BUCKETS[g]);
      }
    }
    expect(earliestFrom('2022-11-16', 'auto')).toBe(earliestFrom('2022-11-16', 'month'));
  });

  it('opens a long range from the URL in weeks or months, beyond the old 366 days', () => {
    const five = parseState('?from=2018-01-01&to=2022-12-31', topics, 'x');
    expect(five).toMatchObject({ from: '2018-01-01', to: '2022-12-31', granularity: 'auto' });
    expect(granularityOf(five)).toBe('month');
    expect(parseState('?from=1990-01-01&to=2022-12-31', topics, 'x').from).toBe('2003-01-01');
    const weeks = parseState('?from=2015-01-01&to=2022-12-31&granularity=week', topics, 'x');
    expect(weeks.from).toBe('2017-12-25'); // the Monday 261 weeks before the last one
  });

  it('keeps a range the user picks whole, switching to auto when the granularity cannot serve it', () => {
    const hourly = parseState('?from=2022-11-10&to=2022-11-16&granularity=hour', topics, 'x');
    const five = withChosenRange(hourly, '2018-01-01', '2022-11-16');
    expect(five).toMatchObject({ from: '2018-01-01', to: '2022-11-16', granularity: 'auto' });
    expect(granularityOf(five)).toBe('month');
    expect(withChosenRange(hourly, '2022-11-16', '2022-11-01')).toMatchObject({
      from: '2022-11-01',
      granularity: 'hour',
    });
    const weekly = withChosenRange({ ...hourly, granularity: 'week' }, '2021-01-01', '2022-11-16');
    expect(weekly.granularity).toBe('week');
    expect(spanDays(weekly.from, weekly.to)).toBe(685);
    expect(withChosenRange(hourly, 'nope', '2022-11-16')).toBe(hourly);
  });

  it('asks GET /entities for the last 366 days of a longer range', () => {
    expect(entityRange({ from: '2018-01-01', to: '2022-11-16' })).toEqual({
      from: '2021-11-16',
      to: '2022-11-16',
    });
    expect(entityRange({ from: '2022-01-01', to: '2022-11-16' })).toEqual({
      from: '2022-01-01',
      to: '2022-11-16',
    });
  });
});
