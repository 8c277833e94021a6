import cueData from './data/tone-cues.json' with { type: 'json' };
import { type Sentence, type Token, tokenise } from './normalise.js';

/**
 * Features of what an article mainly reports, for the document sentiment model: how much of its
 * vocabulary is harm, relief, procedure or attributed speech (data/tone-cues.json, six
 * languages), in the headline, the lead and the whole body, beside the lexicon's sentence scores.
 * One definition for training (scripts/train) and for the Lambda.
 */
const LANGUAGES = ['en', 'fr', 'de', 'es', 'ru', 'uk'] as const;
/** The categories of data/tone-cues.json (its schema, ToneCues, is in data-schemas.ts). */
export const CATEGORIES = ['harm', 'relief', 'procedure', 'reporting'] as const;
type Category = (typeof CATEGORIES)[number];

const ASCII = /^[^\u0080-\uFFFF]*$/;

/** Folded single words and prefixes, and phrases as runs of folded words. */
class CueSet {
  private readonly exact = new Set<string>();
  /** Prefix cues by their first two characters (one-character prefixes under their one). */
  private readonly prefixes = new Map<string, string[]>();
  /** Phrase cues by their first word. */
  private readonly phrases = new Map<string, string[][]>();
  constructor(entries: readonly string[]) {
    const push = <T>(map: Map<string, T[]>, key: string, value: T) => {
      const list = map.get(key);
      if (list) list.push(value);
      else map.set(key, [value]);
    };
    for (const raw of entries) {
      const cue = raw.trim();
      // (an ASCII cue's words are its runs of ASCII letters and digits, in lower case: what tokenise gives)
      const words = ASCII.test(cue)
        ? (cue.match(/[A-Za-z0-9]+/g) ?? []).map((w) => w.toLowerCase())
        : tokenise(cue).map((t) => t.norm);
      const first = words[0];
      if (first === undefined) continue;
      if (words.length > 1) push(this.phrases, first, words);
      else if (cue.endsWith('*')) push(this.prefixes, first.slice(0, 2), first);
      else this.exact.add(first);
    }
  }

  /** What each word seen is (KindOf; bounded: cleared past 100,000 words). */
  private readonly memo = new Map<string, number>();

  /** CUE for a cue word, PHRASE for the first word of a phrase cue, 0 for neither. */
  kindOf(w: string): number {
    const known = this.memo.get(w);
    if (known !== undefined) return known;
    let kind = this.exact.has(w) ? CUE : 0;
    if (!kind)
      for (const key of [w.slice(0, 2), w.slice(0, 1)])
        if (this.prefixes.get(key)?.some((p) => w.startsWith(p))) {
          kind = CUE;
          break;
        }
    if (!kind && this.phrases.has(w)) kind = PHRASE;
    if (this.memo.size > 100_000) this.memo.clear();
    this.memo.set(w, kind);
    return kind;
  }

  /** The kind of each token (read once, for the counts of the body and of the lead). */
  kinds(tokens: readonly Token[]): Uint8Array {
    const out = new Uint8Array(tokens.length);
    for (let i = 0; i < tokens.length; i++) out[i] = this.kindOf((tokens[i] as Token).norm);
    return out;
  }

  /** Tokens in [from, to) that hold a cue (a phrase counts once); `kinds`: this set's kinds of the tokens. */
  count(tokens: readonly Token[], kinds: Uint8Array, from: number, to: number): number {
    let n = 0;
    for (let i = from; i < to; i++) {
      const kind = kinds[i];
      if (kind === CUE) {
        n++;
        continue;
      }
      if (kind !== PHRASE) continue;
      for (const phrase of this.phrases.get((tokens[i] as Token).norm) ?? []) {
        if (i + phrase.length > to) continue;
        if (phrase.every((p, k) => (tokens[i + k] as Token).norm === p)) {
          n++;
          i += phrase.length - 1;
          break;
        }
      }
    }
    return n;
  }
}

const CUE = 1;
const PHRASE = 2;

export type FeatureInput = {
  readonly language: string;
  readonly titleTokens: readonly Token[];
  /** The lexicon's score of the headline, as one sentence. */
  readonly titleScore: number;
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly sentences: readonly Sentence[];
  /** The lexicon's score of each sentence, in [-1, 1]. */
  readonly sentenceScores: readonly number[];
};

/** Sentences that make the lead. */
const LEAD = 3;
const per100 = (n: number, of: number) => (of > 0 ? (100 * n) / of : 0);

export class DocumentFeatures {
  /** Each language's cue sets (ru and uk together; `und`: every language), built on first use. */
  private readonly cues = new Map<string, Record<Category, CueSet>>();
  private readonly data: Record<Category, Record<string, string[]>>;

