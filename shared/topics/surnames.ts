import { followsGivenName, isGivenNameOrTitle } from '../analysis/given-names.js';
import type { Token } from '../analysis/normalise.js';

/** A word after it makes it the place's adjective, whatever precedes: "(село Станіслав) Херсонського району", "Херсонська міська рада". */
const PLACE_NOUN = new RegExp(
  `^(${[
    ...['район', 'област', 'округ', 'громад', 'губерни', 'направлени', 'напрям'],
    ...['oblast', 'region', 'district', 'direction', 'raion', 'rajon', 'hromad', 'gebiet', 'bezirk'],
    // a street named after the place ("Khersonska Street", "вулиця Херсонська" is after it)
    ...['street', 'avenue', 'square', 'lane', 'strasse', 'straße', 'вулиц', 'улиц', 'проспект'],
    ...['distrit', 'provinc', 'provinz'],
    // an institution named after the place: "Херсонська міська військова адміністрація"
    ...['міськ', 'обласн', 'районн', 'городск', 'военн', 'військов', 'city', 'regional', 'municipal'],
    // and its administration by name or initials: "повідомила Херсонська ОВА"
    ...['адміністрац', 'администрац', 'ова$', 'ода$', 'мва$'],
  ].join('|')})`,
  'u',
);
// Cyrillic in strings, not in regular expression literals: the bundle stays ASCII (see
// shared/analysis/boilerplate.ts).
const CYRILLIC_SURNAME = new RegExp(`^(.*(?:${['ськ', 'ск'].join('|')}))(\\p{L}*)$`, 'u');
const FEMININE_ENDING = new RegExp(`^(?:${['а', 'ая', 'ой', 'ую', 'ою', 'ої', 'ій', 'у'].join('|')})$`, 'u');

/**
 * A surname-shaped word in Latin script: Khersonsky, Khersonskyi, Chersonskyj, Jersonski,
 * Khersonska, Khersonskaya. The press in English, French, German and Spanish writes the place's
 * adjective otherwise (Kherson, Chersoner, jersonés); only a transliterated Ukrainian or Russian
 * name has this ending, with or without a given name before it ("Pfarrer Andrij Chersonskyj"),
 * and so has a Russian surname in -ov, -ova, -ev, -eva, -in, -ina, or the German -ow, -owa ("Ilya
 * Khersonov", "Khersonova", "Bogdan Chersonow").
 */
const LATIN_SURNAME =
  /^[a-z]+(?:sk(?:y|yi|yj|iy|ij|ii|i|a|aya|aja)|ov|ova|ev|eva|ow|owa|ew|ewa|(?<!er)in|(?<!er)ina|enko|iuk|yuk|chuk|ek|yan|io)$/u;
/**
 * The endings of a Ukrainian utility's name built on its place (Khersonoblenergo,
 * Khersonvodokanal, Khersonelektrotrans): an institution, never a surname; the counting rules
 * count the place in it.
 */
const INSTITUTION_ENDING =
  /(?:energo|[vw]odokanal|elektrotrans|electrotrans|teploenergo|teplomerezha|avtodor|oblgaz)$/;
/** The case endings of a Russian or Ukrainian surname (Херсонину, Херсонюка, Херсонцевым). */
const CYRILLIC_CASES = ['а', 'у', 'ым', 'ой', 'ою', 'ої', 'е', 'і', 'ом', 'ові', 'им', 'ых', 'их'];
const alternatives = (words: readonly string[]) => words.join('|');

/**
 * A Cyrillic surname-shaped word (-енко, -юк, -ук, -ов, -ев, -ин, -цев and their feminine and case
 * forms): capitalised in the middle of a sentence it is a person, whatever precedes ("контракта с
 * Херсонцевым"); the place's demonym and adjective are written in lower case there (херсонцев,
 * херсонский), and its cases end otherwise (Херсона, Херсоном); the region's -щина is no surname
 * (Херсонщини).
 */
const CYRILLIC_FAMILY = new RegExp(
  `^(?!.*${'щин'}).+(?:${alternatives(['енко', 'юк', 'ук', 'ов', 'ев', 'ин', 'цев', 'ич'])})(?:${alternatives(['', ...CYRILLIC_CASES, 'ого', 'ому'])})$`,
  'u',
);

/**
 * Endings of a Russian, Ukrainian or Polish surname two letters past the stem ("Khersonov",
 * "Chersonow", "Chersonek", "Херсонин", "Херсонюк"): no place inflection of the six languages ends
 * so (the cases of Херсон end in а, у, ом, е, і).
 */
