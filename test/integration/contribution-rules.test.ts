import { describe, expect, it } from 'vitest';
import { Analyser } from '#shared/analysis/analyse.js';
import { articleIdOf } from '#shared/ingest/article.js';
import {
  CONTRIBUTION_RULES,
  type ContributionRules,
  CURRENT_CONTRIBUTION_RULES,
  contributionOf,
  entityAttribute,
} from '#shared/ingest/contribution.js';
import { ingestObjectEvent } from '#shared/ingest/process.js';
import type { FetchedObject, ObjectSource } from '#shared/ports.js';
import { recountKey } from '#shared/recount/recount-key.js';
import { DynamoStore } from '#shared/storage/dynamo-store.js';
import { defaultTopics } from '#shared/topics/load.js';
import { topicBreakdown } from '#shared/trends/breakdown.js';
import { useDynamoLocal } from '../support/dynamo-local.js';

/** The shipped rules, and a later version that counts only an article's 3 most mentioned entities. */
const V1: ContributionRules = { version: 1, maxEntities: 50 };
const V2: ContributionRules = { version: 2, maxEntities: 3 };

const CROWDED =
  'Volodymyr Zelensky met Emmanuel Macron and Olaf Scholz in Kyiv. Antony Blinken and Jens Stoltenberg ' +
  'joined by video from Washington and Brussels. Kherson was shelled, the governor Oleksandr Prokudin said.';
const OTHER = 'Rishi Sunak visited Odesa with Ursula von der Leyen and Kaja Kallas; Kherson was quiet.';
const TIME = '2022-11-10T10:00:00Z';

describe('A change of the contribution rules after ingestion (DynamoDB Local)', () => {
  const local = useDynamoLocal(['rules', 'recounted']);

  it('takes back what the old rules added when an old article is overwritten or deleted', async () => {
    // The code before the change knows V1 only; after it, CONTRIBUTION_RULES holds both.
    const db = local.db();
    const before = new DynamoStore(db, 'rules', { contributionRules: [V1] });
    const store = new DynamoStore(db, 'rules', { contributionRules: [V1, V2] });
    const analyser = new Analyser(defaultTopics());
    const objects = new Map<string, string>();
    const source: ObjectSource = {
      async getObject(_b, key): Promise<FetchedObject | 'missing'> {
        const body = objects.get(key);
        return body === undefined
          ? 'missing'
          : { bytes: new TextEncoder().encode(body), metadata: { 'published-at': TIME } };
      },
    };
    const deps = (rules: ContributionRules, on = store) => ({
      store: on,
      source,
      analyser,
      maxArticleBytes: 1 << 20,
      contributionRules: rules,
    });
    const event = (key: string, sequencer: string, kind: 'created' | 'removed' = 'created') => ({
      kind,
      bucket: 'articles',
      key,
      sequencer,
      eventTime: TIME,
    });

    objects.set('a.txt', CROWDED);
    objects.set('b.txt', CROWDED);
    await ingestObjectEvent(event('a.txt', '01'), deps(V1, before));
    await ingestObjectEvent(event('b.txt', '01'), deps(V1, before));
    const entitiesOfA = analyser.analyse({ body: CROWDED }).entities.length;
    expect(entitiesOfA).toBeGreaterThan(V2.maxEntities);
    const stored = await store.getArticle('a.txt');
    expect(stored?.contributionRules).toBe(1);

    // The rules change: from now on at most 3 entities per article. a.txt is overwritten, b.txt
    // deleted, c.txt added: the old articles must give back all they added under V1.
    objects.set('a.txt', OTHER);
    objects.delete('b.txt');
    objects.set('c.txt', CROWDED);
    await ingestObjectEvent(event('a.txt', '02'), deps(V2));
    await ingestObjectEvent(event('b.txt', '02', 'removed'), deps(V2));
    await ingestObjectEvent(event('c.txt', '01'), deps(V2));

    const expected: Record<string, number> = {};
    for (const [key, body] of objects) {
      const c = contributionOf(analyser.analyse({ body }), TIME, articleIdOf(key), 0, V2);
      for (const d of c.counters) {
        if (d.counter.kind !== 'entities') continue;
        for (const [k, v] of Object.entries(d.add)) expected[k] = (expected[k] ?? 0) + v;
      }
    }
    const day: Record<string, number> = {};
    for (const e of await store.entityDay('2022-11-10')) {
      if (e.mentions) day[entityAttribute('m', e.type, e.name)] = e.mentions;
      if (e.articles) day[entityAttribute('a', e.type, e.name)] = e.articles;
    }
    expect(day).toEqual(expected);
    expect(Object.keys(day)).not.toContain(entityAttribute('a', 'person', 'Jens Stoltenberg'));
    expect((await store.totals('kherson')).articles).toBe(2);
  });
  it('a recount brings records counted under version 1 (no breakdowns) into the breakdowns', async () => {
    const db = local.db();
    const [first, current] = [CONTRIBUTION_RULES[0], CURRENT_CONTRIBUTION_RULES] as [
      ContributionRules,
      ContributionRules,
    ];
    expect(first.breakdowns).toBeFalsy();
    expect(current.breakdowns).toBe(true);
    const store = new DynamoStore(db, 'recounted');
    const analyser = new Analyser(defaultTopics());
    const bodies: Record<string, { body: string; source?: string }> = {
      'x.txt': { body: CROWDED, source: 'Reuters' },
      'y.txt': { body: OTHER, source: 'AP' },
      'z.txt': { body: OTHER },
    };
    const source: ObjectSource = {
      async getObject(_b, key): Promise<FetchedObject | 'missing'> {
        const o = bodies[key];
        if (!o) return 'missing';
        const metadata: Record<string, string> = { 'published-at': '2022-12-01T10:00:00Z' };
        if (o.source) metadata.source = o.source;
        return { bytes: new TextEncoder().encode(o.body), metadata };
      },
    };
    const deps = { store, source, analyser, maxArticleBytes: 1 << 20 };
    for (const key of Object.keys(bodies)) {
      await ingestObjectEvent(
        { kind: 'created', bucket: 'articles', key, sequencer: '01', eventTime: TIME },
        { ...deps, contributionRules: first },
      );
    }
    const range = { from: Date.parse('2022-12-01T00:00:00Z'), to: Date.parse('2022-12-01T00:00:00Z') };
    expect(await topicBreakdown(store, 'kherson', 'source', range)).toEqual([]);
    // The same analysis, older rules: the recount does not take the record as current.
    expect((await store.getArticle('x.txt'))?.analysis).toBe(analyser.version);
    for (const key of Object.keys(bodies)) expect(await recountKey('articles', key, deps)).toBe('recounted');
    for (const key of Object.keys(bodies)) expect(await recountKey('articles', key, deps)).toBe('current');
    expect((await store.getArticle('z.txt'))?.contributionRules).toBe(current.version);
    const bySource = await topicBreakdown(store, 'kherson', 'source', range);
    expect(bySource.map((i) => [i.value, i.articles])).toEqual([
      ['(unknown)', 1],
      ['AP', 1],
      ['Reuters', 1],
    ]);
    const byLanguage = await topicBreakdown(store, 'kherson', 'language', range);
    expect(byLanguage.map((i) => [i.value, i.articles])).toEqual([['en', 3]]);
    expect((await store.totals('kherson')).articles).toBe(3);
  });
});
