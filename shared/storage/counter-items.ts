import { ALL_TOPIC, type CounterDelta, type CounterRef } from '../ingest/contribution.js';
import type { CounterRow } from '../ports.js';
import { isoWeekOf, mondayOfWeekInMonth, type PeriodGranularity } from '../trends/periods.js';
import { DAY_MS, type Granularity, hourStartIso } from '../trends/time.js';
import { storedBreakdown } from './breakdown-tally.js';
import { entityCounterPk, topicCounterPk } from './keys.js';

/**
 * Counter items are packed. A topic's day counters are one item per month (`sk` = `2022-11`) and
 * its hour counters one item per day (`sk` = `2022-11-10`); a bucket is one or two attributes of
 * its item, named by kind and slot. A year's daily trend is then 12–13 items per topic instead of
 * 366, and 31 days of hours are 31 items instead of 744.
 *
 * Per bucket of a topic, one attribute: `t10`, the tally, five figures in one exact integer —
 * positive, neutral, negative, mentions and the sentiment sum — so that one `ADD` moves them all,
 * atomically and exactly, and a read decodes them with BigInt. Fields, least significant first:
 * the sentiment sum in thousandths offset by +1000 per article (so it is never negative: an
 * article adds its score·1000 + 1000, between 0 and 2000) below 10¹⁰, mentions below 10⁷,
 * negative and neutral below 10⁶, then positive: 35 digits for a million positive articles, and
 * DynamoDB numbers hold 38. The bounds are per bucket, topic and counter shard: a million
 * articles of one label in one day, ten million mentions.
 *
 * Why one attribute: what a trend reads costs per attribute, not per item (DynamoDB Local parses
 * each, the SDK converts each; a 12-item query of 155-attribute items took 3–4× a GetItem, of
 * 1-attribute items 1×), so a topic's month is 31 numbers, not 155. A topic's `articles` is
 * positive + neutral + negative (every counted article has exactly one label). `_all`, the
 * denominator of share, counts articles only, as `a10`. A dense topic month is ≈ 0.6 KB.
 */
/** The tally's fields, least significant first, with the bound of each. */
const TALLY: readonly { field: 'sentOffset' | 'mentions' | 'neg' | 'neu' | 'pos'; radix: bigint }[] = [
  { field: 'sentOffset', radix: 10n ** 10n },
  { field: 'mentions', radix: 10n ** 7n },
  { field: 'neg', radix: 10n ** 6n },
  { field: 'neu', radix: 10n ** 6n },
  { field: 'pos', radix: 10n ** 9n },
];
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
  /** The counter the item holds (for a topic: one of its buckets). */
  readonly counter: CounterRef;
  /** Attribute → amount to ADD (a tally is a bigint); never zero. */
  readonly add: Readonly<Record<string, number | bigint>>;
};

/** The item a counter bucket lives in. */
export const counterItemKey = (c: CounterRef): { pk: string; sk: string } =>
  c.kind === 'topic'
    ? { pk: topicCounterPk(c.topic, c.granularity, c.shard), sk: counterSlot(c.bucket, c.granularity).sk }
    : { pk: entityCounterPk(c.day), sk: c.part ? `${c.hour}#${c.part}` : c.hour };

/**
 * The counter deltas of one or several articles as item updates: one per item (a transaction may
 * name an item only once), amounts summed, zero amounts and empty items left out.
 */
export function counterItemUpdates(deltas: readonly CounterDelta[]): CounterItemUpdate[] {
  const items = new Map<
    string,
    { key: { pk: string; sk: string }; counter: CounterRef; add: Record<string, number | bigint> }
  >();
  for (const d of deltas) {
    const key = counterItemKey(d.counter);
    const id = `${key.pk}\u0000${key.sk}`;
    const item = items.get(id) ?? { key, counter: d.counter, add: {} };
    items.set(id, item);
    for (const [attr, amount] of storedAttributes(d)) item.add[attr] = sum(item.add[attr], amount);
  }
  const updates: CounterItemUpdate[] = [];
  for (const { key, counter, add } of items.values()) {
    const nonZero = Object.fromEntries(Object.entries(add).filter(([, v]) => v !== 0 && v !== 0n));
    if (Object.keys(nonZero).length > 0) updates.push({ key, counter, add: nonZero });
  }
  return updates;
}

