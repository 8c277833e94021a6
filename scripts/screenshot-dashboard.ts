import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { chromium } from 'playwright-core';
import { startTestStack } from '../test/support/local-stack.js';

/**
 * The README's screenshot (docs/dashboard.png): a throw-away local stack with the seed and the
 * development articles, the dashboard in Debian's Chromium. `npx tsx scripts/screenshot-dashboard.ts
 * [dir]` also writes the other states (hourly, narrow screen, empty range, a week, five years,
 * weekly, one article) when given a directory.
 */
const root = join(import.meta.dirname, '..');
const fixtures = join(root, 'test', 'fixtures');
const extraDir = process.argv[2];

const stack = await startTestStack();
const profile = await mkdtemp(join(tmpdir(), 'trendwire-shots-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1280, height: 900 },
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
try {
  const page = context.pages()[0] ?? (await context.newPage());
  const shot = async (path: string, file: string, state: string, width = 1280) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`${stack.apiUrl}${path}`);
    await page.locator(`body[data-state="${state}"]`).waitFor();
    await page.screenshot({ path: file, fullPage: true });
    console.log(file);
  };
  if (extraDir) mkdirSync(extraDir, { recursive: true });
  if (extraDir) await shot('/', join(extraDir, 'no-data.png'), 'empty');
  const put = (key: string, body: Buffer, metadata: Record<string, string> = {}) =>
    stack.runtime.s3.send(
      new PutObjectCommand({ Bucket: stack.bucket, Key: key, Body: body, Metadata: metadata }),
    );
  await put('2022/seed-article.txt', readFileSync(join(fixtures, 'seed-article.txt')), {
    'published-at': '2022-11-10T12:00:00Z',
  });
  for (const f of readdirSync(join(fixtures, 'dev')).filter((n) => n.endsWith('.json'))) {
    await put(`dev/${f}`, readFileSync(join(fixtures, 'dev', f)));
  }
  await stack.bridge.idle();
  mkdirSync(join(root, 'docs'), { recursive: true });
  await shot('/?from=2022-10-01&to=2022-11-30', join(root, 'docs', 'dashboard.png'), 'ready');
  if (extraDir) {
    await shot(
      '/?from=2022-11-08&to=2022-11-16&granularity=hour&articles=',
      join(extraDir, 'hourly.png'),
      'ready',
    );
    await shot('/?from=2022-10-01&to=2022-11-30', join(extraDir, 'narrow.png'), 'ready', 400);
    await shot('/?from=2023-03-01&to=2023-03-31', join(extraDir, 'empty-range.png'), 'empty');
    await shot('/?from=2022-11-10&to=2022-11-16', join(extraDir, 'week.png'), 'ready');
    await shot('/?from=2017-11-17&to=2022-11-16', join(extraDir, 'five-years.png'), 'ready');
    await shot('/?from=2021-11-17&to=2022-11-16&granularity=week', join(extraDir, 'weekly.png'), 'ready');
    const href = (await page.locator('#articles-table a').first().getAttribute('href')) ?? '';
    const id = new URLSearchParams(href).get('article');
    await shot(`/?from=2022-11-01&to=2022-11-30&article=${id}`, join(extraDir, 'article.png'), 'ready');
  }
} finally {
  await context.close();
  await stack.dispose();
  await rm(profile, { recursive: true, force: true });
}
