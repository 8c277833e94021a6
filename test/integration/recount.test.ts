import { DeleteObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, describe, expect, it } from 'vitest';
import { Analyser } from '#shared/analysis/analyse.js';
import { articleIdOf } from '#shared/ingest/article.js';
import { ALL_TOPIC, contributionOf, counterId } from '#shared/ingest/contribution.js';
import { parseArticleObject } from '#shared/ingest/parse.js';
import type { RecountStatus } from '#shared/recount/job.js';
import { S3KeyLister } from '#shared/storage/s3-source.js';
import { defaultTopics } from '#shared/topics/load.js';
import type { TopicFile } from '#shared/topics/schema.js';
import { runRecountStep } from '../../functions/lib/recount-steps.js';
import { RECOUNT_BATCH_KEYS } from '../../infra/constructs/recount.js';
import { articleBytes, generateCorpus } from '../../scripts/corpus.js';
import { counterRows } from '../support/counters.js';
import { readJson } from '../support/json.js';
import { startTestStack, type TestStack } from '../support/local-stack.js';

const ARTICLES = 1_050;
const FROM = '2022-11-01';
const TO = '2022-12-01';

const defaults = defaultTopics();
const kherson = defaults.topics.find((t) => t.id === 'kherson');
if (!kherson) throw new Error('the default topics have no kherson');
/** The defaults without negotiations, plus `grain`: kherson's definition under another id. */
const withGrain: TopicFile = {
  ...defaults,
  topics: [kherson, { ...kherson, id: 'grain', label: 'Grain (kherson twin)' }],
};

/** The bucket as the test last wrote it: what one clean pass would count. */
const bucket = new Map<string, Buffer>();

/** Counter amounts of one clean pass over `bucket` under `topics`, by counter id. */
async function cleanPass(topics: TopicFile): Promise<Map<string, Record<string, number>>> {
  const analyser = new Analyser(topics);
  const totals = new Map<string, Record<string, number>>();
  for (const [key, bytes] of bucket) {
    const article = await parseArticleObject({
      key,
      bytes,
      metadata: {},
      eventTime: new Date().toISOString(),
    });
    const analysis = analyser.analyse({
      body: article.body,
      title: article.title,
      language: article.language,
    });
    for (const d of contributionOf(analysis, article.publishedAt, articleIdOf(key)).counters) {
      if (d.counter.kind !== 'topic') continue;
      const id = counterId({ ...d.counter, shard: 0 });
      const row = totals.get(id) ?? {};
      // Unique counts depend on the clusters the pipeline found: the property test covers them.
      for (const [k, v] of Object.entries(d.add)) if (!k.startsWith('unique')) row[k] = (row[k] ?? 0) + v;
      totals.set(id, row);
    }
  }
  return totals;
}

/** The stored counters of a topic, bucket by bucket, as `counterId → amounts` (empty buckets left out). */
async function stored(stack: TestStack, topic: string, as = topic) {
  const out = new Map<string, Record<string, number>>();
  for (const granularity of ['day', 'hour'] as const) {
    for (const r of await counterRows(stack.runtime.store, topic, granularity, FROM, TO)) {
      if (r.articles === 0) continue;
      const row: Record<string, number> = { articles: r.articles };
      if (topic !== ALL_TOPIC) {
        Object.assign(row, { mentions: r.mentions, sentMilli: r.sentMilli });
        if (r.positive) row.pos = r.positive;
        if (r.neutral) row.neu = r.neutral;
        if (r.negative) row.neg = r.negative;
      }
      out.set(counterId({ kind: 'topic', topic: as, granularity, bucket: r.bucket, shard: 0 }), row);
    }
  }
  return out;
}

const expectedOf = (all: Map<string, Record<string, number>>, topic: string) =>
  new Map([...all].filter(([id]) => id.startsWith(`t|${topic}|`)));

const put = (stack: TestStack, key: string, bytes: Buffer) => {
  bucket.set(key, bytes);
  return stack.runtime.s3.send(new PutObjectCommand({ Bucket: stack.bucket, Key: key, Body: bytes }));
};

async function inParallel<T>(items: readonly T[], n: number, f: (item: T) => Promise<unknown>) {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: n }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await f(item);
    }),
  );
}

