import cueData from './data/boilerplate.json' with { type: 'json' };
import type { BoilerplateCues } from './data-schemas.js';
import { isGivenNameOrTitle } from './given-names.js';
import { tokenise } from './normalise.js';

/**
 * Lines of scraped news that are not the article: "Read also" links, bylines, editor and photo
 * credits, photo captions, newsletter prompts, and the dateline that opens a wire story
 * ("KYIV, Nov 11 (Reuters) -"). They are removed before counting (the gold's counting rules).
 * The cue phrases, in six languages, are data: data/boilerplate.json.
 */
// Validated by the unit tests (data-schemas.ts), not at cold start.
const cues: BoilerplateCues = cueData;

const escapeCue = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
const alt = (list: readonly string[]) =>
  [...list]
    .sort((a, b) => b.length - a.length)
    .map(escapeCue)
    .join('|');
/** Not followed by a letter: a word boundary that works for Cyrillic too (JS `\b` is ASCII-only). */
const END = '(?![\\p{L}\\p{N}])';
const BULLET = '^\\s*[•·*>\\-–—▶►]*\\s*';
/** A bullet, or the bracket a wire's credit line opens with: "(Reporting by …; Editing by …)". */
const BULLET_OR_BRACKET = '^\\s*[•·*>\\-–—▶►([]*\\s*';
const NAME = "\\p{Lu}[\\p{L}\\p{M}'.-]*";
/** " in Kherson", " a Jersón", " aus Kiew", " in Kherson region": where a byline's author writes from. */
const AT_PLACE = `(in|en|à|a|aus|из|з|from|desde|depuis)\\s+${NAME}([\\s-]${NAME})*(\\s+(region|oblast|province|district|area))?(,\\s*${NAME}\\s+(region|oblast|province))?`;
const BYLINE_PLACE = `(,\\s*|\\s+)${AT_PLACE}`;
/**
 * One author of a byline, with a place or a role and a place ("enviada especial a Jersón",
 * "Southern Europe editor, in Odesa and Kherson": a role may open with up to three capitalised words).
 */
const BYLINE_ENTRY = `${NAME}(\\s+(${NAME}|de|van|von|der|la|del))*(\\s*\\([^)\\n]{2,30}\\))?(${BYLINE_PLACE}|,\\s*(${NAME}\\s+){0,3}[\\p{Ll}\\p{M} ]{3,40}?(${BYLINE_PLACE}|(?=\\s*$)))?`;

/** A byline's start: "By", "Par", "Von"... after any bullet. */
const BYLINE_CUE = `${BULLET}(${alt(cues.lineStart.byline.flatMap((c) => [c, c[0]?.toUpperCase() + c.slice(1)]))})`;
/**
 * What every byline starts with, tested before the byline pattern: the pattern (names, places,
 * roles, joins) takes ~15 ms to compile and ~10 ms to build, which a container whose texts have no
 * byline never pays.
 */
const BYLINE_START = new RegExp(`${BYLINE_CUE}:?\\s`, 'u');

// Non-ASCII letters in strings, not in regular expression literals: esbuild writes a string's as
// \u escapes, a literal's as they are, and one such character makes Node decode the whole Lambda
// bundle as UTF-8 and V8 hold it as a two-byte string (~10 ms of a cold start).
const PHOTO_RU_UK = 'фото';
const COPYRIGHT = '©';
const CAPTION_CREDITS = ['photo', 'foto', PHOTO_RU_UK, 'credit', 'crédit', 'bild', 'imagen'];

