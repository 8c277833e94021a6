import {
  ALL_CAPS,
  AND,
  CAPITALISED,
  type EntityType,
  FIRST_NAMES,
  NOT_NAMES,
  NOT_ORGANISATIONS,
  ORG_HEADS,
  ORG_STARTS,
  PLACE_CUES,
  PLACE_SUFFIXES,
  TITLES,
} from './entity-data.js';
import type { Token } from './normalise.js';

/** What the rules read of the text being extracted. */
export type Context = {
  readonly text: string;
  readonly tokens: readonly Token[];
  /** Token indexes where a gazetteer place ends. */
  readonly placeEnds: ReadonlySet<number>;
  /** The word as written at token i. */
  readonly word: (i: number) => string;
};

/**
 * The type of an unknown run of capitalised words [i, j), from its words and what surrounds it:
 * an organisation by its last word ("… Service") or first ("Ministry of …") or as an acronym; a
 * person by a known given name, a title before it or an age after it; a place by a Ukrainian or
 * Russian place-name ending after a cue ("the village of", "near") or a known place.
 */
export function classify(ctx: Context, i: number, j: number): EntityType | undefined {
  const { text, tokens, placeEnds, word } = ctx;
  const n = j - i;
  const first = tokens[i] as Token;
  const last = tokens[j - 1] as Token;
  if (ORG_HEADS.has(last.norm) && n >= 2) return 'organization';
  if (ORG_STARTS.has(first.norm) && n >= 3) return 'organization';
  if (n === 1 && ALL_CAPS.test(word(i)) && /\p{Lu}{2}/u.test(word(i)) && !NOT_ORGANISATIONS.has(word(i)))
    return 'organization';
  if (n >= 2 && n <= 3 && FIRST_NAMES.has(first.norm) && !FIRST_NAMES.has(last.norm)) return 'person';
  if (n >= 2 && n <= 3 && i > 0 && TITLES.has((tokens[i - 1] as Token).norm)) return 'person';
  // "Halyna Moroz, 63," or "Natalia Kovalenko, maestra de 44 años": a name with an age.
  if (n >= 2 && n <= 3 && /^,\s*\d{1,3}\b/.test(text.slice(last.end, last.end + 6))) return 'person';
  if (n <= 2 && PLACE_SUFFIXES.some((s) => last.norm.length >= s.length + 3 && last.norm.endsWith(s))) {
    if (PLACE_CUES.some((cue) => cue.every((w, k) => tokens[i - cue.length + k]?.norm === w))) return 'place';
    // "near Soledar and Opytne": listed after a known place
    if (i >= 2 && AND.has((tokens[i - 1] as Token).norm) && placeEnds.has(i - 2)) return 'place';
    if (/^,\s+(a|an|the)\s+(small\s+)?(town|village|city)\b/.test(text.slice(last.end, last.end + 30)))
      return 'place';
  }
  return undefined;
}

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

const REGIONS = new Set(['regions', 'oblasts', 'provinces']);
const LIST_LINKS = new Set(['and', 'or']);

/**
 * Names listed before "regions" ("the Mykolaiv, Odesa, Kirovohrad and Khmelnytskyi regions"),
 * by token index, with the region each stands for (`regionOf`); the list stops at the first name
 * that is not a known region.
 */
export function regionLists(
  tokens: readonly Token[],
  regionOf: (i: number) => string | undefined,
): Map<number, string> {
  const out = new Map<number, string>();
  for (let i = 2; i < tokens.length; i++) {
    if (!REGIONS.has((tokens[i] as Token).norm) || !(tokens[i - 1] as Token).cap) continue;
    let k = i - 1;
    while (k >= 0 && (tokens[k] as Token).cap) {
      const region = regionOf(k);
      if (!region) break;
      out.set(k, region);
      k--;
      if (k >= 0 && LIST_LINKS.has((tokens[k] as Token).norm)) k--;
    }
  }
  return out;
}
