import type { BreakdownCount } from '../ports.js';
import { type BreakdownDim, parseBreakdownAttribute } from '../trends/breakdown.js';

/**
 * How breakdowns are stored: the contribution names three amounts per topic and value
 * (`b|a|…`, `b|m|…`, `b|s|…`, shared/trends/breakdown.ts); the hour item keeps them as ONE
 * attribute, `b|<dim>|<topic>|<value>`, a tally of articles · 10¹⁷ + mentions · 10¹⁰ + sentiment
 * offset, like the topic counters' tally (counter-items.ts). One attribute instead of three keeps
 * an article's update small: its entities (up to 2 × 50 attributes, twice that for an overwrite
 * in the same hour) and its breakdowns (2 per topic, twice that) stay under DynamoDB's 4 KB
 * update expression (~300 attributes) even with 14 topics, where three attributes per amount
 * would not (368). Bounds per item, topic and value: sentiment offset below 10¹⁰ (5 million
 * articles), mentions below 10⁷; 24 digits, DynamoDB numbers hold 38. Every field's sum is never
 * negative, so a tally decodes exactly whatever the order of the additions and subtractions.
 */
const WEIGHT = { a: 10n ** 17n, m: 10n ** 10n, s: 1n } as const;

/** The stored name and amount of one breakdown amount of a contribution; undefined for other attributes. */
export function storedBreakdown(attr: string, amount: number): [string, bigint] | undefined {
  const b = parseBreakdownAttribute(attr);
  if (!b) return undefined;
  return [`b|${b.dim}|${b.topic}|${b.value}`, BigInt(amount) * WEIGHT[b.field]];
}

/** The value and figures of a stored breakdown tally of `topic` and `dim`; undefined for any other attribute. */
export function readBreakdownTally(
  name: string,
  text: string,
  topic: string,
  dim: BreakdownDim,
): BreakdownCount | undefined {
  const prefix = `b|${dim}|${topic}|`;
  if (!name.startsWith(prefix)) return undefined;
  if (!/^\d+$/.test(text)) throw new Error(`corrupt breakdown tally ${name} = ${text}`);
  const v = BigInt(text);
  return {
    value: name.slice(prefix.length),
    articles: Number(v / WEIGHT.a),
    mentions: Number((v % WEIGHT.a) / WEIGHT.m),
    sentOffset: Number(v % WEIGHT.m),
  };
}
