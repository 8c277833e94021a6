import type { Sentiment } from './types.js';

/** The little DOM toolkit the views share: lookups, element building, number and date formats. */

export const $ = <T extends HTMLElement>(id: string): T => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} missing from the page`);
  return el as T;
};

export const h = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<Record<string, string>> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] => {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) if (v !== undefined) el.setAttribute(k, v);
  el.append(...children);
  return el;
};

export const fmtDay = (d: string): string =>
  new Date(`${d.slice(0, 10)}T00:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
export const fmtTime = (iso: string): string => `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
export const signed = (v: number): string => (v > 0 ? `+${v.toFixed(2)}` : v.toFixed(2));
export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "negative −0.40" on the sentiment's colour. */
export const mood = (sentiment: Sentiment): HTMLElement =>
  h('span', { class: `mood mood-${sentiment.label}` }, `${sentiment.label} ${signed(sentiment.score)}`);

/** A coloured square that ties a label to its line on the chart. */
export function swatch(colour: string): HTMLElement {
  const el = h('span', { class: 'swatch', 'aria-hidden': 'true' });
  el.style.background = colour;
  return el;
}

/** A table with a header row of column names (`.num` ones right-aligned) and the given rows. */
export function table(
  id: string | undefined,
  columns: readonly (string | { name: string; num: true })[],
  rows: readonly HTMLTableRowElement[],
): HTMLTableElement {
  const head = columns.map((c) =>
    typeof c === 'string' ? h('th', { scope: 'col' }, c) : h('th', { scope: 'col', class: 'num' }, c.name),
  );
  return h('table', { id }, h('thead', {}, h('tr', {}, ...head)), h('tbody', {}, ...rows));
}