/** The patterns of a boilerplate line; one (the byline's) built on first use. */
const BOILERPLATE_LINE: (RegExp | (() => RegExp))[] = [
  // "Read also: ...", "Lire aussi", "Читайте також" (with or without a colon)
  new RegExp(`${BULLET}(${alt(cues.lineStart.related)})${END}\\s*[:.\\-|»>]?`, 'iu'),
  // "Photo: ...", "Foto (dpa)", "Reporting by ...", "Редактор: Илья Громов", "Edición: Javier Soto"
  new RegExp(`${BULLET_OR_BRACKET}(${alt(cues.lineStart.credit)})${END}\\s*([:(©|/]|\\s-\\s|$)`, 'iu'),
  new RegExp(`${BULLET_OR_BRACKET}(${alt(cues.lineStart.creditBy)})${END}`, 'iu'),
  // Bylines: "By Jane Doe", "Par Claire Morel, Exemple Info", "Von Jonas Albrecht" (names only),
  // each name with its place: "By Anna Reyes in Kherson and Tom Aldridge in Kyiv", or one name
  // with two places: "Par Julie Morin, à Kherson et à Mykolaïv",
  // "Por Marta Ruiz, enviada especial a Jersón", a place after a bar or a dot ("Por Lucía Ferrán |
  // Jersón (Ucrania)", "By Anna Smith · Kherson, Ukraine"). Built when a line first starts like a byline:
  // its ~20 Unicode classes cost ~10 ms to parse (and more to compile), which a container whose
  // texts have no byline never pays.
  () =>
    new RegExp(
      `${BYLINE_CUE}:?\\s+${BYLINE_ENTRY}((\\s*,)?\\s*(and|et|und|y|и|і|та|/)\\s+(${BYLINE_ENTRY}|${AT_PLACE})|\\s*[,|/\u00b7\u2022]\\s*${BYLINE_ENTRY})*\\s*[.]?\\s*$`,
      'u',
    ),
  // A wire credit alone on a line
  new RegExp(`^\\s*(getty images|${alt(cues.wires)})(\\s*/\\s*[\\p{L} ]+)?\\s*$`, 'iu'),
  // A caption's credit at the end of a line: "... (Photo: Reuters)", "... © Example", "... Photo: X"
  new RegExp(`\\((${CAPTION_CREDITS.join('|')})s?\\b[^)]*\\)\\s*$`, 'iu'),
  // (short lines only, see SHORT_LINE) "De notre envoyé spécial à Kherson, Julien Marchetti"
  new RegExp(`${BULLET}(${alt(cues.lineStart.correspondent)})${END}`, 'iu'),
  // (short lines only, see SHORT_LINE)
  new RegExp(`(${COPYRIGHT}|\\bphoto\\s*:|\\bfoto\\s*:|${PHOTO_RU_UK}\\s*:)`, 'iu'),
  // Newsletter and subscription prompts: a short line holding a prompt cue
  new RegExp(`(${alt(cues.prompt)})`, 'iu'),
  // A link prompt: a short line that ends with a web address ("Spendenkonto und alle Infos zur
  // Hilfsaktion unter allgaeuer-tagespost.example/cherson"), not a sentence (no full stop after it)
  /(https?:\/\/|www\.|[a-z0-9-]+\.(com|org|net|info|example|de|fr|es|ua|ru|eu)\/)\S*(?<![.!?])\s*$/iu,
  // (short lines only) A call to action: "Follow Coastline Press on Telegram for live updates",
  // "Laden Sie unsere App herunter", "Стежте за новинами в нашому Instagram": an imperative cue
  // opening the line, then one of its markers (our, app, a platform, journalism) anywhere in it.
  new RegExp(
    `${BULLET}(${alt(cues.callToAction.verbs)})\\s(?=.*(?<![\\p{L}\\p{N}])(${alt(cues.callToAction.markers)})${END})`,
    'iu',
  ),
  // (short lines only) "This story was supported by the … Fund", "Ce reportage a bénéficié du soutien…"
  new RegExp(`${BULLET}(${alt(cues.supportCredit)})${END}`, 'iu'),
  // (short lines only) A reporter's funded post: "Priya Raman's post is funded by the … Fund"
  /\b(post|role|position|job|reporting)\s+(is|was)\s+(funded|supported|paid\s+for)\s+by\b/iu,
];

/**
 * A wire dateline at the start of a paragraph: a place in capitals, optional ", Ukraine",
 * ", Nov 11", an optional "(Reuters)", then a dash: "KYIV, Nov 11 (Reuters) -",
 * "WASHINGTON, Dec 21 -", or a place in any case followed by a wire in brackets: "Kiew (dpa) -".
 */
const DATELINE = new RegExp(
  [
    `^\\s*\\p{Lu}[\\p{Lu}\\p{M}'. -]{1,30}(,\\s*[\\p{L}\\p{N}.' ]{2,30}){0,2}(\\s*\\([^)\\n]{2,25}\\))?\\s+-\\s+`,
    `^\\s*${NAME}( ${NAME})?(,\\s*[\\p{L}\\p{N}.' ]{2,30}){0,2}\\s*\\((${alt(cues.wires)})\\)\\s*-\\s+`,
  ].join('|'),
  'u',
);

/**
 * Before the first paragraph, a dateline alone on its line or a place and a dash opening the
 * first paragraph, in any case: "KHERSON, Ukraine, Oct 19 (Northline Wire)", "Kiew/Cherson (ber)",
 * "Херсон, 18 квітня - Південь.Інфо", "Херсон - Російські війська…", "Херсон - 11 листопада херсонці…"
 * (a day and a month after the dash), "KHERSON, June 1 -". A bare name is not one: the
 * line needs a bracket, a dash, a date or capitals.
 */
