import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Analyser } from '#shared/analysis/analyse.js';
import { defaultTopics } from '#shared/topics/load.js';
import {
  comprehendPerMillion,
  comprehendUnits,
  ingestCostPerMillion,
  PRICES,
  total,
} from '../../../bench/cost.js';
import { articleBytes, generateCorpus, MAX_BYTES, MIN_BYTES, Prng } from '../../../scripts/corpus.js';

const digest = (seed: string | number, articles = 300) => {
  const h = createHash('sha256');
  for (const c of generateCorpus({ articles, days: 30, seed }))
    h.update(c.key).update(articleBytes(c.article));
  return h.digest('hex');
};

describe('corpus generator', () => {
  it('gives the same bytes for the same seed and different bytes for another seed', () => {
    expect(digest('a')).toBe(digest('a'));
    expect(digest('a')).not.toBe(digest('b'));
    expect(digest(1)).toBe(digest('1'));
  });

  it('does not depend on Math.random', () => {
    const original = Math.random;
    Math.random = () => 0.5;
    try {
      const fixed = digest('a', 50);
      Math.random = () => 0.1;
      expect(digest('a', 50)).toBe(fixed);
    } finally {
      Math.random = original;
    }
  });

  it('writes 1–10 KB articles in the contract format, dated inside the range, with unique keys', () => {
    const items = [...generateCorpus({ articles: 2000, days: 10, seed: 7, start: '2022-11-01' })];
    const keys = new Set(items.map((i) => i.key));
    expect(keys.size).toBe(items.length);
    for (const i of items) {
      const bytes = articleBytes(i.article).length;
      expect(bytes).toBeGreaterThanOrEqual(MIN_BYTES);
      expect(bytes).toBeLessThanOrEqual(MAX_BYTES);
      expect(
        i.article.publishedAt >= '2022-11-01T00:00:00Z' && i.article.publishedAt < '2022-11-11T00:00:00Z',
      ).toBe(true);
      expect(Object.keys(JSON.parse(articleBytes(i.article).toString()))).toEqual([
        'title',
        'body',
        'publishedAt',
        'source',
        'url',
        'language',
      ]);
    }
    const share = (f: (i: (typeof items)[number]) => boolean) => items.filter(f).length / items.length;
    expect(share((i) => i.article.language === 'en')).toBeGreaterThan(0.75);
    expect(share((i) => i.article.language !== 'en')).toBeGreaterThan(0.05);
    expect(share((i) => i.syndicatedFrom !== undefined)).toBeGreaterThan(0.03);
  });

  it('has both topics at a few percent, as the analyser counts them, and no trap counted', () => {
    const analyser = new Analyser(defaultTopics());
    const items = [...generateCorpus({ articles: 1000, days: 30, seed: 'rates' })];
    const topics = items.map((i) => ({
      kind: i.kind,
      found: Object.keys(analyser.analyse(i.article).topics),
    }));
    const rate = (t: string) => topics.filter((x) => x.found.includes(t)).length / items.length;
    expect(rate('kherson')).toBeGreaterThan(0.02);
    expect(rate('kherson')).toBeLessThan(0.1);
    expect(rate('negotiations')).toBeGreaterThan(0.02);
    expect(rate('negotiations')).toBeLessThan(0.1);
    // Non-war articles carry wage, trade and contract talks: none may count as the war's negotiations.
    expect(topics.filter((x) => x.kind === 'other' && x.found.length > 0)).toEqual([]);
  });

  it('has a PRNG that covers [0, 1) evenly', () => {
    const rng = new Prng('x');
    const bins = [0, 0, 0, 0];
    for (let i = 0; i < 40_000; i++) {
      const v = rng.next();
      expect(v >= 0 && v < 1).toBe(true);
      const i4 = Math.floor(v * 4);
      bins[i4] = (bins[i4] ?? 0) + 1;
    }
    for (const b of bins) expect(Math.abs(b - 10_000)).toBeLessThan(600);
  });
});

describe('cost model', () => {
  it('bills Comprehend per 100 characters with a 3-unit minimum, split at 5 000 bytes per request', () => {
    expect(comprehendUnits(50, 50)).toBe(3);
    expect(comprehendUnits(301, 301)).toBe(4);
    expect(comprehendUnits(4999, 4999)).toBe(50);
    // 7 000 ASCII characters: two requests of 3 500 → 35 + 35 units.
    expect(comprehendUnits(7000, 7000)).toBe(70);
    // 3 000 Cyrillic characters are 6 000 bytes: two requests of 1 500 characters.
    expect(comprehendUnits(3000, 6000)).toBe(30);
    // A 5 KB article, both APIs: 2 × 50 units = $0.01 per article, $10 000 per million.
    expect(comprehendPerMillion([{ chars: 5000, bytes: 5000 }])).toBeCloseTo(10_000, 6);
  });

  it('adds up the ingest lines from the measured figures', () => {
    const lines = ingestCostPerMillion({
      handlerMsPerArticle: 30,
      lambdaMemoryGb: 1,
      batchSize: 10,
      writeUnitsPerArticle: 20,
      readUnitsPerArticle: 1,
      dynamoBytesPerArticle: 3000,
      s3BytesPerArticle: 3700,
    });
    const byItem = (prefix: string) => lines.find((l) => l.item.startsWith(prefix))?.dollars ?? Number.NaN;
    expect(byItem('DynamoDB writes')).toBeCloseTo(20 * 0.625, 6);
    expect(byItem('Lambda duration')).toBeCloseTo(1e6 * 0.03 * PRICES.lambdaArmGbSecond, 6);
    expect(byItem('Lambda requests')).toBeCloseTo(0.02, 6);
    expect(byItem('SQS')).toBeCloseTo(1.2 * 0.4, 6);
    expect(byItem('S3 PUT')).toBeCloseTo(5, 6);
    expect(total(lines)).toBeCloseTo(5 + 0.4 + 0.48 + 0.02 + 0.4 + 12.5 + 0.125, 2);
  });
});