describe('Recount over the archive (DynamoDB Local and s3rver)', () => {
  let stack: TestStack | undefined;
  afterAll(async () => {
    await stack?.dispose();
  });

  it('a topic added at restart gets its whole history, equal to a clean pass, while ingestion goes on', async () => {
    stack = await startTestStack();
    expect(stack.recount).toBeUndefined(); // an empty table: nothing to recount
    const corpus = [...generateCorpus({ articles: ARTICLES, days: 30, seed: 'recount', start: FROM })];
    await inParallel(corpus, 16, (item) => put(stack as TestStack, item.key, articleBytes(item.article)));
    await stack.bridge.idle();
    const khersonBefore = await stored(stack, 'kherson');
    expect(khersonBefore.size).toBeGreaterThan(10);
    await stack.stop();

    // Restart with grain added and negotiations removed: the stack recounts in the background,
    // and uploads, overwrites and deletes go on while it runs.
    stack = await startTestStack({ restartOf: stack, topics: withGrain });
    expect(stack.recount).toBeDefined();
    const live = corpus.slice(0, 60);
    const fresh = [...generateCorpus({ articles: 30, days: 30, seed: 'recount-live', start: FROM })];
    await Promise.all([
      inParallel(live.slice(0, 30), 4, (item) =>
        put(
          stack as TestStack,
          item.key,
          articleBytes({ ...item.article, body: `Kherson. ${item.article.body}` }),
        ),
      ),
      inParallel(live.slice(30), 4, async (item) => {
        bucket.delete(item.key);
        await stack?.runtime.s3.send(new DeleteObjectCommand({ Bucket: 'articles', Key: item.key }));
      }),
      inParallel(fresh, 4, (item) => put(stack as TestStack, `live/${item.key}`, articleBytes(item.article))),
    ]);
    const status = (await stack.recount) as RecountStatus;
    await stack.bridge.idle();
    expect(status).toMatchObject({ status: 'done', failed: 0 });
    expect(status.processed).toBeGreaterThanOrEqual(ARTICLES - 30);
    expect(status.recounted).toBeGreaterThan(ARTICLES / 2);

    const expected = await cleanPass(withGrain);
    const grain = await stored(stack, 'grain');
    expect(grain).toEqual(expectedOf(expected, 'grain'));
    expect(await stored(stack, 'grain', 'kherson')).toEqual(await stored(stack, 'kherson'));
    expect(await stored(stack, 'kherson')).toEqual(expectedOf(expected, 'kherson'));
    expect(await stored(stack, ALL_TOPIC)).toEqual(expectedOf(expected, ALL_TOPIC));
    expect((await stored(stack, 'negotiations')).size).toBe(0);

    const res = await fetch(`${stack.apiUrl}/recounts/${status.id}`);
    expect(res.status).toBe(200);
    expect(await readJson(res)).toMatchObject({ id: status.id, status: 'done', processed: status.processed });
  }, 900_000);

  it('a recount stopped half-way and started again finishes exact', async () => {
    if (!stack) throw new Error('needs the stack of the first test');
    await stack.stop();
    // Back to the defaults: negotiations returns, grain goes.
    stack = await startTestStack({ restartOf: stack, topics: defaults });
    const first = stack.recount as Promise<RecountStatus>;
    expect(first).toBeDefined();
    for (let i = 0; i < 600; i++) {
      const [newest] = (await stack.recounts.listRecounts(1, undefined)).items;
      if (newest?.status === 'running' && newest.processed >= 200) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    await stack.stop(); // aborts the recount where it is
    const stopped = await first;
    expect(stopped.status).toBe('failed');
    expect(stopped.processed).toBeGreaterThanOrEqual(200);
    expect(stopped.processed).toBeLessThan(bucket.size);

    stack = await startTestStack({ restartOf: stack, topics: defaults });
    const status = (await stack.recount) as RecountStatus;
    await stack.bridge.idle();
    expect(status).toMatchObject({ status: 'done', failed: 0 });
    expect(status.recounted).toBeLessThan(bucket.size); // the first run's keys are current

    const expected = await cleanPass(defaults);
    for (const topic of [ALL_TOPIC, 'kherson', 'negotiations'])
      expect(await stored(stack, topic)).toEqual(expectedOf(expected, topic));
    expect((await stored(stack, 'grain')).size).toBe(0);

    const list = await readJson(await fetch(`${stack.apiUrl}/recounts?limit=5`));
    expect(list.items.map((r: RecountStatus) => r.status)).toEqual(['done', 'failed', 'done']);
  }, 900_000);

  it('PUT /topics/{id} adds a topic at run time: a visible recount gives it its whole history', async () => {
    if (!stack) throw new Error('needs the stack of the first test');
    const api = (path: string, init?: RequestInit) => fetch(`${stack?.apiUrl}${path}`, init);
    const putTopic = (id: string, body: unknown) =>
      api(`/topics/${id}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const grain = { ...kherson, id: 'grain', label: 'Grain (kherson twin)' };

    const mismatch = await putTopic('wheat', grain);
    expect(mismatch.status).toBe(400);
    expect(await readJson(mismatch)).toMatchObject({ parameter: 'id' });
    const invalid = await putTopic('grain', { ...grain, terms: [] });
    expect(invalid.status).toBe(400);
    expect((await readJson(invalid)).detail).toMatch(/^terms/);
    expect((await api('/topics/grain')).status).toBe(404);

    const res = await putTopic('grain', grain);
    expect(res.status).toBe(202);
    const change = await readJson(res);
    expect(change).toMatchObject({ topic: 'grain', recount: { status: 'running' } });
    const listed = await readJson(await api('/topics'));
    expect(listed.topics.find((t: { id: string }) => t.id === 'grain')).toMatchObject({ complete: false });
    expect(listed.topics.find((t: { id: string }) => t.id === 'kherson')).toMatchObject({ complete: true });
    expect(await readJson(await api('/topics/grain'))).toMatchObject({
      definition: grain,
      version: change.version,
    });

    // Uploads go on during the recount; they are analysed under the new topic set.
    const more = [...generateCorpus({ articles: 20, days: 30, seed: 'recount-put', start: FROM })];
    await inParallel(more, 4, (item) =>
      put(
        stack as TestStack,
        `put/${item.key}`,
        articleBytes({ ...item.article, body: `Kherson. ${item.article.body}` }),
      ),
    );
    const finished = async (id: string) => {
      for (let i = 0; i < 2400; i++) {
        const s: RecountStatus = await readJson(await api(`/recounts/${id}`));
        if (s.status !== 'running') return s;
        await new Promise((r) => setTimeout(r, 250));
      }
      throw new Error(`recount ${id} still running after 10 minutes`);
    };
    const status = await finished(change.recount.id);
    await stack.bridge.idle();
    expect(status).toMatchObject({ status: 'done', failed: 0 });
    expect(
      (await readJson(await api('/topics'))).topics.every((t: { complete: boolean }) => t.complete),
    ).toBe(true);
    const withBoth: TopicFile = { ...defaults, topics: [...defaults.topics, grain] };
    const expected = await cleanPass(withBoth);
    for (const topic of [ALL_TOPIC, 'kherson', 'negotiations', 'grain'])
      expect(await stored(stack, topic)).toEqual(expectedOf(expected, topic));
    const trends = await readJson(
      await api(`/trends?topics=kherson,grain&from=${FROM}&to=2022-11-30&granularity=day`),
    );
    expect(trends.series[1].buckets).toEqual(trends.series[0].buckets);

    // DELETE: the topic is gone from every route at once; its counters go with the recount.
    const del = await api('/topics/grain', { method: 'DELETE' });
    expect(del.status).toBe(202);
    expect((await api('/topics/grain/trend?from=2022-11-01&to=2022-11-30')).status).toBe(404);
    const again = await readJson(del);
    // The recount is known from the moment the route announces it (its record is written first).
    expect((await api(`/recounts/${again.recount.id}`)).status).toBe(200);
    expect(await finished(again.recount.id)).toMatchObject({ status: 'done', failed: 0 });
    expect((await stored(stack, 'grain')).size).toBe(0);
    expect((await api('/topics/negotiations', { method: 'DELETE' })).status).toBe(202);
    expect((await api('/topics/kherson', { method: 'DELETE' })).status).toBe(400); // the last one
  }, 900_000);

  it('the state machine steps (begin, batches of the listing, finish) recount as the local job does', async () => {
    if (!stack) throw new Error('needs the stack of the first test');
    const current = stack;
    // The topics change again (kherson only), as PUT /topics would, and the steps run it.
    await current.topics.update((f) => ({ ...f, topics: [kherson] }), [], new Date().toISOString());
    const deps = { log: current.recounts, topics: current.topics, ingest: current.runtime };
    const id = 'r-20990101T000000Z-step';
    await runRecountStep({ step: 'begin', id, reason: 'state machine test' }, deps);
    let batches = 0;
    for await (const page of new S3KeyLister(current.runtime.s3).listKeys(current.bucket)) {
      for (let i = 0; i < page.length; i += RECOUNT_BATCH_KEYS) {
        const Items = page.slice(i, i + RECOUNT_BATCH_KEYS).map((Key) => ({ Key, Size: 1 }));
        await runRecountStep({ step: 'batch', Items, BatchInput: { id, bucket: current.bucket } }, deps);
        batches++;
      }
    }
    expect(batches).toBeGreaterThan(10);
    expect(await runRecountStep({ step: 'finish', id }, deps)).toMatchObject({ status: 'done' });
    await current.bridge.idle();
    expect(await current.recounts.getRecount(id)).toMatchObject({
      status: 'done',
      processed: bucket.size,
      failed: 0,
    });
    const expected = await cleanPass({ ...defaults, topics: [kherson] });
    for (const topic of [ALL_TOPIC, 'kherson'])
      expect(await stored(current, topic)).toEqual(expectedOf(expected, topic));
    expect((await stored(current, 'negotiations')).size).toBe(0);
    expect((await current.recounts.getAnalysisState())?.topics.topics.map((t) => t.id)).toEqual(['kherson']);
  }, 900_000);
});
