import {
  ALL_CAPS,
  AND,
  CAPITALISED,
  CONNECTORS,
  type EntityType,
  EVENT_HEADS,
  FIRST_NAMES,
  isNameWord,
  NOT_NAMES,
  NOT_ORGANISATIONS,
  ORG_HEADS,
  ORG_LINKS,
  ORG_STARTS,
  ORG_SUFFIXES,
  PLACE_CUES,
  PLACE_HEADS,
  PLACE_STARTS,
  PLACE_SUFFIXES,
  TITLES,
} from './entity-data.js';
import type { Token } from './normalise.js';

/** What the rules read of the text being extracted. */
export type Context = {
  readonly text: string;
  readonly tokens: readonly Token[];
  /** Where each gazetteer place ends: its last token index → its first. */
  readonly placeEnds: ReadonlyMap<number, number>;
  /** Where each gazetteer place starts: its first token index → its end (exclusive) and name. */
  readonly placeStarts: ReadonlyMap<number, { readonly last: number; readonly name: string }>;
  /** The word as written at token i. */
  readonly word: (i: number) => string;
  /** Tokens already taken (by a gazetteer match or an earlier rule). */
  readonly covered: Uint8Array;
};

/**
 * What is between tokens a and b when it may join two words of one name: a space or a hyphen
 * (nothing past the last token: a text may end in "Partagez-le").
 */
export function gapOf(ctx: Context, a: number, b: number): string | undefined {
  const from = ctx.tokens[a];
  const to = ctx.tokens[b];
  if (from === undefined || to === undefined) return undefined;
  const gap = ctx.text.slice(from.end, to.start);
  return gap === ' ' || gap === '-' ? gap : undefined;
}

/** A word of at least three letters before one of the endings: "Antonivka", "Commerzbank". */
const endingOf = (endings: readonly string[]) => new RegExp(`^.{3,}(?:${endings.join('|')})$`, 'u');
const PLACE_ENDING = endingOf(PLACE_SUFFIXES);
const ORG_ENDING = endingOf(ORG_SUFFIXES);
export const ADJECTIVAL = /(?:ian|ean|ese|ish|ic|an)$/;

const isName = (ctx: Context, k: number) =>
  k < ctx.tokens.length &&
  !ctx.covered[k] &&
  isNameWord(ctx.word(k)) &&
  !NOT_NAMES.has((ctx.tokens[k] as Token).norm);

/**
 * The end of the run of name words from token i: capitalised words joined by a space or hyphen
 * ("Gustav Gressel", "Posad-Pokrovske"), small words inside an organisation's name ("Office of
 * the Prosecutor General") or a place's ("Sea of Azov", "Stoke-on-Trent"), "&" between two names
 * ("Harlow & Finch"), and a lower-case place head after a name ("the Korabel district").
 */
/** Heads whose "of" names the body's area, not a second body ("Ministry of Energy"). */
const AREA_OF = new Set(['ministry', 'ministries', 'department', 'ministère', 'ministerio', 'ministerium']);

