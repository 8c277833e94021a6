import type { ArticleAnalysis } from '../analysis/analyse.js';
import type { SentimentLabel } from '../analysis/sentiment.js';
import { breakdownAmounts } from '../trends/breakdown.js';
import { bucketKey, type Granularity } from '../trends/time.js';
import { diffPresence, OWN_UNIQUE, type PresenceDelta } from './unique.js';

/**
 * What one article adds to the counters: a list of (item, attribute → amount). Storing it on the
 * article record makes an overwrite or delete subtract exactly what was added, even after the
 * topic file or the analyser changed. Sentiment is summed in thousandths so that adding and
 * subtracting stays exact integer arithmetic.
 */
export type CounterDelta = { readonly counter: CounterRef; readonly add: Readonly<Record<string, number>> };

/** A counter item, named in domain terms; the storage adapter maps it to keys. */
export type CounterRef =
  | {
      readonly kind: 'topic';
      readonly topic: string;
      readonly granularity: Granularity;
      readonly bucket: string;
      /** Which of the topic's counter shards (0 when counters are not sharded). */
      readonly shard: number;
    }
  /**
   * The details of one hour (`hour` = `07`): its entity counts and its topics' breakdowns by
   * source and language (shared/trends/breakdown.ts), in one of its parts: an hour's details are
   * spread over as many items (`part` 0, 1, …; absent means 0) as keep each item small, and the
   * store picks the part when it writes (see shared/storage/entity-parts.ts). The part is kept
   * in the contribution, so an overwrite or delete takes back from the item it added to. (The
   * kind keeps its first name, `entities`: the keys of stored items do not change.)
   */
  | { readonly kind: 'entities'; readonly day: string; readonly hour: string; readonly part?: number };

/**
 * An article's place in a listing: `/articles?topic=…` reads these newest first, month by month.
 * Every counted article is listed under ALL_TOPIC and under each topic it mentions.
 */
export type Membership = { readonly topic: string; readonly month: string; readonly sortKey: string };

/** Everything an article adds: counter amounts and listing entries. Kept on its record. */
export type Contribution = {
  readonly counters: readonly CounterDelta[];
  readonly memberships: readonly Membership[];
  /**
   * The copy cluster the article counts in for unique counts (rules version 3 on; shared/ingest/unique.ts):
   * its presence in the cluster is one per topic counter it adds to. Absent: the article is a
   * cluster of its own, and its unique amounts are among its counter amounts.
   */
  readonly cluster?: string;
};

export const EMPTY_CONTRIBUTION: Contribution = { counters: [], memberships: [] };

/**
 * What a change writes: counter amounts to ADD, listing entries to put and to delete, and the
 * cluster presences that come and go (the store turns them into unique amounts).
 */
export type ContributionChange = {
  readonly counters: readonly CounterDelta[];
  readonly put: readonly Membership[];
  readonly remove: readonly Membership[];
  readonly presence: readonly PresenceDelta[];
};

/** The pseudo-topic that counts every ingested article: the denominator of `share`. */
export const ALL_TOPIC = '_all';

/**
 * The rules that turn an analysis into counter amounts. A record whose contribution is stored as
 * a shard number only (shared/storage/article-item.ts) is rebuilt with the rules that made it, so
 * a later change of the rules can never make an overwrite or delete take back another amount than
 * was added: a change is a NEW version appended here; a version is never edited.
 */
export type ContributionRules = {
  readonly version: number;
  /** At most this many entities of one article are counted (its most mentioned). */
  readonly maxEntities: number;
  /** Whether the article adds to its topics' breakdowns by source and language (version 2 on). */
  readonly breakdowns?: boolean;
  /** Whether the article counts in its topics' unique counts (version 3 on). */
  readonly unique?: boolean;
};

/** Every version of the rules ever used, oldest first; the last is the one in force. */
export const CONTRIBUTION_RULES: readonly ContributionRules[] = [
  { version: 1, maxEntities: 50 },
  { version: 2, maxEntities: 50, breakdowns: true },
  { version: 3, maxEntities: 50, breakdowns: true, unique: true },
];
export const CURRENT_CONTRIBUTION_RULES = CONTRIBUTION_RULES.at(-1) as ContributionRules;

/** The rules of a version, from `registry` (CONTRIBUTION_RULES unless a test brings its own). */
export function contributionRules(
  version: number,
  registry: readonly ContributionRules[] = CONTRIBUTION_RULES,
): ContributionRules {
  const rules = registry.find((r) => r.version === version);
  if (!rules)
    throw new Error(`unknown contribution rules version ${version}: was this record written by newer code?`);
  return rules;
}

export const counterId = (c: CounterRef): string =>
  c.kind === 'topic'
    ? `t|${c.topic}|${c.granularity}|${c.bucket}${c.shard ? `|${c.shard}` : ''}`
    : `e|${c.day}|${c.hour}${c.part ? `|${c.part}` : ''}`;

const labelField = (label: SentimentLabel) =>
  label === 'positive' ? 'pos' : label === 'negative' ? 'neg' : 'neu';

/** Entity attribute names: `m|person|Volodymyr Zelensky` (mentions), `a|…` (articles). */
export const entityAttribute = (field: 'm' | 'a', type: string, name: string) => `${field}|${type}|${name}`;

/** The field, type and name of an entity attribute name; undefined for any other attribute. */
export function parseEntityAttribute(
  attr: string,
): { field: 'm' | 'a'; type: string; name: string } | undefined {
  const [field, type, ...name] = attr.split('|');
  if ((field !== 'm' && field !== 'a') || !type || name.length === 0) return undefined;
  return { field, type, name: name.join('|') };
}

/**
 * What an article's counts come from: its analysis, its source (for the breakdowns) and its copy
 * cluster (for unique counts; none when copy detection is off).
 */
