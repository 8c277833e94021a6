import { getJson, getText, query } from './api.js';
import { renderArticle } from './article-view.js';
import { renderBreakdown } from './breakdown-view.js';
import { type ChartSeries, colourOf } from './chart.js';
import { buildControls, syncControls } from './controls.js';
import { $, fmtDay, h } from './dom.js';
import { renderEmpty } from './empty-view.js';
import { type ArticleLinks, renderArticles, renderEntities } from './lists-view.js';
import { showRecount } from './recount.js';
import { hasSpikes } from './spikes.js';
import {
  addDays,
  breakdownTopic,
  entityRange,
  granularityOf,
  parseState,
  toSearch,
  type ViewState,
  withRange,
} from './state.js';
import { clearChart, renderChart, resizeChart } from './trends-view.js';
import type {
  Article,
  ArticleList,
  Breakdown,
  EntityList,
  Granularity,
  Spikes,
  Topic,
  TopicList,
  Trends,
} from './types.js';

/** The dashboard: plain DOM over the public API; the view state lives in the URL. */

const els = {
  controls: $('controls'),
  status: $('status'),
  error: $('error'),
  empty: $('empty'),
  content: $('content'),
  article: $('article-view'),
  chart: {
    chart: $('chart'),
    summary: $('chart-summary'),
    table: $('chart-table'),
    spikes: $('chart-spikes'),
  },
  articles: $('articles'),
  entities: $('entities'),
  entitiesTitle: $('entities-title'),
  breakdown: $('breakdown'),
  breakdownTitle: $('breakdown-title'),
};
const PAGE_TITLE = document.title;

let topics: Topic[] = [];
let latestDay: string | undefined;
let state: ViewState;
let inFlight: AbortController | undefined;

const labelOf = (id: string) => topics.find((t) => t.id === id)?.label ?? id;
const colourFor = (id: string) => colourOf(topics.findIndex((t) => t.id === id));
const today = () => new Date().toISOString().slice(0, 10);
/** The page's URL for a state: a query alone, so the page works under any base path. */
const here = (s: ViewState) => toSearch(s);

function setPhase(phase: 'loading' | 'ready' | 'empty' | 'error', message = '') {
  document.body.dataset.state = phase;
  document.body.setAttribute('aria-busy', String(phase === 'loading'));
  els.status.textContent = message;
}

/** Pushes a new state into the URL (a shareable link) and shows it. */
function go(next: ViewState, replace = false) {
  state = next;
  if (replace) history.replaceState(null, '', here(state));
  else history.pushState(null, '', here(state));
  syncControls(state);
  void show();
}

const links: ArticleLinks = {
  href: (id) => here({ ...state, article: id }),
  open: (id) => go({ ...state, article: id }),
};

/** Wires the controls, Back and Forward, and the chart's width to the window's. */
function listen() {
  buildControls(topics, colourFor, () => state, go);
  window.addEventListener('popstate', () => {
    state = parseState(
      location.search,
      topics.map((t) => t.id),
      latestDay ?? today(),
    );
    syncControls(state);
    void show();
  });
  let pending = 0;
  window.addEventListener('resize', () => {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(() => resizeChart(els.chart.chart.clientWidth));
  });
}

/** The trends, or one article when the URL names it. */
function show(): Promise<void> {
  inFlight?.abort();
  const ctl = new AbortController();
  inFlight = ctl;
  setPhase('loading', 'Loading…');
  els.error.hidden = true;
  const one = state.article !== '';
  els.controls.hidden = one;
  els.article.hidden = !one;
  if (one) {
    els.content.hidden = true;
    els.empty.hidden = true;
  }
  return (one ? loadArticle(state, ctl) : loadTrends(state, ctl)).catch((err: Error) => {
    if (!ctl.signal.aborted) showError(err);
  });
}

async function loadArticle(s: ViewState, ctl: AbortController) {
  const path = `articles/${encodeURIComponent(s.article)}`;
  const article = await getJson<Article>(path, ctl.signal);
  if (ctl.signal.aborted) return;
  const back = { ...s, article: '' };
  renderArticle(els.article, article, {
    topic: (id) => ({ label: labelOf(id), colour: colourFor(id) }),
    back: { href: here(back), go: () => go(back) },
    text: () => getText(`${path}/text`),
  });
  document.title = `${article.title ?? article.key} — trendwire`;
  setPhase('ready', '');
}

