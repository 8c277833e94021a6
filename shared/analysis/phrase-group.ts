import type { Token } from './normalise.js';
import type { Pattern, PhraseMatcher } from './phrase-matcher.js';

type Candidates<T> = readonly Pattern<T>[];

/**
 * Phrase matchers that read the same tokens (a topic's terms, exclusions, context...): one
 * look-up a token finds every member's candidates, instead of one a member. Each member's
 * matches are those it finds alone; `match` takes the candidates from here when given the
 * tokens the group last read (or reads them now).
 */
export class PhraseGroup<T> {
  /** Every member's candidates by folded word (bounded: cleared past 100,000 words). */
  private readonly memo = new Map<string, readonly Candidates<T>[]>();
  private last: { tokens: readonly Token[]; candidates: readonly (readonly Candidates<T>[])[] } | undefined;

  constructor(private readonly members: readonly PhraseMatcher<T>[]) {
    members.forEach((m, slot) => {
      m.joinGroup(this, slot);
    });
  }

  /** For each token, every member's candidates (kept for the tokens read last). */
  candidatesOf(tokens: readonly Token[]): readonly (readonly Candidates<T>[])[] {
    if (this.last?.tokens === tokens) return this.last.candidates;
    const candidates: (readonly Candidates<T>[])[] = new Array(tokens.length);
    for (let i = 0; i < tokens.length; i++) {
      const norm = (tokens[i] as Token).norm;
      let all = this.memo.get(norm);
      if (!all) {
        all = this.members.map((m) => m.candidatesOf(norm));
        if (this.memo.size > 100_000) this.memo.clear();
        this.memo.set(norm, all);
      }
      candidates[i] = all;
    }
    this.last = { tokens, candidates };
    return candidates;
  }
}

/** Makes the matchers given (undefined ones left out) one group. */
export function groupMatchers<T>(matchers: readonly (PhraseMatcher<T> | undefined)[]): PhraseGroup<T> {
  return new PhraseGroup(matchers.filter((m): m is PhraseMatcher<T> => m !== undefined));
}