const FAMILY_ENDINGS = [
  'ov',
  'ev',
  'ow',
  'ew',
  'in',
  'ek',
  'uk',
  'ik',
  'yk',
  'ин',
  'ов',
  'ев',
  'юк',
  'ук',
  'ич',
];
/** Those, and the Georgian -ia and the Latvian -с, as the whole rest of a word past the stem. */
const PATRONYMIC = new RegExp(`^(?:${alternatives([...FAMILY_ENDINGS, 'ia', 'с'])})$`, 'u');
/**
 * A surname of those endings with a case ending after it ("Херсонину", "Херсонюка"): its forms
 * share a key, the surname without the case ending.
 */
const PATRONYMIC_FORM = new RegExp(
  `^(.+(?:${alternatives(FAMILY_ENDINGS)}))(?:${alternatives(['', 'a', 'u', 'em', 'om', ...CYRILLIC_CASES])})$`,
  'u',
);

/**
 * Token indexes of the one-word candidates built on a term's stem with three letters or more past
 * it (Khersoniuk, Khersonova, Khersonenko; not the inflections Khersona, Херсоном): after a given
 * name they are a person's surname too ("Dmytro Khersoniuk", "Olena Khersonova").
 */
export function builtOnStems(
  stems: readonly string[],
  tokens: readonly Token[],
  matches: readonly { readonly first: number; readonly last: number }[],
): number[] {
  const out: number[] = [];
  for (const m of matches) {
    const norm = (tokens[m.first] as Token).norm;
    if (m.last - m.first !== 1) continue;
    const stem = Math.max(...stems.filter((s) => norm.startsWith(s)).map((s) => s.length));
    if (norm.length - stem >= 3 || PATRONYMIC.test(norm.slice(stem))) out.push(m.first);
  }
  return out;
}

/** Russian and Ukrainian verb endings (present, past, infinitive): станет, заняла, виграла, стала, говорить. */
const CYRILLIC_VERB = new RegExp(
  `^\\p{Script=Cyrillic}{2,}(?:${alternatives(['ет', 'ит', 'ут', 'ют', 'ла', 'ли', 'ло', 'лась', 'лся', 'лись', 'ть', 'ться', 'тися'])})$`,
  'u',
);

/**
 * Prepositions (Russian and Ukrainian): the place's adjective is followed by its noun, so a
 * capitalised adjective-shaped word right before one of these is a surname ("начал переговоры с
 * Херсонским о новом контракте"). Not conjunctions: "Херсонской и Запорожской областей".
 */
const CYRILLIC_PREPOSITIONS = new Set([
  'о',
  'об',
  'в',
  'во',
  'на',
  'с',
  'со',
  'за',
  'по',
  'из',
  'к',
  'до',
  'для',
  'про',
  'у',
  'від',
  'з',
  'із',
  'після',
  'после',
  'щодо',
]);

/** A street's noun before the place's adjective: вулиця/улица Херсонская, проспект, провулок, площа. */
const STREET_BEFORE = new RegExp(
  `^(?:${alternatives(['вулиц', 'улиц', 'проспект', 'провул', 'переул', 'площ', 'бульвар'])})`,
  'u',
);

/** The forms of one Cyrillic surname share a key, its stem and gender: Херсонская, Херсонской, Херсонскую. */
function surnameKey(norm: string): string {
  const m = CYRILLIC_SURNAME.exec(norm);
  if (!m) return PATRONYMIC_FORM.exec(norm)?.[1] ?? norm;
  const feminine = FEMININE_ENDING.test(m[2] as string);
  return `${m[1]}|${feminine ? 'f' : 'm'}`;
}

/**
 * Which of the candidate tokens are people's surnames: a capitalised surname-shaped word right
 * after a given name or a title ("Andriy Khersonsky", "Mr Khersonsky", "Павел Херсонский"), the
 * same surname anywhere in the text in any case, before or after ("рассказала Херсонская ...
 * Ирина Херсонская"), and any such word written in Latin script (LATIN_SURNAME); never one
 * before a place noun ("Херсонської області", "Khersonska oblast"). `candidates`: token indexes
 * of surname-shaped words, in text order.
 */
