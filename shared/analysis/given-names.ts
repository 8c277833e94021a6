import cueData from './data/name-cues.json' with { type: 'json' };
import { foldForMatch, type Token } from './normalise.js';

const TITLES = new Set(cueData.titles.map(foldForMatch));
const LATIN_NAMES = new Set(cueData.firstNames.map(foldForMatch));
/** A final vowel (in a string, not a regular expression literal: the bundle stays ASCII, see boilerplate.ts). */
const VOWEL_END = new RegExp(`[${'аяйьоеію'}]$`, 'u');
/** Cyrillic given names by stem, so that inflected forms match too (Андрій, Андрієм; Ірина, Ірині). */
const CYRILLIC_STEMS = cueData.firstNamesCyrillic
  .map((n) => foldForMatch(n).replace(VOWEL_END, ''))
  .filter((stem) => stem.length >= 3);

/** A given name written with a capital (Andriy, Ірина, Павлом), or a title (Mr, Dr, mayor). */
export function isGivenNameOrTitle(token: Token): boolean {
  return TITLES.has(token.norm) || isGivenName(token);
}

/** A given name written with a capital: Andriy, Marco, Ірина, Павлом. */
export function isGivenName(token: Token): boolean {
  if (!token.cap) return false;
  if (LATIN_NAMES.has(token.norm)) return true;
  return CYRILLIC_STEMS.some((stem) => token.norm.startsWith(stem) && token.norm.length - stem.length <= 3);
}

/** Whether token `i` comes right after a given name, one space between ("Daniel Kherson"). */
export function followsGivenName(text: string, tokens: readonly Token[], i: number): boolean {
  const prev = tokens[i - 1];
  return prev !== undefined && text.slice(prev.end, tokens[i]?.start) === ' ' && isGivenName(prev);
}
