import type { Token } from './normalise.js';
import type { GroupReading } from './phrase-group.js';
import {
  compilePattern,
  type DeferredPattern,
  deferPattern,
  type Filed,
  type Pattern,
  type WordPattern,
  wordMatches,
} from './phrase-pattern.js';

/**
 * Whole-word phrase matching over folded tokens. A pattern word is exact (`kherson`), a prefix
 * (`negotiat*`), a suffix (`*verhandlungen`) or an infix (`*verhandlung*`). Among patterns that
 * start at the same token the longest wins, and a match consumes its tokens, so overlapping
 * patterns count once ("Kherson region" is one mention). The word `{Name}` matches any word
 * written with an initial capital ("settlement of {Name}": a village, not a peace deal).
 */

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

const NONE: readonly never[] = [];

export class PhraseMatcher<T> {
  /** Patterns whose first word is exact, by that word (some deferred); prefix first words by their first two characters. */
  private readonly byWord = new Map<string, Filed<T>[]>();
  /** Deferred patterns not compiled yet. */
  private deferred = 0;
  private readonly byInitial = new Map<string, Pattern<T>[]>();
  /** Patterns whose first word is a suffix, infix or {Name}: tried at every token. */
  private readonly anywhere: Pattern<T>[] = [];

  /**
   * `more`: the deferred patterns of a first word none given here has (a gazetteer's index), asked once.
   */
  constructor(
    patterns: Iterable<Filed<T>>,
    private readonly more?: (word: string) => readonly DeferredPattern<T>[] | undefined,
  ) {
    const push = <P>(map: Map<string, P[]>, key: string, p: P) => {
      const list = map.get(key);
      if (list) list.push(p);
      else map.set(key, [p]);
    };
    for (const p of patterns) {
      if ('firstWord' in p) {
        push(this.byWord, p.firstWord, p);
        this.deferred++;
        continue;
      }
      const first = p.words[0];
      if (!first) continue;
      if (first.kind === 'exact' && first.text.length > 0) push(this.byWord, first.text, p);
      else if (first.kind === 'prefix' && first.text.length > 0)
        push(this.byInitial, first.text.slice(0, 2), p);
      else this.anywhere.push(p);
    }
  }

  static fromTerms<T>(entries: Iterable<readonly [term: string, value: T]>): PhraseMatcher<T> {
    return new PhraseMatcher([...entries].map(([term, value]) => deferPattern(term, value)));
  }

  /** Non-overlapping matches, left to right, longest first at each position. */
  match(tokens: readonly Token[]): Match<T>[] {
    const out: Match<T>[] = [];
    // In a group (phrase-group.ts), every member's candidates of every token in one look-up, and
    // the tokens where this member has any: only those can start a match.
    const shared = this.group?.candidatesOf(tokens);
    if (shared) {
      let next = 0;
      for (const i of shared.at[this.slot] as readonly number[]) {
        if (i < next) continue;
        const candidates = (shared.candidates[i] as readonly (readonly Pattern<T>[])[])[
          this.slot
        ] as readonly Pattern<T>[];
        const best = this.longestOf(candidates, tokens, i, undefined);
        if (best) {
          out.push(best);
          next = best.last;
        }
      }
      return out;
    }
    let i = 0;
    while (i < tokens.length) {
      const candidates = this.candidatesOf((tokens[i] as Token).norm);
      const best = candidates.length > 0 ? this.longestOf(candidates, tokens, i, undefined) : undefined;
      if (best) {
        out.push(best);
        i = best.last;
      } else {
        i++;
      }
    }
    return out;
  }

  /** The patterns that can start at a token of this folded form (see candidates). */
  candidatesOf(norm: string): readonly Pattern<T>[] {
    if (this.byInitial.size === 0 && this.anywhere.length === 0) return this.exactFirst(norm) ?? NONE;
    return this.candidates(norm);
  }

  /** The group this matcher reads its candidates from, and its place there (phrase-group.ts). */
  private group: { candidatesOf(tokens: readonly Token[]): GroupReading<T> } | undefined;
  private slot = 0;

  /** Joins a group (phrase-group.ts): `match` then takes its candidates from the group's look-ups. */
  joinGroup(group: NonNullable<PhraseMatcher<T>['group']>, slot: number): void {
    this.group = group;
    this.slot = slot;
  }

  /** Words `more` has no pattern for (bounded: cleared past 100,000 words). */
  private readonly missed = new Set<string>();

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
      this.exactFirst(norm),
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

  /** The patterns whose first word is exactly `norm`, in the order filed, deferred ones compiled now. */
  private exactFirst(norm: string): readonly Pattern<T>[] | undefined {
    let list = this.byWord.get(norm);
    if (list === undefined && this.more && !this.missed.has(norm)) {
      const found = this.more(norm);
      if (found) {
        list = [...found];
        this.byWord.set(norm, list);
        this.deferred += list.length;
      } else {
        if (this.missed.size > 100_000) this.missed.clear();
        this.missed.add(norm);
      }
    }
    if (list && this.deferred > 0)
      for (let j = 0; j < list.length; j++) {
        const p = list[j] as Filed<T>;
        if (!('firstWord' in p)) continue;
        list[j] = compilePattern(p.term, p.value);
        this.deferred--;
      }
    return list as Pattern<T>[] | undefined;
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
