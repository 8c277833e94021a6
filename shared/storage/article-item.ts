import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Entity, EntityType } from '../analysis/entity-data.js';
import type { ArticleRecord } from '../ingest/article.js';
import {
  CONTRIBUTION_RULES,
  type Contribution,
  type ContributionRules,
  contributionOf,
  contributionRules,
} from '../ingest/contribution.js';
import { articleKey } from './keys.js';

/**
 * The article record as stored. Its contribution (every counter amount and listing entry it
 * added, so that an overwrite or delete takes back exactly that) is most of the record's bytes —
 * entity names again, twice — and DynamoDB bills a transactional write 2 units per started KB.
 * When contributionOf gives the contribution back from the record's own fields (analysis,
 * publication time, id) and its counter shard, only the shard is stored (`contributionShard`);
 * otherwise (a record made by other rules, a deleted or rejected key) the contribution is stored
 * whole. The check runs on every write. The record keeps the version of the contribution rules
 * that made it (`contributionRules`), and a record is rebuilt with THOSE rules, never today's:
 * a change of the rules (say, another cap on entities) is a new version in CONTRIBUTION_RULES,
 * and records written by the old rules keep being read as what they added. If contributionOf
 * ever changes in a way its rules do not describe, rename DERIVED.
 */
const DERIVED = 'contributionShard';
/** The part of its hour's entity item the article's entities went to, when not 0 (entity-parts.ts). */
const ENTITY_PART = 'entityPart';

export function toArticleItem(
  record: ArticleRecord,
  registry: readonly ContributionRules[] = CONTRIBUTION_RULES,
): Record<string, unknown> {
  const placed = derivablePlacement(record, registry);
  const packed = packEntities(record);
  if (placed === undefined) return { ...articleKey(record.id), ...packed };
  const { contribution: _derived, ...rest } = packed;
  return {
    ...articleKey(record.id),
    ...rest,
    [DERIVED]: placed.shard,
    ...(placed.entityPart ? { [ENTITY_PART]: placed.entityPart } : {}),
  };
}

/**
 * The record's entities are most of its bytes (~590 of a median 1 130 on the bench corpus), and a
 * transactional write is billed 2 units per started KB: stored as one deflated JSON list of
 * `[name, type, mentions]` (`entitiesPacked`, a binary attribute), a median record is ~750 bytes,
 * one KB. Records written before keep their `entities` list and are read as they are.
 */
const PACKED = 'entitiesPacked';

function packEntities(record: ArticleRecord): Record<string, unknown> {
  const { entities, ...rest } = record;
  if (!entities || entities.length === 0) return record;
  const tuples = entities.map((e) => [e.name, e.type, e.mentions]);
  return { ...rest, [PACKED]: deflateRawSync(Buffer.from(JSON.stringify(tuples))) };
}

function unpackEntities(packed: unknown): ArticleRecord['entities'] {
  if (!(packed instanceof Uint8Array)) return undefined;
  const tuples = JSON.parse(inflateRawSync(packed).toString('utf8')) as [string, EntityType, number][];
  return tuples.map(([name, type, mentions]): Entity => ({ name, type, mentions }));
}

export function fromArticleItem(
  item: Record<string, unknown>,
  registry: readonly ContributionRules[] = CONTRIBUTION_RULES,
): ArticleRecord {
  const { [PACKED]: packed, ...unpacked } = item;
  if (packed !== undefined) unpacked.entities = unpackEntities(packed);
  const { pk: _pk, sk: _sk, [DERIVED]: shard, [ENTITY_PART]: entityPart, ...stored } = unpacked;
  if (typeof shard !== 'number') return stored as ArticleRecord;
  const record = stored as Omit<ArticleRecord, 'contribution'>;
  const placed = { shard, entityPart: Number(entityPart ?? 0) };
  return { ...record, contribution: derive(record, placed, registry) as Contribution };
}

type Placement = { readonly shard: number; readonly entityPart: number };

function derive(
  r: Omit<ArticleRecord, 'contribution'>,
  { shard, entityPart }: Placement,
  registry: readonly ContributionRules[],
): Contribution | undefined {
  if (r.status !== 'active' || !r.sentiment || !r.topics || !r.entities || !r.publishedAt) return undefined;
  return contributionOf(
    {
      language: r.language ?? '',
      topics: r.topics,
      entities: r.entities,
      source: r.source,
      cluster: r.copy?.cluster,
    },
    r.publishedAt,
    r.id,
    shard,
    contributionRules(r.contributionRules ?? 1, registry),
    entityPart,
  );
}

function derivablePlacement(
  record: ArticleRecord,
  registry: readonly ContributionRules[],
): Placement | undefined {
  const counters = record.contribution.counters.map((d) => d.counter);
  const first = counters.find((c) => c.kind === 'topic');
  const entities = counters.find((c) => c.kind === 'entities');
  if (first?.kind !== 'topic') return undefined;
  const placed = { shard: first.shard, entityPart: entities?.kind === 'entities' ? (entities.part ?? 0) : 0 };
  const derived = derive(record, placed, registry);
  return derived && JSON.stringify(derived) === JSON.stringify(record.contribution) ? placed : undefined;
}
