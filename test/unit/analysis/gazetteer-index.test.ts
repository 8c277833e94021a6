import { describe, expect, it } from 'vitest';
import indexData from '#shared/analysis/data/gazetteer-index.json' with { type: 'json' };
import { gazetteerIndex, gazetteerSources } from '#shared/analysis/gazetteer-index.js';

describe('data/gazetteer-index.json', () => {
  it('is what the gazetteers build (else run npm run gazetteer:index)', () => {
    expect(indexData.entries).toBe(gazetteerIndex());
    expect(indexData.sources).toEqual(gazetteerSources());
  });
});
