import { describe, expect, it } from 'vitest';
import { Analyser } from '#shared/analysis/analyse.js';
import type { ArticleRecord, Rejection } from '#shared/ingest/article.js';
import {
  type ContributionChange,
  contributionOf,
  counterId,
  diffContributions,
} from '#shared/ingest/contribution.js';
import type { ObjectEvent } from '#shared/ingest/events.js';
import { ingestObjectEvent } from '#shared/ingest/process.js';
import type { FetchedObject, IngestStore, ObjectSource } from '#shared/ports.js';
import { defaultTopics } from '#shared/topics/load.js';

const analyser = new Analyser(defaultTopics());

/**
 * In-memory IngestStore with the same conditional semantics as the DynamoDB adapter; `conflicts`
 * makes the next commits lose a race (what TransactionConflict looks like to the domain).
 */
class MemoryStore implements IngestStore {
  records = new Map<string, ArticleRecord>();
  counters = new Map<string, Record<string, number>>();
  rejections: Rejection[] = [];
  conflicts = 0;
  commits = 0;

  async getArticle(key: string) {
    return this.records.get(key);
  }

  async commitArticle(
    next: ArticleRecord,
    previous: ArticleRecord | undefined,
    change: ContributionChange,
    rejection?: Rejection,
  ) {
    if (this.conflicts > 0) {
      this.conflicts--;
      return false;
    }
    if (this.records.get(next.key)?.sequencer !== previous?.sequencer) return false;
    this.commits++;
    this.records.set(next.key, next);
    for (const d of change.counters) {
      const row = this.counters.get(counterId(d.counter)) ?? {};
      for (const [k, v] of Object.entries(d.add)) row[k] = (row[k] ?? 0) + v;
      this.counters.set(counterId(d.counter), row);
    }
    if (rejection) this.rejections.push(rejection);
    return true;
  }
}

class MemorySource implements ObjectSource {
  objects = new Map<string, FetchedObject>();
  reads = 0;
  put(key: string, body: string, metadata: Record<string, string> = {}) {
    this.objects.set(key, { bytes: new TextEncoder().encode(body), metadata });
  }
  async getObject(_bucket: string, key: string) {
    this.reads++;
    return this.objects.get(key) ?? 'missing';
  }
}

const event = (kind: 'created' | 'removed', key: string, sequencer: string): ObjectEvent => ({
  kind,
  key,
  sequencer,
  bucket: 'articles',
  eventTime: '2022-11-10T12:00:00.000Z',
});

const setup = () => {
  const store = new MemoryStore();
  const source = new MemorySource();
  return { store, source, deps: { store, source, analyser, maxArticleBytes: 1024 * 1024 } };
};
const kherson = (store: MemoryStore) => store.counters.get('t|kherson|day|2022-11-10') ?? {};

