import { isGivenNameOrTitle } from '../analysis/given-names.js';
import type { Token } from '../analysis/normalise.js';

/** A word after it makes it the place's adjective, whatever precedes: "(село Станіслав) Херсонського району". */
const PLACE_NOUN = /^(район|област|округ|oblast|region|district|direction|направлени|напрям|громад|губерни)/u;

/**
 * Which of the candidate tokens are people's surnames: a capitalised surname-shaped word right
 * after a given name or a title ("Andriy Khersonsky", "Mr Khersonsky", "Павел Херсонский"), and
 * the same word again later in the text ("Khersonsky said"). `candidates`: token indexes of
 * surname-shaped words, in text order.
 */
export function surnamesAmong(
  text: string,
  tokens: readonly Token[],
  candidates: readonly number[],
): Set<number> {
  const out = new Set<number>();
  const known = new Set<string>();
  for (const i of candidates) {
    const token = tokens[i];
    if (!token?.cap || PLACE_NOUN.test(tokens[i + 1]?.norm ?? '')) continue;
    const prev = tokens[i - 1];
    const afterName =
      prev !== undefined && /^\.?[ \t]+$/.test(text.slice(prev.end, token.start)) && isGivenNameOrTitle(prev);
    if (afterName || known.has(token.norm)) {
      out.add(i);
      known.add(token.norm);
    }
  }
  return out;
}
