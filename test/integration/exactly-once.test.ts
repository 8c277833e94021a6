import { DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Analyser } from '#shared/analysis/analyse.js';
import { listArticles } from '#shared/articles/list.js';
import { articleIdOf } from '#shared/ingest/article.js';
import { CommitGroup } from '#shared/ingest/commit-group.js';
import { ALL_TOPIC, contributionOf, counterId } from '#shared/ingest/contribution.js';
import type { ObjectEvent } from '#shared/ingest/events.js';
import { ingestObjectEvent } from '#shared/ingest/process.js';
import type { BreakdownCount, FetchedObject, ObjectSource } from '#shared/ports.js';
import { recountKey } from '#shared/recount/recount-key.js';
import { createDynamoClient } from '#shared/storage/clients.js';
import { DynamoCopyIndex } from '#shared/storage/copy-index.js';
import { DynamoStore } from '#shared/storage/dynamo-store.js';
import { DynamoTopicStore } from '#shared/storage/topic-store.js';
import { applyTopicFile, LiveTopics, TopicsChangedError } from '#shared/topics/live.js';
import { defaultTopics } from '#shared/topics/load.js';
import type { TopicFile } from '#shared/topics/schema.js';
import {
  BREAKDOWN_BY,
  parseBreakdownAttribute,
  sumBreakdown,
  topicBreakdown,
} from '#shared/trends/breakdown.js';
import { periodStart, TREND_GRANULARITIES } from '#shared/trends/periods.js';
import { hourStartIso } from '#shared/trends/time.js';
import { topicTrends } from '#shared/trends/trend.js';
import { type DynamoLocal, ensureTable, startDynamoLocal } from '../../local/dynamodb.js';
import { freePort } from '../../local/ports.js';
import { story } from '../support/copy-texts.js';
import { counterRows } from '../support/counters.js';

const analyser = new Analyser(defaultTopics());
const kherson = defaultTopics().topics[0] as TopicFile['topics'][number];
/** The two topic sets a run switches between: the defaults, and kherson with a twin. */
const TOPIC_SETS: TopicFile[] = [
  defaultTopics(),
  { version: 1, topics: [kherson, { ...kherson, id: 'grain', label: 'Grain' }] },
];
const KEYS = ['a.txt', 'b.txt', 'c.txt'];
const BODIES = [
  'Kherson was shelled overnight.',
  'Kherson and the Kherson region. Peace talks between Kyiv and Moscow stalled.',
  'Nothing about the war here, only the weather in Lisbon.',
  '', // rejected: empty
  // A wire story and a reprint of it (a byline, the last paragraph cut): one copy cluster.
  story.join('\n\n'),
  ['By Staff Reporter', ...story.slice(0, 4)].join('\n\n'),
];
/** Two days of one ISO week, and the Monday of the week before, which starts in October. */
const TIMES = ['2022-11-10T10:00:00.000Z', '2022-11-11T23:30:00.000Z', '2022-10-31T08:00:00.000Z'];
/** Outlets (one with the separator of attribute names, one missing) and languages (one detected). */
const SOURCES = ['Reuters', 'AP | wire', undefined];
const LANGUAGES = [undefined, 'uk'];

type Op = {
  key: string;
  kind: 'put' | 'delete' | 'topics';
  body: number;
  time: number;
  source: number;
  language: number;
};
const opArb: fc.Arbitrary<Op> = fc.record({
  key: fc.constantFrom(...KEYS),
  kind: fc.constantFrom('put', 'put', 'put', 'delete', 'topics'),
  body: fc.nat(BODIES.length - 1),
  time: fc.nat(TIMES.length - 1),
  source: fc.nat(SOURCES.length - 1),
  language: fc.nat(LANGUAGES.length - 1),
});

type Stored = { body: string; time: string; source: string | undefined; language: string | undefined };

