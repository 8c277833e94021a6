import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { type ApiStore, createApp } from '#shared/api/app.js';
import { DASHBOARD_CSP } from '#shared/api/dashboard.js';
import { defaultTopics } from '#shared/topics/load.js';
import { buildDashboard, GENERATED } from '../../../scripts/build-dashboard.js';
import { parseState, toSearch, withGranularity, withRange } from '../../../web/state.js';

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
      granularity: 'day',
      metric: 'mentions',
      topics,
      articles: 'kherson',
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
    };
    expect(toSearch(s)).toBe(
      '?from=2022-11-01&to=2022-11-07&granularity=hour&metric=articles&topics=negotiations&articles=',
    );
    expect(parseState(toSearch(s), topics, '2030-01-01')).toEqual(s);
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
  });

  it('keeps ranges within what the API accepts when the granularity or range changes', () => {
    const s = parseState('?from=2022-01-01&to=2022-12-31', topics, 'x');
    expect(withGranularity(s, 'hour')).toMatchObject({ granularity: 'hour', from: '2022-12-01' });
    expect(withRange(s, '2023-02-01', '2023-01-01')).toMatchObject({ from: '2023-01-01', to: '2023-02-01' });
    expect(withRange(s, '', '2023-01-01')).toBe(s);
  });
});
