import cueData from '../analysis/data/name-cues.json' with { type: 'json' };
import { foldForMatch, type Token } from '../analysis/normalise.js';

const TITLES = new Set(cueData.titles.map(foldForMatch));
const LATIN_NAMES = new Set(cueData.firstNames.map(foldForMatch));
/** Cyrillic given names by stem, so that inflected forms match too (Андрій, Андрієм; Ірина, Ірині). */
const CYRILLIC_STEMS = cueData.firstNamesCyrillic
  .map((n) => foldForMatch(n).replace(/[аяйьоеію]$/u, ''))
  .filter((stem) => stem.length >= 3);

/** A given name written with a capital (Andriy, Ірина, Павлом), or a title (Mr, Dr, mayor). */
export function isGivenNameOrTitle(token: Token): boolean {
  if (TITLES.has(token.norm)) return true;
  if (!token.cap) return false;
  if (LATIN_NAMES.has(token.norm)) return true;
  return CYRILLIC_STEMS.some((stem) => token.norm.startsWith(stem) && token.norm.length - stem.length <= 3);
}

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
    if (!token?.cap) continue;
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