/** A bucket whose GetObject answers with the content current at the time of the call. */
class Bucket implements ObjectSource {
  objects = new Map<string, Stored>();
  async getObject(_b: string, key: string): Promise<FetchedObject | 'missing'> {
    await new Promise((r) => setImmediate(r)); // a network hop: lets the other worker run
    const o = this.objects.get(key);
    if (!o) return 'missing';
    const metadata: Record<string, string> = { 'published-at': o.time };
    if (o.source) metadata.source = o.source;
    if (o.language) metadata.language = o.language;
    return { bytes: new TextEncoder().encode(o.body), metadata };
  }
}

/** What one clean pass gives an object: its analysis under `analyser`, with its source. */
const counted = (analyser: Analyser, o: Stored) => ({
  ...analyser.analyse({ body: o.body, language: o.language }),
  source: o.source,
});

/**
 * What one clean pass over the bucket's current objects gives: counter amounts by counter id, and
 * the breakdowns' amounts by `<day>|<attribute>`.
 */
function referenceCounters(
  bucket: Bucket,
  topics: TopicFile,
): { totals: Map<string, Record<string, number>>; breakdowns: Map<string, number> } {
  const analyser = new Analyser(topics);
  const totals = new Map<string, Record<string, number>>();
  const breakdowns = new Map<string, number>();
  for (const [key, o] of bucket.objects) {
    if (o.body.trim() === '') continue; // rejected, never counted
    const c = contributionOf(counted(analyser, o), o.time, articleIdOf(key));
    for (const d of c.counters) {
      if (d.counter.kind === 'entities') {
        for (const [attr, v] of Object.entries(d.add)) {
          const id = `${d.counter.day}|${attr}`;
          if (attr.startsWith('b|')) breakdowns.set(id, (breakdowns.get(id) ?? 0) + v);
        }
      }
      if (d.counter.kind !== 'topic') continue;
      const row = totals.get(counterId(d.counter)) ?? {};
      for (const [k, v] of Object.entries(d.add)) row[k] = (row[k] ?? 0) + v;
      totals.set(counterId(d.counter), row);
    }
  }
  return { totals, breakdowns };
}

/** The reference breakdown of a topic over the test's days, summed as the API sums it. */
function referenceBreakdown(breakdowns: Map<string, number>, topic: string, dim: string) {
  const counts = new Map<string, BreakdownCount>();
  for (const [id, v] of breakdowns) {
    const b = parseBreakdownAttribute(id.slice(id.indexOf('|') + 1));
    if (!b || b.topic !== topic || b.dim !== dim) continue;
    const row = counts.get(b.value) ?? { value: b.value, articles: 0, mentions: 0, sentOffset: 0 };
    const field = b.field === 'a' ? 'articles' : b.field === 'm' ? 'mentions' : 'sentOffset';
    counts.set(b.value, { ...row, [field]: row[field] + v });
  }
  return sumBreakdown(counts.values());
}

