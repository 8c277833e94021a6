import uPlot from 'uplot';
import { signed } from './dom.js';
import { spikeIndices } from './spikes.js';
import { type Granularity, METRICS, type Metric } from './state.js';
import { type TickStep, tickLabels, tickSplits, tickStep } from './ticks.js';
import type { Bucket, Spike } from './types.js';

/** Okabe–Ito: distinguishable with the common colour-vision deficiencies, readable on white. */
export const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000'];
export const colourOf = (index: number): string => PALETTE[index % PALETTE.length] ?? '#000000';

export type ChartSeries = {
  id: string;
  label: string;
  colour: string;
  buckets: readonly Bucket[];
  /** The topic's spikes in the range (day and hour charts); undefined when not known. */
  spikes?: readonly Spike[];
};

const utc = (ts: number) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC');

/**
 * The x axis: whole hours, days, weeks, months or years (web/ticks.ts), each labelled once. The
 * labels drawn are also kept in the target's data-x-ticks (the canvas has no text to read back).
 */
function timeAxis(target: HTMLElement, granularity: Granularity): Pick<uPlot.Axis, 'splits' | 'values'> {
  let step: TickStep = { unit: 'day', n: 1 };
  return {
    splits: (u, _axis, min, max) => {
      const width = u.bbox.width > 0 ? u.bbox.width / uPlot.pxRatio : u.width;
      step = tickStep(max - min, width, granularity);
      return tickSplits(min, max, step);
    },
    values: (_u, splits) => {
      const labels = tickLabels(splits, step);
      target.dataset.xTicks = labels.join('|');
      return labels;
    },
  };
}

/**
 * A uPlot hook that marks each spike on its topic's count line, in the topic's colour: a ring
 * round the point and a triangle above it, drawn even where the line's own points are hidden.
 */
function spikeMarker(marks: readonly (readonly number[])[], colours: readonly string[]) {
  return (u: uPlot) => {
    const px = uPlot.pxRatio;
    const ctx = u.ctx;
    ctx.save();
    ctx.lineWidth = 2 * px;
    marks.forEach((indices, s) => {
      // Series 0 is x; the counts follow in the order of `marks`. A series hidden in the legend stays hidden.
      if (u.series[s + 1]?.show === false) return;
      ctx.strokeStyle = ctx.fillStyle = colours[s] ?? '#000';
      for (const i of indices) {
        const v = u.data[s + 1]?.[i];
        const t = u.data[0][i];
        if (v == null || t == null) continue;
        const x = u.valToPos(t, 'x', true);
        const y = u.valToPos(v, 'n', true);
        ctx.beginPath();
        ctx.arc(x, y, 7 * px, 0, 2 * Math.PI);
        ctx.stroke();
        ctx.beginPath();
        ctx.moveTo(x, y - 10 * px);
        ctx.lineTo(x - 6 * px, y - 20 * px);
        ctx.lineTo(x + 6 * px, y - 20 * px);
        ctx.closePath();
        ctx.fill();
      }
    });
    ctx.restore();
  };
}

/** How the legend names a bucket. */
const BUCKET: Record<Granularity, { label: string; value: string }> = {
  hour: { label: 'Hour (UTC)', value: '{YYYY}-{MM}-{DD} {HH}:00' },
  day: { label: 'Day (UTC)', value: '{YYYY}-{MM}-{DD}' },
  week: { label: 'Week from (UTC)', value: '{YYYY}-{MM}-{DD}' },
  month: { label: 'Month (UTC)', value: '{YYYY}-{MM}' },
};

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
  const marks = series.map((s) => spikeIndices(s.buckets, s.spikes ?? []));
  const opts: uPlot.Options = {
    width: Math.max(280, target.clientWidth),
    height: 320,
    tzDate: utc,
    cursor: { points: { size: 8 }, drag: { x: false, y: false } },
    hooks: {
      draw: [
        spikeMarker(
          marks,
          series.map((s) => s.colour),
        ),
      ],
    },
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
        ...timeAxis(target, granularity),
      },
      {
        scale: 'n',
        label: METRICS[metric],
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
      BUCKET[granularity],
      ...series.map((s, k) => ({
        label: `${s.label} · ${METRICS[metric].toLowerCase()}`,
        scale: 'n',
        stroke: s.colour,
        width: 2,
        points: { show: !dense, size: 6, fill: s.colour },
        value: (_u: uPlot, v: number | null, _s: number, i: number | null) =>
          v == null ? '–' : `${v}${i != null && marks[k]?.includes(i) ? ' ▲ spike' : ''}`,
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
