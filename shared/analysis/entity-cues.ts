import { AND, DEMONYMS, isNameWord, ORG_CUES } from './entity-data.js';
import { ADJECTIVAL, type Context, gapOf } from './entity-rules.js';
import { foldForMatch, type Token } from './normalise.js';

/** Adjectives of nationality ("the French company"): not a name before its noun. */
const NATIONALITIES = new Set(Object.values(DEMONYMS).map(foldForMatch));

/** ", the South Korean manufacturer", ", a Kherson-based charity", ", a family firm": an apposition. */
const APPOSITION = /^,\s+(?:a|an|the)\s+((?:[\p{L}-]+\s+){0,3}[\p{L}-]+)/u;

/** A cue noun right before token i, in lower case, after a space or a comma ("the charity X", "group, X"). */
function cueBefore(ctx: Context, i: number): boolean {
  const t = ctx.tokens[i - 1];
  if (!t || t.cap || !ORG_CUES.has(t.norm)) return false;
  const gap = ctx.text.slice(t.end, (ctx.tokens[i] as Token).start);
  return gap === ' ' || gap === ', ';
}

/**
 * The end of an organisation's name that a common noun introduces, for a run of capitalised
 * words [i, j) no other rule typed: right after the noun ("the accountancy firm Pryce Whitley",
 * "the regulator Ofwat", "the journal Nature"), listed after such a name ("mobile operators
 * Kyivstar and Vodafone Ukraine"), or named by an apposition after it ("Hyundai Rotem, the South
 * Korean manufacturer"). The name takes a known place right after it ("Vodafone Ukraine") and a
 * link and a place ("Keys for Kherson"). Undefined when nothing introduces the run.
 */
export function cuedOrganisation(ctx: Context, i: number, j: number): number | undefined {
  const { tokens, text } = ctx;
  let cued = cueBefore(ctx, i);
  // "Kyivstar and Vodafone Ukraine": the second of two names after a cue
  if (!cued && i >= 3 && AND.has((tokens[i - 1] as Token).norm)) {
    let k = i - 2;
    while (k > 0 && (tokens[k - 1] as Token).cap && gapOf(ctx, k - 1, k)) k--;
    cued = (tokens[k] as Token).cap && cueBefore(ctx, k);
  }
  // "the Community union", "a Unite union official": the name before its noun
  const next = tokens[j];
  if (!cued && next && !next.cap && ORG_CUES.has(next.norm) && gapOf(ctx, j - 1, j) === ' ')
    cued =
      ['the', 'a', 'an'].includes(tokens[i - 1]?.norm ?? '') &&
      !ADJECTIVAL.test((tokens[j - 1] as Token).norm) &&
      !NATIONALITIES.has((tokens[j - 1] as Token).norm);
  if (!cued) {
    const m = APPOSITION.exec(text.slice((tokens[j - 1] as Token).end, (tokens[j - 1] as Token).end + 60));
    cued = m !== null && (m[1] as string).split(/\s+/).some((w) => ORG_CUES.has(w.toLowerCase()));
  }
  if (!cued) return undefined;
  let end = j;
  const place = ctx.placeStarts.get(end);
  if (place && gapOf(ctx, end - 1, end) === ' ') end = place.last;
  else if (['for', 'of'].includes(tokens[end]?.norm ?? '') && gapOf(ctx, end - 1, end) === ' ') {
    const after = ctx.placeStarts.get(end + 1);
    if (after) end = after.last;
    else if (isNameWord(ctx.word(end + 1)) && !ctx.covered[end + 1]) end += 2;
  }
  return end;
}
