import type uPlot from 'uplot';
import { type ArticleSummary, type Entity, getJson, query, type Topic, type Trends } from './api.js';
import { type ChartSeries, colourOf, drawChart } from './chart.js';
import { type RecountProgress, showRecount } from './recount.js';
import {
  addDays,
  type Granularity,
  type Metric,
  parseState,
  toSearch,
  type ViewState,
  withGranularity,
  withRange,
} from './state.js';

/** The dashboard: plain DOM over the public API; the view state lives in the URL. */

const $ = <T extends HTMLElement>(id: string): T => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} missing from the page`);
  return el as T;
};
const h = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<Record<string, string>> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] => {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) if (v !== undefined) el.setAttribute(k, v);
  el.append(...children);
  return el;
};

const els = {
  from: $<HTMLInputElement>('from'),
  to: $<HTMLInputElement>('to'),
  granularity: $<HTMLSelectElement>('granularity'),
  metric: $<HTMLSelectElement>('metric'),
  toggles: $('topic-toggles'),
  presets: $('presets'),
  status: $('status'),
  error: $('error'),
  empty: $('empty'),
  content: $('content'),
  chart: $('chart'),
  chartSummary: $('chart-summary'),
  chartTable: $('chart-table'),
  articlesTopic: $<HTMLSelectElement>('articles-topic'),
  articles: $('articles'),
  entities: $('entities'),
};

let topics: Topic[] = [];
let latestDay: string | undefined;
let state: ViewState;
let chart: uPlot | undefined;
let inFlight: AbortController | undefined;

const labelOf = (id: string) => topics.find((t) => t.id === id)?.label ?? id;
const colourFor = (id: string) => colourOf(topics.findIndex((t) => t.id === id));
const today = () => new Date().toISOString().slice(0, 10);
const fmtDay = (d: string) =>
  new Date(`${d}T00:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
const fmtTime = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
const signed = (v: number) => (v > 0 ? `+${v.toFixed(2)}` : v.toFixed(2));

function setPhase(phase: 'loading' | 'ready' | 'empty' | 'error', message = '') {
  document.body.dataset.state = phase;
  document.body.setAttribute('aria-busy', String(phase === 'loading'));
  els.status.textContent = message;
}

/** Pushes a new state into the URL (a shareable link) and loads it. */
function go(next: ViewState, replace = false) {
  state = next;
  const url = `${location.pathname}${toSearch(state)}`;
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  syncControls();
  void load();
}

function syncControls() {
  els.from.value = state.from;
  els.to.value = state.to;
  els.granularity.value = state.granularity;
  els.metric.value = state.metric;
  for (const box of els.toggles.querySelectorAll<HTMLInputElement>('input[type=checkbox]')) {
    box.checked = state.topics.includes(box.value);
  }
  els.articlesTopic.value = state.articles;
}

function buildControls() {
  els.toggles.replaceChildren(
    ...topics.map((t) => {
      const box = h('input', { type: 'checkbox', value: t.id, id: `topic-${t.id}`, name: 'topics' });
      box.addEventListener('change', () => {
        const chosen = new Set(
          [...els.toggles.querySelectorAll<HTMLInputElement>('input:checked')].map((b) => b.value),
        );
        go({ ...state, topics: topics.map((x) => x.id).filter((id) => chosen.has(id)) });
      });
      const swatch = h('span', { class: 'swatch', 'aria-hidden': 'true' });
      swatch.style.background = colourFor(t.id);
      const partial = t.complete === false ? [h('span', { class: 'partial' }, 'recounting')] : [];
      return h('label', { class: 'toggle', for: `topic-${t.id}` }, box, swatch, t.label, ...partial);
    }),
  );
  els.articlesTopic.replaceChildren(
    h('option', { value: '' }, 'All topics'),
    ...topics.map((t) => h('option', { value: t.id }, t.label)),
  );
  const onRange = () => go(withRange(state, els.from.value, els.to.value));
  els.from.addEventListener('change', onRange);
  els.to.addEventListener('change', onRange);
  els.granularity.addEventListener('change', () =>
    go(withGranularity(state, els.granularity.value as Granularity)),
  );
  els.metric.addEventListener('change', () => go({ ...state, metric: els.metric.value as Metric }));
  els.articlesTopic.addEventListener('change', () => go({ ...state, articles: els.articlesTopic.value }));
  for (const b of els.presets.querySelectorAll<HTMLButtonElement>('button[data-days]')) {
    b.addEventListener('click', () => {
      const days = Number(b.dataset.days);
      go(withRange(state, addDays(state.to, 1 - days), state.to));
    });
  }
  window.addEventListener('popstate', () => {
    state = parseState(
      location.search,
      topics.map((t) => t.id),
      latestDay ?? today(),
    );
    syncControls();
    void load();
  });
  let pending = 0;
  window.addEventListener('resize', () => {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(() => chart?.setSize({ width: els.chart.clientWidth, height: 320 }));
  });
}

