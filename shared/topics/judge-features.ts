import type { Token } from '../analysis/normalise.js';
import type { Match } from '../analysis/phrase-matcher.js';

/**
 * What the context rules decided of a candidate that reached them (matcher.ts): counted on its
 * own context, carried by a counted mention later in its sentence, left without context, or
 * rejected as another subject's talks (`avoid`) or by its clause (`other`).
 */
export type ContextVerdict = 'counted' | 'carried' | 'noContext' | 'avoid' | 'other';

export type JudgedCandidate = {
  readonly match: Match<true>;
  readonly verdict: ContextVerdict;
  /** Index of the sentence that holds it. */
  readonly sentence: number;
};

/** One topic's candidates in one text, as the context rules left them. */
export type JudgeInput = {
  readonly tokens: readonly Token[];
  readonly sentenceOf: (token: number) => number;
  /** In text order. */
  readonly candidates: readonly JudgedCandidate[];
  /** Sentences that hold a context term of the topic (a word of the war). */
  readonly contextSentences: ReadonlySet<number>;
  readonly sentenceCount: number;
};

/** Decides which of a topic's candidates count, given what the rules made of them. */
export interface Judge {
  decide(input: JudgeInput): readonly boolean[];
}

/** The rules count it: on its own context or carried by a counted mention of its sentence. */
export const countedByRules = (v: ContextVerdict) => v === 'counted' || v === 'carried';
/** A word's first six folded characters: one feature for most of its inflections, in six languages. */
const stem = (norm: string) => norm.slice(0, 6);

/**
 * The features of candidate `i`: the rules' verdict, the term, whether its sentence, the one
 * before or after names the war, the article's share of such sentences, what the rules made of
 * the other candidates of its sentence, of the two sentences before and after and of the whole
 * article (alone and with its verdict), and the words of its
 * sentence, of the four words on each side and of the sentence before. One definition for
 * training (scripts/train/judge-data.ts) and for the Lambda.
 */
export function judgeFeatures(
  input: JudgeInput,
  i: number,
  ranges = sentenceRanges(input),
): Map<string, number> {
  const { tokens, candidates, contextSentences: ctx } = input;
  const c = candidates[i] as JudgedCandidate;
  const s = c.sentence;
  // A map: the model reads it in one pass (a record of ~100 keys is slower to walk).
  const f = new Map<string, number>();
  f.set(`v:${c.verdict}`, 1);
  f.set(`t:${c.match.pattern}`, 1);
  if (ctx.has(s)) f.set('c:sent', 1);
  if (ctx.has(s - 1)) f.set('c:prev', 1);
  if (ctx.has(s + 1)) f.set('c:next', 1);
  if (ctx.size === 0) f.set('c:none', 1);
  f.set('c:share', ctx.size / Math.max(1, input.sentenceCount));
  let anyCounted = false;
  candidates.forEach((o, j) => {
    if (j === i) return;
    if (countedByRules(o.verdict)) {
      anyCounted = true;
      if (o.sentence > s && o.sentence <= s + 2) f.set('k:next', 1);
    }
    if (o.sentence === s) f.set(countedByRules(o.verdict) ? 'k:sent' : 'k:sentNot', 1);
    if (o.sentence < s && o.sentence >= s - 2) f.set(countedByRules(o.verdict) ? 'k:prev' : 'k:prevNot', 1);
  });
  // Whether the rules count any other candidate of the article, and that with its own verdict:
  // "None of this argues against negotiations" in a commentary on a ceasefire line.
  if (anyCounted) f.set('k:any', 1);
  f.set(`vk:${c.verdict}:${anyCounted ? 1 : 0}`, 1);
  const { first, end } = ranges;
  for (let k = first[s] as number; k < (end[s] as number); k++) {
    if (k >= c.match.first && k < c.match.last) continue;
    const w = stem((tokens[k] as Token).norm);
    f.set(`w:${w}`, 1);
    if (Math.abs(k - c.match.first) <= 4) f.set(`n:${k < c.match.first ? 'L' : 'R'}:${w}`, 1);
  }
  if (s > 0)
    for (let k = first[s - 1] as number; k < (end[s - 1] as number); k++)
      f.set(`p:${stem((tokens[k] as Token).norm)}`, 1);
  return f;
}

/** Each sentence's token range [first, end) (empty where a sentence holds no token). */
export function sentenceRanges(input: Pick<JudgeInput, 'tokens' | 'sentenceOf' | 'sentenceCount'>): {
  readonly first: Int32Array;
  readonly end: Int32Array;
} {
  const first = new Int32Array(input.sentenceCount);
  const end = new Int32Array(input.sentenceCount);
  for (let k = input.tokens.length - 1; k >= 0; k--) {
    const s = input.sentenceOf(k);
    if (end[s] === 0) end[s] = k + 1;
    first[s] = k;
  }
  return { first, end };
}
