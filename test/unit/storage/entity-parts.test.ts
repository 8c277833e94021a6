import { describe, expect, it } from 'vitest';
import { Analyser } from '#shared/analysis/analyse.js';
import type { ArticleRecord } from '#shared/ingest/article.js';
import { contributionOf, diffContributions, EMPTY_CONTRIBUTION } from '#shared/ingest/contribution.js';
import type { ArticleCommit } from '#shared/ports.js';
import { addsEntities, entityRefOf, placeEntities, withEntityPart } from '#shared/storage/entity-parts.js';
import { defaultTopics } from '#shared/topics/load.js';

const analyser = new Analyser(defaultTopics());
const one = analyser.analyse({ body: 'Mayor Halyna Luhova said Kherson had power again.' });
const other = analyser.analyse({ body: 'Governor Yaroslav Yanushevych said Kherson was shelled.' });
const record = (a: typeof one, at: string, part = 0): ArticleRecord => ({
  id: 'abcdefabcdefabcdefabcdef',
  key: 'k.json',
  bucket: 'articles',
  sequencer: '0A',
  status: 'active',
  updatedAt: at,
  contribution: contributionOf(a, at, 'abcdefabcdefabcdefabcdef', 0, undefined, part),
});
const commit = (next: ArticleRecord, previous?: ArticleRecord): ArticleCommit => ({
  next,
  previous,
  change: diffContributions(previous?.contribution ?? EMPTY_CONTRIBUTION, next.contribution),
  rejection: undefined,
});
const HOUR = '2022-11-10T07:00:00Z';

describe('entity parts of an hour', () => {
  it('moves a new article to the lowest part not known to be full, change and record alike', () => {
    const placed = placeEntities(commit(record(one, HOUR)), new Map([['2022-11-10T07', 2]]));
    expect(entityRefOf(placed.next.contribution)?.part).toBe(2);
    const [update] = placed.change.counters.filter((d) => d.counter.kind === 'entities');
    expect(update?.counter).toMatchObject({ hour: '07', part: 2 });
    expect(placed.change).toEqual(diffContributions(EMPTY_CONTRIBUTION, placed.next.contribution));
  });

  it('leaves an overwrite with the same entities in its old part: nothing to write there', () => {
    const before = record(one, HOUR, 1);
    const placed = placeEntities(commit(record(one, HOUR), before), new Map([['2022-11-10T07', 4]]));
    expect(entityRefOf(placed.next.contribution)?.part).toBe(1);
    expect(placed.change.counters.filter((d) => d.counter.kind === 'entities')).toEqual([]);
    expect(addsEntities(placed)).toBe(false);
  });

  it('moves an overwrite that adds names out of a full part, taking them back from the old one', () => {
    const before = record(one, HOUR, 1);
    const placed = placeEntities(commit(record(other, HOUR), before), new Map([['2022-11-10T07', 4]]));
    expect(entityRefOf(placed.next.contribution)?.part).toBe(4);
    const parts = placed.change.counters
      .filter((d) => d.counter.kind === 'entities')
      .map((d) => [
        d.counter.kind === 'entities' ? d.counter.part : -1,
        Math.sign(Object.values(d.add)[0] ?? 0),
      ]);
    expect(parts).toEqual([
      [1, -1],
      [4, 1],
    ]);
  });

  it('follows the article to another hour without asking its old part', () => {
    const before = record(one, HOUR, 3);
    const placed = placeEntities(commit(record(one, '2022-11-10T08:00:00Z'), before), new Map());
    expect(entityRefOf(placed.next.contribution)).toEqual({
      kind: 'entities',
      day: '2022-11-10',
      hour: '08',
    });
    expect(withEntityPart(placed, 0)).toBe(placed);
  });
});
