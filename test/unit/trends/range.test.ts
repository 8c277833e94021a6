import { describe, expect, it } from 'vitest';
import { BadParameterError } from '#shared/errors.js';
import { MAX_BUCKETS } from '#shared/trends/periods.js';
import { parseRange, parseTime } from '#shared/trends/trend.js';

const NOW = Date.parse('2022-11-20T15:30:00Z');
const iso = (t: number) => new Date(t).toISOString();
const range = (params: Parameters<typeof parseRange>[0]) => {
  const r = parseRange(params, NOW);
  return { from: iso(r.from), to: iso(r.to), granularity: r.granularity };
};
const badParameter = (f: () => unknown) => {
  try {
    f();
  } catch (err) {
    expect(err).toBeInstanceOf(BadParameterError);
    return (err as BadParameterError).parameter;
  }
  throw new Error('no error thrown');
};

describe('parseRange', () => {
  it('defaults to 30 days of days, or 48 hours of hours, up to now', () => {
    expect(range({})).toEqual({
      from: '2022-10-21T00:00:00.000Z',
      to: '2022-11-20T00:00:00.000Z',
      granularity: 'day',
    });
    expect(range({ granularity: 'hour' })).toEqual({
      from: '2022-11-18T15:00:00.000Z',
      to: '2022-11-20T15:00:00.000Z',
      granularity: 'hour',
    });
  });

  it('reads a date as `to` as the whole of that day, and cuts ends to whole buckets', () => {
    expect(range({ from: '2022-11-10', to: '2022-11-10', granularity: 'hour' })).toMatchObject({
      from: '2022-11-10T00:00:00.000Z',
      to: '2022-11-10T23:00:00.000Z',
    });
    expect(range({ from: '2022-11-10T12:34:56Z', to: '2022-11-12T01:00:00+02:00' })).toMatchObject({
      from: '2022-11-10T00:00:00.000Z',
      to: '2022-11-11T00:00:00.000Z',
    });
  });

  it('starts weeks on Monday and months on the first', () => {
    // 2022-11-10 is a Thursday.
    expect(range({ from: '2022-11-10', to: '2022-11-20', granularity: 'week' })).toMatchObject({
      from: '2022-11-07T00:00:00.000Z',
      to: '2022-11-14T00:00:00.000Z',
    });
    expect(range({ from: '2022-02-28', to: '2022-03-01', granularity: 'month' })).toMatchObject({
      from: '2022-02-01T00:00:00.000Z',
      to: '2022-03-01T00:00:00.000Z',
    });
  });

  it('refuses from after to, naming from', () => {
    expect(badParameter(() => parseRange({ from: '2022-11-12', to: '2022-11-10' }, NOW))).toBe('from');
  });

  it('takes exactly the bucket limit of each granularity and refuses one more', () => {
    const day0 = Date.parse('2020-01-01T00:00:00Z');
    const dayTo = iso(day0 + (MAX_BUCKETS.day - 1) * 86_400_000).slice(0, 10);
    expect(parseRange({ from: '2020-01-01', to: dayTo }, NOW)).toBeDefined();
    const oneMore = iso(day0 + MAX_BUCKETS.day * 86_400_000).slice(0, 10);
    expect(badParameter(() => parseRange({ from: '2020-01-01', to: oneMore }, NOW))).toBe('from');
    expect(
      badParameter(() => parseRange({ from: '2000-01-01', to: '2022-01-01', granularity: 'month' }, NOW)),
    ).toBe('from');
  });
});

describe('parseTime', () => {
  it('gives a date its first or last millisecond', () => {
    expect(iso(parseTime('2022-11-10', 'from', 'start'))).toBe('2022-11-10T00:00:00.000Z');
    expect(iso(parseTime('2022-11-10', 'to', 'end'))).toBe('2022-11-10T23:59:59.999Z');
  });

  it('refuses impossible days, missing zones and years outside the window, naming the parameter', () => {
    for (const bad of [
      '2022-02-30',
      '2022-02-30T00:00:00Z',
      '2022-11-10T12:00:00',
      '9999-12-31',
      'yesterday',
      '',
    ])
      expect(
        badParameter(() => parseTime(bad, 'to', 'end')),
        bad,
      ).toBe('to');
  });
});
