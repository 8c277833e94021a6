/**
 * The API benchmark of issues 7 and 11: a one-year daily trend (366 buckets) with 1 000 and with
 * 100 000 articles stored, against GET /articles/{id} (one item read) and /health, all measured
 * interleaved in the same run by autocannon with 16 connections on loopback.
 *
 * How the data is made: 400 corpus articles (seed "bench-api") are analysed by the real analyser;
 * article i is a copy of analysis i mod 400 under its own key (`y2022/<i>.json`, so its own id)
 * published on day i mod 365 of 2022 at hour 7i mod 24, and its record and contribution are
 * built exactly as the ingest path builds them (contributionOf). The 1 000-article table is
 * written by DynamoStore.commitArticle, one transaction per article as ingestion does. DynamoDB
 * Local commits only ~60 transactions/s on this machine, so the 100 000-article table is written
 * in bulk: every counter item once with the SUM of the 100 000 contributions' deltas (UpdateItem
 * ADD), and the article records and listing entries by BatchWriteItem, into an in-memory DynamoDB
 * Local (the file-backed one is ~10× slower to load). The bench checks that the
 * bulk loader leaves the same items as the transactions by loading the 1 000 articles both ways
 * and comparing every item.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import {
  BatchWriteCommand,
  type DynamoDBDocumentClient,
  ScanCommand,
  type ScanCommandOutput,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import autocannon from 'autocannon';
import { Analyser, type ArticleAnalysis } from '#shared/analysis/analyse.js';
import { type ArticleRecord, articleIdOf } from '#shared/ingest/article.js';
import {
  type Contribution,
  type CounterDelta,
  contributionOf,
  diffContributions,
  EMPTY_CONTRIBUTION,
} from '#shared/ingest/contribution.js';
import { toArticleItem } from '#shared/storage/article-item.js';
import { createDynamoClient } from '#shared/storage/clients.js';
import { counterItemUpdates } from '#shared/storage/counter-items.js';
import { DynamoStore } from '#shared/storage/dynamo-store.js';
import { GROWTH_ATTRIBUTE, updateGrowth } from '#shared/storage/entity-parts.js';
import { membershipKey } from '#shared/storage/keys.js';
import { defaultTopics } from '#shared/topics/load.js';
import { ensureTable, startDynamoLocal } from '../../local/dynamodb.js';
import { freePort } from '../../local/ports.js';
import { generateCorpus } from '../../scripts/corpus.js';
import { log, median, pool, quantile, type Row, r2, root, type SectionResult } from '../lib.js';

export type ApiOptions = { readonly small: number; readonly big: number };

const BASE = 400;
const DAY0 = Date.UTC(2022, 0, 1);

export function baseAnalyses(): { title: string; source: string; url: string; analysis: ArticleAnalysis }[] {
  const analyser = new Analyser(defaultTopics());
  return [...generateCorpus({ articles: BASE, days: 365, seed: 'bench-api', start: '2022-01-01' })].map(
    (c) => ({
      title: c.article.title,
      source: c.article.source,
      url: c.article.url,
      analysis: analyser.analyse({ body: c.article.body, language: c.article.language }),
    }),
  );
}

function recordOf(i: number, base: ReturnType<typeof baseAnalyses>): ArticleRecord {
  const b = base[i % BASE];
  if (!b) throw new Error('no base analysis');
  const key = `y2022/${i}.json`;
  const id = articleIdOf(key);
  const publishedAt = `${new Date(DAY0 + (i % 365) * 86_400_000 + ((7 * i) % 24) * 3_600_000).toISOString().slice(0, 19)}Z`;
  const a = b.analysis;
  const contribution: Contribution = contributionOf(a, publishedAt, id);
  return {
    id,
    key,
    bucket: 'articles',
    sequencer: (i + 1).toString(16).toUpperCase().padStart(18, '0'),
    versionId: undefined,
    status: 'active',
    updatedAt: '2026-01-01T00:00:00.000Z',
    title: b.title,
    source: b.source,
    url: b.url,
    publishedAt,
    language: a.language,
    sentiment: a.sentiment,
    topics: a.topics,
    entities: a.entities.slice(0, 100),
    fingerprint: id.padEnd(64, '0'),
    bytes: 3000,
    contribution,
  };
}

async function loadByTransactions(store: DynamoStore, n: number, base: ReturnType<typeof baseAnalyses>) {
  await pool(
    Array.from({ length: n }, (_, i) => i),
    10,
    async (i) => {
      const r = recordOf(i, base);
      const change = diffContributions(EMPTY_CONTRIBUTION, r.contribution);
      while (!(await store.commitArticle(r, undefined, change, undefined))) {
        /* a conflict on a shared counter: commit again */
      }
    },
  );
}