describe('ingestObjectEvent', () => {
  it('counts a new article', async () => {
    const { store, source, deps } = setup();
    source.put('a.txt', 'Ukrainian troops entered Kherson.');
    expect(await ingestObjectEvent(event('created', 'a.txt', '01'), deps)).toMatchObject({
      result: 'counted',
    });
    expect(kherson(store)).toMatchObject({ articles: 1, mentions: 1 });
  });

  it('ignores a duplicate event without reading the object again', async () => {
    const { store, source, deps } = setup();
    source.put('a.txt', 'Ukrainian troops entered Kherson.');
    await ingestObjectEvent(event('created', 'a.txt', '01'), deps);
    expect(await ingestObjectEvent(event('created', 'a.txt', '01'), deps)).toEqual({ result: 'stale' });
    expect(source.reads).toBe(1);
    expect(kherson(store)).toMatchObject({ articles: 1, mentions: 1 });
  });

  it('moves the contribution on an overwrite', async () => {
    const { store, source, deps } = setup();
    source.put('a.txt', 'Kherson. Kherson.');
    await ingestObjectEvent(event('created', 'a.txt', '01'), deps);
    source.put('a.txt', 'Kherson, Kherson and Kherson.');
    await ingestObjectEvent(event('created', 'a.txt', '02'), deps);
    expect(kherson(store)).toMatchObject({ articles: 1, mentions: 3 });
  });

  it('removes the contribution on delete and ignores an older create arriving after it', async () => {
    const { store, source, deps } = setup();
    source.put('a.txt', 'Kherson.');
    await ingestObjectEvent(event('created', 'a.txt', '01'), deps);
    await ingestObjectEvent(event('removed', 'a.txt', '03'), deps);
    expect(await ingestObjectEvent(event('created', 'a.txt', '02'), deps)).toEqual({ result: 'stale' });
    expect(kherson(store)).toMatchObject({ articles: 0, mentions: 0 });
  });

  it('records a rejection with its reason and counts nothing', async () => {
    const { store, source, deps } = setup();
    source.put('a.pdf', '%PDF');
    const outcome = await ingestObjectEvent(event('created', 'a.pdf', '01'), deps);
    expect(outcome).toMatchObject({
      result: 'rejected',
      reason: expect.stringMatching(/unsupported file type/),
    });
    expect(store.rejections).toHaveLength(1);
    expect(store.counters.size).toBe(0);
  });

  it('takes back a counted article that is overwritten with a rejected one', async () => {
    const { store, source, deps } = setup();
    source.put('a.txt', 'Kherson.');
    await ingestObjectEvent(event('created', 'a.txt', '01'), deps);
    source.put('a.txt', '');
    await ingestObjectEvent(event('created', 'a.txt', '02'), deps);
    expect(kherson(store)).toMatchObject({ articles: 0, mentions: 0 });
    expect(store.records.get('a.txt')?.status).toBe('rejected');
  });

  it('re-reads and retries when a concurrent writer wins the race', async () => {
    const { store, source, deps } = setup();
    source.put('a.txt', 'Kherson.');
    store.conflicts = 2;
    expect(await ingestObjectEvent(event('created', 'a.txt', '01'), deps)).toMatchObject({
      result: 'counted',
    });
    expect(store.commits).toBe(1);
    expect(kherson(store)).toMatchObject({ articles: 1 });
  });

  it('acknowledges a create whose object is already gone', async () => {
    const { store, deps } = setup();
    expect(await ingestObjectEvent(event('created', 'gone.txt', '01'), deps)).toEqual({ result: 'missing' });
    expect(store.commits).toBe(0);
  });
});

describe('contributions', () => {
  const analysis = analyser.analyse({ body: 'Kherson. Peace talks between Russia and Ukraine.' });

  it('adds an all-articles counter and one per mentioned topic, per day and per hour', () => {
    const ids = contributionOf(analysis, '2022-11-10T12:30:00Z', 'a1').counters.map((d) =>
      counterId(d.counter),
    );
    expect(ids).toEqual(
      expect.arrayContaining([
        't|_all|day|2022-11-10',
        't|_all|hour|2022-11-10T12',
        't|kherson|day|2022-11-10',
        't|negotiations|hour|2022-11-10T12',
      ]),
    );
  });

  it('diffs to nothing when the contribution does not change', () => {
    const c = contributionOf(analysis, '2022-11-10T12:30:00Z', 'a1');
    expect(diffContributions(c, c)).toEqual({ counters: [], put: [], remove: [], presence: [] });
  });

  it('moves counts between days when the publication time changes', () => {
    const before = contributionOf(analysis, '2022-11-10T12:30:00Z', 'a1');
    const after = contributionOf(analysis, '2022-11-11T12:30:00Z', 'a1');
    const diff = diffContributions(before, after);
    const day10 = diff.counters.find((d) => counterId(d.counter) === 't|kherson|day|2022-11-10');
    const day11 = diff.counters.find((d) => counterId(d.counter) === 't|kherson|day|2022-11-11');
    expect(day10?.add.articles).toBe(-1);
    expect(day11?.add.articles).toBe(1);
  });

  it('lists the article under every topic it mentions and under all articles, and moves the entries', () => {
    const before = contributionOf(analysis, '2022-11-10T12:30:00Z', 'a1');
    expect(before.memberships.map((m) => m.topic).sort()).toEqual(['_all', 'kherson', 'negotiations']);
    const after = contributionOf(analyser.analyse({ body: 'Kherson only.' }), '2022-12-01T08:00:00Z', 'a1');
    const diff = diffContributions(before, after);
    expect(diff.remove.map((m) => `${m.topic}@${m.month}`).sort()).toEqual([
      '_all@2022-11',
      'kherson@2022-11',
      'negotiations@2022-11',
    ]);
    expect(diff.put.map((m) => `${m.topic}@${m.month}`).sort()).toEqual(['_all@2022-12', 'kherson@2022-12']);
  });
});