const OPENING_DATELINE_LINE = new RegExp(
  `^\\s*${NAME}([/ -]${NAME}){0,2}(\\s*\\([^)\\n]{1,30}\\))?(,\\s*[\\p{L}\\p{N}.' ]{2,30}){0,3}\\s*(\\([^)\\n]{1,30}\\))?(\\s+-(\\s+[\\p{L}\\p{N}.']+( [\\p{L}\\p{N}.']+){0,2})?)?(?<![.!?])\\s*$`,
  'u',
);
/** "ХЕРСОН, 17 ноября. Российский удар…": a place in capitals, a day and a month, a full stop. */
const OPENING_DATELINE_STOP =
  /^\s*\p{Lu}[\p{Lu}\p{M}'-]{2,30}(\s\p{Lu}[\p{Lu}\p{M}'-]+)?,\s*\d{1,2}\s+\p{Ll}{3,12}\.\s+(?=\p{Lu})/u;
/** A region's noun after its name in a dateline: "Херсонская область, 5 февраля -". */
const REGION_NOUN = `(${['область', 'обл\\.', 'oblast', 'region', 'région', 'región', 'край', 'район'].join('|')})`;
const OPENING_DATELINE = new RegExp(
  `^\\s*${NAME}([ /]${NAME}|\\s${REGION_NOUN})?(\\s*\\([^)\\n]{2,25}\\))?(,\\s*[\\p{L}\\p{N}.' ]{2,30}){0,2}(\\s*\\([^)\\n]{2,30}\\))?(\\s+-\\s+|\\.-\\s*)(?=\\p{Lu}|\\d{1,2}\\s+\\p{Ll}{3,})`,
  'u',
);

/**
 * An author line before the first paragraph: "Олександр Гнатюк, Херсонська область", "Anna Keller,
 * Kiew, und Jonas Weber, Odessa", "Богдана Крамаренко, Посад-Покровське — Херсон" (two places).
 */
const AUTHOR_PLACE = `${NAME}(\\s+[\\p{L}-]+)?(\\s*[-\u2013\u2014/]\\s*${NAME}(\\s+[\\p{L}-]+)?)?`;
const AUTHOR = `${NAME}\\s+${NAME},\\s*${AUTHOR_PLACE}`;
// (a role in lower case may come between: "Олег Марченко, журналіст, Херсон")
const AUTHOR_AND_PLACE = new RegExp(
  `^\\s*(${NAME})\\s+${NAME}(,\\s*\\p{Ll}[\\p{L}\\p{M}' -]{1,40})?,\\s*${AUTHOR_PLACE}(,?\\s+(and|und|et|y|и|і|та)\\s+${AUTHOR})*\\s*$`,
  'u',
);

function isOpeningDatelineLine(line: string): boolean {
  if (line.length > MAX_BYLINE) return false;
  // (the pattern has a comma: a line without one is not read with it, nor compiles it)
  const author = line.includes(',') ? AUTHOR_AND_PLACE.exec(line) : null;
  const first = author?.[1] ? tokenise(author[1])[0] : undefined;
  if (first && isGivenNameOrTitle(first)) return true;
  if (line.length > 90 || !OPENING_DATELINE_LINE.test(line)) return false;
  const word = /^\s*(\S+)/u.exec(line)?.[1] ?? '';
  return /[()]|\s-\s|\d/u.test(line) || (word.length > 2 && word === word.toUpperCase());
}

/**
 * The last seven patterns (a correspondent's byline, a caption credit, a prompt, a link, a call to
 * action, a support credit, a funded post) only judge short lines.
 */
const SHORT_LINE_ONLY = 7;
const SHORT_LINE = [120, 300, 200, 200, 200, 250, 200];

/** Index of the byline pattern in BOILERPLATE_LINE, and the longest line it judges. */
const BYLINE_PATTERN = 3;
const MAX_BYLINE = 250;

/**
 * A section path: two to four parts of at most six words, without sentence punctuation, joined by
 * "|", "·" or "›": "Official statement | Kherson Regional Military Administration", "News · Region".
 */
const SEGMENT = String.raw`[^\s.!?|\u00b7\u203a]+(?: [^\s.!?|\u00b7\u203a]+){0,5}`;
const SECTION_PATH = new RegExp(String.raw`^\s*${SEGMENT}(?:\s[|\u00b7\u203a]\s${SEGMENT}){1,3}\s*$`, 'u');

