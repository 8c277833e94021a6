import type { ArticleRecord } from '../ingest/article.js';
import { type Contribution, contributionOf } from '../ingest/contribution.js';
import { articleKey } from './keys.js';

/**
 * The article record as stored. Its contribution (every counter amount and listing entry it
 * added, so that an overwrite or delete takes back exactly that) is most of the record's bytes —
 * entity names again, twice — and DynamoDB bills a transactional write 2 units per started KB.
 * When contributionOf gives the contribution back from the record's own fields (analysis,
 * publication time, id) and its counter shard, only the shard is stored (`contributionShard`);
 * otherwise (a record made by other rules, a deleted or rejected key) the contribution is stored
 * whole. The check runs on every write. If contributionOf ever changes what it returns for the
 * same fields, rename DERIVED (it is the version): records written by the old rules must keep
 * being read as what they added, not re-derived by the new ones.
 */
const DERIVED = 'contributionShard';

export function toArticleItem(record: ArticleRecord): Record<string, unknown> {
  const shard = derivableShard(record);
  if (shard === undefined) return { ...articleKey(record.id), ...record };
  const { contribution: _derived, ...rest } = record;
  return { ...articleKey(record.id), ...rest, [DERIVED]: shard };
}

export function fromArticleItem(item: Record<string, unknown>): ArticleRecord {
  const { pk: _pk, sk: _sk, [DERIVED]: shard, ...stored } = item;
  if (typeof shard !== 'number') return stored as ArticleRecord;
  const record = stored as Omit<ArticleRecord, 'contribution'>;
  return { ...record, contribution: derive(record, shard) as Contribution };
}

function derive(r: Omit<ArticleRecord, 'contribution'>, shard: number): Contribution | undefined {
  if (r.status !== 'active' || !r.sentiment || !r.topics || !r.entities || !r.publishedAt) return undefined;
  return contributionOf(
    {
      language: r.language ?? '',
      sentiment: r.sentiment,
      topics: r.topics,
      entities: r.entities,
      boilerplateLines: 0,
    },
    r.publishedAt,
    r.id,
    shard,
  );
}

function derivableShard(record: ArticleRecord): number | undefined {
  const first = record.contribution.counters.find((d) => d.counter.kind === 'topic')?.counter;
  const shard = first?.kind === 'topic' ? first.shard : undefined;
  if (shard === undefined) return undefined;
  const derived = derive(record, shard);
  return derived && JSON.stringify(derived) === JSON.stringify(record.contribution) ? shard : undefined;
}
