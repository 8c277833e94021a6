import { foldForMatch, type Token, tokenise } from './normalise.js';

/**
 * Whole-word phrase matching over folded tokens. A pattern word is exact (`kherson`), a prefix
 * (`negotiat*`), a suffix (`*verhandlungen`) or an infix (`*verhandlung*`). Among patterns that
 * start at the same token the longest wins, and a match consumes its tokens, so overlapping
 * patterns count once ("Kherson region" is one mention). The word `{Name}` matches any word
 * written with an initial capital ("settlement of {Name}": a village, not a peace deal).
 */

type WordPattern = {
  readonly kind: 'exact' | 'prefix' | 'suffix' | 'infix' | 'name';
  readonly text: string;
};

export type Pattern<T> = {
  readonly words: readonly WordPattern[];
  readonly value: T;
  readonly source: string;
};

export type Match<T> = {
  readonly value: T;
  readonly pattern: string;
  /** Token index range [first, last). */
  readonly first: number;
  readonly last: number;
  /** Character offsets in the text. */
  readonly start: number;
  readonly end: number;
};

function compileWord(word: string): WordPattern {
  if (word === '{Name}') return { kind: 'name', text: '' };
  const lead = word.startsWith('*');
  const trail = word.endsWith('*') && word.length > 1;
  const text = foldForMatch(word.replace(/^\*|\*$/g, ''));
  if (lead && trail) return { kind: 'infix', text };
  if (lead) return { kind: 'suffix', text };
  if (trail) return { kind: 'prefix', text };
  return { kind: 'exact', text };
}

/** ASCII without `*` or `{`: its words are its runs of ASCII letters and digits, matched exactly. */
const PLAIN_TERM = /^[^*{\u0080-\uFFFF]*$/;
const ASCII_WORD = /[A-Za-z0-9]+/g;

/** Splits a term into word patterns the same way text is tokenised, keeping `*` on its word. */
export function compilePattern<T>(term: string, value: T): Pattern<T> {
  const words: WordPattern[] = [];
  if (PLAIN_TERM.test(term)) {
    // The same patterns as below, without Unicode classes (a gazetteer compiles thousands at cold start).
    for (const w of term.match(ASCII_WORD) ?? []) words.push({ kind: 'exact', text: w.toLowerCase() });
  } else {
    for (const m of term.matchAll(/\{Name\}|\*?[\p{L}\p{N}\p{M}]+\*?/gu)) words.push(compileWord(m[0]));
  }
  return { words, value, source: term };
}

function wordMatches(p: WordPattern, tok: Token): boolean {
  const token = tok.norm;
  switch (p.kind) {
    case 'name':
      return tok.cap;
    case 'exact':
      return token === p.text;
    case 'prefix':
      return token.startsWith(p.text);
    case 'suffix':
      return token.endsWith(p.text);
    case 'infix':
      return token.includes(p.text);
  }
}

const NONE: readonly never[] = [];

export class PhraseMatcher<T> {
  /** Patterns whose first word is exact, by that word; prefix first words by their first two characters. */
  private readonly byWord = new Map<string, Pattern<T>[]>();
  private readonly byInitial = new Map<string, Pattern<T>[]>();
  /** Patterns whose first word is a suffix, infix or {Name}: tried at every token. */
  private readonly anywhere: Pattern<T>[] = [];

  constructor(patterns: Iterable<Pattern<T>>) {
    const push = (map: Map<string, Pattern<T>[]>, key: string, p: Pattern<T>) => {
      const list = map.get(key);
      if (list) list.push(p);
      else map.set(key, [p]);
    };
    for (const p of patterns) {
      const first = p.words[0];
      if (!first) continue;
      if (first.kind === 'exact' && first.text.length > 0) push(this.byWord, first.text, p);
      else if (first.kind === 'prefix' && first.text.length > 0)
        push(this.byInitial, first.text.slice(0, 2), p);
      else this.anywhere.push(p);
    }
  }

  static fromTerms<T>(entries: Iterable<readonly [term: string, value: T]>): PhraseMatcher<T> {
    return new PhraseMatcher([...entries].map(([term, value]) => compilePattern(term, value)));
  }

  /** Non-overlapping matches, left to right, longest first at each position. */
  match(tokens: readonly Token[]): Match<T>[] {
    const out: Match<T>[] = [];
    let i = 0;
    while (i < tokens.length) {
      const best = this.longestAt(tokens, i);
      if (best) {
        out.push(best);
        i = best.last;
      } else {
        i++;
      }
    }
    return out;
  }

  matchText(text: string): Match<T>[] {
    return this.match(tokenise(text));
  }

  private longestAt(tokens: readonly Token[], i: number): Match<T> | undefined {
    const token = tokens[i];
    if (!token) return undefined;
    if (this.byInitial.size === 0 && this.anywhere.length === 0) {
      const exact = this.byWord.get(token.norm);
      return exact ? this.longestOf(exact, tokens, i, undefined) : undefined;
    }
    const candidates = this.candidates(token.norm);
    return candidates.length > 0 ? this.longestOf(candidates, tokens, i, undefined) : undefined;
  }

  /** Candidates by first word, memoised (bounded: cleared past 100,000 words). */
  private readonly memo = new Map<string, readonly Pattern<T>[]>();

  /**
   * The patterns whose first word can match a token of this folded form, in the order in which
   * equally long ones win: exact first words, then prefixes (kept by their first two characters;
   * one, for a one-character prefix), then the rest ({Name} kept whatever the word: it reads case).
   */
  private candidates(norm: string): readonly Pattern<T>[] {
    const known = this.memo.get(norm);
    if (known) return known;
    const initial = norm.slice(0, 2);
    const out: Pattern<T>[] = [];
    for (const list of [
      this.byWord.get(norm),
      this.byInitial.get(initial),
      initial.length > 1 ? this.byInitial.get(initial.slice(0, 1)) : undefined,
      this.anywhere,
    ])
      for (const p of list ?? [])
        if (
          p.words[0]?.kind === 'name' ||
          wordMatches(p.words[0] as WordPattern, { norm, cap: false, start: 0, end: 0 })
        )
          out.push(p);
    if (this.memo.size > 100_000) this.memo.clear();
    const list = out.length > 0 ? out : NONE;
    this.memo.set(norm, list);
    return list;
  }

  private longestOf(
    candidates: readonly Pattern<T>[],
    tokens: readonly Token[],
    i: number,
    bestSoFar: Match<T> | undefined,
  ): Match<T> | undefined {
    const token = tokens[i] as Token;
    let best = bestSoFar;
    for (const p of candidates) {
      const n = p.words.length;
      if (i + n > tokens.length || (best && best.last - best.first >= n)) continue;
      let ok = true;
      for (let k = 0; k < n && ok; k++) ok = wordMatches(p.words[k] as WordPattern, tokens[i + k] as Token);
      if (!ok) continue;
      const lastToken = tokens[i + n - 1] as Token;
      best = {
        value: p.value,
        pattern: p.source,
        first: i,
        last: i + n,
        start: token.start,
        end: lastToken.end,
      };
    }
    return best;
  }
}
