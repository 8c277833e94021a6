import { describe, expect, it } from 'vitest';
import { hasSpikes, spikeIndices, spikeText } from '../../../web/spikes.js';

const spike = { start: '2022-11-11T00:00:00Z', value: 40, mean: 6, deviation: 2.449, score: 13.88 };

describe('spike text', () => {
  it('names the topic, the day, the count and its usual band', () => {
    expect(spikeText('Kherson', spike, 'day')).toBe(
      'Kherson 11 Nov 2022 — 40 articles (usual 6 ± 2.4, score 13.9)',
    );
  });
  it('names the hour of an hourly spike, in UTC', () => {
    const hour = { ...spike, start: '2022-11-11T06:00:00Z', value: 1, mean: 0.25, deviation: 1, score: 0.75 };
    expect(spikeText('Kherson', hour, 'hour')).toBe(
      'Kherson 11 Nov 2022 06:00 UTC — 1 article (usual 0.3 ± 1, score 0.8)',
    );
  });
});

describe('spike indices', () => {
  const days = ['2022-11-10', '2022-11-11', '2022-11-12', '2022-11-13'].map((d) => ({
    start: `${d}T00:00:00Z`,
  }));
  it('finds each spike among the buckets, in their order', () => {
    const spikes = [{ start: '2022-11-13T00:00:00Z' }, { start: '2022-11-11T00:00:00Z' }];
    expect(spikeIndices(days, spikes)).toEqual([1, 3]);
  });
  it('matches the same moment written differently, and once', () => {
    expect(
      spikeIndices(days, [{ start: '2022-11-12T00:00:00.000Z' }, { start: '2022-11-12T00:00:00Z' }]),
    ).toEqual([2]);
  });
  it('leaves out a spike outside the buckets rather than drawing it elsewhere', () => {
    expect(
      spikeIndices(days, [{ start: '2022-11-20T00:00:00Z' }, { start: '2022-11-11T12:00:00Z' }]),
    ).toEqual([]);
    expect(spikeIndices([], [spike])).toEqual([]);
  });
});

describe('granularities with spikes', () => {
  it('are days and hours only: the route refuses weeks and months', () => {
    expect((['hour', 'day', 'week', 'month'] as const).filter(hasSpikes)).toEqual(['hour', 'day']);
  });
});