/** The same end state as n commitArticle calls: counters as sums, records and listings in batches. */
export async function loadInBulk(
  db: DynamoDBDocumentClient,
  table: string,
  n: number,
  base: ReturnType<typeof baseAnalyses>,
) {
  const deltas: CounterDelta[] = [];
  const puts: Record<string, unknown>[] = [];
  const flushPuts = async () => {
    const chunks: Record<string, unknown>[][] = [];
    for (let i = 0; i < puts.length; i += 25) chunks.push(puts.slice(i, i + 25));
    puts.length = 0;
    await pool(chunks, 8, async (chunk) => {
      let items = chunk.map((Item) => ({ PutRequest: { Item } }));
      for (let attempt = 0; items.length > 0; attempt++) {
        const res = await db.send(new BatchWriteCommand({ RequestItems: { [table]: items } }));
        items = (res.UnprocessedItems?.[table] ?? []) as typeof items;
        if (items.length > 0) await new Promise((r) => setTimeout(r, 10 * 2 ** Math.min(attempt, 6)));
      }
    });
  };
  /** Each entity item's growth bound, as each article's own update adds to it (entity-parts.ts). */
  const growth = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const r = recordOf(i, base);
    deltas.push(...r.contribution.counters);
    for (const u of counterItemUpdates(
      r.contribution.counters.filter((d) => d.counter.kind === 'entities'),
    )) {
      const id = `${u.key.pk}\u0000${u.key.sk}`;
      const added = updateGrowth(u.add);
      growth.set(id, (growth.get(id) ?? 0) + added);
    }
    puts.push(toArticleItem(r));
    for (const m of r.contribution.memberships) puts.push({ ...membershipKey(m), id: r.id });
    if (puts.length >= 5000) await flushPuts();
    if ((i + 1) % 20_000 === 0) log(`  bulk: ${i + 1} articles written`);
  }
  await flushPuts();
  const putsDone = performance.now();
  // The storage module's own packing: the same item updates a transaction would make, summed.
  const counters = counterItemUpdates(deltas);
  await pool(counters, 16, async (c) => {
    const entries = Object.entries(c.add);
    const grown = growth.get(`${c.key.pk}\u0000${c.key.sk}`);
    if (grown) entries.push([GROWTH_ATTRIBUTE, grown]);
    await db.send(
      new UpdateCommand({
        TableName: table,
        Key: c.key,
        UpdateExpression: `ADD ${entries.map((_, j) => `#a${j} :v${j}`).join(', ')}`,
        ExpressionAttributeNames: Object.fromEntries(entries.map(([a], j) => [`#a${j}`, a])),
        ExpressionAttributeValues: Object.fromEntries(entries.map(([, v], j) => [`:v${j}`, v])),
      }),
    );
  });
  log(
    `  bulk: counters written (${counters.length} items) in ${Math.round((performance.now() - putsDone) / 1000)} s`,
  );
  return { counterItems: counters.length };
}

