import type { Token } from './normalise.js';

/**
 * Lines and brackets the gold never takes entities from, that boilerplate removal may leave in
 * the text: a byline ("By Rachel Amos at Wimbledon", "Analysis by Daniel Okafor", "Live coverage
 * compiled by Priya Nair and Jonas Berg"), an author's note ("Iryna Savchenko is an environmental
 * journalist based in Odesa.") and a photo credit in brackets ("(Photo: Eastbridge News)").
 */
const BYLINE = /^[ \t]*(?:[\p{L}-]+[ \t]+){0,3}by[ \t]+\p{Lu}[^\n.!?"]{0,80}$/gimu;
const AUTHOR_NOTE =
  /^[ \t]*\p{Lu}[\p{L}'-]+(?:[ \t]+\p{Lu}[\p{L}'-]+){1,2}[ \t]+is[ \t][^\n]{0,60}\b(?:journalist|correspondent|reporter|writer|editor|columnist|fellow|researcher|analyst|author|photographer)\b[^\n]*$/gmu;
/** фото in a string, not the literal: the bundle stays ASCII (see boilerplate.ts). */
const PHOTO_CREDIT = new RegExp(
  `\\((?:photos?|images?|pictures?|credit|foto|${'фото'})\\s*[:/-][^)\\n]*\\)`,
  'giu',
);

/** Marks the tokens of those lines and brackets. */
export function markSkipped(text: string, tokens: readonly Token[], covered: Uint8Array): void {
  const spans: [number, number][] = [];
  for (const re of [BYLINE, AUTHOR_NOTE, PHOTO_CREDIT])
    for (const m of text.matchAll(re)) spans.push([m.index, m.index + m[0].length]);
  if (!spans.length) return;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k] as Token;
    if (spans.some(([a, b]) => t.start >= a && t.end <= b)) covered[k] = 1;
  }
}
