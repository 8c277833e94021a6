import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../support/local-stack.js';

/**
 * The dashboard in a real browser (Debian's Chromium driven by playwright-core) against the real
 * local stack: articles go in through the S3 API, the page reads them back through the HTTP API.
 * CI installs /usr/bin/chromium (.ci/run); elsewhere, without it, the suite is skipped and says so.
 */
const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  console.log(`test/browser: skipped, ${CHROMIUM} is missing (apt-get install chromium to run it)`);
}

const root = join(import.meta.dirname, '..', '..');
const fixtures = join(root, 'test', 'fixtures');
const artifacts = join(root, 'test', 'artifacts');
const SEED_KEY = '2022/seed-article.txt';
// Published 11–16 November 2022; the seed on the 10th.
const DEV = ['dev-001', 'dev-002', 'dev-005', 'dev-006', 'dev-007'];
const BLUE = [0x00, 0x72, 0xb2]; // Kherson, the first topic
const VERMILION = [0xd5, 0x5e, 0x00]; // Negotiations, the second

describe.skipIf(!hasChromium)('dashboard in Chromium', () => {
  let stack: TestStack;
  let context: BrowserContext;
  let profile: string;
  let page: Page;
  const problems: string[] = [];

  const open = async (path: string, state = 'ready') => {
    await page.goto(`${stack.apiUrl}${path}`);
    await page.locator(`body[data-state="${state}"]`).waitFor();
  };
  /** Pixels of the chart canvas close to a colour: proof that a series was drawn, not just declared. */
  const pixels = (rgb: number[]) =>
    page.locator('#chart canvas').evaluate((el, c) => {
      // The test compiles without the DOM library: the little of a canvas it uses, typed here.
      type Canvas = {
        width: number;
        height: number;
        getContext(kind: '2d'): { getImageData(...a: number[]): { data: Uint8ClampedArray } } | null;
      };
      const canvas = el as unknown as Canvas;
      const d = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data ?? [];
      let n = 0;
      for (let i = 0; i < d.length; i += 4) {
        const close =
          Math.abs((d[i] ?? 0) - (c[0] ?? 0)) < 24 &&
          Math.abs((d[i + 1] ?? 0) - (c[1] ?? 0)) < 24 &&
          Math.abs((d[i + 2] ?? 0) - (c[2] ?? 0)) < 24;
        if (close && (d[i + 3] ?? 0) > 200) n++;
      }
      return n;
    }, rgb);

  beforeAll(async () => {
    const started = Date.now();
    profile = await mkdtemp(join(tmpdir(), 'trendwire-chromium-'));
    const [s, ctx] = await Promise.all([
      startTestStack(),
      chromium.launchPersistentContext(profile, {
        executablePath: CHROMIUM,
        headless: true,
        viewport: { width: 1280, height: 900 },
        args: [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      }),
    ]);
    stack = s;
    context = ctx;
    page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console ${m.type()}: ${m.text()}`);
    });
    console.log(`test/browser: local stack and Chromium up in ${Date.now() - started} ms`);
  });
  afterAll(async () => {
    await context?.close();
    await stack?.dispose();
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  // The tests run in order: this one uploads the articles the others read.
  it('shows how to upload before any article, and the articles once uploaded', async () => {
    await open('/', 'empty');
    const empty = page.locator('#empty');
    await expect(empty.textContent()).resolves.toMatch(
      /No articles yet[\s\S]*aws --endpoint-url http:\/\/localhost:4568 s3 cp article\.txt s3:\/\/articles\//,
    );
    expect(await page.locator('#content').isVisible()).toBe(false);

    const put = (key: string, body: Buffer, metadata: Record<string, string> = {}) =>
      stack.runtime.s3.send(
        new PutObjectCommand({ Bucket: stack.bucket, Key: key, Body: body, Metadata: metadata }),
      );
    await put(SEED_KEY, readFileSync(join(fixtures, 'seed-article.txt')), {
      'published-at': '2022-11-10T12:00:00Z',
    });
    for (const f of DEV) await put(`dev/${f}.json`, readFileSync(join(fixtures, 'dev', `${f}.json`)));
    await stack.bridge.idle();
    // The API lets caches keep answers for 60 s; the page must not show the empty one again.
    await page.reload();
    await page.locator('body[data-state="ready"]').waitFor();
    expect(await empty.isVisible()).toBe(false);
  });

  it('opens on the newest articles by default and charts every topic', async () => {
    await open('/');
    // Newest article: dev-007, 16 November 2022; 30 days to it.
    expect(new URL(page.url()).searchParams.get('to')).toBe('2022-11-16');
    expect(await page.inputValue('#from')).toBe('2022-10-18');
    expect(await page.getAttribute('#chart', 'data-series')).toBe('kherson,negotiations');
    expect(await page.locator('#chart canvas').count()).toBe(1);
    expect(Number(await page.getAttribute('#chart', 'data-points'))).toBeGreaterThan(3);
    expect(await pixels(BLUE)).toBeGreaterThan(50);
    expect(await pixels(VERMILION)).toBeGreaterThan(50);
    await expect(page.locator('.u-legend').textContent()).resolves.toMatch(
      /Kherson · mentions[\s\S]*Negotiations/,
    );
    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, 'dashboard.png'), fullPage: true });
  });

  it('lists the seed among the latest Kherson articles, linked to its view', async () => {
    await open('/?from=2022-11-01&to=2022-11-30');
    const rows = page.locator('#articles-table tbody tr');
    const seed = rows.filter({ hasText: SEED_KEY });
    expect(await seed.count()).toBe(1);
    await expect(seed.locator('time').textContent()).resolves.toBe('2022-11-10 12:00');
    await expect(seed.textContent()).resolves.toMatch(/negative|neutral|positive/);
    const href = (await seed.locator('a').getAttribute('href')) ?? '';
    const id = /^\?from=2022-11-01&.*&article=([0-9a-f]{24})$/.exec(href)?.[1];
    const article = (await (await fetch(new URL(`articles/${id}`, page.url()))).json()) as { key: string };
    expect(article.key).toBe(SEED_KEY);
    // Newest first.
    const times = await rows.locator('time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')));
    expect(times.length).toBeGreaterThan(1);
    expect([...times].sort().reverse()).toEqual(times);
    expect(await page.locator('#entities-table tbody tr').count()).toBeGreaterThan(2);
    await expect(page.locator('#entities-table').textContent()).resolves.toContain('Kherson');
  });

  it('breaks the selected topic down by outlet or by language, the choice kept in the URL', async () => {
    await open('/?from=2022-11-01&to=2022-11-30');
    const title = page.locator('#breakdown-title');
    await expect(title.textContent()).resolves.toBe('Kherson by outlet');
    expect(await page.isChecked('#breakdown-by input[value="source"]')).toBe(true);
    const rows = page.locator('#breakdown-table tbody tr');
    const outlets = await rows.locator('td:first-child').allTextContents();
    // The seed has no source: it is counted under (unknown); the dev articles under their outlets.
    expect(outlets).toContain('(unknown)');
    expect(outlets).toContain('Example Wire');
    const counts = (await rows.locator('td:nth-child(2)').allTextContents()).map(Number);
    expect([...counts].sort((a, b) => b - a)).toEqual(counts);
    const trend = (await (
      await fetch(new URL('topics/kherson/trend?from=2022-11-01&to=2022-11-30', page.url()))
    ).json()) as { buckets: { articles: number }[] };
    expect(counts.reduce((n, c) => n + c, 0)).toBe(trend.buckets.reduce((n, b) => n + b.articles, 0));

    await page.getByLabel('By language').check();
    await page.waitForURL(/breakdown=language/);
    await page.locator('body[data-state="ready"]').waitFor();
    await expect(title.textContent()).resolves.toBe('Kherson by language');
    await expect(page.locator('#breakdown-table thead').textContent()).resolves.toContain('Language');
    expect(await rows.locator('td:first-child').allTextContents()).toContain('en');
    const csv = (await page.getByRole('link', { name: 'All as CSV' }).getAttribute('href')) ?? '';
    expect(csv).toMatch(/^topics\/kherson\/breakdown\?by=language&.*format=csv/);
    const res = await fetch(new URL(csv, page.url()));
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(await res.text()).toMatch(
      /^topic,by,value,articles,mentions,sentiment_mean\nkherson,language,en,/,
    );

    // The articles' topic is the breakdown's; a reload keeps the split.
    await page.selectOption('#articles-topic', 'negotiations');
    await page.waitForURL(/articles=negotiations/);
    await page.reload();
    await page.locator('body[data-state="ready"]').waitFor();
    await expect(title.textContent()).resolves.toBe('Negotiations by language');
    expect(await page.isChecked('#breakdown-by input[value="language"]')).toBe(true);
  });

  it('redraws without a topic toggled off (by keyboard) and restores the view from the URL', async () => {
    await open('/?from=2022-11-01&to=2022-11-30');
    expect(await pixels(VERMILION)).toBeGreaterThan(50);
    await page.focus('#topic-negotiations');
    await page.keyboard.press('Space');
    await page.waitForURL(/topics=kherson&/);
    await page.locator('body[data-state="ready"]').waitFor();
    expect(await page.getAttribute('#chart', 'data-series')).toBe('kherson');
    expect(await pixels(VERMILION)).toBe(0);
    expect(await pixels(BLUE)).toBeGreaterThan(50);
    await expect(page.locator('.u-legend').textContent()).resolves.not.toContain('Negotiations');

    await page.selectOption('#metric', 'articles');
    await page.waitForURL(/metric=articles/);
    await page.reload();
    await page.locator('body[data-state="ready"]').waitFor();
    expect(await page.isChecked('#topic-negotiations')).toBe(false);
    expect(await page.isChecked('#topic-kherson')).toBe(true);
    expect(await page.inputValue('#metric')).toBe('articles');
    expect(await page.inputValue('#from')).toBe('2022-11-01');
    expect(await page.getAttribute('#chart', 'data-series')).toBe('kherson');

    // Back restores the previous view (both topics, mentions).
    await page.goBack();
    await page.goBack();
    await page.locator('body[data-state="ready"]').waitFor();
    expect(await page.isChecked('#topic-negotiations')).toBe(true);
    expect(await page.getAttribute('#chart', 'data-series')).toBe('kherson,negotiations');
  });

  it('ticks a one-week daily chart once a day (it read "10 Nov 10 Nov 10 Nov 11 Nov")', async () => {
    await open('/?from=2022-11-10&to=2022-11-16');
    expect(await page.getAttribute('#chart', 'data-x-ticks')).toBe(
      '10 Nov\n2022|11 Nov|12 Nov|13 Nov|14 Nov|15 Nov|16 Nov',
    );
    await page.setViewportSize({ width: 400, height: 900 });
    await page.locator('#chart canvas').waitFor();
    await expect
      .poll(async () => (await page.getAttribute('#chart', 'data-x-ticks'))?.split('|').length ?? 0)
      .toBeLessThan(7);
    const narrow = (await page.getAttribute('#chart', 'data-x-ticks'))?.split('|') ?? [];
    expect(new Set(narrow).size).toBe(narrow.length);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('shows the empty state, with the upload command, for a range without articles', async () => {
    await open('/?from=2023-03-01&to=2023-03-31', 'empty');
    const empty = page.locator('#empty');
    expect(await empty.isVisible()).toBe(true);
    expect(await page.locator('#content').isVisible()).toBe(false);
    await expect(empty.textContent()).resolves.toMatch(
      /No articles in this range[\s\S]*aws --endpoint-url .* s3 cp/,
    );
    await page.getByRole('button', { name: /Show the 30 days to/ }).click();
    await page.locator('body[data-state="ready"]').waitFor();
    expect(new URL(page.url()).searchParams.get('to')).toBe('2022-11-16');
    expect(await pixels(BLUE)).toBeGreaterThan(50);
  });

  it('shows the API error for a request it refuses, and recovers', async () => {
    // A granularity the page does not offer, forced through the URL, is a 400 from /trends.
    await page.route('**/trends?*', (route) =>
      route.fulfill({
        status: 400,
        contentType: 'application/problem+json',
        body: JSON.stringify({ title: 'Bad Request', status: 400, detail: 'from: is not a date' }),
      }),
    );
    await open('/?from=2022-11-01&to=2022-11-30', 'error');
    await expect(page.locator('#error').textContent()).resolves.toContain('from: is not a date');
    await page.unroute('**/trends?*');
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.locator('body[data-state="ready"]').waitFor();
    expect(await page.locator('#error').isVisible()).toBe(false);
  });

  it('shows a running recount and marks the topics whose history is not complete yet', async () => {
    const at = new Date().toISOString();
    const running = {
      id: 'r-20991231T000000Z-test',
      reason: 'topic negotiations replaced',
      status: 'running' as const,
      analysis: 'test',
      total: 1200,
      processed: 400,
      recounted: 400,
      failed: 0,
      startedAt: at,
      updatedAt: at,
    };
    await stack.recounts.saveRecount(running);
    // GET /topics as the API answers while negotiations' recount runs (the flag itself is
    // covered by test/integration/recount.test.ts): the page must say so.
    await page.route('**/topics', async (route) => {
      const res = await route.fetch();
      const body = (await res.json()) as { topics: { id: string; complete: boolean }[] };
      for (const t of body.topics) t.complete = t.id !== 'negotiations';
      await route.fulfill({ response: res, json: body });
    });
    await open('/?from=2022-11-01&to=2022-11-30');
    const banner = page.locator('#recount');
    await expect(banner.textContent()).resolves.toMatch(/Recounting the archive: 400 of 1,200 articles done/);
    await expect(banner.textContent()).resolves.toContain('Negotiations: history not complete yet');
    await expect(page.locator('label[for="topic-negotiations"] .partial').textContent()).resolves.toBe(
      'recounting',
    );
    expect(await page.locator('label[for="topic-kherson"] .partial').count()).toBe(0);
    await stack.recounts.saveRecount({ ...running, status: 'done', processed: 1200, finishedAt: at });
    await page.unroute('**/topics');
    // The page polls the recount and reloads once it is done: no banner, no mark.
    await page
      .locator('label[for="topic-negotiations"] .partial')
      .waitFor({ state: 'detached', timeout: 30_000 });
    await page.locator('body[data-state="ready"]').waitFor();
    expect(await banner.isVisible()).toBe(false);
  });

  it('opens an article in the page, with a shareable URL, and Back returns to the trends', async () => {
    await open('/?from=2022-11-01&to=2022-11-30&articles=');
    const title = 'Ukrainian troops enter Kherson as residents fill the central square';
    await page.getByRole('link', { name: title }).click();
    await page.waitForURL(/&article=[0-9a-f]{24}$/);
    await page.locator('body[data-state="ready"]').waitFor();
    const view = page.locator('#article-view');
    expect(await view.isVisible()).toBe(true);
    expect(await page.locator('#content').isVisible()).toBe(false);
    await expect(view.locator('h2').textContent()).resolves.toBe(title);
    const meta = (await view.locator('.meta').textContent()) ?? '';
    expect(meta).toMatch(/Example Wire · 2022-11-11 15:20 UTC · en/);
    expect(await view.getByRole('link', { name: 'Original article' }).getAttribute('href')).toBe(
      'https://news.example/dev-001',
    );
    const kherson = page.locator('#article-topics tbody tr', { hasText: 'Kherson' });
    expect(Number(await kherson.locator('td.num').textContent())).toBeGreaterThan(0);
    await expect(kherson.textContent()).resolves.toMatch(/negative|neutral|positive/);
    expect(await page.locator('#article-entities tbody tr').count()).toBeGreaterThan(1);
    await expect(page.locator('#article-entities').textContent()).resolves.toContain('Kherson');
    // Each mention in its sentence, the matched words marked.
    await view.getByText('Each mention in its sentence').click();
    expect(await view.locator('.evidence mark').count()).toBeGreaterThan(0);
    // The text the analysis read, fetched when opened.
    await view.getByText('The text the analysis read').click();
    await view.locator('.article-text p', { hasText: 'Kherson' }).first().waitFor();

    // The URL is the article's: opened afresh, it shows the same view.
    const shared = page.url();
    await page.goBack();
    await page.locator('body[data-state="ready"]').waitFor();
    expect(await view.isVisible()).toBe(false);
    expect(await page.locator('#content').isVisible()).toBe(true);
    expect(new URL(page.url()).searchParams.has('article')).toBe(false);
    await open(new URL(shared).search ? `/${new URL(shared).search}` : '/');
    await expect(view.locator('h2').textContent()).resolves.toBe(title);
    await view.getByRole('link', { name: '← Back to the trends' }).click();
    await page.locator('body[data-state="ready"]').waitFor();
    expect(await page.locator('#articles-table').isVisible()).toBe(true);
    expect(new URL(page.url()).searchParams.get('from')).toBe('2022-11-01');
  });

  it('says so when the article of a URL does not exist, and leads back', async () => {
    await open('/?from=2022-11-01&to=2022-11-30&article=0123456789abcdef01234567', 'error');
    await expect(page.locator('#error').textContent()).resolves.toContain('no article');
    await page.getByRole('button', { name: 'Back to the trends' }).click();
    await page.locator('body[data-state="ready"]').waitFor();
    expect(await page.locator('#content').isVisible()).toBe(true);
  });

  it('keeps the article table within its card with a 200-character source', async () => {
    // Unbroken, the worst case: a table sized by its content grows as wide as the name.
    const source = 'TheVeryLongOutletNameGazette'.repeat(8).slice(0, 200);
    expect(source).toHaveLength(200);
    const dev = JSON.parse(readFileSync(join(fixtures, 'dev', 'dev-001.json'), 'utf8')) as Record<
      string,
      string
    >;
    const body = `${dev.body}\n\nReporting by a long-named outlet's own correspondent in Kherson.`;
    const article = {
      ...dev,
      body,
      source,
      title: 'Kherson residents queue for water',
      publishedAt: '2022-11-15T09:00:00Z',
    };
    await stack.runtime.s3.send(
      new PutObjectCommand({
        Bucket: stack.bucket,
        Key: 'dev/long-source.json',
        Body: JSON.stringify(article),
      }),
    );
    await stack.bridge.idle();
    for (const width of [1280, 400]) {
      await page.setViewportSize({ width, height: 900 });
      await open('/?from=2022-11-01&to=2022-11-30&articles=');
      const row = page.locator('#articles-table tbody tr', { hasText: 'Kherson residents queue for water' });
      expect(await row.count()).toBe(1);
      expect(await row.locator('td.source').getAttribute('title')).toBe(source);
      const fit = await page.locator('#articles').evaluate((box) => {
        const table = box.querySelector('table');
        const cells = [...box.querySelectorAll('tbody tr:first-child td, thead th')];
        const right = box.getBoundingClientRect().right;
        return {
          overflow: (table?.scrollWidth ?? 0) - box.clientWidth,
          scroll: box.scrollWidth - box.clientWidth,
          outside: cells.filter((c) => c.getBoundingClientRect().right > right + 1).length,
        };
      });
      expect(fit, `at ${width} px`).toEqual({ overflow: 0, scroll: 0, outside: 0 });
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('draws a five-year range in months, and a weekly one within the API limits', async () => {
    const asked: string[] = [];
    const onRequest = (r: { url(): string }) => {
      if (r.url().includes('/trends?')) asked.push(r.url());
    };
    page.on('request', onRequest);
    await open('/?from=2022-11-10&to=2022-11-16&granularity=hour');
    await page.getByRole('button', { name: '5 years' }).click();
    await page.waitForURL(/granularity=auto/);
    await page.locator('body[data-state="ready"]').waitFor();
    expect(await page.inputValue('#from')).toBe('2017-11-17');
    expect(await page.getAttribute('#chart', 'data-granularity')).toBe('month');
    await expect(page.locator('#granularity option[value="auto"]').textContent()).resolves.toBe(
      'Auto (monthly)',
    );
    expect(new URL(asked.at(-1) ?? '').searchParams.get('granularity')).toBe('month');
    // GET /entities serves a year of days at most: the entities are the range's last 366 days'.
    await expect(page.locator('#entities-title').textContent()).resolves.toBe(
      'Top entities from 16 Nov 2021',
    );
    expect(await pixels(BLUE)).toBeGreaterThan(20);
    await page.selectOption('#granularity', 'week');
    await page.waitForURL(/granularity=week/);
    await page.locator('body[data-state="ready"]').waitFor();
    expect(await page.getAttribute('#chart', 'data-granularity')).toBe('week');
    // 262 ISO weeks, from the one holding 17 November 2017 (Monday the 13th): within the limit.
    expect(await page.inputValue('#from')).toBe('2017-11-17');
    expect(new URL(asked.at(-1) ?? '').searchParams.get('granularity')).toBe('week');
    expect(await page.locator('#chart-table tbody tr').count()).toBe(262);
    page.off('request', onRequest);
  });

  it('marks a spike on the chart, on its day and hour only, and draws the chart without marks when spikes fail', async () => {
    // Kherson, September 2021: one article a day for 30 days, then 15 on 1 October between 08:00 and 08:14.
    const at = (day: string, time: string) => `${day}T${time}:00Z`;
    const days = Array.from({ length: 30 }, (_, i) => `2021-09-${String(i + 1).padStart(2, '0')}`);
    const articles = [
      ...days.map((d) => ({ key: `spike/day-${d}.json`, publishedAt: at(d, '12:00') })),
      ...Array.from({ length: 15 }, (_, i) => ({
        key: `spike/burst-${i}.json`,
        publishedAt: at('2021-10-01', `08:${String(i).padStart(2, '0')}`),
      })),
    ];
    for (const [i, a] of articles.entries()) {
      const body = `Officials in Kherson gave update number ${i + 1} on the ${a.publishedAt.slice(0, 10)} repairs.`;
      const json = {
        title: `Kherson update ${i + 1}`,
        publishedAt: a.publishedAt,
        source: 'Spike Wire',
        language: 'en',
        body,
      };
      await stack.runtime.s3.send(
        new PutObjectCommand({ Bucket: stack.bucket, Key: a.key, Body: JSON.stringify(json) }),
      );
    }
    await stack.bridge.idle();
    // The API first: the burst is a spike, and nothing else is.
    const range = 'from=2021-09-01&to=2021-10-05';
    const api = (await (await fetch(`${stack.apiUrl}/topics/kherson/spikes?${range}`)).json()) as {
      spikes: { start: string; value: number }[];
    };
    expect(api.spikes.map((x) => [x.start, x.value])).toEqual([['2021-10-01T00:00:00Z', 15]]);

    await open(`/?${range}&granularity=day&metric=articles&topics=kherson`);
    expect(await page.getAttribute('#chart', 'data-spikes')).toBe('kherson 2021-10-01T00:00:00Z');
    const items = page.locator('#chart-spikes li');
    expect(await items.count()).toBe(1);
    await expect(items.first().textContent()).resolves.toMatch(
      /^Kherson 1 Oct 2021 — 15 articles \(usual 1 ± 1, score 14\)$/,
    );
    const marked = await pixels(BLUE);
    mkdirSync(artifacts, { recursive: true });
    await page.locator('.chart-card').screenshot({ path: join(artifacts, 'dashboard-spike.png') });

    // Hours: the burst's hour, against the same hour of the days before.
    await open(`/?from=2021-09-28&to=2021-10-02&granularity=hour&metric=articles&topics=kherson`);
    expect(await page.getAttribute('#chart', 'data-spikes')).toBe('kherson 2021-10-01T08:00:00Z');
    await expect(page.locator('#chart-spikes li').textContent()).resolves.toMatch(
      /^Kherson 1 Oct 2021 08:00 UTC — 15 articles/,
    );

    // Weeks have no spikes: none asked for, none shown.
    const asked: string[] = [];
    const onRequest = (r: { url(): string }) => {
      if (r.url().includes('/spikes?')) asked.push(r.url());
    };
    page.on('request', onRequest);
    await open(`/?${range}&granularity=week&metric=articles&topics=kherson`);
    page.off('request', onRequest);
    expect(asked).toEqual([]);
    expect(await page.getAttribute('#chart', 'data-spikes')).toBe('');
    expect(await page.locator('#chart-spikes').isVisible()).toBe(false);

    // A failed spike fetch: the same chart, without the marks, and a word that they are missing.
    await page.route('**/spikes?*', (route) =>
      route.fulfill({
        status: 404,
        contentType: 'application/problem+json',
        body: JSON.stringify({ title: 'Not Found', status: 404, detail: 'no spikes here' }),
      }),
    );
    await open(`/?${range}&granularity=day&metric=articles&topics=kherson`);
    await page.unroute('**/spikes?*');
    expect(await page.getAttribute('#chart', 'data-spikes')).toBe('');
    expect(Number(await page.getAttribute('#chart', 'data-points'))).toBe(31);
    await expect(page.locator('#chart-spikes').textContent()).resolves.toBe(
      'Spikes of Kherson could not be loaded.',
    );
    // The marks were drawn in Kherson's colour: the chart without them has fewer of its pixels.
    const unmarked = await pixels(BLUE);
    expect(unmarked).toBeGreaterThan(50);
    expect(marked).toBeGreaterThan(unmarked + 30);
  }, 300_000);

  it('counts a syndicated copy once under Stories, in the chart, its description and its table', async () => {
    const day = '/?from=2022-11-10&to=2022-11-10&granularity=day&topics=kherson';
    const totalOf = async () =>
      Number((await page.getAttribute('#chart', 'aria-label'))?.match(/Kherson (\d+) in all/)?.[1]);
    await open(`${day}&metric=articles`);
    const articles = await totalOf();
    await open(`${day}&metric=unique`);
    const before = await totalOf();
    expect(before).toBe(articles);
    // The seed article again, as another outlet ran it: one more article, the same story.
    await stack.runtime.s3.send(
      new PutObjectCommand({
        Bucket: stack.bucket,
        Key: 'reprints/seed-article.txt',
        Body: `Staff and wire reports\n\n${readFileSync(join(fixtures, 'seed-article.txt'), 'utf8')}`,
        Metadata: { 'published-at': '2022-11-10T15:00:00Z', source: 'Another Outlet' },
      }),
    );
    await stack.bridge.idle();
    await open(`${day}&metric=unique`);
    expect(await page.inputValue('#metric')).toBe('unique');
    expect(await totalOf()).toBe(before);
    await expect(page.locator('.u-legend').textContent()).resolves.toContain('stories');
    await open(`${day}&metric=articles`);
    expect(await totalOf()).toBe(before + 1);
    const cells = await page.locator('#chart-table td').allTextContents();
    expect(cells.slice(0, 2)).toEqual([String(before + 1), String(before)]);
  }, 120_000);

  it('ran without script errors or Content-Security-Policy violations', () => {
    // The error tests' 400 and 404 are logged by Chromium as failed resource loads: expected.
    expect(problems.filter((p) => !/(400 \(Bad Request|404 \(Not Found)\)/.test(p))).toEqual([]);
  });
});