describe('Exactly-once counting (property)', () => {
  let dynamo: DynamoLocal;
  let db: ReturnType<typeof createDynamoClient>;
  let runs = 0;
  /** Articles counted for a topic in a cluster of several, over all runs: the property must meet some. */
  let sharedClusters = 0;
  beforeAll(async () => {
    const port = await freePort();
    dynamo = await startDynamoLocal(port, undefined);
    db = createDynamoClient({ dynamoEndpoint: `http://127.0.0.1:${port}` });
  });
  afterAll(async () => {
    await dynamo?.stop();
    console.info(`exactly-once property: ${runs} random event sequences checked`);
  });

  it('ends with the counts of one clean pass under the final topics, whatever the duplicates, order, concurrency, topic changes and recounts', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(opArb, { minLength: 1, maxLength: 10 }),
        fc.array(fc.nat(), { minLength: 30, maxLength: 30 }), // delivery choices
        fc.constantFrom(1, 3), // counter shards
        async (ops, choices, shards) => {
          const table = `prop${runs++}`;
          await ensureTable(db, table);
          const store = new DynamoStore(db, table, { counterShards: shards });
          const topicStore = new DynamoTopicStore(db, table);
          let topicSet = 0;
          await applyTopicFile(topicStore, TOPIC_SETS[0] as TopicFile, 't0');
          // Every worker reads the topic set at each batch, as the ingest handler does.
          const live = new LiveTopics(topicStore, () => analyser, { maxAgeMs: 0 });
          const bucket = new Bucket();
          const deps = {
            store,
            source: bucket,
            analyser,
            maxArticleBytes: 1 << 20,
            counterShards: shards,
            copies: new DynamoCopyIndex(db, table),
          };
          const pending: ObjectEvent[] = [];
          const recounts: Promise<void>[] = [];
          let choice = 0;
          const pick = () => choices[choice++ % choices.length] as number;
          const deliverSome = async (all: boolean) => {
            // Two workers take batches of 1–3 events in a random order, as SQS hands them to the
            // ingest handler; some events are delivered twice. A batch's events run at once and
            // commit together through a CommitGroup, as the handler does. An event that raced
            // with a topic change fails and SQS delivers it again.
            const worker = async () => {
              while (pending.length > 0 && (all || pick() % 3 !== 0)) {
                const batch: ObjectEvent[] = [];
                for (let n = 1 + (pick() % 3); n > 0 && pending.length > 0; n--) {
                  const [event] = pending.splice(pick() % pending.length, 1) as [ObjectEvent];
                  if (pick() % 4 === 0) pending.push({ ...event, eventTime: new Date().toISOString() }); // duplicate
                  batch.push(event);
                }
                const current = await live.analyser();
                const run = { ...deps, analyser: current.analyser, topicsVersion: current.version };
                const group = new CommitGroup(store, batch.length);
                await Promise.all(
                  batch.map((event) =>
                    ingestObjectEvent(event, { ...run, store: group })
                      .catch((err: unknown) => {
                        if (!(err instanceof TopicsChangedError)) throw err;
                        pending.push(event);
                      })
                      .finally(() => group.leave()),
                  ),
                );
              }
            };
            await Promise.all([worker(), worker()]);
          };
          // A recount of every key by two workers at once, as a topic change starts one; it
          // runs while events are delivered. One started before a later change fails on its
          // keys (TopicsChangedError) and the later one redoes them.
          const recount = async () => {
            const current = await live.analyser();
            const run = { ...deps, analyser: current.analyser, topicsVersion: current.version };
            const worker = async () => {
              for (const key of [...bucket.objects.keys()].sort(() => (pick() % 3) - 1)) {
                await recountKey('articles', key, run).catch((err: unknown) => {
                  if (!(err instanceof TopicsChangedError)) throw err;
                });
              }
            };
            await Promise.all([worker(), worker()]);
          };
          for (const [i, op] of ops.entries()) {
            if (op.kind === 'topics') {
              topicSet = 1 - topicSet;
              await live.update(() => TOPIC_SETS[topicSet] as TopicFile, [], `t${i}`);
              recounts.push(recount());
              continue;
            }
            const sequencer = (0x1000 + i).toString(16).toUpperCase().padStart(18, '0');
            if (op.kind === 'put')
              bucket.objects.set(op.key, {
                body: BODIES[op.body] as string,
                time: TIMES[op.time] as string,
                source: SOURCES[op.source],
                language: LANGUAGES[op.language],
              });
            else bucket.objects.delete(op.key);
            pending.push({
              kind: op.kind === 'put' ? 'created' : 'removed',
              bucket: 'articles',
              key: op.key,
              sequencer,
              eventTime: new Date().toISOString(),
            });
            if (pick() % 2 === 0) await deliverSome(false);
          }
          await Promise.all([deliverSome(true), ...recounts]);
          await deliverSome(true); // events a topic change sent back

          const reference = referenceCounters(bucket, TOPIC_SETS[topicSet] as TopicFile);
          const expected = reference.totals;
          for (const topic of [ALL_TOPIC, 'kherson', 'negotiations', 'grain']) {
            for (const g of ['day', 'hour'] as const) {
              const rows = await counterRows(store, topic, g, '2022-10-31', '2022-11-12');
              for (const row of rows) {
                const want =
                  expected.get(
                    counterId({ kind: 'topic', topic, granularity: g, bucket: row.bucket, shard: 0 }),
                  ) ?? {};
                expect({
                  topic,
                  g,
                  bucket: row.bucket,
                  articles: row.articles,
                  mentions: row.mentions,
                  sent: row.sentMilli,
                }).toEqual({
                  topic,
                  g,
                  bucket: row.bucket,
                  articles: want.articles ?? 0,
                  mentions: want.mentions ?? 0,
                  sent: want.sentMilli ?? 0,
                });
                if (topic !== ALL_TOPIC) expect(row.positive + row.neutral + row.negative).toBe(row.articles);
              }
              const seen = new Set(rows.filter((r) => r.articles > 0).map((r) => r.bucket));
              for (const [id, want] of expected) {
                const [, t, gran, b] = id.split('|');
                if (t === topic && gran === g && (want.articles ?? 0) > 0)
                  expect(seen.has(b as string)).toBe(true);
              }
            }
          }
          // Breakdowns by outlet and language: what the API reads equals the clean pass's, and
          // every article counted for a topic is in both of its breakdowns.
          const days = { from: Date.parse('2022-10-31T00:00:00Z'), to: Date.parse('2022-11-12T00:00:00Z') };
          for (const topic of ['kherson', 'negotiations', 'grain']) {
            const articles = [...expected]
              .filter(([id]) => id.startsWith(`t|${topic}|day|`))
              .reduce((n, [, want]) => n + (want.articles ?? 0), 0);
            for (const by of ['source', 'language'] as const) {
              const got = await topicBreakdown(store, topic, by, days);
              expect({ topic, by, got }).toEqual({
                topic,
                by,
                got: referenceBreakdown(reference.breakdowns, topic, BREAKDOWN_BY[by]),
              });
              expect(got.reduce((n, i) => n + i.articles, 0)).toBe(articles);
            }
          }
          // Unique counts: in every day, hour, ISO week and month, the distinct copy clusters among
          // the topic's articles as stored, whatever order the copies came and went in.
          const records = (
            await Promise.all([...bucket.objects.keys()].map((k) => store.getArticle(k)))
          ).filter((r) => r?.status === 'active');
          const clusters = new Map<string, Set<string>>();
          for (const r of records) {
            for (const topic of Object.keys(r?.topics ?? {})) {
              const at = Date.parse(r?.publishedAt ?? '');
              for (const g of TREND_GRANULARITIES) {
                const id = `${topic}|${g}|${hourStartIso(periodStart(at, g))}`;
                clusters.set(id, (clusters.get(id) ?? new Set()).add(r?.copy?.cluster ?? ''));
              }
            }
            const size = records.filter((o) => o?.copy?.cluster === r?.copy?.cluster).length;
            if (size > 1 && Object.keys(r?.topics ?? {}).length > 0) sharedClusters++;
          }
          for (const g of TREND_GRANULARITIES) {
            const range = {
              from: Date.parse('2022-10-31T00:00:00Z'),
              to: Date.parse('2022-11-11T23:00:00Z'),
              granularity: g,
            };
            const topics = ['kherson', 'negotiations', 'grain'];
            const trends = await topicTrends(store, topics, {
              ...range,
              from: periodStart(range.from, g),
              to: periodStart(range.to, g),
            });
            topics.forEach((topic, i) => {
              for (const b of trends[i] ?? []) {
                const want = clusters.get(`${topic}|${g}|${b.start}`)?.size ?? 0;
                expect({ topic, g, start: b.start, unique: b.unique }).toEqual({
                  topic,
                  g,
                  start: b.start,
                  unique: want,
                });
                expect(b.unique).toBeLessThanOrEqual(b.articles);
              }
            });
          }
          const listed = await listArticles(store, { topic: ALL_TOPIC, limit: 100 });
          const counted = [...bucket.objects]
            .filter(([, o]) => o.body.trim() !== '')
            .map(([k]) => articleIdOf(k));
          expect(listed.items.map((a) => a.id).sort()).toEqual(counted.sort());
          await db.send(new DeleteTableCommand({ TableName: table }));
        },
      ),
      { numRuns: 60, endOnFailure: true },
    );
    expect(sharedClusters).toBeGreaterThan(0);
    // 60 sequences of real DynamoDB Local transactions: ~30 s on a quiet 2-core machine.
  }, 300_000);
});
