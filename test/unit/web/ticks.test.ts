import { describe, expect, it } from 'vitest';
import { type TickStep, tickLabels, tickSplits, tickStep } from '../../../web/ticks.js';

type Granularity = 'hour' | 'day' | 'week' | 'month';
const at = (iso: string) => Date.parse(iso) / 1000;
const HOUR = 3600;
const DAY = 86_400;
/** The axis as the chart asks for it: a span (seconds, as uPlot has them) over a width in px. */
const axis = (from: number | string, to: number | string, width: number, g: Granularity) => {
  const [min, max] = [from, to].map((t) => (typeof t === 'string' ? at(t) : t)) as [number, number];
  const step = tickStep(max - min, width, g);
  const splits = tickSplits(min, max, step);
  return { step, splits, labels: tickLabels(splits, step) };
};
/** Each label with the day an hourly label inherits from the last label that named one. */
const moments = (labels: readonly string[]) => {
  let day = '';
  return labels.map((l) => {
    if (!/^\d\d:00$/.test(l)) day = l.split('\n').at(-1) ?? l;
    return /^\d\d:00/.test(l) ? `${day} ${l.slice(0, 5)}` : l;
  });
};

describe('time axis ticks', () => {
  it('labels a one-week daily chart once per day, with the year once (the "10 Nov 10 Nov" bug)', () => {
    const { step, splits, labels } = axis('2022-11-10T00:00:00Z', '2022-11-16T00:00:00Z', 1000, 'day');
    expect(step).toEqual({ unit: 'day', n: 1 });
    expect(splits.map((t) => new Date(t * 1000).toISOString().slice(0, 10))).toEqual([
      '2022-11-10',
      '2022-11-11',
      '2022-11-12',
      '2022-11-13',
      '2022-11-14',
      '2022-11-15',
      '2022-11-16',
    ]);
    expect(labels).toEqual(['10 Nov\n2022', '11 Nov', '12 Nov', '13 Nov', '14 Nov', '15 Nov', '16 Nov']);
  });

  it('thins a narrow daily chart to every other day or Mondays, never to parts of a day', () => {
    const week = axis('2022-11-10T00:00:00Z', '2022-11-16T00:00:00Z', 300, 'day');
    expect(week.step).toEqual({ unit: 'day', n: 2 });
    expect(week.splits.every((t) => t % DAY === 0)).toBe(true);
    const month = axis('2022-10-18T00:00:00Z', '2022-11-16T00:00:00Z', 500, 'day');
    expect(month.step).toEqual({ unit: 'week', n: 1 });
    // Mondays: 24 and 31 Oct, 7 and 14 Nov.
    expect(month.labels).toEqual(['24 Oct\n2022', '31 Oct', '7 Nov', '14 Nov']);
  });

  it('ticks an hourly chart at whole hours and names each day at its midnight', () => {
    const { step, splits, labels } = axis('2022-11-10T00:00:00Z', '2022-11-11T23:00:00Z', 1000, 'hour');
    expect(step.unit).toBe('hour');
    expect(splits.every((t) => t % (step.n * HOUR) === 0)).toBe(true);
    expect(labels[0]).toBe('10 Nov\n2022');
    expect(labels).toContain('11 Nov');
    expect(labels).toContain('06:00');
    expect(new Set(moments(labels)).size).toBe(labels.length);
    // A month of hours is ticked by Mondays, not hours.
    expect(axis('2022-11-01T00:00:00Z', '2022-11-30T23:00:00Z', 1000, 'hour').step.unit).toBe('week');
    const late = axis('2022-11-10T05:00:00Z', '2022-11-10T20:00:00Z', 1000, 'hour');
    expect(late.labels[0]).toMatch(/^\d\d:00\n10 Nov 2022$/);
  });

  it('ticks weeks and months no finer than their buckets', () => {
    const weeks = axis('2022-10-31T00:00:00Z', '2022-11-21T00:00:00Z', 1000, 'week');
    expect(weeks.step).toEqual({ unit: 'week', n: 1 });
    expect(weeks.labels).toEqual(['31 Oct\n2022', '7 Nov', '14 Nov', '21 Nov']);
    const year = axis('2022-01-03T00:00:00Z', '2022-12-26T00:00:00Z', 1000, 'week');
    expect(year.step).toEqual({ unit: 'month', n: 1 });
    expect(year.labels.slice(0, 3)).toEqual(['Feb\n2022', 'Mar', 'Apr']);
    const months = axis('2022-01-01T00:00:00Z', '2022-04-01T00:00:00Z', 1000, 'month');
    expect(months.labels).toEqual(['Jan\n2022', 'Feb', 'Mar', 'Apr']);
    const decades = axis('2003-01-01T00:00:00Z', '2022-12-01T00:00:00Z', 1000, 'month');
    expect(decades.step).toEqual({ unit: 'year', n: 2 });
    expect(decades.labels.slice(0, 3)).toEqual(['2004', '2006', '2008']);
  });

  it('writes the year on every month once the ticks span a year, so no label stands for two', () => {
    const { labels } = axis('2021-11-01T00:00:00Z', '2023-11-01T00:00:00Z', 1000, 'month');
    expect(labels.length).toBeGreaterThan(3);
    expect(labels.every((l) => /\n\d{4}$|^\d{4}$/.test(l))).toBe(true);
  });

  it('keeps every tick whole, in range, apart and uniquely labelled, for any span and width', () => {
    const starts = ['2022-11-10T00:00:00Z', '2021-12-27T00:00:00Z', '2020-02-01T00:00:00Z'];
    const spans: Record<Granularity, number[]> = {
      hour: [1, 6, 48, 200, 743].map((n) => n * HOUR),
      day: [1, 6, 29, 90, 365].map((n) => n * DAY),
      week: [1, 8, 52, 261].map((n) => n * 7 * DAY),
      month: [2, 11, 40, 239].map((n) => n * 30.44 * DAY),
    };
    const whole: Record<TickStep['unit'], (d: Date) => boolean> = {
      hour: (d) => d.getUTCMinutes() === 0,
      day: (d) => d.getUTCHours() === 0,
      week: (d) => d.getUTCHours() === 0 && d.getUTCDay() === 1,
      month: (d) => d.getUTCHours() === 0 && d.getUTCDate() === 1,
      year: (d) => d.getUTCHours() === 0 && d.getUTCDate() === 1 && d.getUTCMonth() === 0,
    };
    for (const start of starts) {
      for (const [g, list] of Object.entries(spans) as [Granularity, number[]][]) {
        for (const span of list) {
          for (const width of [240, 600, 1200, 2400]) {
            const min = at(start);
            const { step, splits, labels } = axis(min, min + span, width, g);
            const what = `${g} ${start} +${span / DAY}d at ${width}px: ${labels.join(' | ')}`;
            expect(
              splits.every((t) => t >= min && t <= min + span),
              what,
            ).toBe(true);
            expect(
              splits.every((t) => whole[step.unit](new Date(t * 1000))),
              what,
            ).toBe(true);
            const gaps = splits.slice(1).map((t, i) => ((t - (splits[i] ?? 0)) * width) / span);
            expect(gaps.every((px) => px >= 70) || step.unit === 'year', what).toBe(true);
            expect(new Set(moments(labels)).size, what).toBe(labels.length);
            expect(
              labels.every((l, i) => l !== labels[i - 1]),
              what,
            ).toBe(true);
            if (step.unit !== 'hour') expect(new Set(labels).size, what).toBe(labels.length);
          }
        }
      }
    }
  });
});
