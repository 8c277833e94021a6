import { DEMONYMS, ORG_HEADS } from './entity-data.js';
import type { Context } from './entity-rules.js';
import { foldForMatch, type Token } from './normalise.js';

/** Country adjectives as written, by their folded form: ukrainian → Ukrainian. */
const ADJECTIVES = new Map(Object.values(DEMONYMS).map((a) => [foldForMatch(a), a]));
const HEADS = new Set(['ministry', 'government', 'federation']);
/** A country's adjective as written ("Russian"), from its folded form, or undefined. */
export const countryAdjective = (norm: string): string | undefined => ADJECTIVES.get(norm);
const title = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

/** The areas of Ukraine's ministries as their official English names word them. */
const UKRAINIAN_AREAS: Readonly<Record<string, string>> = {
  foreign: 'Foreign Affairs',
  interior: 'Internal Affairs',
  defense: 'Defence',
  education: 'Education and Science',
  agriculture: 'Agrarian Policy and Food',
  agrarian: 'Agrarian Policy and Food',
  digital: 'Digital Transformation',
  veterans: 'Veterans Affairs',
};

/**
 * A Ukrainian ministry by its official English name ("Ministry of Infrastructure of Ukraine", as the
 * government and the press write it in full; the gazetteer's other bodies are named so too:
 * Office of the President of Ukraine, Security Service of Ukraine): "Ukrainian Infrastructure
 * Ministry", "Ukrainian Foreign Ministry" → Ministry of Infrastructure / Foreign Affairs of Ukraine.
 * Any other name is returned as it is.
 */
export function officialName(name: string): string {
  // The press's "the General Staff" is Ukraine's (another country's is named: "Russia's General Staff")
  if (name === 'General Staff') return 'General Staff of the Armed Forces of Ukraine';
  const m = /^Ukrainian ((?:\p{L}+ ){1,2})Ministry$/u.exec(name);
  if (!m) return name;
  const area = (m[1] as string).trim();
  return `Ministry of ${UKRAINIAN_AREAS[area.toLowerCase()] ?? area} of Ukraine`;
}

/** The country whose possessive ends right before token i ("Ukraine's |Ministry of Economy"). */
export function possessivePlace(ctx: Context, i: number): string | undefined {
  const s = ctx.tokens[i - 1];
  if (s?.norm !== 's' || ctx.text[s.start - 1] !== "'") return undefined;
  const first = ctx.placeEnds.get(i - 2);
  return first === undefined ? undefined : ctx.placeStarts.get(first)?.name;
}

/**
 * A country's ministries, federations and government written in lower case: "Ukraine's interior
 * ministry", "the Ukrainian infrastructure ministry", "Ukraine's athletics federation" → Ukrainian
 * Interior Ministry, Ukrainian Infrastructure Ministry (named officially when added: `officialName`), Ukrainian Athletics Federation; "the
 * Ukrainian government" → Ukrainian Government. Calls `add` with each name and
 * marks its words (not the country) as covered.
 */
export function countryBodies(ctx: Context, add: (name: string) => void): void {
  const { tokens, covered } = ctx;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    let adjective: string | undefined;
    let k = i + 1;
    // "the Ukrainian government", not "no Ukrainian government could accept"
    if (t.cap && ADJECTIVES.has(t.norm) && !covered[i] && tokens[i - 1]?.norm === 'the')
      adjective = ADJECTIVES.get(t.norm);
    // "the UK government", "the US government": a country's initials as written
    else if (
      ctx.placeStarts.get(i)?.last === i + 1 &&
      /^\p{Lu}{2,3}$/u.test(ctx.word(i)) &&
      tokens[i - 1]?.norm === 'the'
    )
      adjective = ctx.word(i);
    else if (t.norm === 's') {
      const country = possessivePlace(ctx, i + 1);
      adjective = country === undefined ? undefined : DEMONYMS[country];
    }
    if (!adjective) continue;
    const words: string[] = [];
    while (k < tokens.length && !covered[k] && words.length < 3) {
      const norm = (tokens[k] as Token).norm;
      if (HEADS.has(norm)) {
        if (norm === 'government' ? words.length === 0 : words.length > 0) {
          add([adjective, ...words, title(norm)].join(' '));
          covered.fill(1, i + 1, k + 1);
        }
        break;
      }
      if (!/^\p{L}+$/u.test(ctx.word(k)) || words.length === 2) break;
      words.push(title(ctx.word(k)));
      k++;
    }
  }
}

