/**
 * The project's scoring rules (../shared/eval/score.mjs), ported so that `npm test` and
 * `npm run eval` can judge an annotated set without the shared checkout. Same rules:
 * - topics: article-level precision/recall/F1 per topic (an article "has" a topic when its count
 *   is > 0) and the share of article-topic pairs (either side > 0) whose count equals the gold;
 * - entities: per type, a set per article of normalised names (diacritics and punctuation dropped,
 *   lower case); a predicted alias counts as its canonical name; articles whose gold `entities` is
 *   null are not scored;
 * - sentiment: share of articles whose label equals the gold label.
 * scripts/eval.ts checks that this port and score.mjs agree whenever score.mjs is present.
 */

export type GoldArticle = {
  topics?: Record<string, number>;
  sentiment?: { label?: string };
  entities?: Record<EntityKey, string[] | undefined> | null;
  aliases?: Record<string, string[]>;
};
export type Gold = Record<string, GoldArticle>;
export type Prediction = {
  topics?: Record<string, number | { mentions: number }>;
  entities?: { name: string; type: string }[];
  sentiment?: { label: string };
};
export type Predictions = Record<string, Prediction | undefined>;

export type EntityKey = 'people' | 'places' | 'organizations';
const ENTITY_KEYS: readonly EntityKey[] = ['people', 'places', 'organizations'];

export type Prf = { precision: number; recall: number; f1: number; tp: number; fp: number; fn: number };
export type Score = {
  articles: number;
  found: number;
  topics: Record<string, Prf & { exact: number }>;
  topicArticle: Prf;
  mentionExact: number;
  entities: Record<EntityKey, Prf>;
  sentimentAccuracy: number;
  perArticle: Record<string, unknown>;
};

export const normName = (s: string): string =>
  String(s)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9а-яіїєґ]+/g, ' ')
    .trim();

const TYPES: Record<EntityKey, RegExp> = {
  people: /person|people|per\b/i,
  places: /place|location|gpe|loc/i,
  organizations: /org/i,
};
const typeKey = (t: string): EntityKey | null => ENTITY_KEYS.find((k) => TYPES[k].test(t || '')) ?? null;
const mentionsOf = (v: unknown): number =>
  Number(typeof v === 'object' && v !== null ? (v as { mentions: unknown }).mentions : v) || 0;
const prf = ({ tp, fp, fn }: { tp: number; fp: number; fn: number }): Prf => {
  const p = tp + fp ? tp / (tp + fp) : 0;
  const r = tp + fn ? tp / (tp + fn) : 0;
  return { precision: p, recall: r, f1: p + r ? (2 * p * r) / (p + r) : 0, tp, fp, fn };
};

export function score(gold: Gold, predictions: Predictions): Score {
  const ids = Object.keys(gold).sort();
  const topicIds = [...new Set(ids.flatMap((id) => Object.keys(gold[id]?.topics ?? {})))].sort();
  const topic = Object.fromEntries(topicIds.map((t) => [t, { tp: 0, fp: 0, fn: 0, exact: 0, pairs: 0 }]));
  const ent = Object.fromEntries(ENTITY_KEYS.map((k) => [k, { tp: 0, fp: 0, fn: 0 }])) as Record<
    EntityKey,
    { tp: number; fp: number; fn: number }
  >;
  let sentHits = 0;
  let sentTotal = 0;
  let found = 0;
  const perArticle: Record<string, { topics: object; entities: object; sentiment?: object }> = {};
  for (const id of ids) {
    const g = gold[id] as GoldArticle;
    const p = predictions[id];
    if (p) found++;
    const row: { topics: Record<string, object>; entities: Record<string, object>; sentiment?: object } = {
      topics: {},
      entities: {},
    };
    perArticle[id] = row;
    for (const t of topicIds) {
      const want = Number(g.topics?.[t] || 0);
      const got = mentionsOf(p?.topics?.[t]);
      const c = topic[t] as { tp: number; fp: number; fn: number; exact: number; pairs: number };
      if (want > 0 && got > 0) c.tp++;
      else if (got > 0) c.fp++;
      else if (want > 0) c.fn++;
      if (want > 0 || got > 0) {
        c.pairs++;
        if (want === got) c.exact++;
      }
      if (want !== got) row.topics[t] = { want, got };
    }
    if (g.sentiment?.label) {
      sentTotal++;
      if (p?.sentiment?.label === g.sentiment.label) sentHits++;
      else row.sentiment = { want: g.sentiment.label, got: p?.sentiment?.label ?? null };
    }
    if (!g.entities) continue;
    const canon: Record<string, string> = {};
    for (const [c, aliases] of Object.entries(g.aliases ?? {}))
      for (const a of aliases) canon[normName(a)] = normName(c);
    const got: Record<EntityKey, Set<string>> = {
      people: new Set(),
      places: new Set(),
      organizations: new Set(),
    };
    for (const e of p?.entities ?? []) {
      const k = typeKey(e.type);
      if (!k) continue;
      const n = normName(e.name ?? '');
      if (n) got[k].add(canon[n] ?? n);
    }
    for (const k of ENTITY_KEYS) {
      const want = new Set((g.entities[k] ?? []).map(normName));
      const missed = [...want].filter((n) => !got[k].has(n));
      const extra = [...got[k]].filter((n) => !want.has(n));
      ent[k].tp += got[k].size - extra.length;
      ent[k].fp += extra.length;
      ent[k].fn += missed.length;
      if (missed.length || extra.length) row.entities[k] = { missed, extra };
    }
  }
  const all = Object.values(topic).reduce(
    (a, c) => ({
      tp: a.tp + c.tp,
      fp: a.fp + c.fp,
      fn: a.fn + c.fn,
      exact: a.exact + c.exact,
      pairs: a.pairs + c.pairs,
    }),
    { tp: 0, fp: 0, fn: 0, exact: 0, pairs: 0 },
  );
  return {
    articles: ids.length,
    found,
    topics: Object.fromEntries(
      Object.entries(topic).map(([t, c]) => [t, { ...prf(c), exact: c.pairs ? c.exact / c.pairs : 1 }]),
    ),
    topicArticle: prf(all),
    mentionExact: all.pairs ? all.exact / all.pairs : 1,
    entities: Object.fromEntries(ENTITY_KEYS.map((k) => [k, prf(ent[k])])) as Record<EntityKey, Prf>,
    sentimentAccuracy: sentTotal ? sentHits / sentTotal : 0,
    perArticle,
  };
}