async function load() {
  inFlight?.abort();
  const ctl = new AbortController();
  inFlight = ctl;
  const s = state;
  setPhase('loading', 'Loading…');
  els.error.hidden = true;
  const range = { from: s.from, to: s.to };
  try {
    const [trends, articles, entities] = await Promise.all([
      s.topics.length === 0
        ? Promise.resolve(undefined)
        : getJson<Trends>(
            `trends?${query({ topics: s.topics.join(','), granularity: s.granularity, ...range })}`,
            ctl.signal,
          ),
      getJson<{ items: ArticleSummary[] }>(
        `articles?${query({ topic: s.articles, limit: 10, ...range })}`,
        ctl.signal,
      ),
      getJson<{ entities: Entity[] }>(`entities?${query({ limit: 10, ...range })}`, ctl.signal),
    ]);
    if (ctl.signal.aborted) return;
    const series: ChartSeries[] = (trends?.series ?? []).map((x) => ({
      id: x.topic,
      label: labelOf(x.topic),
      colour: colourFor(x.topic),
      buckets: x.buckets,
    }));
    const inRange = series.reduce((n, x) => n + x.buckets.reduce((m, b) => m + b.articles, 0), 0);
    if (latestDay === undefined) {
      showEmpty('none');
      setPhase('empty', 'No articles yet.');
      return;
    }
    if (s.topics.length > 0 && inRange === 0 && articles.items.length === 0) {
      showEmpty('range');
      setPhase('empty', `No articles between ${fmtDay(s.from)} and ${fmtDay(s.to)}.`);
      return;
    }
    els.empty.hidden = true;
    els.content.hidden = false;
    renderChart(series, s);
    renderArticles(articles.items, s);
    renderEntities(entities.entities);
    setPhase('ready', '');
  } catch (err) {
    if (ctl.signal.aborted) return;
    showError(err as Error);
  }
}

