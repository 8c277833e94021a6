import { describe, expect, it } from 'vitest';
import model from '#shared/analysis/data/target-sentiment.model.json' with { type: 'json' };
import { float64Form, LinearModel, modelTable } from '#shared/analysis/linear-model.js';
import { LinearModelData, packModel } from '#shared/analysis/linear-model-data.js';

const head = {
  about: 'test',
  classes: ['negative', 'neutral', 'positive'],
  intercept: [0.1, -0.2, 0.1],
  meta: { C: 1, cvMacroF1: 0.5, n: 10, trainedOn: 'test', command: 'test' },
};
const dense = {
  ...head,
  weights: { good: [-0.5, 0, 0.5], bad: [0.7, -0.0, -0.6902], rare: [0.0001, -0.0001, 0.1234] },
};
const bits = (a: Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('hex');

describe('Class: LinearModel', () => {
  it('packs weights of four decimals as int16 and reads the same doubles, -0 included', () => {
    const packed = packModel(LinearModelData.parse(dense));
    expect('int16' in packed).toBe(true);
    expect(bits(modelTable(packed).table)).toBe(bits(modelTable(dense).table));
    expect(Object.is(modelTable(packed).table[4], -0)).toBe(true);
  });

  it('packs weights that are not whole numbers of 1/10 000 as float64', () => {
    const packed = packModel(LinearModelData.parse({ ...dense, weights: { w: [0.12345, 0, 0] } }));
    expect('table' in packed).toBe(true);
    expect(modelTable(packed).table[0]).toBe(0.12345);
  });

  it('predicts the same from every packing', () => {
    const features = new Map([
      ['good', 1],
      ['bad', 0.5],
      ['rare', 2],
    ]);
    const want = new LinearModel(dense).probabilities(features);
    const int16 = packModel(LinearModelData.parse(dense));
    const float64 = float64Form(int16);
    expect(new LinearModel(int16).probabilities(features)).toEqual(want);
    expect(new LinearModel(float64).probabilities(features)).toEqual(want);
  });

  it('reads features from a record as from a map of the same entries', () => {
    const record = { good: 1, bad: 0.5, rare: 2, unknown: 3 };
    const model = new LinearModel(dense);
    expect(model.probabilities(record)).toEqual(model.probabilities(new Map(Object.entries(record))));
  });

  it('decodes its weights on first use, and says then that they do not fit the classes', () => {
    const broken = { ...head, features: 'a\nb', table: Buffer.alloc(8 * 5).toString('base64') };
    const m = new LinearModel(broken);
    expect(() => m.predict(new Map([['a', 1]]))).toThrow('5 weights for 2 features of 3 classes');
  });

  it('rejects a file without classes and intercept at once', () => {
    expect(() => new LinearModel({ classes: ['a'], intercept: [] })).toThrow('not a linear model');
  });

  it('keeps the committed target model exactly as its float64 packing (the analysis version hashes it)', () => {
    const float64 = float64Form(model) as LinearModelData;
    expect('table' in float64 && Object.keys(float64)).toEqual([
      'about',
      'classes',
      'intercept',
      'meta',
      'features',
      'table',
    ]);
    expect(packModel(LinearModelData.parse(float64))).toEqual(model);
  });
});