export function runEnd(ctx: Context, i: number): number {
  const { tokens, text } = ctx;
  const norm = (k: number) => (tokens[k] as Token).norm;
  let j = i + 1;
  while (j < tokens.length && !ctx.covered[j]) {
    const gap = gapOf(ctx, j - 1, j);
    if (gap === undefined) {
      const between = text.slice((tokens[j - 1] as Token).end, (tokens[j] as Token).start);
      // "Harlow & Finch"; a plural possessive inside a name: "the British Airline Pilots' Association"
      const joined = between === ' & ' || (between === "' " && norm(j - 1).endsWith('s'));
      // A possessive inside a body's name: "the Kherson Regional Prosecutor's Office", "St
      // Aldhelm's Children's Hospital"
      const possessive =
        between === "'" &&
        norm(j) === 's' &&
        gapOf(ctx, j, j + 1) === ' ' &&
        isName(ctx, j + 1) &&
        ORG_HEADS.has(norm(runEnd(ctx, j + 1) - 1));
      if (possessive) j += 2;
      else if (joined && isName(ctx, j)) j++;
      else {
        j = listedEnd(ctx, i, j);
        break;
      }
    } else if (isNameWord(ctx.word(j))) j++;
    else if (gap === '-' && CONNECTORS.has(norm(j)) && gapOf(ctx, j, j + 1) === '-' && isName(ctx, j + 1))
      j += 2;
    else if (
      ORG_LINKS.has(norm(j)) &&
      (ORG_STARTS.has(norm(i)) ||
        // after a country's adjective: "the Turkish Ministry of Culture and Tourism"
        (j > i + 1 && ADJECTIVAL.test(norm(i)) && ORG_STARTS.has(norm(i + 1))) ||
        ORG_HEADS.has(norm(j - 1)) ||
        (PLACE_STARTS.has(norm(i)) && j === i + 1 && norm(j) === 'of') ||
        // "Scottish Fire and Rescue Service", "Opera and Ballet Theatre": "and" before a head's run
        (norm(j) === 'and' && isName(ctx, j + 1) && ORG_HEADS.has(norm(runEnd(ctx, j + 1) - 1))))
    ) {
      let k = j + 1;
      while (k < tokens.length && ORG_LINKS.has(norm(k))) k++;
      // "the National Museum of the History of Ukraine and the Odesa Archaeological Museum": two bodies
      if (norm(j) === 'and' && norm(j + 1) === 'the') break;
      // "the Ashcombe Market Association and Ashcombe Town Council": a whole body's name on each
      // side (two words or more, each closed by a head) is two bodies
      // (the right-hand name may hold "and" itself: "… University and Kherson State Agrarian and
      // Economic University")
      if (
        norm(j) === 'and' &&
        j - i >= 2 &&
        ORG_HEADS.has(norm(j - 1)) &&
        (isName(ctx, k) || ctx.placeStarts.has(k))
      ) {
        let end = runEnd(ctx, k);
        while (end < tokens.length - 1 && norm(end) === 'and' && isName(ctx, end + 1))
          end = runEnd(ctx, end + 1);
        if (end - k >= 2 && ORG_HEADS.has(norm(end - 1))) break;
      }
      const place = ctx.placeStarts.get(k);
      // "the Allard Pierson Museum of the University of Amsterdam": two bodies, not one
      // (a ministry's "of" names its area, never another body: "Ministry of Energy", "Department of Health")
      if (isName(ctx, k) && ORG_HEADS.has(norm(j - 1)) && ORG_HEADS.has(norm(k)) && !AREA_OF.has(norm(j - 1)))
        break;
      if (isName(ctx, k)) j = k + 1;
      // a known place ends the name: "Ministry of Economy of Ukraine", "Gulf of Finland"
      else if (place) j = place.last;
      else break;
    } else {
      // not after an adjective of nationality ("the Indonesian island of Bali")
      if (
        gap === ' ' &&
        PLACE_HEADS.has(norm(j)) &&
        !NOT_NAMES.has(norm(j - 1)) &&
        !ADJECTIVAL.test(norm(j - 1))
      )
        j++;
      break;
    }
  }
  return j;
}

/**
 * Where a body's name goes on as a list after a comma: "the Ministry of Housing, Communities
 * and Local Government", "the Department for Environment, Food and Rural Affairs". From the comma
 * after token j - 1: name words and commas, then "and" and name words; none of them a known place
 * ("the Ministry of Defence, Kyiv and Moscow" is no such name). Else j.
 */
function listedEnd(ctx: Context, i: number, j: number): number {
  const { tokens, text } = ctx;
  const sep = (k: number) => text.slice((tokens[k - 1] as Token).end, (tokens[k] as Token).start);
  if (sep(j) !== ', ' || (j - i < 3 && !ORG_HEADS.has((tokens[i] as Token).norm))) return j;
  let k = j;
  let and = false;
  while (
    k < tokens.length &&
    !ctx.placeStarts.has(k) &&
    (isName(ctx, k) || (!and && (tokens[k] as Token).norm === 'and'))
  ) {
    if ((tokens[k] as Token).norm === 'and') and = true;
    k++;
    const next = k < tokens.length ? sep(k) : '';
    if (next !== ' ' && !(next === ', ' && !and)) break;
  }
  // A ministry's list ("Ministry of Housing, …"), or one a body's head word closes ("Advisory,
  // Conciliation and Arbitration Service").
  const body = ORG_STARTS.has((tokens[i] as Token).norm) || ORG_HEADS.has((tokens[k - 1] as Token).norm);
  return body && and && isName(ctx, k - 1) && !ctx.placeStarts.has(k) ? k : j;
}

