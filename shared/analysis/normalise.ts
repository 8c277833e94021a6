/**
 * Text normalisation shared by every matcher. Output text keeps its diacritics (names are shown
 * as written); `foldForMatch` folds case and diacritics for comparison only.
 */

const QUOTES: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201A': "'",
  '\u201B': "'",
  '\u2032': "'",
  '\u02BC': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u201E': '"',
  '\u201F': '"',
  '\u00AB': '"',
  '\u00BB': '"',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2015': '-',
  '\u2212': '-',
  '\u00A0': ' ',
  '\u202F': ' ',
  '\u2009': ' ',
};
const QUOTE_RE = new RegExp(`[${Object.keys(QUOTES).join('')}]`, 'gu');

/** NFC, straight quotes and dashes, unified line ends, no zero-width characters. */
export function normaliseText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u200B-\u200D\uFEFF]/g, '')
    .replace(QUOTE_RE, (ch) => QUOTES[ch] ?? ch);
}

/**
 * `normaliseText` with where each character came from: `text` is exactly what normaliseText
 * gives, and `start[i]` / `end[i]` are the offsets in the input of the character (a base letter
 * with its combining marks) that text[i] comes from. Slower than normaliseText: for showing
 * matches in the text a user sent, not for analysis.
 */
export function normaliseMapped(input: string): { text: string; start: Int32Array; end: Int32Array } {
  let text = '';
  const start: number[] = [];
  const end: number[] = [];
  for (const m of input.matchAll(/[\s\S]\p{M}*/gu)) {
    const at = m.index;
    let piece = m[0];
    if (piece === '\r') piece = input[at + 1] === '\n' ? '' : '\n';
    else if (/^[\u200B-\u200D\uFEFF]$/.test(piece)) piece = '';
    else piece = piece.normalize('NFC').replace(QUOTE_RE, (ch) => QUOTES[ch] ?? ch);
    for (let k = 0; k < piece.length; k++) {
      start.push(at);
      end.push(at + m[0].length);
    }
    text += piece;
  }
  return { text, start: Int32Array.from(start), end: Int32Array.from(end) };
}

/**
 * Case- and diacritic-insensitive form of one word. Cyrillic й/ї keep their identity (they are
 * letters, not accented letters), Latin diacritics are dropped: Jersón = jerson, Oleksiï = oleksii.
 */
export function foldForMatch(word: string): string {
  if (PLAIN.test(word)) return word.toLowerCase();
  const known = folded.get(word);
  if (known !== undefined) return known;
  if (folded.size > 100_000) folded.clear();
  const out = foldSlow(word);
  folded.set(word, out);
  return out;
}

/** Words with nothing to fold but case (ASCII, or Cyrillic without й/ї/ё) skip Unicode decomposition. */
const PLAIN = new RegExp(
  `^[\\u0000-\\u007F${Array.from({ length: 0x60 }, (_, k) => String.fromCharCode(0x400 + k))
    .filter((c) => c.normalize('NFD') === c)
    .join('')}]*$`,
);
/** Folded forms of words seen before (bounded: cleared past 100,000 words). */
const folded = new Map<string, string>();

function foldSlow(word: string): string {
  return word
    .normalize('NFKD')
    .replace(/\p{M}/gu, (mark, offset: number, text: string) =>
      KEPT_MARKS.has(`${text[offset - 1]}${mark}`) ? mark : '',
    )
    .normalize('NFC')
    .toLowerCase();
}

/** Cyrillic letters that decompose but are letters of their own: й (и + breve), ї (і + diaeresis). */
const KEPT_MARKS = new Set(['\u0438\u0306', '\u0418\u0306', '\u0456\u0308', '\u0406\u0308']);

export type Token = {
  /** Folded form, for matching. */
  readonly norm: string;
  /** The word as written starts with an upper-case letter (for `{Name}` pattern words). */
  readonly cap: boolean;
  /** Offsets into the text the tokens were taken from. */
  readonly start: number;
  readonly end: number;
};

const WORD_RE = /[\p{L}\p{N}\p{M}]+/gu;

/** Word tokens (runs of letters, digits and combining marks) with their offsets. */
export function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(WORD_RE)) {
    const word = m[0];
    const first = word[0] as string;
    tokens.push({
      norm: foldForMatch(word),
      cap: first !== first.toLowerCase(),
      start: m.index,
      end: m.index + word.length,
    });
  }
  return tokens;
}

export type Sentence = { readonly start: number; readonly end: number };
/**
 * The tokens of a sentence with offsets into it: tokenise(text.slice(s.start, s.end)), without
 * reading the text again (no word crosses a sentence's bounds).
 */
export function tokensIn(tokens: readonly Token[], s: Sentence): Token[] {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((tokens[mid] as Token).start < s.start) lo = mid + 1;
    else hi = mid;
  }
  const out: Token[] = [];
  for (let i = lo; i < tokens.length && (tokens[i] as Token).end <= s.end; i++) {
    const t = tokens[i] as Token;
    out.push({ norm: t.norm, cap: t.cap, start: t.start - s.start, end: t.end - s.start });
  }
  return out;
}

/**
 * Sentence spans: a line break always ends a sentence; inside a line, `.`, `!`, `?` or `…`
 * followed by space and an upper-case letter, a digit or a quote does.
 */
export function splitSentences(text: string): Sentence[] {
  const spans: Sentence[] = [];
  const boundary = /[.!?\u2026]+["')\]]*\s+(?=["'([]?[\p{Lu}\p{N}])|\n+/gu;
  let start = 0;
  for (const m of text.matchAll(boundary)) {
    const end = m.index + m[0].length;
    if (text.slice(start, end).trim()) spans.push({ start, end });
    start = end;
  }
  if (text.slice(start).trim()) spans.push({ start, end: text.length });
  return spans;
}