function renderChart(series: ChartSeries[], s: ViewState) {
  chart?.destroy();
  chart = undefined;
  els.chart.replaceChildren();
  els.chartTable.replaceChildren();
  const per = s.granularity === 'hour' ? 'hour' : 'day';
  if (series.length === 0) {
    els.chart.dataset.series = '';
    els.chart.dataset.points = '0';
    els.chartSummary.textContent = '';
    els.chart.setAttribute('aria-label', 'No topic selected.');
    els.chart.append(h('p', { class: 'hint' }, 'Select at least one topic to draw its trend.'));
    return;
  }
  chart = drawChart(els.chart, series, s.metric, s.granularity);
  const totals = series.map((x) => {
    const articles = x.buckets.reduce((n, b) => n + b.articles, 0);
    const mentions = x.buckets.reduce((n, b) => n + b.mentions, 0);
    // Mean sentiment over the range, weighted by articles per bucket.
    const weighted = x.buckets.reduce((n, b) => n + (b.sentiment.mean ?? 0) * b.articles, 0);
    return { ...x, articles, mentions, mood: articles > 0 ? weighted / articles : null };
  });
  els.chart.dataset.series = series.map((x) => x.id).join(',');
  els.chart.dataset.points = String(
    series.reduce((n, x) => n + x.buckets.filter((b) => b[s.metric] > 0).length, 0),
  );
  els.chart.setAttribute(
    'aria-label',
    `${s.metric === 'articles' ? 'Articles' : 'Mentions'} per ${per} from ${fmtDay(s.from)} to ${fmtDay(s.to)}: ` +
      totals.map((t) => `${t.label} ${t[s.metric]} in all`).join('; '),
  );
  els.chartSummary.replaceChildren(
    ...totals.map((t) => {
      const swatch = h('span', { class: 'swatch', 'aria-hidden': 'true' });
      swatch.style.background = t.colour;
      return h(
        'span',
        { class: 'total' },
        swatch,
        h('strong', {}, t.label),
        ` ${t.articles} article${t.articles === 1 ? '' : 's'} · ${t.mentions} mention${t.mentions === 1 ? '' : 's'}`,
        t.mood === null ? '' : ` · sentiment ${signed(t.mood)}`,
      );
    }),
  );
  // The same numbers as a table: for screen readers and keyboard users, who cannot hover.
  const head = h(
    'tr',
    {},
    h('th', { scope: 'col' }, per === 'hour' ? 'Hour (UTC)' : 'Day'),
    ...series.flatMap((x) => [
      h('th', { scope: 'col' }, `${x.label} articles`),
      h('th', { scope: 'col' }, `${x.label} mentions`),
      h('th', { scope: 'col' }, `${x.label} sentiment`),
    ]),
  );
  const rows = (series[0]?.buckets ?? []).map((b, i) =>
    h(
      'tr',
      {},
      h('th', { scope: 'row' }, per === 'hour' ? fmtTime(b.start) : b.start.slice(0, 10)),
      ...series.flatMap((x) => {
        const c = x.buckets[i];
        const mean = c?.sentiment.mean;
        return [
          h('td', { class: 'num' }, String(c?.articles ?? 0)),
          h('td', { class: 'num' }, String(c?.mentions ?? 0)),
          h('td', { class: 'num' }, mean == null ? '–' : signed(mean)),
        ];
      }),
    ),
  );
  els.chartTable.append(h('table', {}, h('thead', {}, head), h('tbody', {}, ...rows)));
}

function sentimentCell(sentiment: { score: number; label: string }) {
  return h(
    'td',
    {},
    h('span', { class: `mood mood-${sentiment.label}` }, `${sentiment.label} ${signed(sentiment.score)}`),
  );
}

function renderArticles(items: ArticleSummary[], s: ViewState) {
  const topic = s.articles;
  if (items.length === 0) {
    els.articles.replaceChildren(
      h('p', { class: 'hint' }, `No ${topic ? `${labelOf(topic)} ` : ''}articles in this range.`),
    );
    return;
  }
  const head = h(
    'tr',
    {},
    h('th', { scope: 'col' }, 'Published (UTC)'),
    h('th', { scope: 'col' }, 'Title'),
    h('th', { scope: 'col' }, 'Source'),
    ...(topic ? [h('th', { scope: 'col', class: 'num' }, 'Mentions')] : []),
    h('th', { scope: 'col' }, topic ? 'Sentiment on topic' : 'Sentiment'),
  );
  const rows = items.map((a) => {
    const onTopic = topic ? a.topics[topic] : undefined;
    const title = h('a', { href: `articles/${encodeURIComponent(a.id)}` }, a.title ?? a.key);
    if (a.title === null) title.classList.add('untitled');
    return h(
      'tr',
      {},
      h('td', { class: 'nowrap' }, h('time', { datetime: a.publishedAt }, fmtTime(a.publishedAt))),
      h('td', { class: 'title' }, title),
      h('td', {}, a.source ?? '—'),
      ...(topic
        ? [h('td', { class: 'num', 'data-label': 'Mentions ' }, String(onTopic?.mentions ?? 0))]
        : []),
      sentimentCell(onTopic?.sentiment ?? a.sentiment),
    );
  });
  els.articles.replaceChildren(
    h('table', { id: 'articles-table' }, h('thead', {}, head), h('tbody', {}, ...rows)),
  );
}