/** The name of the run [i, j) as written, a lower-case place head capitalised ("Korabel District"). */
export function runName(ctx: Context, i: number, j: number): string {
  let name = ctx.word(i);
  for (let k = i + 1; k < j; k++) {
    const w = ctx.word(k);
    const sep = ctx.text.slice((ctx.tokens[k - 1] as Token).end, (ctx.tokens[k] as Token).start);
    const head = k === j - 1 && PLACE_HEADS.has((ctx.tokens[k] as Token).norm);
    name +=
      (['-', ' & ', "' ", ', ', "'"].includes(sep) ? sep : ' ') +
      (head ? w.charAt(0).toUpperCase() + w.slice(1) : w);
  }
  return name;
}

/** The words that make "<word> Town" a quarter of a city, not a club. */
const TOWN_QUARTERS = new Set(['old', 'new', 'upper', 'lower', 'inner', 'outer']);

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
  if (EVENT_HEADS.has(last.norm)) return undefined;
  // "Harlow Town", "Castlebridge United" are clubs; "the Old Town" is a district
  if (n === 2 && last.norm === 'town' && TOWN_QUARTERS.has(first.norm)) return 'place';
  if (ORG_HEADS.has(last.norm) && n >= 2) return 'organization';
  if (ORG_STARTS.has(first.norm) && n >= 3) return 'organization';
  // "Centre for Security Studies", "Nordic Institute for Defence Studies": a head word and a link
  for (let k = i; k < j - 2; k++)
    if (ORG_HEADS.has((tokens[k] as Token).norm) && ORG_LINKS.has((tokens[k + 1] as Token).norm))
      return 'organization';
  if (text.slice(first.end, last.start).includes(' & ')) return 'organization';
  // "Commerzbank", "Rosatom", "Naftogaz"
  if (n === 1 && ORG_ENDING.test(first.norm) && CAPITALISED.test(word(i))) return 'organization';
  // "said the group's chairman, Fiona Lake": a given name and a place head that speaks is a person
  if (n === 2 && FIRST_NAMES.has(first.norm) && PLACE_HEADS.has(last.norm) && speaks(ctx, i, j))
    return 'person';
  if ((PLACE_HEADS.has(last.norm) || PLACE_STARTS.has(first.norm)) && n >= 2) return 'place';
  // "Stoke-on-Trent", "Hay-on-Wye"
  for (let k = i + 1; k < j - 1; k++)
    if (CONNECTORS.has((tokens[k] as Token).norm) && text[(tokens[k] as Token).end] === '-') return 'place';
  // "the village of Krynky", "the ports of Odesa, Chornomorsk and Pivdennyi"
  if (n <= 2 && followsPlaceOf(tokens, i)) return 'place';
  if (n === 1 && ALL_CAPS.test(word(i)) && /\p{Lu}{2}/u.test(word(i)) && !NOT_ORGANISATIONS.has(word(i)))
    return 'organization';
  if (n >= 2 && n <= 3 && FIRST_NAMES.has(first.norm)) return 'person';
  if (n >= 2 && n <= 3 && i > 0 && TITLES.has((tokens[i - 1] as Token).norm)) return 'person';
  // "Halyna Moroz, 63," or "Natalia Kovalenko, maestra de 44 años": a name with an age.
  if (n >= 2 && n <= 3 && /^,\s*\d{1,3}\b/.test(text.slice(last.end, last.end + 6))) return 'person';
  // "said Clara Jensen", "Fiona Alder said", "Dilys Evans, who runs a cafe": a name that speaks.
  // ("The Allard Pierson said" is a body: no article before a person's name)
  if (n >= 2 && n <= 3 && isWrittenLikeAName(ctx, i, j) && tokens[i - 1]?.norm !== 'the' && speaks(ctx, i, j))
    return 'person';
  if (n <= 2 && PLACE_ENDING.test(last.norm)) {
    if (PLACE_CUES.some((cue) => cue.every((w, k) => tokens[i - cue.length + k]?.norm === w))) return 'place';
    // "near Soledar and Opytne": listed after a known place
    if (i >= 2 && AND.has((tokens[i - 1] as Token).norm) && placeEnds.has(i - 2)) return 'place';
    if (/^,\s+(a|an|the)\s+(small\s+)?(town|village|city)\b/.test(text.slice(last.end, last.end + 30)))
      return 'place';
    // "shelled Antonivka, Sadove and ...": listed with a comma after a place
    if (placeEnds.has(i - 1) && text.slice((tokens[i - 1] as Token).end, first.start) === ', ')
      return 'place';
  }
  // "... Sadove and Tomyna Balka.": the last of a list of places, closing the sentence or clause
  if (n <= 2 && isWrittenLikeAName(ctx, i, j) && i >= 2 && AND.has((tokens[i - 1] as Token).norm))
    if (placeEnds.has(i - 2) && /^(?:[.,;]|$)/.test(text.slice(last.end, last.end + 1))) return 'place';
  return undefined;
}

