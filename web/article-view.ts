import { fmtTime, h, mood, plural, swatch, table } from './dom.js';
import type { Article } from './types.js';

/**
 * One article on its own (`?article=<id>`, over the trend view's state, so Back returns to it):
 * title, outlet, time and link; its counts and sentiment per topic, each mention in its sentence;
 * its entities; and on demand the text the analysis read. Everything comes from GET /articles/{id}
 * and GET /articles/{id}/text.
 */

export type ArticleContext = {
  topic: (id: string) => { label: string; colour: string };
  /** The trends this article was opened from, as a link and as an in-page step back. */
  back: { href: string; go: () => void };
  /** GET /articles/{id}/text. */
  text: () => Promise<string>;
};

/** Only web links are shown as links: a record's url is whatever its uploader wrote. */
const webUrl = (url: string | null) => (url !== null && /^https?:\/\//i.test(url) ? url : undefined);

/** The sentence with the first occurrence of the matched words marked. */
function sentenceWith(sentence: string, text: string): HTMLElement {
  const at = sentence.indexOf(text);
  if (at < 0 || text === '') return h('li', {}, sentence);
  return h('li', {}, sentence.slice(0, at), h('mark', {}, text), sentence.slice(at + text.length));
}

function topicsSection(a: Article, ctx: ArticleContext): Node[] {
  const ids = Object.keys(a.topics);
  if (ids.length === 0) return [h('p', { class: 'hint' }, 'This article mentions none of the topics.')];
  const rows = ids.map((id) => {
    const t = a.topics[id];
    const { label, colour } = ctx.topic(id);
    return h(
      'tr',
      {},
      h('td', {}, swatch(colour), ` ${label}`),
      h('td', { class: 'num' }, String(t?.mentions ?? 0)),
      h('td', {}, t ? mood(t.sentiment) : ''),
    );
  });
  const evidence = ids.flatMap((id) => {
    const matches = a.topics[id]?.matches;
    if (!matches || matches.length === 0) return [];
    return [
      h('h4', {}, `${ctx.topic(id).label}: ${plural(matches.length, 'mention')}`),
      h('ol', { class: 'evidence' }, ...matches.map((m) => sentenceWith(m.sentence, m.text))),
    ];
  });
  return [
    table('article-topics', ['Topic', { name: 'Mentions', num: true }, 'Sentiment on topic'], rows),
    ...(a.evidence ? [h('p', { class: 'hint' }, `The mentions cannot be shown: ${a.evidence}.`)] : []),
    ...(evidence.length > 0
      ? [h('details', { class: 'mentions' }, h('summary', {}, 'Each mention in its sentence'), ...evidence)]
      : []),
  ];
}

function entitiesSection(a: Article): Node {
  if (a.entities.length === 0) return h('p', { class: 'hint' }, 'No entities found.');
  const rows = a.entities.map((e) =>
    h(
      'tr',
      {},
      h('td', {}, e.name),
      h('td', {}, h('span', { class: `type type-${e.type}` }, e.type)),
      h('td', { class: 'num' }, String(e.mentions)),
    ),
  );
  return table('article-entities', ['Name', 'Type', { name: 'Mentions', num: true }], rows);
}

/** The text, fetched when its section is first opened. */
function textSection(ctx: ArticleContext): HTMLElement {
  const body = h('div', { class: 'article-text' }, h('p', { class: 'hint' }, 'Loading…'));
  const details = h('details', { id: 'article-text' }, h('summary', {}, 'The text the analysis read'), body);
  let loaded = false;
  details.addEventListener('toggle', () => {
    if (!details.open || loaded) return;
    loaded = true;
    ctx.text().then(
      (text) => body.replaceChildren(...text.split(/\n{2,}/).map((p) => h('p', {}, p))),
      (err: Error) =>
        body.replaceChildren(h('p', { class: 'hint' }, `The text cannot be shown: ${err.message}.`)),
    );
  });
  return details;
}

export function renderArticle(target: HTMLElement, a: Article, ctx: ArticleContext): void {
  const back = h('a', { href: ctx.back.href, class: 'back' }, '← Back to the trends');
  back.addEventListener('click', (e) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    ctx.back.go();
  });
  const title = h('h2', { id: 'article-title', tabindex: '-1' }, a.title ?? a.key);
  if (a.title === null) title.classList.add('untitled');
  const url = webUrl(a.url);
  const meta = h(
    'p',
    { class: 'meta' },
    h('span', { class: 'source', title: a.source ?? '' }, a.source ?? 'Unknown source'),
    ' · ',
    h('time', { datetime: a.publishedAt }, `${fmtTime(a.publishedAt)} UTC`),
    ` · ${a.language}`,
    ...(url
      ? [
          ' · ',
          h(
            'a',
            { href: url, rel: 'noopener noreferrer', target: '_blank', class: 'original' },
            'Original article',
          ),
        ]
      : []),
  );
  target.replaceChildren(
    back,
    title,
    meta,
    h('p', {}, 'Sentiment of the article: ', mood(a.sentiment)),
    h('h3', {}, 'Topics'),
    ...topicsSection(a, ctx),
    h('h3', {}, 'Entities'),
    entitiesSection(a),
    textSection(ctx),
    h(
      'p',
      { class: 'hint' },
      'Object ',
      h('code', {}, a.key),
      ` · analysed ${fmtTime(a.updatedAt)} UTC · `,
      h('a', { href: `articles/${encodeURIComponent(a.id)}` }, 'as JSON'),
    ),
  );
  title.focus();
}
