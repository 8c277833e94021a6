import { DeleteObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleIdOf } from '#shared/ingest/article.js';
import { itemBytes } from '#shared/storage/item-size.js';
import { story } from '../support/copy-texts.js';
import { readJson } from '../support/json.js';
import { startTestStack, type TestStack } from '../support/local-stack.js';

/** The wire story as another outlet ran it: its own headline, a byline, a "Read also" line, the last paragraph cut. */
const reprint = ['By Staff Reporter', ...story.slice(0, 4), 'Read also: Kherson prepares for winter'];
/** An independent report of the same strike. */
const ownReport = [
  'Two people were killed and five injured when Russian artillery struck Kherson on Tuesday, regional officials reported.',
  'A school and a pharmacy were among the buildings damaged in the attack on a district close to the port, and rescuers searched the rubble until the evening.',
  'About 3,000 homes were left without power after a substation took a direct hit, the local energy company said, adding that repairs could take two days.',
];
const other = [
  'The central bank kept its key interest rate unchanged on Thursday, citing slowing inflation and a stable currency.',
  'Analysts had expected the decision after two consecutive cuts earlier in the year, and markets barely moved.',
];

/** Syndicated copies on DynamoDB Local and s3rver: clusters through the copy index (issue 16, item 1). */
describe('copy clusters', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => {
    await stack?.dispose();
  });

  const put = async (key: string, title: string, paragraphs: readonly string[], publishedAt: string) => {
    const body = paragraphs.join('\n\n');
    await stack.runtime.s3.send(
      new PutObjectCommand({
        Bucket: stack.bucket,
        Key: key,
        Body: JSON.stringify({ title, body, publishedAt }),
      }),
    );
    await stack.bridge.idle();
  };
  const remove = async (key: string) => {
    await stack.runtime.s3.send(new DeleteObjectCommand({ Bucket: stack.bucket, Key: key }));
    await stack.bridge.idle();
  };
  const clusterOf = async (key: string) =>
    (await readJson(await fetch(`${stack.apiUrl}/articles/${articleIdOf(key)}`))).cluster;
  /** The copy-index items of an article (a scan: fine for a test's small table). */
  const indexEntries = async (key: string) => {
    const res = await stack.runtime.db.send(
      new ScanCommand({
        TableName: 'trendwire',
        FilterExpression: 'begins_with(pk, :copy) AND id = :id',
        ExpressionAttributeValues: { ':copy': 'COPY#', ':id': articleIdOf(key) },
      }),
    );
    return res.Items ?? [];
  };

  it('puts a reprint in the cluster of the story it copies, and an own report of the same event in its own', async () => {
    await put('wire/story.json', 'Kherson shelled, two killed', story, '2024-03-05T09:00:00Z');
    await put('outlet/reprint.json', 'Two dead as shells hit Kherson', reprint, '2024-03-05T11:30:00Z');
    await put('outlet/own.json', 'Deadly strike on Kherson', ownReport, '2024-03-05T12:00:00Z');
    expect(await clusterOf('wire/story.json')).toBe(articleIdOf('wire/story.json'));
    expect(await clusterOf('outlet/reprint.json')).toBe(articleIdOf('wire/story.json'));
    expect(await clusterOf('outlet/own.json')).toBe(articleIdOf('outlet/own.json'));
    // Four keys an article: four queries for its candidates, four index items (one unit each).
    expect(stack.writeCost.queries).toBeGreaterThanOrEqual(3 * 4);
    expect(stack.writeCost.itemWrites).toBeGreaterThanOrEqual(3 * 4);
    expect(stack.writeCost.itemWriteUnits).toBeGreaterThanOrEqual(stack.writeCost.itemWrites);
    // Each index item holds the cluster and a binary sketch of at most 213 hashes: under 1 KB.
    const entries = await indexEntries('wire/story.json');
    expect(entries).toHaveLength(4);
    for (const e of entries) {
      expect(e.signature).toBeInstanceOf(Uint8Array);
      expect(itemBytes(e)).toBeLessThan(1024);
    }
  });

  it('counts the story once in unique, shows its cluster size, and lists one article per story', async () => {
    const trend = await readJson(
      await fetch(`${stack.apiUrl}/topics/kherson/trend?from=2024-03-05&to=2024-03-05`),
    );
    expect(trend.buckets[0]).toMatchObject({ articles: 3, unique: 2 });
    const week = await readJson(
      await fetch(`${stack.apiUrl}/topics/kherson/trend?from=2024-03-04&to=2024-03-10&granularity=week`),
    );
    expect(week.buckets[0]).toMatchObject({ articles: 3, unique: 2 });
    const story = await readJson(await fetch(`${stack.apiUrl}/articles/${articleIdOf('wire/story.json')}`));
    expect(story).toMatchObject({
      clusterSize: 2,
      copies: [{ id: articleIdOf('outlet/reprint.json'), publishedAt: '2024-03-05T11:30:00.000Z' }],
    });
    const own = await readJson(await fetch(`${stack.apiUrl}/articles/${articleIdOf('outlet/own.json')}`));
    expect(own).toMatchObject({ clusterSize: 1, copies: [] });
    const listed = async (query: string) =>
      (await readJson(await fetch(`${stack.apiUrl}/articles?topic=kherson&${query}`))).items.map(
        (a: { id: string }) => a.id,
      );
    expect(await listed('unique=true')).toEqual(
      ['outlet/own.json', 'outlet/reprint.json'].map((k) => articleIdOf(k)),
    );
    expect(await listed('unique=false')).toHaveLength(3);
    const bad = await fetch(`${stack.apiUrl}/articles?unique=true`);
    expect(bad.status).toBe(400);
    expect((await readJson(bad)).detail).toMatch(/unique/);
  });

  it("keeps a story's cluster when its founder is deleted: a later copy joins it through another copy", async () => {
    await remove('wire/story.json');
    expect(await indexEntries('wire/story.json')).toEqual([]);
    await put('late/copy.json', 'Kherson: two killed in shelling', story.slice(0, 4), '2024-03-06T08:00:00Z');
    expect(await clusterOf('late/copy.json')).toBe(articleIdOf('wire/story.json'));
    // The story still runs on the 5th (the reprint) and now on the 6th: once each day, once that week.
    const days = await readJson(
      await fetch(`${stack.apiUrl}/topics/kherson/trend?from=2024-03-05&to=2024-03-06`),
    );
    expect(days.buckets.map((b: { articles: number; unique: number }) => [b.articles, b.unique])).toEqual([
      [2, 2],
      [1, 1],
    ]);
    const week = await readJson(
      await fetch(`${stack.apiUrl}/topics/kherson/trend?from=2024-03-04&to=2024-03-10&granularity=week`),
    );
    expect(week.buckets[0]).toMatchObject({ articles: 3, unique: 2 });
  });

  it('moves an overwritten article out of the cluster and out of the index under its old text', async () => {
    const before = await indexEntries('outlet/reprint.json');
    expect(before.length).toBeGreaterThan(0);
    await put('outlet/reprint.json', 'Rates on hold', other, '2024-03-05T11:30:00Z');
    expect(await clusterOf('outlet/reprint.json')).toBe(articleIdOf('outlet/reprint.json'));
    const after = await indexEntries('outlet/reprint.json');
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((e) => e.cluster === articleIdOf('outlet/reprint.json'))).toBe(true);
    expect(after.map((e) => e.pk)).not.toEqual(expect.arrayContaining(before.map((e) => e.pk)));
  });

  it('leaves nothing in the index for a deleted article', async () => {
    await remove('outlet/reprint.json');
    await remove('late/copy.json');
    expect(await indexEntries('outlet/reprint.json')).toEqual([]);
    expect(await indexEntries('late/copy.json')).toEqual([]);
    expect((await indexEntries('outlet/own.json')).length).toBeGreaterThan(0);
  });
});
