import { describe, expect, it } from 'vitest';
import { Analyser } from '#shared/analysis/analyse.js';
import type { ArticleRecord } from '#shared/ingest/article.js';
import {
  CONTRIBUTION_RULES,
  CURRENT_CONTRIBUTION_RULES,
  contributionOf,
  EMPTY_CONTRIBUTION,
} from '#shared/ingest/contribution.js';
import { fromArticleItem, toArticleItem } from '#shared/storage/article-item.js';
import { itemBytes } from '#shared/storage/item-size.js';
import { defaultTopics } from '#shared/topics/load.js';

const analysis = new Analyser(defaultTopics()).analyse({
  body: 'Ukrainian troops entered Kherson as President Zelensky spoke of peace talks with Moscow. '.repeat(3),
});
const base = {
  id: 'abcdefabcdefabcdefabcdef',
  key: 'k.json',
  bucket: 'articles',
  sequencer: '0A',
  status: 'active',
  updatedAt: '2022-11-11T10:00:00.000Z',
  publishedAt: '2022-11-11T09:00:00Z',
  sentiment: analysis.sentiment,
  topics: analysis.topics,
  entities: analysis.entities,
  language: analysis.language,
  source: 'Kyiv Independent',
  contributionRules: CURRENT_CONTRIBUTION_RULES.version,
} as const;
const counted = { ...analysis, source: base.source };

describe('article item', () => {
  it('stores a derivable contribution as its shard only, and reads back the same record', () => {
    const record: ArticleRecord = {
      ...base,
      contribution: contributionOf(counted, base.publishedAt, base.id, 2),
    };
    const item = toArticleItem(record);
    expect(item).toMatchObject({ pk: `ART#${base.id}`, sk: 'ART', contributionShard: 2 });
    expect(item).not.toHaveProperty('contribution');
    expect(itemBytes(item)).toBeLessThan(itemBytes({ ...record }) / 2);
    expect(fromArticleItem(item)).toEqual(record);
  });

  it('packs the entities into one binary attribute, smaller than the list, and reads old lists as they are', () => {
    const many = Array.from({ length: 40 }, (_, i) => ({
      name: `Person Number${i} "Quoted" | Ünïcode`,
      type: 'person' as const,
      mentions: i + 1,
    }));
    const record: ArticleRecord = {
      ...base,
      entities: many,
      contribution: contributionOf({ ...counted, entities: many }, base.publishedAt, base.id, 0),
    };
    const item = toArticleItem(record);
    expect(item).not.toHaveProperty('entities');
    expect(item.entitiesPacked).toBeInstanceOf(Uint8Array);
    expect(itemBytes({ e: item.entitiesPacked })).toBeLessThan(itemBytes({ e: many }) / 2);
    expect(fromArticleItem(item)).toEqual(record);
    // A record stored before packing: its list is read as it is.
    const { entitiesPacked: _packed, ...old } = item;
    expect(fromArticleItem({ ...old, entities: many })).toEqual(record);
  });

  it('keeps the part of the hour its entities went to beside the shard (a busy hour)', () => {
    const record: ArticleRecord = {
      ...base,
      contribution: contributionOf(counted, base.publishedAt, base.id, 1, undefined, 3),
    };
    const entities = record.contribution.counters.find((d) => d.counter.kind === 'entities');
    expect(entities?.counter).toEqual({ kind: 'entities', day: '2022-11-11', hour: '09', part: 3 });
    const item = toArticleItem(record);
    expect(item).toMatchObject({ contributionShard: 1, entityPart: 3 });
    expect(item).not.toHaveProperty('contribution');
    expect(fromArticleItem(item)).toEqual(record);
  });

  it('stores a contribution whole when the record does not give it back (other rules, tombstones)', () => {
    const derived = contributionOf(counted, base.publishedAt, base.id, 0);
    const other: ArticleRecord = {
      ...base,
      contribution: { ...derived, memberships: derived.memberships.slice(1) },
    };
    expect(toArticleItem(other)).toHaveProperty('contribution', other.contribution);
    expect(fromArticleItem(toArticleItem(other))).toEqual(other);
    const deleted: ArticleRecord = { ...base, status: 'deleted', contribution: EMPTY_CONTRIBUTION };
    expect(fromArticleItem(toArticleItem(deleted))).toEqual(deleted);
  });
  it('gives a record back with the rules that made it: version 1 without breakdowns, version 2 with its source', () => {
    const v1 = CONTRIBUTION_RULES.find((r) => r.version === 1);
    const old: ArticleRecord = {
      ...base,
      contributionRules: 1,
      contribution: contributionOf(counted, base.publishedAt, base.id, 0, v1),
    };
    const attrs = (r: ArticleRecord) =>
      r.contribution.counters.flatMap((d) => (d.counter.kind === 'entities' ? Object.keys(d.add) : []));
    expect(attrs(old).some((a) => a.startsWith('b|'))).toBe(false);
    expect(toArticleItem(old)).not.toHaveProperty('contribution');
    expect(fromArticleItem(toArticleItem(old))).toEqual(old);
    const now: ArticleRecord = {
      ...base,
      contribution: contributionOf(counted, base.publishedAt, base.id, 0),
    };
    expect(attrs(now)).toContain('b|a|src|kherson|Kyiv Independent');
    expect(toArticleItem(now)).not.toHaveProperty('contribution');
    expect(fromArticleItem(toArticleItem(now))).toEqual(now);
  });
});
