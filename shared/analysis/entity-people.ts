import { CAPITALISED, NOT_NAMES, ORG_HEADS, PLACE_HEADS, TITLES } from './entity-data.js';
import { ADJECTIVAL, type Context, gapOf, isWrittenLikeAName } from './entity-rules.js';
import { followsGivenName, isGivenName } from './given-names.js';
import type { Token } from './normalise.js';

/**
 * People introduced by a title: Title (Title)* Name Name [Name]. Calls `add` with each name and
 * marks its tokens (title included) as covered.
 */
export function titledPeople(ctx: Context, covered: Uint8Array, add: (name: string) => void): void {
  const { text, tokens } = ctx;
  for (let i = 0; i < tokens.length; i++) {
    if (covered[i] || !TITLES.has((tokens[i] as Token).norm)) continue;
    let j = i + 1;
    while (j < tokens.length && TITLES.has((tokens[j] as Token).norm) && !covered[j]) j++;
    const parts: string[] = [];
    while (j < tokens.length && parts.length < 3 && !covered[j]) {
      const tok = tokens[j] as Token;
      const w = text.slice(tok.start, tok.end);
      if (!CAPITALISED.test(w) || NOT_NAMES.has(tok.norm)) break;
      if (parts.length > 0 && !/^ +$/.test(text.slice((tokens[j - 1] as Token).end, tok.start))) break;
      parts.push(w);
      j++;
    }
    if (parts.length >= 2) {
      add(parts.join(' '));
      covered.fill(1, i, j);
      i = j - 1;
    }
  }
}

/**
 * The capitalised words written on their own (uncovered, not beside another capitalised word):
 * where a surname recurs alone ("Hrytsenko added").
 */
export function wordsAlone(ctx: Context): Set<string> {
  const { tokens, covered } = ctx;
  const out = new Set<string>();
  for (let m = 0; m < tokens.length; m++) {
    const t = tokens[m] as Token;
    if (!t.cap || covered[m]) continue;
    const before = m > 0 && tokens[m - 1]?.cap && gapOf(ctx, m - 1, m) !== undefined;
    const after = tokens[m + 1]?.cap && gapOf(ctx, m, m + 1) !== undefined;
    if (!before && !after) out.add(t.norm);
  }
  return out;
}

/**
 * A two-word run [i, i + 2) written like a name, inside a sentence, whose second word recurs
 * alone and is not an adjective ("Retreating Russian troops").
 */
export function surnameRecurs(ctx: Context, i: number, alone: ReadonlySet<string>): boolean {
  const second = (ctx.tokens[i + 1] as Token).norm;
  if (!alone.has(second) || ADJECTIVAL.test(second) || !isWrittenLikeAName(ctx, i, i + 2)) return false;
  const before = ctx.text.slice(
    Math.max(0, (ctx.tokens[i] as Token).start - 3),
    (ctx.tokens[i] as Token).start,
  );
  return i > 0 && !/(^|[.!?:"\n])\s*["'(]?$/.test(before);
}

const ENGLISH = new Set(['the', 'of', 'and', 'said', 'was', 'were']);
const OTHER = new Set(['der', 'die', 'und', 'das', 'les', 'des', 'et', 'el', 'los', 'y', 'que']);

/** Whether the words are mostly English (the surname rule reads English capitals only). */
export function looksEnglish(tokens: readonly Token[]): boolean {
  let en = 0;
  let other = 0;
  for (const t of tokens) {
    if (ENGLISH.has(t.norm)) en++;
    else if (OTHER.has(t.norm)) other++;
  }
  return en >= 3 && en > 2 * other;
}

/**
 * Where a person's name starts inside the run [i, j): at a given name after the run's first word,
 * followed to the run's end by capitalised words only ("Marco Rubio" in "State Marco Rubio").
 */
export function personInside(ctx: Context, i: number, j: number): number | undefined {
  // "35th Separate Marine Brigade": a body's or a place's head word ends no person.
  const last = (ctx.tokens[j - 1] as Token).norm;
  if (ORG_HEADS.has(last) || PLACE_HEADS.has(last)) return undefined;
  for (let p = i + 1; p < j - 1; p++) {
    if (!isGivenName(ctx.tokens[p] as Token)) continue;
    for (let k = p + 1; k < j; k++)
      if (!(ctx.tokens[k] as Token).cap || gapOf(ctx, k - 1, k) === undefined) return undefined;
    return j - p <= 3 ? p : undefined;
  }
  return undefined;
}

/**
 * Whether a one-word place match names a person: a surname right after a listed given name
 * ("Daniel Kherson", unless a place head follows), or the given name before a surname ("Sofia
 * Lindqvist").
 */
export function givenNameAround(
  text: string,
  tokens: readonly Token[],
  m: { first: number; last: number },
): boolean {
  // "Finance director Daniel Kherson": after a given name, the place's name is a surname
  const after =
    m.last - m.first === 1 &&
    followsGivenName(text, tokens, m.first) &&
    !PLACE_HEADS.has(tokens[m.last]?.norm ?? '');
  return after || givenNameFirst(text, tokens, m);
}

/**
 * Whether a one-word place match is a given name before a surname ("Sofia Lindqvist", "Florence
 * Nightingale"): a listed given name followed, after one space, by a capitalised word that heads
 * no place or body ("Sofia Airport" is the place's).
 */
function givenNameFirst(text: string, tokens: readonly Token[], m: { first: number; last: number }): boolean {
  const next = tokens[m.last];
  if (m.last - m.first !== 1 || !isGivenName(tokens[m.first] as Token) || !next?.cap) return false;
  if (text.slice((tokens[m.first] as Token).end, next.start) !== ' ') return false;
  return !ORG_HEADS.has(next.norm) && !PLACE_HEADS.has(next.norm) && !NOT_NAMES.has(next.norm);
}