const SPEAKS = new Set(['said', 'says', 'told', 'added', 'wrote', 'according']);
const SPEAKS_AFTER =
  /^(?: (?:said|says|told|added|wrote|explained|recalled|warned|insisted)\b|,? (?:who|whose)\b)/;

/** Every word of [i, j) capitalised and written in lower case after its capital (not UN, not DPR). */
export function isWrittenLikeAName(ctx: Context, i: number, j: number): boolean {
  for (let k = i; k < j; k++) {
    const norm = (ctx.tokens[k] as Token).norm;
    if (!CAPITALISED.test(ctx.word(k)) || NOT_NAMES.has(norm)) return false;
    // "Network Rail said": a word of an organisation's or a place's name
    if (ORG_HEADS.has(norm) || ORG_STARTS.has(norm) || PLACE_HEADS.has(norm) || PLACE_STARTS.has(norm))
      return false;
  }
  return true;
}

/** The place words of the cues "<place word> of" ("village", "ports"). */
const PLACE_OF = new Set(
  PLACE_CUES.filter((cue) => cue.length === 2 && cue[1] === 'of').map((cue) => cue[0]),
);

/** A cue "<place word> of" right before token i, or before a list of names that ends at i. */
function followsPlaceOf(tokens: readonly Token[], i: number): boolean {
  let k = i;
  for (let step = 0; step < 4 && k >= 0; step++) {
    if (tokens[k - 1]?.norm === 'of' && PLACE_OF.has(tokens[k - 2]?.norm ?? '')) return true;
    // step back over one listed name and its "and" ("Odesa, Chornomorsk and Pivdennyi")
    k--;
    if (k >= 0 && AND.has((tokens[k] as Token).norm)) k--;
    if (k < 0 || !(tokens[k] as Token).cap) return false;
  }
  return false;
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

/**
 * Whether the name [i, j) speaks or has a role: "said Clara Jensen", "Fiona Alder said", "Dilys
 * Evans, who runs a cafe", "the referee, Slavko Vincic", "its regional organiser, Dave Turner,".
 */
function speaks(ctx: Context, i: number, j: number): boolean {
  const { tokens, text } = ctx;
  const first = tokens[i] as Token;
  const last = tokens[j - 1] as Token;
  if (i > 0 && SPEAKS.has((tokens[i - 1] as Token).norm)) return true;
  if (SPEAKS_AFTER.test(text.slice(last.end, last.end + 14))) return true;
  const role = /(\p{Ll}+), $/u.exec(text.slice(Math.max(0, first.start - 30), first.start))?.[1];
  return role !== undefined && TITLES.has(role);
}
