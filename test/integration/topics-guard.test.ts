import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { Analyser } from '#shared/analysis/analyse.js';
import { ingestObjectEvent } from '#shared/ingest/process.js';
import type { FetchedObject, ObjectSource } from '#shared/ports.js';
import { DynamoStore } from '#shared/storage/dynamo-store.js';
import { itemBytes } from '#shared/storage/item-size.js';
import { TOPICS_VERSION_KEY } from '#shared/storage/keys.js';
import { DynamoTopicStore } from '#shared/storage/topic-store.js';
import { applyTopicFile, LiveTopics, TopicsChangedError, withoutTopic } from '#shared/topics/live.js';
import { defaultTopics } from '#shared/topics/load.js';
import { useDynamoLocal } from '../support/dynamo-local.js';

const source: ObjectSource = {
  async getObject(): Promise<FetchedObject> {
    return {
      bytes: new TextEncoder().encode('Peace talks between Kyiv and Moscow resumed. Kherson was shelled.'),
      metadata: { 'published-at': '2022-11-10T10:00:00Z' },
    };
  },
};
const event = (key: string) => ({
  kind: 'created' as const,
  bucket: 'articles',
  key,
  sequencer: '0A',
  eventTime: '2022-11-10T10:00:00Z',
});

describe('Articles commit only under the current topic set (DynamoDB Local)', () => {
  const local = useDynamoLocal(['guard']);

  it('an article analysed under an outdated topic set is refused, and counted once re-analysed', async () => {
    const db = local.db();
    const store = new DynamoStore(db, 'guard');
    const topicStore = new DynamoTopicStore(db, 'guard');
    await applyTopicFile(topicStore, defaultTopics(), '2026-01-01T00:00:00Z');
    const base = new Analyser(defaultTopics());
    const live = new LiveTopics(topicStore, () => base);
    const deps = async () => {
      const { analyser, version } = await live.analyser();
      return { store, source, analyser, maxArticleBytes: 1 << 20, topicsVersion: version };
    };
    const before = await deps();
    expect(await ingestObjectEvent(event('a.txt'), before)).toMatchObject({ result: 'counted' });

    // Another process removes negotiations; this one still holds version 1.
    await new LiveTopics(topicStore, () => base).update(
      (f) => withoutTopic(f, 'negotiations'),
      [],
      '2026-01-02T00:00:00Z',
    );
    await expect(ingestObjectEvent(event('b.txt'), before)).rejects.toBeInstanceOf(TopicsChangedError);
    expect(await store.getArticle('b.txt')).toBeUndefined();
    expect((await store.totals('negotiations')).articles).toBe(1);

    // What every transaction checks is a small item (a ConditionCheck is billed by its size), not
    // the ~30 KB topic set.
    const checked = await db.send(new GetCommand({ TableName: 'guard', Key: TOPICS_VERSION_KEY }));
    expect(checked.Item).toMatchObject({ version: 2 });
    expect(itemBytes(checked.Item ?? {})).toBeLessThan(100);

    live.invalidate();
    const after = await deps();
    expect(after.topicsVersion).toBe(2);
    expect(await ingestObjectEvent(event('b.txt'), after)).toMatchObject({
      result: 'counted',
      topics: ['kherson'],
    });
    expect((await store.totals('negotiations')).articles).toBe(1);
    expect((await store.totals('kherson')).articles).toBe(2);
  });
});