async function scanAll(db: DynamoDBDocumentClient, table: string): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: ScanCommandOutput['LastEvaluatedKey'];
  do {
    const page: ScanCommandOutput = await db.send(
      new ScanCommand({ TableName: table, ExclusiveStartKey: start }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

/** Items as sorted canonical JSON (keys sorted at every level), to compare two tables. */
function canonical(items: Record<string, unknown>[]): string[] {
  const sortKeys = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sortKeys)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.entries(v as Record<string, unknown>)
              .sort(([a], [b]) => (a < b ? -1 : 1))
              .map(([k, x]) => [k, sortKeys(x)]),
          )
        : v;
  return items
    .map((i) => JSON.stringify(sortKeys(i), (_k, v) => (typeof v === 'bigint' ? `${v}n` : v)))
    .sort();
}

async function startServers(
  endpoint: string,
  tables: string[],
): Promise<{ urls: Record<string, string>; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(root, 'bench', 'api-server.ts'), endpoint, ...tables],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, NODE_NO_WARNINGS: '1' },
    },
  );
  const line = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`api server exited (${code})`)));
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).once('line', resolve);
  });
  return { urls: JSON.parse(line) as Record<string, string>, child };
}

/** One autocannon run; returns every response's latency (ms) and the count of non-200s. */
/** A request autocannon repeats: a GET of the path, or a POST of `body` (JSON) to it. */
type Target = { readonly url: string; readonly paths: string[]; readonly body?: string };

async function cannon(
  url: string,
  paths: string[],
  seconds: number,
  body?: string,
): Promise<{ latencies: number[]; bad: number }> {
  const latencies: number[] = [];
  let bad = 0;
  await new Promise<void>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections: 16,
        duration: seconds,
        requests: paths.map((path) =>
          body === undefined
            ? { method: 'GET' as const, path }
            : { method: 'POST' as const, path, body, headers: { 'content-type': 'application/json' } },
        ),
      },
      (err) => (err ? reject(err) : resolve()),
    );
    instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
      latencies.push(ms);
      if (status !== 200) bad++;
    });
  });
  return { latencies, bad };
}

/** About 5 KB of real-looking article text: corpus articles (seed "bench-analyse") joined. */
function fiveKbArticle(): { text: string; title: string; language: string } {
  const parts: string[] = [];
  for (const c of generateCorpus({ articles: 20, days: 30, seed: 'bench-analyse', start: '2022-11-01' })) {
    parts.push(c.article.body);
    if (Buffer.byteLength(parts.join('\n\n')) >= 5000) break;
  }
  const text = parts.join('\n\n');
  return { text: text.slice(0, text.lastIndexOf('.', 5200) + 1), title: 'Bench article', language: 'en' };
}

