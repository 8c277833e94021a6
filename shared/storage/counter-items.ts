import { ALL_TOPIC, type CounterDelta, type CounterRef } from '../ingest/contribution.js';
import type { Granularity } from '../trends/time.js';
import type { CounterRow } from '../trends/trend.js';
import { entityCounterPk, topicCounterPk } from './keys.js';

/**
 * Counter items are packed. A topic's day counters are one item per month (`sk` = `2022-11`) and
 * its hour counters one item per day (`sk` = `2022-11-10`); a bucket is one or two attributes of
 * its item, named by kind and slot. A year's daily trend is then 12–13 items per topic instead of
 * 366, and 31 days of hours are 31 items instead of 744.
 *
 * Per bucket of a topic: `t10`, the tally, and `s10`, the summed sentiment in thousandths. The
 * tally packs four counts into one exact integer, positive·R³ + neutral·R² + negative·R + mentions
 * with R = 10⁹ (36 digits; DynamoDB numbers hold 38): one `ADD` moves all four, exactly, and a
 * read decodes them with BigInt. What is read, not what is written, made this worth it: the
 * attributes a trend returns are most of its cost (DynamoDB Local parses each; the SDK converts
 * each), and 2 per bucket instead of 5 is what brings a year's trend near a few single reads.
 * Every count is below R per bucket and shard (a billion articles a day). A topic's `articles`
 * is positive + neutral + negative: every counted article has exactly one label. `_all`, the
 * denominator of share, counts articles only, as `a10`. A dense topic month is ≈ 0.7 KB.
 */
const R = 1_000_000_000n;
const TALLY_FIELDS = ['pos', 'neu', 'neg', 'mentions'] as const;

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
  /** Attribute → amount to ADD (a tally is a bigint); never zero. */
  readonly add: Readonly<Record<string, number | bigint>>;
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
  const items = new Map<string, { key: { pk: string; sk: string }; add: Record<string, number | bigint> }>();
  for (const d of deltas) {
    const key = counterItemKey(d.counter);
    const id = `${key.pk}\u0000${key.sk}`;
    const item = items.get(id) ?? { key, add: {} };
    items.set(id, item);
    for (const [attr, amount] of storedAttributes(d)) item.add[attr] = sum(item.add[attr], amount);
  }
  const updates: CounterItemUpdate[] = [];
  for (const { key, add } of items.values()) {
    const nonZero = Object.fromEntries(Object.entries(add).filter(([, v]) => v !== 0 && v !== 0n));
    if (Object.keys(nonZero).length > 0) updates.push({ key, add: nonZero });
  }
  return updates;
}

const sum = (a: number | bigint | undefined, b: number | bigint): number | bigint =>
  typeof b === 'bigint' ? BigInt(a ?? 0n) + b : Number(a ?? 0) + b;

function storedAttributes(d: CounterDelta): [string, number | bigint][] {
  if (d.counter.kind === 'entities') return Object.entries(d.add);
  const { add } = d;
  const { slot } = counterSlot(d.counter.bucket, d.counter.granularity);
  const unknown = Object.keys(add).filter(
    (field) =>
      !(d.counter.kind === 'topic' && d.counter.topic === ALL_TOPIC ? ['articles'] : FIELDS).includes(field),
  );
  if (unknown.length > 0) throw new Error(`counter ${d.counter.topic}: unknown fields ${unknown.join(', ')}`);
  if (d.counter.topic === ALL_TOPIC) return add.articles ? [[`a${slot}`, add.articles]] : [];
  const labelled = (add.pos ?? 0) + (add.neu ?? 0) + (add.neg ?? 0);
  if ((add.articles ?? 0) !== labelled) {
    throw new Error(`counter delta of ${d.counter.topic}: articles ${add.articles} ≠ labels ${labelled}`);
  }
  const tally = TALLY_FIELDS.reduce((t, field) => t * R + BigInt(add[field] ?? 0), 0n);
  const attrs: [string, number | bigint][] = [];
  if (tally !== 0n) attrs.push([`t${slot}`, tally]);
  if (add.sentMilli) attrs.push([`s${slot}`, add.sentMilli]);
  return attrs;
}

const FIELDS = ['articles', 'sentMilli', ...TALLY_FIELDS];

/** The four counts of a tally; the stored value is a number when small, a bigint when not. */
function untally(value: unknown): { pos: number; neu: number; neg: number; mentions: number } {
  let v = typeof value === 'bigint' ? value : BigInt(Number(value ?? 0));
  if (v < 0n) throw new Error(`corrupt counter tally ${v}`);
  const out = [0, 0, 0, 0];
  for (let i = 3; i >= 0; i--) {
    out[i] = Number(v % R);
    v /= R;
  }
  const [pos = 0, neu = 0, neg = 0, mentions = 0] = out;
  return { pos, neu, neg, mentions };
}

/** The buckets one packed item holds, within [from, to] (bucket keys, inclusive). */
export function unpackCounterItem(
  item: Readonly<Record<string, unknown>>,
  g: Granularity,
  from: string,
  to: string,
): CounterRow[] {
  const sk = String(item.sk);
  const slots = new Map<string, Record<string, unknown>>();
  for (const [name, value] of Object.entries(item)) {
    if (name === 'pk' || name === 'sk') continue;
    const slot = name.slice(1);
    const fields = slots.get(slot) ?? {};
    fields[name[0] as string] = value;
    slots.set(slot, fields);
  }
  const rows: CounterRow[] = [];
  for (const [slot, f] of slots) {
    const bucket = bucketOf(sk, slot, g);
    if (bucket < from || bucket > to) continue;
    const t = untally(f.t);
    rows.push({
      bucket,
      articles: Number(f.a ?? 0) + t.pos + t.neu + t.neg,
      mentions: t.mentions,
      sentMilli: Number(f.s ?? 0),
      positive: t.pos,
      neutral: t.neu,
      negative: t.neg,
    });
  }
  return rows;
}