export function surnamesAmong(
  text: string,
  tokens: readonly Token[],
  candidates: readonly number[],
): Set<number> {
  const out = new Set<number>();
  /** Each surname's key, and each form as written, by the index of its first sure occurrence. */
  const keys = new Set<string>();
  const forms = new Map<string, number>();
  const shaped: number[] = [];
  // Mid-sentence: not after a sentence's end or a line break.
  const midSentence = (t: Token) =>
    !/(^|[.!?\n])\s*["'\u00ab\u201e\u201c]?\s*$/u.test(text.slice(Math.max(0, t.start - 4), t.start));
  for (const i of candidates) {
    const token = tokens[i];
    const after = tokens[i + 1];
    // (the noun right after it, not past a comma: "по словам Херсонского, администрация обещала")
    if (
      !token?.cap ||
      (after && PLACE_NOUN.test(after.norm) && /^\s+$/.test(text.slice(token.end, after.start)))
    )
      continue;
    shaped.push(i);
    const prev = tokens[i - 1];
    const afterName =
      prev !== undefined && /^\.?[ \t]+$/.test(text.slice(prev.end, token.start)) && isGivenNameOrTitle(prev);
    // In Latin script, after a capitalised word in the middle of a sentence: a given name the
    // lists do not know ("le pilier géorgien Levan Khersonia", "Hervé Khersonnier a dit"). (In
    // Cyrillic that is often a place before the adjective: "России Херсонской и Запорожской областей".)
    // (Not a utility's name built on the place: "beim Wasserversorger Chersonvodokanal".)
    const afterCapital =
      /^[a-z]/.test(token.norm) &&
      !INSTITUTION_ENDING.test(token.norm) &&
      prev?.cap &&
      text.slice(prev.end, token.start) === ' ' &&
      midSentence(prev);
    const next = tokens[i + 1];
    // (not a street named after the place: "на вулиці Херсонській у Львові")
    const beforePreposition =
      next !== undefined &&
      !STREET_BEFORE.test(prev?.norm ?? '') &&
      CYRILLIC_SURNAME.test(token.norm) &&
      CYRILLIC_PREPOSITIONS.has(next.norm) &&
      text.slice(token.end, next.start) === ' ' &&
      midSentence(token);
    if (
      afterName ||
      afterCapital ||
      beforePreposition ||
      LATIN_SURNAME.test(token.norm) ||
      (midSentence(token) && CYRILLIC_FAMILY.test(token.norm))
    ) {
      out.add(i);
      keys.add(surnameKey(token.norm));
      if (!forms.has(token.norm)) forms.set(token.norm, i);
    }
  }
  for (const i of shaped) {
    const token = tokens[i] as Token;
    // The same form after a sure one ("Херсонський уехал"); another case of it anywhere, unless a
    // lower-case word follows, as after the adjective ("Херсонської міської адміністрації").
    const next = tokens[i + 1];
    const phrase = next !== undefined && !next.cap && /^[ \t]+$/.test(text.slice(token.end, next.start));
    // Only an adjective-shaped word (-ськ, -ск) can be the place's adjective before a noun;
    // "предложила Херсонину место" is the surname.
    // A verb after it is no noun the adjective could qualify: "для Херсонской станет финал".
    const adjective = phrase && CYRILLIC_SURNAME.test(token.norm) && !CYRILLIC_VERB.test(next?.norm ?? '');
    if ((forms.get(token.norm) ?? i) < i || (keys.has(surnameKey(token.norm)) && !adjective)) out.add(i);
  }
  return out;
}

/**
 * The one-word candidates right after a given name: a person's surname, even one spelled exactly
 * like the place ("Finance director Daniel Kherson"). Not that word again: the same spelling
 * elsewhere in the text is as likely the place.
 */
export function namedAfterGivenName(
  text: string,
  tokens: readonly Token[],
  matches: readonly { readonly first: number; readonly last: number }[],
): Set<number> {
  const out = new Set<number>();
  for (const m of matches) {
    // ("село Станіслав Херсонського району": a village named like a person, before a place noun)
    if (m.last - m.first !== 1 || PLACE_NOUN.test(tokens[m.last]?.norm ?? '')) continue;
    if (followsGivenName(text, tokens, m.first)) out.add(m.first);
  }
  return out;
}

/**
 * The one-word candidates spelled exactly as one of `names` ("Jerson", the Spanish place Jersón
 * without its accent) that are a person: followed by a capitalised word ("Jerson Moura"), or after
 * such a one in the text ("Jerson, que suma siete goles").
 */
export function givenNameTokens(
  text: string,
  tokens: readonly Token[],
  matches: readonly { readonly first: number; readonly last: number }[],
  /** Undefined in a topic set stored before the field existed (stored sets are read as written). */
  names: readonly string[] | undefined,
): Set<number> {
  const out = new Set<number>();
  if (!names?.length) return out;
  let named = false;
  for (const m of matches) {
    const token = tokens[m.first] as Token;
    if (m.last - m.first !== 1 || !names.includes(text.slice(token.start, token.end))) continue;
    const next = tokens[m.first + 1];
    if (next?.cap && text.slice(token.end, next.start) === ' ') named = true;
    if (named) out.add(m.first);
  }
  return out;
}
