import { fmtTime, h, mood, table } from './dom.js';
import type { ArticleSummary, Entity } from './types.js';

/** The two lists under the chart: the latest articles of a topic and the top entities. */

export type ArticleLinks = {
  /** The shareable URL of the article's own view. */
  href: (id: string) => string;
  /** Opens it in the page (a plain click; other clicks follow the href). */
  open: (id: string) => void;
};

/** A link to an article's view: a real link (new tab, copy), opened in place on a plain click. */
export function articleLink(id: string, text: string, links: ArticleLinks): HTMLAnchorElement {
  const a = h('a', { href: links.href(id) }, text);
  a.addEventListener('click', (e) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    links.open(id);
  });
  return a;
}

export function renderArticles(
  target: HTMLElement,
  items: readonly ArticleSummary[],
  topic: { id: string; label: string } | undefined,
  links: ArticleLinks,
): void {
  if (items.length === 0) {
    target.replaceChildren(
      h('p', { class: 'hint' }, `No ${topic ? `${topic.label} ` : ''}articles in this range.`),
    );
    return;
  }
  const columns = [
    'Published (UTC)',
    'Title',
    'Source',
    ...(topic ? [{ name: 'Mentions', num: true as const }] : []),
    topic ? 'Sentiment on topic' : 'Sentiment',
  ];
  const rows = items.map((a) => {
    const onTopic = topic ? a.topics[topic.id] : undefined;
    const title = articleLink(a.id, a.title ?? a.key, links);
    if (a.title === null) title.classList.add('untitled');
    const source = a.source ?? '—';
    return h(
      'tr',
      {},
      h('td', { class: 'nowrap' }, h('time', { datetime: a.publishedAt }, fmtTime(a.publishedAt))),
      h('td', { class: 'title' }, title),
      // A long outlet name is cut after two lines; the whole name is its tooltip.
      h('td', { class: 'source', title: source }, h('span', { class: 'clamp' }, source)),
      ...(topic
        ? [h('td', { class: 'num', 'data-label': 'Mentions ' }, String(onTopic?.mentions ?? 0))]
        : []),
      h('td', { class: 'mood-cell' }, mood(onTopic?.sentiment ?? a.sentiment)),
    );
  });
  const t = table('articles-table', columns, rows);
  t.classList.add('fixed', topic ? 'with-topic' : 'all-topics');
  target.replaceChildren(t);
}

export function renderEntities(target: HTMLElement, entities: readonly Entity[]): void {
  if (entities.length === 0) {
    target.replaceChildren(h('p', { class: 'hint' }, 'No entities in this range.'));
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
  const columns = [
    'Name',
    'Type',
    { name: 'Mentions', num: true as const },
    { name: 'Articles', num: true as const },
  ];
  target.replaceChildren(table('entities-table', columns, rows));
}