const LEVEL: Readonly<Record<string, string>> = { regional: 'Regional', oblast: 'Regional', city: 'City' };

/**
 * A region's or a city's military administration or council written in lower case: "the
 * Zaporizhzhia regional military administration", "the Kherson regional administration" →
 * Zaporizhzhia / Kherson Regional Military Administration; "the Kherson city military
 * administration" → Kherson City Military Administration; "the Kherson regional council" →
 * Kherson Regional Council; "the Kherson regional state administration" (its name before 2022) →
 * Kherson Regional State Administration. Without a place ("head of the regional military administration"), the
 * story's region (`storyRegion`). `isRegion` says whether a place name has an oblast. Calls `add`
 * with each name and `dropPlace` with a place it takes into the name.
 */
export function regionalAdministrations(
  ctx: Context,
  isRegion: (name: string) => boolean,
  storyRegion: () => string | undefined,
  add: (name: string) => void,
  dropPlace: (name: string) => void,
): void {
  const { tokens, covered } = ctx;
  for (let i = 2; i < tokens.length; i++) {
    const head = (tokens[i] as Token).norm;
    if ((head !== 'administration' && head !== 'council') || covered[i]) continue;
    let k = i - 1;
    const military = head === 'administration' && ['military', 'state'].includes((tokens[k] as Token).norm);
    // the state administration by its own name (the military one replaced it in 2022)
    const kind = military && (tokens[k] as Token).norm === 'state' ? 'State' : 'Military';
    if (military) k--;
    const level = LEVEL[(tokens[k] as Token).norm];
    // "Kherson city" may be the gazetteer's name of the place: the place ends at "city" then
    const cityOfPlace = level === 'City' && ctx.placeEnds.has(k);
    if (k < 1 || (covered[k] && !cityOfPlace) || !level) continue;
    // a city's civil administration is not named so; a council is never military
    if (level === 'City' && head === 'administration' && !military) continue;
    const first = ctx.placeEnds.get(cityOfPlace ? k : k - 1);
    const named = first === undefined ? undefined : ctx.placeStarts.get(first)?.name;
    const base = (named ?? (tokens[k - 1]?.norm === 'the' ? storyRegion() : undefined))?.replace(
      / Oblast$/,
      '',
    );
    if (!base || !isRegion(base)) continue;
    add(head === 'council' ? `${base} ${level} Council` : `${base} ${level} ${kind} Administration`);
    if (named) dropPlace(named);
    covered.fill(1, k, i + 1);
  }
}

/** Heads of bodies named with the country they serve: "Mission in Ukraine", "Delegation to Ukraine". */
const SEATED = new Set(['mission', 'delegation', 'embassy']);

/**
 * The end of an organisation's name [_, j) with its seat: "UN Human Rights Monitoring Mission in
 * Ukraine", "EU Delegation to Ukraine" (a known place after "in" or "to").
 */
export function withSeat(ctx: Context, j: number): number {
  const { tokens } = ctx;
  if (!SEATED.has(tokens[j - 1]?.norm ?? '') || !['in', 'to'].includes(tokens[j]?.norm ?? '')) return j;
  const place = ctx.placeStarts.get(j + 1);
  return place &&
    ctx.text.slice((tokens[j - 1] as Token).end, (tokens[j + 1] as Token).start).trim().length <= 2
    ? place.last
    : j;
}

/** A capitalised word right after token `last - 1`, after one space ("UN Human …"). */
export function capitalAfter(text: string, tokens: readonly Token[], last: number): boolean {
  const next = tokens[last];
  return next !== undefined && next.cap && text.slice(tokens[last - 1]?.end, next.start) === ' ';
}

/**
 * Whether the capitalised words from token `last` (after one space, at most four) end in a body's
 * head word: "United Nations | Development Programme", "Kyiv City | Council".
 */
export function opensBody(text: string, tokens: readonly Token[], last: number): boolean {
  for (let k = last; k < last + 5; k++) {
    // "United Nations Children's Fund": a possessive inside the name
    const possessive = tokens[k]?.norm === 's' && text.slice(tokens[k - 1]?.end, tokens[k]?.start) === "'";
    if (!possessive && !capitalAfter(text, tokens, k)) return false;
    if (ORG_HEADS.has((tokens[k] as Token).norm)) return true;
  }
  return false;
}