export function isBoilerplateLine(line: string): boolean {
  if (line.length <= 150 && /[|\u00b7\u203a]/u.test(line) && SECTION_PATH.test(line)) return true;
  const n = BOILERPLATE_LINE.length;
  for (let k = 0; k < n; k++) {
    const shortIndex = k - (n - SHORT_LINE_ONLY);
    if (shortIndex >= 0 && line.length > (SHORT_LINE[shortIndex] as number)) continue;
    // A byline is short; its pattern (names, places, roles, joins) costs more on long lines.
    if (k === BYLINE_PATTERN && (line.length > MAX_BYLINE || !BYLINE_START.test(line))) continue;
    let pattern = BOILERPLATE_LINE[k] as RegExp | (() => RegExp);
    if (typeof pattern === 'function') {
      pattern = pattern();
      BOILERPLATE_LINE[k] = pattern;
    }
    if (pattern.test(line)) return true;
  }
  return false;
}

/** A piece of the analysed text and where it lies in the body: text[at, at+length) = body[from, …). */
export type KeptSegment = { readonly at: number; readonly from: number; readonly length: number };

/**
 * The body without boilerplate lines or datelines; line structure kept for sentence splitting.
 * `kept` says where each kept line came from in the body (to show a match where the user wrote it).
 */
export function stripBoilerplate(body: string): { text: string; removed: string[]; kept: KeptSegment[] } {
  const removed: string[] = [];
  const lines: string[] = [];
  const kept: KeptSegment[] = [];
  let from = 0;
  let at = 0;
  const keep = (line: string, offset: number) => {
    if (lines.length > 0) at++; // the '\n' that joins it to the previous kept line
    lines.push(line);
    kept.push({ at, from: offset, length: line.length });
    at += line.length;
  };
  let opening = true;
  for (const line of body.split('\n')) {
    const lineStart = from;
    from += line.length + 1;
    if (line.trim() && (isBoilerplateLine(line) || (opening && isOpeningDatelineLine(line)))) {
      removed.push(line);
      continue;
    }
    // Both patterns need a dash: a line without one is not read with them.
    const dashed = line.includes('-');
    const dateline = dashed
      ? (DATELINE.exec(line) ?? (opening ? OPENING_DATELINE.exec(line) : null))
      : opening
        ? OPENING_DATELINE_STOP.exec(line)
        : null;
    // A rubric line ("Аналітика", "Council Watch") does not end the opening: a byline or dateline may follow it.
    if (line.trim() && !RUBRIC.test(line)) opening = false;
    if (dateline && /\p{Ll}/u.test(line.slice(dateline[0].length, dateline[0].length + 40))) {
      removed.push(dateline[0].trim());
      keep(line.slice(dateline[0].length), lineStart + dateline[0].length);
    } else {
      keep(line, lineStart);
    }
  }
  return { text: lines.join('\n'), removed, kept };
}

/** A rubric: one to three words alone on a line, no digits, no sentence punctuation. */
const RUBRIC = /^\s*\p{L}[\p{L}\p{M}'-]*(\s+\p{L}[\p{L}\p{M}'-]*){0,2}\s*$/u;

/** The body offset of an offset into stripBoilerplate's text. */
export function bodyOffset(kept: readonly KeptSegment[], offset: number): number {
  let lo = 0;
  let hi = kept.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((kept[mid] as KeptSegment).at <= offset) lo = mid;
    else hi = mid - 1;
  }
  const seg = kept[lo];
  return seg ? seg.from + Math.min(offset - seg.at, seg.length) : offset;
}

/** The wire services a dateline credits: "KYIV, Nov 11 (Reuters) -" gives Reuters. */
export function creditedWires(removed: readonly string[]): string[] {
  const out: string[] = [];
  for (const line of removed) {
    // with its dash, or alone on its line: "KHERSON, Ukraine, Oct 19 (Northline Wire)"
    const m = /\(([\p{L}][\p{L}. ]{1,30})\)\s*(-?)$/u.exec(line.trim());
    if (m && isDateline(m[2] ? line : `${line.trim()} -`)) out.push((m[1] as string).trim());
  }
  return out;
}

const isDateline = (line: string) => DATELINE.test(`${line.trim()} x`);

/** The removed datelines themselves ("KYIV, Nov 11 (Reuters) -"). */
export function datelinesOf(removed: readonly string[]): string[] {
  return removed.filter(isDateline);
}