const sum = (a: number | bigint | undefined, b: number | bigint): number | bigint =>
  typeof b === 'bigint' ? BigInt(a ?? 0n) + b : Number(a ?? 0) + b;

function storedAttributes(d: CounterDelta): [string, number | bigint][] {
  if (d.counter.kind === 'entities')
    return Object.entries(d.add).map(([attr, amount]) => storedBreakdown(attr, amount) ?? [attr, amount]);
  const { add } = d;
  const { slot } = counterSlot(d.counter.bucket, d.counter.granularity);
  const allowed =
    d.counter.topic === ALL_TOPIC ? ['articles'] : d.counter.granularity === 'day' ? DAY_FIELDS : FIELDS;
  const unknown = Object.keys(add).filter((field) => !allowed.includes(field));
  if (unknown.length > 0) throw new Error(`counter ${d.counter.topic}: unknown fields ${unknown.join(', ')}`);
  if (d.counter.topic === ALL_TOPIC) return add.articles ? [[`a${slot}`, add.articles]] : [];
  const unique = uniqueAttributes(d.counter.bucket, d.counter.granularity, add);
  const labelled = (add.pos ?? 0) + (add.neu ?? 0) + (add.neg ?? 0);
  if ((add.articles ?? 0) !== labelled) {
    throw new Error(`counter delta of ${d.counter.topic}: articles ${add.articles} ≠ labels ${labelled}`);
  }
  const amounts: Record<string, number> = { ...add, sentOffset: (add.sentMilli ?? 0) + 1000 * labelled };
  let tally = 0n;
  let weight = 1n;
  for (const { field, radix } of TALLY) {
    tally += BigInt(amounts[field] ?? 0) * weight;
    weight *= radix;
  }
  return tally === 0n ? unique : [[`t${slot}`, tally], ...unique];
}

const FIELDS = ['articles', 'sentMilli', ...TALLY_FIELDS, 'unique'];
const DAY_FIELDS = [...FIELDS, 'uniqueWeek', 'uniqueMonth'];

/**
 * Unique counts (shared/ingest/unique.ts), beside the tally: a bucket's `u<slot>`; in a day
 * counter's month item also the month's `u00` (no day is 00) and its weeks' `w<ISO week number>`
 * — a week that spans two months is counted in both months' items, and its unique is the sum of
 * the two (each ±1 goes to the item of the day that moved it).
 */
function uniqueAttributes(
  bucket: string,
  g: Granularity,
  add: Readonly<Record<string, number>>,
): [string, number][] {
  const out: [string, number][] = [];
  if (add.unique) out.push([`u${counterSlot(bucket, g).slot}`, add.unique]);
  if (add.uniqueMonth) out.push(['u00', add.uniqueMonth]);
  if (add.uniqueWeek) out.push([`w${String(isoWeekOf(bucket).number).padStart(2, '0')}`, add.uniqueWeek]);
  return out;
}

/** The tally's decimal digits, least significant field last: widths of the bounded fields. */
const TALLY_DIGITS = TALLY.slice(0, -1).reduce((n, { radix }) => n + radix.toString().length - 1, 0);

/**
 * The figures of a tally: its decimal string (the store reads it so), or a number or bigint (as
 * the document client returns it, small or large). The fields are fixed runs of decimal digits,
 * cut from the string: a year's trend decodes ~370 tallies, and slices cost a fraction of BigInt
 * division.
 */
function untally(value: unknown): {
  pos: number;
  neu: number;
  neg: number;
  mentions: number;
  sentMilli: number;
} {
  const raw =
    typeof value === 'string'
      ? value
      : typeof value === 'bigint' || Number.isSafeInteger(value)
        ? String(value)
        : BigInt(Number(value ?? 0)).toString();
  if (!/^\d+$/.test(raw)) throw new Error(`corrupt counter tally ${raw}`);
  const digits = raw.padStart(TALLY_DIGITS + 1, '0');
  const out: Record<string, number> = {};
  let end = digits.length;
  for (const { field, radix } of TALLY) {
    const start = field === 'pos' ? 0 : end - (radix.toString().length - 1);
    out[field] = Number(digits.slice(start, end));
    end = start;
  }
  const { pos = 0, neu = 0, neg = 0, mentions = 0, sentOffset = 0 } = out;
  return { pos, neu, neg, mentions, sentMilli: sentOffset - 1000 * (pos + neu + neg) };
}