async function loadTrends(s: ViewState, ctl: AbortController) {
  document.title = PAGE_TITLE;
  const range = { from: s.from, to: s.to };
  const granularity = granularityOf(s);
  const entities = entityRange(s);
  // The breakdown reads whole days, 366 at most, as the entities do: the same part of the range.
  const split = breakdownTopic(s);
  const breakdownPath = (extra: Record<string, string | number>) =>
    `topics/${encodeURIComponent(split)}/breakdown?${query({ by: s.breakdown, ...entities, ...extra })}`;
  const [trends, articles, top, spikes, breakdown] = await Promise.all([
    s.topics.length === 0
      ? Promise.resolve(undefined)
      : getJson<Trends>(`trends?${query({ topics: s.topics.join(','), granularity, ...range })}`, ctl.signal),
    getJson<ArticleList>(`articles?${query({ topic: s.articles, limit: 10, ...range })}`, ctl.signal),
    getJson<EntityList>(`entities?${query({ limit: 10, ...entities })}`, ctl.signal),
    spikesOf(s.topics, granularity, range, ctl.signal),
    split ? getJson<Breakdown>(breakdownPath({ limit: 10 }), ctl.signal) : Promise.resolve(undefined),
  ]);
  if (ctl.signal.aborted) return;
  const series: ChartSeries[] = (trends?.series ?? []).map((x) => ({
    id: x.topic,
    label: labelOf(x.topic),
    colour: colourFor(x.topic),
    buckets: x.buckets,
    spikes: spikes.get(x.topic),
  }));
  const inRange = series.reduce((n, x) => n + x.buckets.reduce((m, b) => m + b.articles, 0), 0);
  if (latestDay === undefined) {
    showEmpty(undefined);
    setPhase('empty', 'No articles yet.');
    return;
  }
  if (s.topics.length > 0 && inRange === 0 && articles.items.length === 0) {
    const to = latestDay;
    showEmpty({
      ...range,
      topics: s.topics.map(labelOf),
      latest: { day: to, show: () => go(withRange({ ...s, granularity: 'auto' }, addDays(to, -29), to)) },
    });
    setPhase('empty', `No articles between ${s.from} and ${s.to}.`);
    return;
  }
  els.empty.hidden = true;
  els.content.hidden = false;
  renderChart(els.chart, series, { ...range, metric: s.metric, granularity });
  const topic = s.articles ? { id: s.articles, label: labelOf(s.articles) } : undefined;
  renderArticles(els.articles, articles.items, topic, links);
  renderEntities(els.entities, top.entities);
  els.entitiesTitle.textContent =
    entities.from === s.from ? 'Top entities of the range' : `Top entities from ${fmtDay(entities.from)}`;
  const splitTopic = split ? { label: labelOf(split) } : undefined;
  renderBreakdown(els.breakdown, breakdown, splitTopic, split ? breakdownPath({ format: 'csv' }) : undefined);
  const by = s.breakdown === 'source' ? 'by outlet' : 'by language';
  const since = entities.from === s.from ? '' : ` from ${fmtDay(entities.from)}`;
  els.breakdownTitle.textContent = splitTopic ? `${splitTopic.label} ${by}${since}` : 'Breakdown';
  setPhase('ready', '');
}

/**
 * Each topic's spikes in the range, for a day or hour chart (weeks and months have none). A topic
 * whose spikes fail to load is left out: its line is drawn without marks, and the page says so.
 */
async function spikesOf(
  ids: readonly string[],
  granularity: Granularity,
  range: { from: string; to: string },
  signal: AbortSignal,
): Promise<Map<string, Spikes['spikes']>> {
  if (!hasSpikes(granularity)) return new Map();
  const path = (id: string) => `topics/${encodeURIComponent(id)}/spikes?${query({ granularity, ...range })}`;
  const answers = await Promise.all(
    ids.map((id) =>
      getJson<Spikes>(path(id), signal).then(
        (r) => [id, r.spikes] as const,
        () => undefined,
      ),
    ),
  );
  return new Map(answers.filter((a) => a !== undefined));
}

function showEmpty(range: Parameters<typeof renderEmpty>[1]) {
  clearChart();
  els.content.hidden = true;
  els.empty.hidden = false;
  renderEmpty(els.empty, range);
}

function showError(err: Error, again: () => void = () => void show()) {
  setPhase('error', '');
  const retry = h('button', { type: 'button' }, 'Try again');
  retry.addEventListener('click', again);
  const back: (Node | string)[] = [];
  if (state?.article) {
    const trends = h('button', { type: 'button' }, 'Back to the trends');
    trends.addEventListener('click', () => go({ ...state, article: '' }));
    back.push(' ', trends);
  }
  els.error.replaceChildren(h('strong', {}, 'Could not load the data: '), `${err.message}. `, retry, ...back);
  els.error.hidden = false;
}

async function start() {
  setPhase('loading', 'Loading…');
  try {
    const [list, latest] = await Promise.all([
      getJson<TopicList>('topics'),
      getJson<ArticleList>('articles?limit=1'),
    ]);
    topics = list.topics;
    showRecount(
      $('recount'),
      list.recount,
      topics.filter((t) => t.complete === false).map((t) => t.label),
      () => location.reload(),
    );
    latestDay = latest.items[0]?.publishedAt.slice(0, 10);
  } catch (err) {
    showError(err as Error, () => location.reload());
    return;
  }
  listen();
  state = parseState(
    location.search,
    topics.map((t) => t.id),
    latestDay ?? today(),
  );
  if (latestDay === undefined) {
    // Nothing uploaded yet: keep the URL as it was, so a reload after the first upload opens on it.
    syncControls(state);
    void show();
  } else {
    go(state, true);
  }
}

void start();
