import { describe, expect, it } from 'vitest';
import type { ArticleRecord } from '#shared/ingest/article.js';
import type { CounterDelta } from '#shared/ingest/contribution.js';
import type { ArticleCommit } from '#shared/ports.js';
import { MAX_UPDATE_ATTRIBUTES, planTransactions } from '#shared/storage/dynamo-store.js';

/** A new article whose change adds `entities` distinct entities to the hour item of 2022-11-10T07. */
function commit(id: string, entities: number): ArticleCommit {
  const add: Record<string, number> = {};
  for (let e = 0; e < entities; e++) {
    add[`m|person|${id} person ${e}`] = 1;
    add[`a|person|${id} person ${e}`] = 1;
  }
  const counters: CounterDelta[] = [{ counter: { kind: 'entities', day: '2022-11-10', hour: '07' }, add }];
  const next = {
    id,
    key: `${id}.json`,
    bucket: 'b',
    sequencer: '01',
    status: 'active',
    updatedAt: 'x',
  } as ArticleRecord;
  return {
    next,
    previous: undefined,
    change: { counters, put: [], remove: [], presence: [] },
    rejection: undefined,
  };
}

describe('planTransactions', () => {
  it('keeps one transaction while the merged updates stay within DynamoDB limits', () => {
    expect(planTransactions(['a', 'b', 'c'].map((id) => commit(id, 10)))).toEqual([[0, 1, 2]]);
  });

  it('starts a new transaction before a merged update passes the 4 KB expression limit', () => {
    // 10 articles × 30 entities × 2 attributes = 600 attributes on one hour item.
    const groups = planTransactions(Array.from({ length: 10 }, (_, i) => commit(`art${i}`, 30)));
    expect(groups.flat()).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    for (const g of groups) expect(g.length * 60).toBeLessThanOrEqual(MAX_UPDATE_ATTRIBUTES);
    expect(groups.length).toBe(3);
  });

  it('leaves a second commit of the same article out (it reports a lost race)', () => {
    expect(planTransactions([commit('a', 1), commit('b', 1), commit('a', 1)])).toEqual([[0, 1]]);
  });
});
