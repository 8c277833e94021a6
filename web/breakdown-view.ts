import { h, signed, table } from './dom.js';
import type { BreakdownBy } from './state.js';
import type { Breakdown } from './types.js';

/** The breakdown card: a topic's articles, mentions and mean sentiment per outlet or language. */

const NAMES: Record<BreakdownBy, { column: string; plural: string }> = {
  source: { column: 'Outlet', plural: 'outlets' },
  language: { column: 'Language', plural: 'languages' },
};

export function renderBreakdown(
  target: HTMLElement,
  breakdown: Breakdown | undefined,
  topic: { label: string } | undefined,
  csvHref: string | undefined,
): void {
  if (!breakdown || !topic) {
    target.replaceChildren(h('p', { class: 'hint' }, 'Choose a topic to see it by outlet or by language.'));
    return;
  }
  const names = NAMES[breakdown.by];
  if (breakdown.items.length === 0) {
    target.replaceChildren(h('p', { class: 'hint' }, `No ${topic.label} articles in this range.`));
    return;
  }
  const max = Math.max(...breakdown.items.map((i) => i.articles), 1);
  const rows = breakdown.items.map((i) => {
    const bar = h('span', { class: 'bar', 'aria-hidden': 'true' });
    bar.style.width = `${Math.round((i.articles / max) * 100)}%`;
    const mean = i.sentiment.mean;
    return h(
      'tr',
      {},
      h('td', { class: 'source', title: i.value }, h('span', { class: 'clamp' }, i.value)),
      h('td', { class: 'num bar-cell' }, bar, h('span', {}, String(i.articles))),
      h('td', { class: 'num' }, String(i.mentions)),
      h('td', { class: 'num' }, mean === null ? '—' : signed(mean)),
    );
  });
  const columns = [
    names.column,
    { name: 'Articles', num: true as const },
    { name: 'Mentions', num: true as const },
    { name: 'Sentiment', num: true as const },
  ];
  const more = breakdown.nextCursor
    ? [h('p', { class: 'hint' }, `The ${breakdown.items.length} ${names.plural} with most articles.`)]
    : [];
  const csv = csvHref
    ? [h('p', { class: 'hint' }, h('a', { href: csvHref, download: '' }, 'All as CSV'))]
    : [];
  target.replaceChildren(table('breakdown-table', columns, rows), ...more, ...csv);
}