function renderEntities(entities: Entity[]) {
  if (entities.length === 0) {
    els.entities.replaceChildren(h('p', { class: 'hint' }, 'No entities in this range.'));
    return;
  }
  const max = Math.max(...entities.map((e) => e.mentions), 1);
  const rows = entities.map((e) => {
    const bar = h('span', { class: 'bar', 'aria-hidden': 'true' });
    bar.style.width = `${Math.round((e.mentions / max) * 100)}%`;
    return h(
      'tr',
      {},
      h('td', {}, e.name),
      h('td', {}, h('span', { class: `type type-${e.type}` }, e.type)),
      h('td', { class: 'num bar-cell' }, bar, h('span', {}, String(e.mentions))),
      h('td', { class: 'num' }, String(e.articles)),
    );
  });
  els.entities.replaceChildren(
    h(
      'table',
      { id: 'entities-table' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, 'Name'),
          h('th', { scope: 'col' }, 'Type'),
          h('th', { scope: 'col', class: 'num' }, 'Mentions'),
          h('th', { scope: 'col', class: 'num' }, 'Articles'),
        ),
      ),
      h('tbody', {}, ...rows),
    ),
  );
}

function uploadHelp(): HTMLElement {
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(location.hostname);
  const cmd = local
    ? 'export AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local AWS_DEFAULT_REGION=us-east-1\n' +
      'aws --endpoint-url http://localhost:4568 s3 cp article.txt s3://articles/2022/article.txt \\\n' +
      '    --metadata published-at=2022-11-10T12:00:00Z'
    : 'aws s3 cp article.txt s3://<articles bucket>/2022/article.txt \\\n' +
      '    --metadata published-at=2022-11-10T12:00:00Z';
  return h(
    'div',
    { class: 'upload' },
    h(
      'p',
      {},
      'Upload a news article (',
      h('code', {}, '.txt'),
      ', ',
      h('code', {}, '.json'),
      ' or ',
      h('code', {}, '.html'),
      ') to the articles bucket; it is counted within seconds:',
    ),
    h('pre', {}, h('code', {}, cmd)),
    ...(local
      ? []
      : [
          h(
            'p',
            { class: 'hint' },
            'The bucket name is the stack output ArticlesBucketName of your deployment.',
          ),
        ]),
  );
}

function showEmpty(kind: 'none' | 'range') {
  chart?.destroy();
  chart = undefined;
  els.content.hidden = true;
  els.empty.hidden = false;
  const title = h(
    'h2',
    { id: 'empty-title' },
    kind === 'none' ? 'No articles yet' : 'No articles in this range',
  );
  const parts: Node[] = [title];
  if (kind === 'range') {
    parts.push(
      h(
        'p',
        {},
        `Nothing about ${state.topics.map(labelOf).join(' or ')} was published between ${fmtDay(state.from)} and ${fmtDay(state.to)}.`,
      ),
    );
    if (latestDay) {
      const to = latestDay;
      const jump = h('button', { type: 'button', class: 'primary' }, `Show the 30 days to ${fmtDay(to)}`);
      jump.addEventListener('click', () =>
        go(withRange({ ...state, granularity: 'day' }, addDays(to, -29), to)),
      );
      parts.push(h('p', {}, `The newest article is from ${fmtDay(to)}. `, jump));
    }
  } else {
    parts.push(h('p', {}, 'The pipeline has not counted any article so far.'));
  }
  parts.push(uploadHelp());
  els.empty.replaceChildren(...parts);
}

function showError(err: Error, again: () => void = () => void load()) {
  setPhase('error', '');
  const retry = h('button', { type: 'button' }, 'Try again');
  retry.addEventListener('click', again);
  els.error.replaceChildren(h('strong', {}, 'Could not load the data: '), `${err.message}. `, retry);
  els.error.hidden = false;
}

async function start() {
  setPhase('loading', 'Loading…');
  try {
    const [list, latest] = await Promise.all([
      getJson<{ topics: Topic[]; recount?: RecountProgress | null }>('topics'),
      getJson<{ items: ArticleSummary[] }>('articles?limit=1'),
    ]);
    topics = list.topics;
    showRecount(
      $('recount'),
      list.recount ?? null,
      topics.filter((t) => t.complete === false).map((t) => t.label),
      () => location.reload(),
    );
    latestDay = latest.items[0]?.publishedAt.slice(0, 10);
  } catch (err) {
    showError(err as Error, () => location.reload());
    return;
  }
  buildControls();
  state = parseState(
    location.search,
    topics.map((t) => t.id),
    latestDay ?? today(),
  );
  if (latestDay === undefined) {
    // Nothing uploaded yet: keep the URL as it was, so a reload after the first upload opens on it.
    syncControls();
    void load();
  } else {
    go(state, true);
  }
}

void start();
