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

/** People named by their work at a body: "a fellow at Chatham House", "a security consultant at Sibylline". */
const WORKS_AT = new Set(
  'analyst analysts fellow researcher researchers economist economists consultant strategist scientist scientists professor lecturer expert experts engineer engineers manager spokesperson spokesman spokeswoman partner associate adviser advisor director chairman chairwoman employee employees'.split(
    ' ',
  ),
);

/** Verbs whose agent is a body: "operated by Dalesway Coaches", "owned by Norland Agri". */
const RUN_BY = new Set(
  'operated run owned managed organised organized funded sponsored built commissioned'.split(' '),
);

/** A word of work before "at", or of running before "by", right before token i ("a fellow at |X"). */
function agentBefore(ctx: Context, i: number): boolean {
  const [verb, link] = [ctx.tokens[i - 2], ctx.tokens[i - 1]];
  if (!verb || !link || verb.cap) return false;
  return (link.norm === 'at' && WORKS_AT.has(verb.norm)) || (link.norm === 'by' && RUN_BY.has(verb.norm));
}

/** The token index of a cue noun after a run ending at j, past at most two lower-case words ("Proliska | humanitarian mission"). */
function cueAfter(ctx: Context, j: number): number | undefined {
  for (let k = j; k < j + 3; k++) {
    const t = ctx.tokens[k];
    if (!t || t.cap || gapOf(ctx, k - 1, k) !== ' ') return undefined;
    if (ORG_CUES.has(t.norm)) return k;
    if (!/^\p{Ll}+$/u.test(ctx.word(k))) return undefined;
  }
  return undefined;
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
  // "run by Russian-appointed authorities": a nationality is no name
  const nationality = j === i + 1 && NATIONALITIES.has((tokens[i] as Token).norm);
  let cued = cueBefore(ctx, i) || (agentBefore(ctx, i) && !nationality);
  // "Kyivstar and Vodafone Ukraine": the second of two names after a cue
  if (!cued && i >= 3 && AND.has((tokens[i - 1] as Token).norm)) {
    let k = i - 2;
    while (k > 0 && (tokens[k - 1] as Token).cap && gapOf(ctx, k - 1, k)) k--;
    cued = (tokens[k] as Token).cap && cueBefore(ctx, k);
  }
  // "the Community union", "a Unite union official", "the Proliska humanitarian mission": the name before its noun
  if (!cued && cueAfter(ctx, j) !== undefined)
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