export async function apiSection(o: ApiOptions): Promise<SectionResult> {
  const dir = mkdtempSync(join(tmpdir(), 'trendwire-bench-api-'));
  const port = await freePort();
  // In memory: bulk-loading 100 000 articles into the file-backed store `npm start` uses takes
  // ~10× longer than the 15-minute budget allows; every ratio below is within this one instance.
  const dynamo = await startDynamoLocal(port, undefined);
  const endpoint = `http://127.0.0.1:${port}`;
  const db = createDynamoClient({ dynamoEndpoint: endpoint });
  let servers: { urls: Record<string, string>; child: ChildProcess } | undefined;
  try {
    const small = 'api-small';
    const smallBulk = 'api-small-bulk';
    const big = 'api-big';
    for (const t of [small, smallBulk, big]) await ensureTable(db, t);
    const base = baseAnalyses();

    log(`api: ${o.small} articles by transactions, the same in bulk, compared`);
    let t = performance.now();
    await loadByTransactions(new DynamoStore(db, small), o.small, base);
    const smallLoadS = (performance.now() - t) / 1000;
    await loadInBulk(db, smallBulk, o.small, base);
    const [a, b] = [canonical(await scanAll(db, small)), canonical(await scanAll(db, smallBulk))];
    const identical = a.length === b.length && a.every((x, i) => x === b[i]);
    if (!identical)
      throw new Error(
        `the bulk loader's items differ from the transactions' (${a.length} vs ${b.length} items)`,
      );

    log(`api: ${o.big} articles in bulk`);
    t = performance.now();
    const bulk = await loadInBulk(db, big, o.big, base);
    const bigLoadS = (performance.now() - t) / 1000;

    // Where the time goes, without HTTP: the store's read for a trend (topic and `_all`, 13 month
    // items each, one BatchGetItem) against one consistent GetItem, sequential, in this process.
    const bigStore = new DynamoStore(db, big);
    const storeMs: { trend: number[]; get: number[] } = { trend: [], get: [] };
    for (let i = 0; i < 40; i++) {
      let s = performance.now();
      await bigStore.countersOf(['kherson', '_all'], 'day', '2022-01-01', '2023-01-01');
      storeMs.trend.push(performance.now() - s);
      s = performance.now();
      await bigStore.getArticleById(articleIdOf(`y2022/${i * 997}.json`));
      storeMs.get.push(performance.now() - s);
    }
    const storeRatio = r2(median(storeMs.trend.slice(5)) / median(storeMs.get.slice(5)));

    servers = await startServers(endpoint, [small, big]);
    const trend = '/topics/kherson/trend?from=2022-01-01&to=2023-01-01';
    const articlePaths = (n: number) =>
      Array.from(
        { length: 16 },
        (_, j) => `/articles/${articleIdOf(`y2022/${Math.floor((j * n) / 16)}.json`)}`,
      );
    const url = (table: string) => servers?.urls[table] as string;
    // POST /analyse of a 5 KB article (the issue's figure): corpus articles joined to ~5 KB.
    const fiveKb = fiveKbArticle();
    const targets: Record<string, Target> = {
      analyse: { url: url(small), paths: ['/analyse'], body: JSON.stringify(fiveKb) },
      trendSmall: { url: url(small), paths: [trend] },
      articleSmall: { url: url(small), paths: articlePaths(o.small) },
      trendBig: { url: url(big), paths: [trend] },
      articleBig: { url: url(big), paths: articlePaths(o.big) },
      health: { url: url(big), paths: ['/health'] },
    };
    // Check the responses once: a year of buckets, with the articles in them.
    const check = await (await fetch(`${url(big)}${trend}`)).json();
    const buckets = (check as { buckets: { articles: number }[] }).buckets;
    const trendArticles = buckets.reduce((s, x) => s + x.articles, 0);
    if (buckets.length !== 366) throw new Error(`trend has ${buckets.length} buckets, not 366`);

    const rounds = 6;
    const seconds = 2;
    log(`api: warm-up, then ${rounds} interleaved rounds of ${Object.keys(targets).length} × ${seconds} s`);
    for (const x of Object.values(targets)) await cannon(x.url, x.paths, 1, x.body);
    const analysed = await fetch(`${url(small)}/analyse`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(fiveKb),
    });
    if (analysed.status !== 200) throw new Error(`POST /analyse answered ${analysed.status}`);
    const lat: Record<string, number[]> = {};
    let bad = 0;
    for (let r = 0; r < rounds; r++) {
      for (const [name, x] of Object.entries(targets)) {
        const res = await cannon(x.url, x.paths, seconds, x.body);
        const list = lat[name] ?? [];
        list.push(...res.latencies);
        lat[name] = list;
        bad += res.bad;
      }
    }
    if (bad > 0) throw new Error(`${bad} responses were not 200`);
    const p = (name: string, q: number) => quantile(lat[name] ?? [], q);
    const stats = Object.fromEntries(
      Object.keys(targets).map((k) => [
        k,
        { requests: lat[k]?.length ?? 0, p50: r2(p(k, 0.5)), p99: r2(p(k, 0.99)) },
      ]),
    );
    const ratio = (x: string, y: string, q: number) => r2(p(x, q) / p(y, q));
    const growth50 = ratio('trendBig', 'trendSmall', 0.5);
    const growth99 = ratio('trendBig', 'trendSmall', 0.99);
    const vsArticle = {
      small: {
        p50: ratio('trendSmall', 'articleSmall', 0.5),
        p99: ratio('trendSmall', 'articleSmall', 0.99),
      },
      big: { p50: ratio('trendBig', 'articleBig', 0.5), p99: ratio('trendBig', 'articleBig', 0.99) },
    };
    const vsHealth = { p50: ratio('trendBig', 'health', 0.5), p99: ratio('trendBig', 'health', 0.99) };
    const analyseVsArticle = {
      p50: ratio('analyse', 'articleSmall', 0.5),
      p99: ratio('analyse', 'articleSmall', 0.99),
    };
    const k = (n: number) => (n >= 1000 ? `${n / 1000}k` : String(n));
    const rows: Row[] = [
      {
        section: 'api',
        figure: `one-year trend (366 buckets), ${k(o.big)} vs ${k(o.small)} articles, p50 / p99`,
        value: `${growth50} / ${growth99}`,
        target: '<= 1.5',
        ok: growth50 <= 1.5 && growth99 <= 1.5,
      },
      {
        section: 'api',
        figure: `trend / GET /articles/{id}, ${k(o.big)} articles, p50 / p99 (interleaved)`,
        value: `${vsArticle.big.p50} / ${vsArticle.big.p99}`,
        target: '<= 3',
        ok: vsArticle.big.p50 <= 3 && vsArticle.big.p99 <= 3,
      },
      {
        section: 'api',
        figure: `trend / GET /articles/{id}, ${k(o.small)} articles, p50 / p99 (interleaved)`,
        value: `${vsArticle.small.p50} / ${vsArticle.small.p99}`,
        target: '<= 3',
        ok: vsArticle.small.p50 <= 3 && vsArticle.small.p99 <= 3,
      },
      {
        section: 'api',
        figure: `POST /analyse of a ${Math.round(Buffer.byteLength(fiveKb.text) / 1024)} KB article / GET /articles/{id}, ${k(o.small)} articles, p50 / p99 (interleaved)`,
        value: `${analyseVsArticle.p50} / ${analyseVsArticle.p99}`,
        target: 'p50 <= 3',
        ok: analyseVsArticle.p50 <= 3,
        note: 'GET /articles/{id} here reads the record only (the bench API has no bucket to show matches from)',
      },
      {
        section: 'api',
        figure: `storage alone: trend's read (1 BatchGetItem, 26 items) / 1 GetItem, ${k(o.big)} articles, sequential median`,
        value: `${storeRatio}`,
        note: 'separates DynamoDB Local from the HTTP app',
      },
      {
        section: 'api',
        figure: `trend / GET /health, ${k(o.big)} articles, p50 / p99 (for scale)`,
        value: `${vsHealth.p50} / ${vsHealth.p99}`,
      },
    ];
    return {
      rows,
      data: {
        articles: { small: o.small, big: o.big },
        data: 'see the header of bench/sections/api.ts: 400 analysed corpus articles replicated under distinct keys over 2022',
        load: {
          smallByTransactionsSeconds: r2(smallLoadS),
          bigInBulkSeconds: r2(bigLoadS),
          bigCounterItems: bulk.counterItems,
          bulkEqualsTransactions: identical,
          itemsCompared: a.length,
        },
        trendCheck: { buckets: buckets.length, khersonArticlesInYear: trendArticles },
        autocannon: { connections: 16, rounds, secondsPerTarget: seconds, interleaved: Object.keys(targets) },
        latencyMs: stats,
        storeOnlyMedianMs: {
          trendQueries: r2(median(storeMs.trend.slice(5))),
          getItem: r2(median(storeMs.get.slice(5))),
          ratio: storeRatio,
        },
        dynamoLocal: 'in memory (-inMemory), one instance for all tables',
        ratios: {
          trendBigVsSmall: { p50: growth50, p99: growth99 },
          trendVsArticle: vsArticle,
          trendVsHealth: vsHealth,
        },
      },
    };
  } finally {
    servers?.child.kill('SIGTERM');
    await dynamo.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