  /** `data`: tone cues as data/tone-cues.json (ToneCues; the unit tests validate that file). */
  constructor(data: unknown = cueData) {
    this.data = data as Record<Category, Record<string, string[]>>;
  }

  private cuesFor(code: string): Record<Category, CueSet> {
    const key = (LANGUAGES as readonly string[]).includes(code) ? code : 'und';
    const known = this.cues.get(key);
    if (known) return known;
    const langs = key === 'und' ? LANGUAGES : key === 'ru' || key === 'uk' ? ['ru', 'uk'] : [key];
    const sets = Object.fromEntries(
      CATEGORIES.map((c) => [c, new CueSet(langs.flatMap((l) => this.data[c][l] ?? []))]),
    ) as Record<Category, CueSet>;
    this.cues.set(key, sets);
    return sets;
  }

  /** Each language's kinds of a word in every category, packed two bits a category (bounded: cleared past 100,000 words). */
  private readonly packed = new Map<string, Map<string, number>>();

  /** The kinds of each token in each category (CATEGORIES order): one look-up a token for all four. */
  private kindsOf(code: string, cues: Record<Category, CueSet>, tokens: readonly Token[]): Uint8Array[] {
    let memo = this.packed.get(code);
    if (!memo) {
      memo = new Map();
      this.packed.set(code, memo);
    }
    const out = CATEGORIES.map(() => new Uint8Array(tokens.length));
    for (let i = 0; i < tokens.length; i++) {
      const w = (tokens[i] as Token).norm;
      let bits = memo.get(w);
      if (bits === undefined) {
        bits = 0;
        CATEGORIES.forEach((c, k) => {
          bits = (bits as number) | (cues[c].kindOf(w) << (2 * k));
        });
        if (memo.size > 100_000) memo.clear();
        memo.set(w, bits);
      }
      if (bits !== 0)
        for (let k = 0; k < CATEGORIES.length; k++) (out[k] as Uint8Array)[i] = (bits >> (2 * k)) & 3;
    }
    return out;
  }

  /** Named feature values, each of a scale near 0…10. */
  extract(input: FeatureInput): Record<string, number> {
    const code = input.language.slice(0, 2).toLowerCase();
    const cues = this.cuesFor(code);
    const { tokens, sentences, sentenceScores } = input;
    const leadEnd = sentences[Math.min(LEAD, sentences.length) - 1]?.end ?? 0;
    let leadTokens = 0;
    while (leadTokens < tokens.length && (tokens[leadTokens] as Token).end <= leadEnd) leadTokens++;
    const n = tokens.length;
    const nt = input.titleTokens.length;
    const f: Record<string, number> = {};
    const all = this.kindsOf(code, cues, tokens);
    CATEGORIES.forEach((c, k) => {
      const kinds = all[k] as Uint8Array;
      const body = cues[c].count(tokens, kinds, 0, n);
      const lead = cues[c].count(tokens, kinds, 0, leadTokens);
      f[`${c}.body`] = per100(body, n);
      f[`${c}.lead`] = per100(lead, leadTokens);
      const title = input.titleTokens;
      f[`${c}.title`] = Math.min(3, cues[c].count(title, cues[c].kinds(title), 0, nt));
    });
    for (const part of ['body', 'lead', 'title'])
      f[`balance.${part}`] = (f[`relief.${part}`] ?? 0) - (f[`harm.${part}`] ?? 0);

    const scores = sentenceScores;
    const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
    f['lexicon.mean'] = 4 * mean(scores);
    f['lexicon.lead'] = 4 * mean(scores.slice(0, LEAD));
    f['lexicon.title'] = 4 * input.titleScore;
    f['lexicon.negShare'] = 4 * (scores.length ? scores.filter((s) => s <= -0.3).length / scores.length : 0);
    f['lexicon.posShare'] = 4 * (scores.length ? scores.filter((s) => s >= 0.3).length / scores.length : 0);
    f['quoted'] = 4 * quotedShare(input.text);
    f['length'] = Math.log1p(n) / 2;
    f['numbers'] = per100(tokens.filter((t) => /^\p{N}/u.test(t.norm)).length, n) / 2;
    // Each language's own intercept and weight of the harm/relief balance: cue lists differ in
    // coverage between languages, so one shared scale misreads the sparser ones.
    if ((LANGUAGES as readonly string[]).includes(code)) {
      f[`lang.${code}`] = 1;
      f[`balance.body.${code}`] = f['balance.body'] ?? 0;
    }
    return f;
  }
}

/** Share of the text's characters inside double quotes. */
function quotedShare(text: string): number {
  let inside = 0;
  for (const m of text.matchAll(/"[^"\n]{1,600}"/g)) inside += m[0].length;
  return text.length ? inside / text.length : 0;
}