export type CountedArticle = Pick<ArticleAnalysis, 'language' | 'topics' | 'entities'> & {
  readonly source?: string | undefined;
  readonly cluster?: string | undefined;
};

/**
 * The contribution of an analysed article. `counterShard` spreads a hot topic-day's writes over
 * several items (see counterShardOf); its value is kept in the contribution, so the article's
 * later overwrite or delete takes back exactly from the shard it added to.
 */
export function contributionOf(
  analysis: CountedArticle,
  publishedAt: string,
  id: string,
  counterShard = 0,
  rules: ContributionRules = CURRENT_CONTRIBUTION_RULES,
  entityPart = 0,
): Contribution {
  const deltas: CounterDelta[] = [];
  // An article with no cluster is a cluster of its own: its unique amounts are its own.
  const ownUnique = rules.unique && !analysis.cluster;
  for (const granularity of ['day', 'hour'] as const) {
    const bucket = bucketKey(publishedAt, granularity);
    // `_all` is the denominator of share: it counts articles, nothing else.
    deltas.push({
      counter: { kind: 'topic', topic: ALL_TOPIC, granularity, bucket, shard: counterShard },
      add: { articles: 1 },
    });
    for (const [topic, t] of Object.entries(analysis.topics)) {
      deltas.push({
        counter: { kind: 'topic', topic, granularity, bucket, shard: counterShard },
        add: {
          articles: 1,
          mentions: t.mentions,
          sentMilli: Math.round(t.sentiment.score * 1000),
          [labelField(t.sentiment.label)]: 1,
          ...(ownUnique ? OWN_UNIQUE[granularity] : {}),
        },
      });
    }
  }
  // An article's entities (and breakdowns) go to its hour's item (one of its parts). Per day, in
  // shards by name, the items grew with the day's distinct entities, and DynamoDB bills an update
  // at the item's size: ~70 KB a shard at 1 000 articles a day, 140 write units per update. Per
  // hour they stay ~24× smaller, a live batch's articles mostly share their hour's item, and a busy hour spills
  // into further parts instead of growing one item towards DynamoDB's 400 KB limit.
  const hourKey = bucketKey(publishedAt, 'hour');
  const entityAdd: Record<string, number> = {};
  for (const e of analysis.entities.slice(0, rules.maxEntities)) {
    entityAdd[entityAttribute('m', e.type, e.name)] = e.mentions;
    entityAdd[entityAttribute('a', e.type, e.name)] = 1;
  }
  if (rules.breakdowns)
    Object.assign(entityAdd, breakdownAmounts(analysis.topics, analysis.source, analysis.language));
  if (Object.keys(entityAdd).length > 0) {
    deltas.push({
      counter: {
        kind: 'entities',
        day: hourKey.slice(0, 10),
        hour: hourKey.slice(11, 13),
        ...(entityPart ? { part: entityPart } : {}),
      },
      add: entityAdd,
    });
  }
  const month = publishedAt.slice(0, 7);
  const sortKey = `${publishedAt}#${id}`;
  const memberships = [ALL_TOPIC, ...Object.keys(analysis.topics)].map((topic) => ({
    topic,
    month,
    sortKey,
  }));
  return {
    counters: deltas,
    memberships,
    ...(rules.unique && analysis.cluster ? { cluster: analysis.cluster } : {}),
  };
}

/**
 * The counter shard of an event: a hash of the key and sequencer, so that every retry or
 * redelivery of the same event rebuilds the same transaction (and its idempotency token).
 */
export function counterShardOf(key: string, sequencer: string, shards: number): number {
  if (shards <= 1) return 0;
  let h = 2166136261;
  for (const ch of `${key}\n${sequencer.toUpperCase()}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return (h >>> 0) % shards;
}

const membershipId = (m: Membership) => `${m.topic}|${m.month}|${m.sortKey}`;

/**
 * What moves the stored state from `before` to `after`: counter amounts after − before (zero
 * amounts and empty items dropped) and the listing entries that appear or disappear.
 *
 * Bounded: an article touches at most 2 × (topics + 1) topic counters + 1 hour item (entities
 * and breakdowns) + (topics + 1) listing entries, and a change at most twice that (old and new day). With the
 * MAX_TOPICS = 14 of a topic file: 2 × (30 + 1 + 15) = 92 items, plus the article record and a
 * rejection record = 94, plus the items of its old and new copy cluster (unique counts: their
 * amounts go to counters already named) = 96, within DynamoDB's transaction limit of 100.
 */
export function diffContributions(before: Contribution, after: Contribution): ContributionChange {
  const merged = new Map<string, { counter: CounterRef; add: Record<string, number> }>();
  const apply = (list: readonly CounterDelta[], sign: 1 | -1) => {
    for (const d of list) {
      const id = counterId(d.counter);
      const row = merged.get(id) ?? { counter: d.counter, add: {} };
      for (const [attr, amount] of Object.entries(d.add))
        row.add[attr] = (row.add[attr] ?? 0) + sign * amount;
      merged.set(id, row);
    }
  };
  apply(before.counters, -1);
  apply(after.counters, 1);
  const counters: CounterDelta[] = [];
  for (const row of merged.values()) {
    const add = Object.fromEntries(Object.entries(row.add).filter(([, v]) => v !== 0));
    if (Object.keys(add).length > 0) counters.push({ counter: row.counter, add });
  }
  const had = new Set(before.memberships.map(membershipId));
  const has = new Set(after.memberships.map(membershipId));
  return {
    counters,
    put: after.memberships.filter((m) => !had.has(membershipId(m))),
    remove: before.memberships.filter((m) => !has.has(membershipId(m))),
    presence: diffPresence(before, after),
  };
}
