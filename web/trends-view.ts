import type uPlot from 'uplot';
import { type ChartSeries, drawChart } from './chart.js';
import { fmtDay, fmtTime, h, plural, signed, swatch, table } from './dom.js';
import { hasSpikes, spikeIndices, spikeText } from './spikes.js';
import { type Granularity, METRICS, type Metric } from './state.js';

/** The chart card: the lines, a sentence per topic with its totals, and the numbers as a table. */

export type ChartEls = { chart: HTMLElement; summary: HTMLElement; table: HTMLElement; spikes: HTMLElement };
export type ChartView = { from: string; to: string; metric: Metric; granularity: Granularity };

const PER: Record<Granularity, { per: string; column: string; name: (start: string) => string }> = {
  hour: { per: 'hour', column: 'Hour (UTC)', name: fmtTime },
  day: { per: 'day', column: 'Day', name: (s) => s.slice(0, 10) },
  week: { per: 'week', column: 'Week from', name: (s) => s.slice(0, 10) },
  month: { per: 'month', column: 'Month', name: (s) => s.slice(0, 7) },
};

let chart: uPlot | undefined;

/** Destroys the chart drawn last, if any. */
export function clearChart(): void {
  chart?.destroy();
  chart = undefined;
}

/** Keeps the chart as wide as its card. */
export function resizeChart(width: number): void {
  chart?.setSize({ width, height: 320 });
}

export function renderChart(els: ChartEls, series: readonly ChartSeries[], v: ChartView): void {
  clearChart();
  els.chart.replaceChildren();
  els.table.replaceChildren();
  renderSpikes(els, series, v.granularity);
  const { per, column, name } = PER[v.granularity];
  els.chart.dataset.granularity = v.granularity;
  if (series.length === 0) {
    els.chart.dataset.series = '';
    els.chart.dataset.points = '0';
    els.summary.textContent = '';
    els.chart.setAttribute('aria-label', 'No topic selected.');
    els.chart.append(h('p', { class: 'hint' }, 'Select at least one topic to draw its trend.'));
    return;
  }
  chart = drawChart(els.chart, series, v.metric, v.granularity);
  const totals = series.map((x) => {
    const articles = x.buckets.reduce((n, b) => n + b.articles, 0);
    const mentions = x.buckets.reduce((n, b) => n + b.mentions, 0);
    // A story counts once in each bucket it ran in: its copies once, its days each.
    const unique = x.buckets.reduce((n, b) => n + b.unique, 0);
    // Mean sentiment over the range, weighted by articles per bucket.
    const weighted = x.buckets.reduce((n, b) => n + (b.sentiment.mean ?? 0) * b.articles, 0);
    return { ...x, articles, mentions, unique, mood: articles > 0 ? weighted / articles : null };
  });
  els.chart.dataset.series = series.map((x) => x.id).join(',');
  els.chart.dataset.points = String(
    series.reduce((n, x) => n + x.buckets.filter((b) => b[v.metric] > 0).length, 0),
  );
  els.chart.setAttribute(
    'aria-label',
    `${METRICS[v.metric]} per ${per} from ${fmtDay(v.from)} to ${fmtDay(v.to)}: ` +
      totals.map((t) => `${t.label} ${t[v.metric]} in all`).join('; '),
  );
  els.summary.replaceChildren(
    ...totals.map((t) =>
      h(
        'span',
        { class: 'total' },
        swatch(t.colour),
        h('strong', {}, t.label),
        ` ${plural(t.articles, 'article')} · ${plural(t.mentions, 'mention')}`,
        t.mood === null ? '' : ` · sentiment ${signed(t.mood)}`,
      ),
    ),
  );
  // The same numbers as a table: for screen readers and keyboard users, who cannot hover.
  const columns = [
    column,
    ...series.flatMap((x) => [
      `${x.label} articles`,
      `${x.label} stories`,
      `${x.label} mentions`,
      `${x.label} sentiment`,
    ]),
  ];
  const rows = (series[0]?.buckets ?? []).map((b, i) =>
    h(
      'tr',
      {},
      h('th', { scope: 'row' }, name(b.start)),
      ...series.flatMap((x) => {
        const c = x.buckets[i];
        const mean = c?.sentiment.mean;
        return [
          h('td', { class: 'num' }, String(c?.articles ?? 0)),
          h('td', { class: 'num' }, String(c?.unique ?? 0)),
          h('td', { class: 'num' }, String(c?.mentions ?? 0)),
          h('td', { class: 'num' }, mean == null ? '–' : signed(mean)),
        ];
      }),
    ),
  );
  els.table.append(table(undefined, columns, rows));
}

/**
 * The spikes marked on the chart, in words under it (the canvas has no text): one line per spike,
 * in the topic's colour. The chart's data-spikes lists them as `topic start|…` for tests.
 */
function renderSpikes(els: ChartEls, series: readonly ChartSeries[], granularity: Granularity): void {
  const known = series.filter((x) => x.spikes !== undefined);
  const marks = known.flatMap((x) =>
    spikeIndices(x.buckets, x.spikes ?? []).map((i) => {
      const start = x.buckets[i]?.start ?? '';
      const spike = x.spikes?.find((p) => Date.parse(p.start) === Date.parse(start));
      return { x, start, text: spike ? spikeText(x.label, spike, granularity) : '' };
    }),
  );
  marks.sort((a, b) => a.start.localeCompare(b.start));
  const failed = hasSpikes(granularity) ? series.filter((x) => x.spikes === undefined) : [];
  els.chart.dataset.spikes = marks.map((m) => `${m.x.id} ${m.start}`).join('|');
  els.spikes.hidden = marks.length === 0 && failed.length === 0;
  els.spikes.replaceChildren(
    ...(marks.length > 0
      ? [
          h('strong', {}, 'Spikes:'),
          h(
            'ul',
            {},
            ...marks.map((m) =>
              h('li', { 'data-topic': m.x.id, 'data-start': m.start }, swatch(m.x.colour), m.text),
            ),
          ),
        ]
      : []),
    ...(failed.length > 0
      ? [h('p', { class: 'hint' }, `Spikes of ${failed.map((x) => x.label).join(', ')} could not be loaded.`)]
      : []),
  );
}
