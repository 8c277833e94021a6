import { $, h, swatch } from './dom.js';
import {
  addDays,
  type BreakdownBy,
  type GranularityChoice,
  granularityOf,
  type Metric,
  type ViewState,
  withChosenRange,
  withGranularity,
} from './state.js';
import type { Topic } from './types.js';

/** The form over the trends: range, presets, granularity, count, topics, the articles' topic and the breakdown's split. */

const els = {
  from: $<HTMLInputElement>('from'),
  to: $<HTMLInputElement>('to'),
  granularity: $<HTMLSelectElement>('granularity'),
  metric: $<HTMLSelectElement>('metric'),
  toggles: $('topic-toggles'),
  presets: $('presets'),
  articlesTopic: $<HTMLSelectElement>('articles-topic'),
  breakdownBy: $('breakdown-by'),
};
const GRANULARITY_NAMES = { hour: 'hourly', day: 'daily', week: 'weekly', month: 'monthly' } as const;

/** Shows a state in the controls. */
export function syncControls(state: ViewState): void {
  els.from.value = state.from;
  els.to.value = state.to;
  els.granularity.value = state.granularity;
  const auto = els.granularity.querySelector('option[value="auto"]');
  if (auto) auto.textContent = `Auto (${GRANULARITY_NAMES[granularityOf(state)]})`;
  els.metric.value = state.metric;
  for (const box of els.toggles.querySelectorAll<HTMLInputElement>('input[type=checkbox]')) {
    box.checked = state.topics.includes(box.value);
  }
  els.articlesTopic.value = state.articles;
  for (const radio of els.breakdownBy.querySelectorAll<HTMLInputElement>('input[type=radio]')) {
    radio.checked = radio.value === state.breakdown;
  }
}

/**
 * Builds the topic toggles and options and wires every control: each change calls `go` with the
 * state it makes from the current one (`current()`).
 */
export function buildControls(
  topics: readonly Topic[],
  colourFor: (id: string) => string,
  current: () => ViewState,
  go: (next: ViewState) => void,
): void {
  els.toggles.replaceChildren(
    ...topics.map((t) => {
      const box = h('input', { type: 'checkbox', value: t.id, id: `topic-${t.id}`, name: 'topics' });
      box.addEventListener('change', () => {
        const chosen = new Set(
          [...els.toggles.querySelectorAll<HTMLInputElement>('input:checked')].map((b) => b.value),
        );
        go({ ...current(), topics: topics.map((x) => x.id).filter((id) => chosen.has(id)) });
      });
      const partial = t.complete === false ? [h('span', { class: 'partial' }, 'recounting')] : [];
      return h(
        'label',
        { class: 'toggle', for: `topic-${t.id}` },
        box,
        swatch(colourFor(t.id)),
        t.label,
        ...partial,
      );
    }),
  );
  els.articlesTopic.replaceChildren(
    h('option', { value: '' }, 'All topics'),
    ...topics.map((t) => h('option', { value: t.id }, t.label)),
  );
  const onRange = () => go(withChosenRange(current(), els.from.value, els.to.value));
  els.from.addEventListener('change', onRange);
  els.to.addEventListener('change', onRange);
  els.granularity.addEventListener('change', () =>
    go(withGranularity(current(), els.granularity.value as GranularityChoice)),
  );
  els.metric.addEventListener('change', () => go({ ...current(), metric: els.metric.value as Metric }));
  els.articlesTopic.addEventListener('change', () => go({ ...current(), articles: els.articlesTopic.value }));
  for (const radio of els.breakdownBy.querySelectorAll<HTMLInputElement>('input[type=radio]')) {
    radio.addEventListener('change', () => go({ ...current(), breakdown: radio.value as BreakdownBy }));
  }
  for (const b of els.presets.querySelectorAll<HTMLButtonElement>('button[data-days]')) {
    b.addEventListener('click', () => {
      const s = current();
      go(withChosenRange(s, addDays(s.to, 1 - Number(b.dataset.days)), s.to));
    });
  }
}
