import { DeleteObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Analyser } from '#shared/analysis/analyse.js';
import { ENTITY_PART_BYTES } from '#shared/storage/entity-parts.js';
import { itemBytes } from '#shared/storage/item-size.js';
import { entityCounterPk } from '#shared/storage/keys.js';
import { defaultTopics } from '#shared/topics/load.js';
import { crowdedArticle } from '../support/crowded-article.js';
import { readJson } from '../support/json.js';
import { startTestStack, type TestStack } from '../support/local-stack.js';

const DAY = '2022-11-10';
const ARTICLES = 400;
const PEOPLE = 46;

/**
 * A breaking-news hour (issue 18, item 2): 400 articles published in one hour, each naming 46
 * people no other names. On one entity item per hour, the item reached DynamoDB's 400 KB limit
 * after ~150 articles and every later article of the hour failed whole — its topic counts too —
 * and was dead-lettered without a trace in /rejections. Every article must count, and no item
 * may grow with the number of articles or names.
 */
describe('a breaking-news hour on the real local stack (DynamoDB Local and s3rver)', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  }, 180_000);
  afterAll(async () => {
    await stack?.dispose();
  });

  const put = (i: number, index = i) =>
    stack.runtime.s3.send(
      new PutObjectCommand({
        Bucket: stack.bucket,
        Key: `hot/${i}.json`,
        Body: JSON.stringify({
          title: `Night ${i}`,
          publishedAt: `${DAY}T07:${String(i % 60).padStart(2, '0')}:00Z`,
          body: crowdedArticle(index, PEOPLE),
        }),
      }),
    );
  const inBatches = async (n: number[], f: (i: number) => Promise<unknown>) => {
    for (let k = 0; k < n.length; k += 25) await Promise.all(n.slice(k, k + 25).map(f));
  };
  const api = async (path: string) => readJson(await fetch(`${stack.apiUrl}${path}`));
  const entityItems = async () => {
    const items: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await stack.runtime.db.send(
        new QueryCommand({
          TableName: 'trendwire',
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': entityCounterPk(DAY) },
          ExclusiveStartKey: start,
        }),
      );
      items.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start);
    return items;
  };
  // The people the analyser finds in the article made from `index`, as it finds them.
  const analyser = new Analyser(defaultTopics());
  const peopleOf = (index: number) =>
    analyser
      .analyse({ body: crowdedArticle(index, PEOPLE), language: 'en' })
      .entities.filter((e) => e.type === 'person');
  /** Per name: articles and mentions, over the people of several articles. */
  const sum = (people: { name: string; mentions: number }[][]) => {
    const counts = new Map<string, [number, number]>();
    for (const { name, mentions } of people.flat()) {
      const [a, m] = counts.get(name) ?? [0, 0];
      counts.set(name, [a + 1, m + mentions]);
    }
    return [...counts].sort(([a], [b]) => a.localeCompare(b));
  };
  const stored = (people: { name: string; articles: number; mentions: number }[]) =>
    people.map((p) => [p.name, [p.articles, p.mentions]] as const).sort(([a], [b]) => a.localeCompare(b));
  const kherson = async () => {
    const trend = await api(`/topics/kherson/trend?from=${DAY}&to=${DAY}&granularity=day`);
    return trend.buckets[0]?.articles;
  };

  it('counts every article of the hour, exactly, in entity items of bounded size', async () => {
    const all = Array.from({ length: ARTICLES }, (_, i) => i);
    await inBatches(all, (i) => put(i));
    await stack.bridge.idle();

    expect(stack.bridge.stats.deadLettered).toBe(0);
    expect((await api('/rejections')).items).toEqual([]);
    expect(await kherson()).toBe(ARTICLES);

    const items = await entityItems();
    const largest = Math.max(...items.map(itemBytes));
    const written = stack.writeCost;
    console.info(
      `hot hour: ${ARTICLES} articles × ${PEOPLE} people, ${items.length} entity items, largest ${largest} B, ${stack.bridge.stats.failed} failed deliveries, write units per article ${(written.reportedWriteUnits / written.articles).toFixed(1)} (as DynamoDB Local reports them)`,
    );
    expect(items.length).toBeGreaterThan(1);
    // One part's bound and one merged update of a batch's articles beyond it, far below 400 KB.
    expect(largest).toBeLessThan(ENTITY_PART_BYTES + 40_000);

    const day = await stack.runtime.store.entityDay(DAY);
    const people = day.filter((e) => e.type === 'person');
    expect(people.length).toBeGreaterThan(ARTICLES * PEOPLE * 0.95);
    expect(stored(people)).toEqual(sum(all.map(peopleOf)));
    expect(day.find((e) => e.name === 'Kherson')?.articles).toBe(ARTICLES);
  }, 600_000);

  it('stays exact when articles of the hour are deleted and overwritten across its parts', async () => {
    const deleted = Array.from({ length: 100 }, (_, i) => i * 4); // spread over every part
    const overwritten = Array.from({ length: 50 }, (_, i) => i * 8 + 1);
    await inBatches(deleted, (i) =>
      stack.runtime.s3.send(new DeleteObjectCommand({ Bucket: stack.bucket, Key: `hot/${i}.json` })),
    );
    await inBatches(overwritten, (i) => put(i, 5000 + i));
    await stack.bridge.idle();

    expect(stack.bridge.stats.deadLettered).toBe(0);
    expect(await kherson()).toBe(ARTICLES - deleted.length);
    const expected: { name: string; mentions: number }[][] = [];
    for (let i = 0; i < ARTICLES; i++) {
      if (!deleted.includes(i)) expected.push(peopleOf(overwritten.includes(i) ? 5000 + i : i));
    }
    const day = await stack.runtime.store.entityDay(DAY);
    const people = day.filter((e) => e.type === 'person');
    expect(stored(people)).toEqual(sum(expected));
    expect(day.find((e) => e.name === 'Kherson')?.articles).toBe(ARTICLES - deleted.length);
  }, 600_000);
});
