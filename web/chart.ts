import uPlot from 'uplot';
import type { Bucket } from './api.js';
import type { Granularity, Metric } from './state.js';

/** Okabe–Ito: distinguishable with the common colour-vision deficiencies, readable on white. */
export const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000'];
export const colourOf = (index: number): string => PALETTE[index % PALETTE.length] ?? '#000000';

export type ChartSeries = { id: string; label: string; colour: string; buckets: readonly Bucket[] };

const utc = (ts: number) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC');
const signed = (v: number) => (v > 0 ? `+${v.toFixed(2)}` : v.toFixed(2));
const dayLabel = (d: Date) =>
  d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

/** Time-axis labels in UTC and 24-hour time: "10 Nov" (with the year when it changes), "06:00". */
function timeLabels(granularity: Granularity) {
  return (_u: uPlot, splits: number[]) =>
    splits.map((ts, i) => {
      const d = new Date(ts * 1000);
      const iso = d.toISOString();
      const prev = i > 0 ? new Date((splits[i - 1] ?? 0) * 1000).toISOString() : '';
      const newDay = prev.slice(0, 10) !== iso.slice(0, 10);
      const newYear = prev.slice(0, 4) !== iso.slice(0, 4);
      const hm = iso.slice(11, 16);
      if (granularity === 'hour' && hm !== '00:00') return newDay && i === 0 ? `${hm}\n${dayLabel(d)}` : hm;
      return newYear ? `${dayLabel(d)}\n${iso.slice(0, 4)}` : dayLabel(d);
    });
}

/**
 * Counts per topic (solid lines, left axis) with each topic's mean sentiment (dashed, same
 * colour, right axis from −1 to +1). Returns the chart; the caller destroys it on the next draw.
 */
export function drawChart(
  target: HTMLElement,
  series: readonly ChartSeries[],
  metric: Metric,
  granularity: Granularity,
): uPlot {
  const first = series[0]?.buckets ?? [];
  const xs = first.map((b) => Date.parse(b.start) / 1000);
  const counts = series.map((s) => s.buckets.map((b) => b[metric]));
  const moods = series.map((s) => s.buckets.map((b) => b.sentiment.mean));
  const dense = xs.length > 120;
  const opts: uPlot.Options = {
    width: Math.max(280, target.clientWidth),
    height: 320,
    tzDate: utc,
    cursor: { points: { size: 8 }, drag: { x: false, y: false } },
    scales: {
      x: { time: true },
      n: { range: (_u, _min, max) => [0, Math.max(1, Math.ceil(max * 1.15))] },
      s: { range: [-1, 1] },
    },
    axes: [
      {
        stroke: '#333',
        grid: { stroke: '#e5e5e5' },
        ticks: { stroke: '#ccc' },
        values: timeLabels(granularity),
      },
      {
        scale: 'n',
        label: metric === 'articles' ? 'Articles' : 'Mentions',
        stroke: '#333',
        grid: { stroke: '#e5e5e5' },
        ticks: { stroke: '#ccc' },
        values: (_u, vals) => vals.map((v) => (Number.isInteger(v) ? String(v) : '')),
      },
      {
        scale: 's',
        side: 1,
        size: 56,
        label: 'Sentiment (dashed)',
        stroke: '#333',
        grid: { show: false },
        ticks: { stroke: '#ccc' },
        values: (_u, vals) => vals.map((v) => signed(v)),
      },
    ],
    series: [
      {
        label: granularity === 'hour' ? 'Hour (UTC)' : 'Day (UTC)',
        value: granularity === 'hour' ? '{YYYY}-{MM}-{DD} {HH}:00' : '{YYYY}-{MM}-{DD}',
      },
      ...series.map((s) => ({
        label: `${s.label} · ${metric}`,
        scale: 'n',
        stroke: s.colour,
        width: 2,
        points: { show: !dense, size: 6, fill: s.colour },
        value: (_u: uPlot, v: number | null) => (v == null ? '–' : String(v)),
      })),
      ...series.map((s) => ({
        label: `${s.label} · sentiment`,
        scale: 's',
        stroke: s.colour,
        width: 1.5,
        dash: [6, 4],
        spanGaps: false,
        // Always: a lone bucket with articles between empty ones is a point, not a line.
        points: { show: true, size: 5, fill: '#fff' },
        value: (_u: uPlot, v: number | null) => (v == null ? '–' : signed(v)),
      })),
    ],
  };
  const data: uPlot.AlignedData = [xs, ...counts, ...moods];
  return new uPlot(opts, data, target);
}