/**
 * The sort keys of the packed items that hold the buckets from `from` to `to` (bucket keys). As
 * many keys as items, counted by arithmetic on the years, months and days: never a loop that
 * waits for a formatted key to pass the last one (past 9999, `+010000-01` never does).
 */
export function counterItemSks(from: string, to: string, g: Granularity): string[] {
  const first = counterSlot(from, g).sk;
  const last = counterSlot(to, g).sk;
  if (g === 'day') {
    const month = (sk: string) => Number(sk.slice(0, 4)) * 12 + Number(sk.slice(5, 7)) - 1;
    const start = month(first);
    return Array.from({ length: keyCount(month(last) - start + 1) }, (_, i) => {
      const m = start + i;
      return `${String(Math.floor(m / 12)).padStart(4, '0')}-${String((m % 12) + 1).padStart(2, '0')}`;
    });
  }
  const start = Date.parse(`${first}T00:00:00Z`);
  const days = (Date.parse(`${last}T00:00:00Z`) - start) / DAY_MS + 1;
  return Array.from({ length: keyCount(days) }, (_, i) => hourStartIso(start + i * DAY_MS).slice(0, 10));
}

/** A key count from arithmetic on keys: 0 when they are not keys or are in the wrong order. */
const keyCount = (n: number) => (Number.isSafeInteger(n) && n > 0 ? n : 0);

/** The buckets one packed item holds, within [from, to] (bucket keys, inclusive). */
export function unpackCounterItem(
  item: Readonly<Record<string, unknown>>,
  g: Granularity,
  from: string,
  to: string,
  period?: PeriodGranularity,
): CounterRow[] {
  const sk = String(item.sk);
  // One row per attribute: a topic's bucket is its tally `t`, an `_all` bucket its count `a`
  // (rows of one bucket from several shards are summed by the caller).
  const rows: CounterRow[] = [];
  for (const name in item) {
    const kind = name[0];
    if ((kind !== 't' && kind !== 'a' && kind !== 'u' && kind !== 'w') || name.length !== 3) continue;
    if (kind === 'w' || (kind === 'u' && g === 'day' && name === 'u00')) {
      // A week's or the month's unique count: a period row (see PERIOD_ROW), when asked for.
      if (period !== (kind === 'w' ? 'week' : 'month')) continue;
      const row = kind === 'u' ? periodRow('month', sk) : weekRow(sk, Number(name.slice(1)));
      if (row && row.first <= to && row.last >= from)
        rows.push({ ...EMPTY_ROW, bucket: row.bucket, unique: Number(item[name]) });
      continue;
    }
    const bucket = bucketOf(sk, name.slice(1), g);
    if (bucket < from || bucket > to) continue;
    if (kind === 'a' || kind === 'u') {
      const n = Number(item[name]);
      rows.push({ ...EMPTY_ROW, bucket, ...(kind === 'a' ? { articles: n } : { unique: n }) });
      continue;
    }
    const t = untally(item[name]);
    rows.push({
      bucket,
      articles: t.pos + t.neu + t.neg,
      mentions: t.mentions,
      sentMilli: t.sentMilli,
      positive: t.pos,
      neutral: t.neu,
      negative: t.neg,
      unique: 0,
    });
  }
  return rows;
}

const EMPTY_ROW = { articles: 0, mentions: 0, sentMilli: 0, positive: 0, neutral: 0, negative: 0, unique: 0 };

/**
 * The bucket of a period row: `week:<its Monday>` or `month:<yyyy-mm>`, with the period's first
 * and last day, to keep it when it overlaps the days read. Only its `unique` is set: the other
 * figures of weeks and months are sums of their days.
 */
export const PERIOD_ROW = { week: 'week:', month: 'month:' } as const;

function periodRow(kind: 'week' | 'month', start: string) {
  const first = kind === 'month' ? `${start}-01` : start;
  const end = Date.parse(`${first}T00:00:00Z`) + (kind === 'week' ? 6 * DAY_MS : 0);
  const last = kind === 'month' ? `${start}-31` : new Date(end).toISOString().slice(0, 10);
  return { bucket: `${PERIOD_ROW[kind]}${start}`, first, last };
}

function weekRow(month: string, number: number) {
  const monday = mondayOfWeekInMonth(month, number);
  return monday ? periodRow('week', monday) : undefined;
}
