import type { Token } from './normalise.js';
import type { PhraseMatcher } from './phrase-matcher.js';
import type { Pattern } from './phrase-pattern.js';

type Candidates<T> = readonly Pattern<T>[];

/**
 * Phrase matchers that read the same tokens (a topic's terms, exclusions, context...): one
 * look-up a token finds every member's candidates, instead of one a member. Each member's
 * matches are those it finds alone; `match` takes the candidates from here when given the
 * tokens the group last read (or reads them now).
 */
export class PhraseGroup<T> {
  /**
   * Every member's candidates by folded word, and the slots of the members that have any
   * (bounded: cleared past 100,000 words).
   */
  private readonly memo = new Map<
    string,
    { readonly all: readonly Candidates<T>[]; readonly slots: readonly number[] }
  >();
  private last: { tokens: readonly Token[]; read: GroupReading<T> } | undefined;

  constructor(private readonly members: readonly PhraseMatcher<T>[]) {
    members.forEach((m, slot) => {
      m.joinGroup(this, slot);
    });
  }

  /**
   * For each token, every member's candidates, and for each member the tokens where it has any
   * (kept for the tokens read last): a member's `match` visits only those.
   */
  candidatesOf(tokens: readonly Token[]): GroupReading<T> {
    if (this.last?.tokens === tokens) return this.last.read;
    const candidates: (readonly Candidates<T>[])[] = new Array(tokens.length);
    const at: number[][] = this.members.map(() => []);
    for (let i = 0; i < tokens.length; i++) {
      const norm = (tokens[i] as Token).norm;
      let known = this.memo.get(norm);
      if (!known) {
        const all = this.members.map((m) => m.candidatesOf(norm));
        const slots: number[] = [];
        all.forEach((list, slot) => {
          if (list.length > 0) slots.push(slot);
        });
        known = { all, slots };
        if (this.memo.size > 100_000) this.memo.clear();
        this.memo.set(norm, known);
      }
      candidates[i] = known.all;
      for (const slot of known.slots) (at[slot] as number[]).push(i);
    }
    const read = { candidates, at };
    this.last = { tokens, read };
    return read;
  }
}

/** What a group read of some tokens: each token's candidates by member, and each member's tokens that have any. */
export type GroupReading<T> = {
  readonly candidates: readonly (readonly Candidates<T>[])[];
  readonly at: readonly (readonly number[])[];
};

/** Makes the matchers given (undefined ones left out) one group. */
export function groupMatchers<T>(matchers: readonly (PhraseMatcher<T> | undefined)[]): PhraseGroup<T> {
  return new PhraseGroup(matchers.filter((m): m is PhraseMatcher<T> => m !== undefined));
}
