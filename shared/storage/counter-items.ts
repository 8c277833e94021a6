import type { CounterDelta, CounterRef } from '../ingest/contribution.js';
import type { Granularity } from '../trends/time.js';
import type { CounterRow } from '../trends/trend.js';
import { entityCounterPk, topicCounterPk } from './keys.js';

/**
 * Counter items are packed. A topic's day counters are one item per month (`sk` = `2022-11`) and
 * its hour counters one item per day (`sk` = `2022-11-10`); a bucket is a few attributes of its
 * item, named by field letter and slot: `p10` = the positive articles of the 10th, `s07` = the
 * summed sentiment (thousandths) of 07:00–07:59. A year's daily trend is then 12–13 items per
 * topic instead of 366, and 31 days of hours are 31 items instead of 744: the read cost of a trend
 * depends on the range, hardly on how many days have articles.
 *
 * Packing keeps each item small enough that an update is still billed as one KB in nearly every
 * case: `articles` is not stored, it is p + u + n (every counted article has exactly one label),
 * and `_all` has no mentions. A dense `_all` month is 31 × 4 short attributes, ≈ 0.8 KB.
 */
const FIELD_LETTERS = { mentions: 'm', sentMilli: 's', pos: 'p', neu: 'u', neg: 'n' } as const;
type Field = keyof typeof FIELD_LETTERS;
const isField = (name: string): name is Field => Object.hasOwn(FIELD_LETTERS, name);

/** The item (`sk`) and the slot (attribute suffix) of a bucket key. */
export function counterSlot(bucket: string, g: Granularity): { sk: string; slot: string } {
  return g === 'day'
    ? { sk: bucket.slice(0, 7), slot: bucket.slice(8, 10) }
    : { sk: bucket.slice(0, 10), slot: bucket.slice(11, 13) };
}

const bucketOf = (sk: string, slot: string, g: Granularity) =>
  g === 'day' ? `${sk}-${slot}` : `${sk}T${slot}`;

export type CounterItemUpdate = {
  readonly key: { readonly pk: string; readonly sk: string };
  /** Attribute → amount to ADD; never zero. */
  readonly add: Readonly<Record<string, number>>;
};

/** The item a counter bucket lives in. */
export const counterItemKey = (c: CounterRef): { pk: string; sk: string } =>
  c.kind === 'topic'
    ? { pk: topicCounterPk(c.topic, c.granularity, c.shard), sk: counterSlot(c.bucket, c.granularity).sk }
    : { pk: entityCounterPk(c.day), sk: String(c.shard).padStart(2, '0') };

/**
 * The counter deltas of one or several articles as item updates: one per item (a transaction may
 * name an item only once), amounts summed, zero amounts and empty items left out.
 */
export function counterItemUpdates(deltas: readonly CounterDelta[]): CounterItemUpdate[] {
  const items = new Map<string, { key: { pk: string; sk: string }; add: Record<string, number> }>();
  for (const d of deltas) {
    const key = counterItemKey(d.counter);
    const id = `${key.pk}\u0000${key.sk}`;
    const item = items.get(id) ?? { key, add: {} };
    items.set(id, item);
    for (const [attr, amount] of storedAttributes(d)) item.add[attr] = (item.add[attr] ?? 0) + amount;
  }
  const updates: CounterItemUpdate[] = [];
  for (const { key, add } of items.values()) {
    const nonZero = Object.fromEntries(Object.entries(add).filter(([, v]) => v !== 0));
    if (Object.keys(nonZero).length > 0) updates.push({ key, add: nonZero });
  }
  return updates;
}

function storedAttributes(d: CounterDelta): [string, number][] {
  if (d.counter.kind === 'entities') return Object.entries(d.add);
  const { add } = d;
  const labelled = (add.pos ?? 0) + (add.neu ?? 0) + (add.neg ?? 0);
  if ((add.articles ?? 0) !== labelled) {
    throw new Error(`counter delta of ${d.counter.topic}: articles ${add.articles} ≠ labels ${labelled}`);
  }
  const { slot } = counterSlot(d.counter.bucket, d.counter.granularity);
  return Object.entries(add).flatMap(([field, amount]): [string, number][] => {
    if (field === 'articles') return [];
    if (!isField(field)) throw new Error(`unknown counter field ${field}`);
    return [[`${FIELD_LETTERS[field]}${slot}`, amount]];
  });
}

/** The buckets one packed item holds, within [from, to] (bucket keys, inclusive). */
export function unpackCounterItem(
  item: Readonly<Record<string, unknown>>,
  g: Granularity,
  from: string,
  to: string,
): CounterRow[] {
  const sk = String(item.sk);
  const slots = new Map<string, Record<string, number>>();
  for (const [name, value] of Object.entries(item)) {
    if (name === 'pk' || name === 'sk' || typeof value !== 'number') continue;
    const slot = name.slice(1);
    const fields = slots.get(slot) ?? {};
    fields[name[0] as string] = value;
    slots.set(slot, fields);
  }
  const rows: CounterRow[] = [];
  for (const [slot, f] of slots) {
    const bucket = bucketOf(sk, slot, g);
    if (bucket < from || bucket > to) continue;
    const positive = f.p ?? 0;
    const neutral = f.u ?? 0;
    const negative = f.n ?? 0;
    rows.push({
      bucket,
      articles: positive + neutral + negative,
      mentions: f.m ?? 0,
      sentMilli: f.s ?? 0,
      positive,
      neutral,
      negative,
    });
  }
  return rows;
}
