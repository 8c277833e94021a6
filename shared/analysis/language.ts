import type { Token } from './normalise.js';

/** Frequent function words per language; the language whose words cover most tokens wins. */
const STOPWORDS: Record<string, readonly string[]> = {
  en: [
    'the',
    'and',
    'of',
    'to',
    'in',
    'is',
    'was',
    'that',
    'with',
    'for',
    'on',
    'said',
    'by',
    'from',
    'has',
    'had',
    'it',
    'its',
  ],
  fr: [
    'le',
    'la',
    'les',
    'des',
    'et',
    'est',
    'une',
    'dans',
    'du',
    'pour',
    'que',
    'qui',
    'sur',
    'pas',
    'au',
    'avec',
    'a',
  ],
  de: [
    'der',
    'die',
    'das',
    'und',
    'ist',
    'nicht',
    'mit',
    'den',
    'dem',
    'von',
    'zu',
    'ein',
    'eine',
    'auf',
    'sich',
    'im',
    'wurde',
  ],
  es: [
    'el',
    'los',
    'las',
    'del',
    'y',
    'que',
    'en',
    'por',
    'con',
    'para',
    'una',
    'se',
    'es',
    'al',
    'como',
    'lo',
    'su',
  ],
  ru: [
    'и',
    'в',
    'не',
    'на',
    'что',
    'с',
    'по',
    'это',
    'как',
    'из',
    'он',
    'его',
    'для',
    'был',
    'также',
    'от',
    'года',
  ],
  uk: [
    'і',
    'й',
    'та',
    'в',
    'у',
    'на',
    'що',
    'не',
    'з',
    'до',
    'як',
    'це',
    'від',
    'за',
    'також',
    'його',
    'року',
  ],
};
const INDEX = new Map<string, string[]>();
for (const [lang, words] of Object.entries(STOPWORDS)) {
  for (const w of words) INDEX.set(w, [...(INDEX.get(w) ?? []), lang]);
}

/**
 * Letters only Ukrainian uses, only Russian uses, and any of them (most words have none: one
 * test). In strings, not regular expression literals: the bundle stays ASCII (see boilerplate.ts).
 */
const UK_ONLY = 'іїєґ';
const RU_ONLY = 'ыэъё';
const UK_LETTER = new RegExp(`[${UK_ONLY}]`);
const RU_LETTER = new RegExp(`[${RU_ONLY}]`);
const MARKED = new RegExp(`[${UK_ONLY}${RU_ONLY}]`);

/** ISO 639-1 code of the text's language among en, fr, de, es, ru, uk; `und` when unsure. */
export function detectLanguage(tokens: readonly Token[]): string {
  const score = new Map<string, number>();
  const n = Math.min(tokens.length, 600);
  for (let k = 0; k < n; k++) {
    const norm = (tokens[k] as Token).norm;
    const langs = INDEX.get(norm);
    if (langs) for (const lang of langs) score.set(lang, (score.get(lang) ?? 0) + 1);
    if (!MARKED.test(norm)) continue;
    if (UK_LETTER.test(norm)) score.set('uk', (score.get('uk') ?? 0) + 0.5);
    if (RU_LETTER.test(norm)) score.set('ru', (score.get('ru') ?? 0) + 0.5);
  }
  let best = 'und';
  let bestScore = 2;
  for (const [lang, s] of score) {
    if (s > bestScore) {
      best = lang;
      bestScore = s;
    }
  }
  return best;
}
