import type { Granularity } from './types.js';

/**
 * The chart's time axis: ticks at whole hours, days, ISO weeks (Mondays), months or years, UTC,
 * never finer than the series' buckets and never closer than `minGap` pixels, each labelled once.
 * Pure (times in seconds, as uPlot has them), so it is unit-tested in Node.
 */

export type TickUnit = 'hour' | 'day' | 'week' | 'month' | 'year';
export type TickStep = { readonly unit: TickUnit; readonly n: number };

const HOUR = 3600;
const DAY = 24 * HOUR;
/** Seconds a step covers on average: to pick one that fits the width. */
const APPROX: Record<TickUnit, number> = {
  hour: HOUR,
  day: DAY,
  week: 7 * DAY,
  month: 30.44 * DAY,
  year: 365.25 * DAY,
};
/** Every step the axis may use, finest first. */
const STEPS: readonly TickStep[] = [
  ...[1, 2, 3, 6, 12].map((n) => ({ unit: 'hour' as const, n })),
  ...[1, 2].map((n) => ({ unit: 'day' as const, n })),
  ...[1, 2].map((n) => ({ unit: 'week' as const, n })),
  ...[1, 2, 3, 6].map((n) => ({ unit: 'month' as const, n })),
  ...[1, 2, 5, 10, 20, 50, 100].map((n) => ({ unit: 'year' as const, n })),
];
const FINEST: Record<Granularity, TickUnit> = { hour: 'hour', day: 'day', week: 'week', month: 'month' };
const ORDER: readonly TickUnit[] = ['hour', 'day', 'week', 'month', 'year'];

/** The finest step no finer than the buckets whose ticks stay `minGap` px apart over `width` px. */
export function tickStep(spanSec: number, widthPx: number, granularity: Granularity, minGap = 80): TickStep {
  const finest = ORDER.indexOf(FINEST[granularity]);
  const pxPerSec = widthPx / Math.max(spanSec, 1);
  const allowed = STEPS.filter((s) => ORDER.indexOf(s.unit) >= finest);
  return allowed.find((s) => s.n * APPROX[s.unit] * pxPerSec >= minGap) ?? (allowed.at(-1) as TickStep);
}

/** Index of the period holding `t` (hours, days, weeks since a Monday, months or years since 0). */
function indexOf(t: number, unit: TickUnit): number {
  if (unit === 'hour') return Math.floor(t / HOUR);
  if (unit === 'day') return Math.floor(t / DAY);
  // 1970-01-01 was a Thursday; day 4 (5 Jan 1970) the first Monday.
  if (unit === 'week') return Math.floor((Math.floor(t / DAY) - 4) / 7);
  const d = new Date(t * 1000);
  return unit === 'month' ? d.getUTCFullYear() * 12 + d.getUTCMonth() : d.getUTCFullYear();
}

/** Start, in seconds, of the period of index `i`. */
function startOf(i: number, unit: TickUnit): number {
  if (unit === 'hour') return i * HOUR;
  if (unit === 'day') return i * DAY;
  if (unit === 'week') return (i * 7 + 4) * DAY;
  if (unit === 'month') return Date.UTC(Math.floor(i / 12), i % 12, 1) / 1000;
  return Date.UTC(i, 0, 1) / 1000;
}

/** The tick times in [min, max]: starts of periods whose index is a multiple of the step. */
export function tickSplits(min: number, max: number, step: TickStep): number[] {
  const splits: number[] = [];
  let i = Math.ceil(indexOf(min, step.unit) / step.n) * step.n;
  for (; splits.length < 1000; i += step.n) {
    const t = startOf(i, step.unit);
    if (t > max) break;
    if (t >= min) splits.push(t);
  }
  return splits;
}

export const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A label per tick, all different: "10 Nov", "Nov" or "2023" by the step, with the year on a second
 * line at the first tick, at each new year, and on every tick once the ticks span a year (so
 * "10 Nov" cannot stand for two days). Hourly ticks read "06:00", midnights the day ("11 Nov"),
 * and the first tick its day too, so every label names one moment.
 */
export function tickLabels(splits: readonly number[], step: TickStep): string[] {
  const first = splits[0] ?? 0;
  const spansYear = (splits.at(-1) ?? first) - first >= 365 * DAY;
  return splits.map((t, i) => {
    const d = new Date(t * 1000);
    const year = d.getUTCFullYear();
    const prev = i > 0 ? new Date((splits[i - 1] ?? 0) * 1000) : undefined;
    const day = `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
    if (step.unit === 'year') return String(year);
    if (step.unit === 'hour' && t % DAY !== 0) {
      const hm = `${pad(d.getUTCHours())}:00`;
      return prev === undefined ? `${hm}\n${day} ${year}` : hm;
    }
    const withYear = spansYear || prev === undefined || prev.getUTCFullYear() !== year;
    // Hourly ticks step through every midnight (24 is a multiple of each hour step): the day's name.
    const name = step.unit === 'month' ? (MONTHS[d.getUTCMonth()] ?? '') : day;
    return withYear ? `${name}\n${year}` : name;
  });
}
