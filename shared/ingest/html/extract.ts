import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { RejectedArticleError } from '../../errors.js';
import { type PageMetadata, pageMetadata } from './page-metadata.js';
import { type RuleElement, removeNonArticle } from './rules.js';
import { textOf } from './text.js';

/** A page's main text and what the page says about itself (its dates as the page wrote them). */
export type HtmlArticle = Omit<PageMetadata, 'articleBody'> & { readonly body: string };

type ReadabilityDocument = ConstructorParameters<typeof Readability>[0];
type TextRoot = Parameters<typeof textOf>[0];

/** Readability's article, serialised straight to text; `rules`: the article's clean-up first. */
function mainText(document: unknown, rules: boolean): string {
  return (
    new Readability<string>(document as ReadabilityDocument, {
      keepClasses: rules,
      serializer: (node) => {
        if (rules) removeNonArticle(node as unknown as RuleElement);
        return textOf(node as unknown as TextRoot);
      },
    }).parse()?.content ?? ''
  );
}

/** The main text of a news page by Mozilla Readability alone: the baseline of the eval. */
export function readabilityText(html: string): string {
  return mainText(parseHTML(html).document, false);
}

const words = (text: string) => text.match(/[\p{L}\p{M}\p{N}_]+/gu) ?? [];
const pairs = (ws: readonly string[]) => ws.slice(1).map((w, i) => `${ws[i]} ${w}`.toLowerCase());

/**
 * The page's own JSON-LD `articleBody` instead of the extracted text when the two agree: nearly
 * all of its word pairs are in the extracted text and it is most of that text (a teaser or a
 * paywall cut is not). It then leaves out whatever captions and lists the extraction kept.
 */
function consistentArticleBody(articleBody: string | undefined, extracted: string): string | undefined {
  if (!articleBody) return undefined;
  const body = /<[a-z][^>]*>/i.test(articleBody)
    ? textOf(parseHTML(`<!doctype html><html><body>${articleBody}</body></html>`).document.body as TextRoot)
    : articleBody.trim();
  const ours = new Set(pairs(words(extracted)));
  const theirs = pairs(words(body));
  if (theirs.length < 20 || ours.size === 0) return undefined;
  const shared = theirs.filter((p) => ours.has(p)).length;
  return shared >= 0.9 * theirs.length && theirs.length >= 0.7 * ours.size ? body : undefined;
}

/**
 * A news page's main text and metadata: Readability on linkedom picks the article, general rules
 * (rules.ts) take out what it keeps but a reader does not read, and the page's JSON-LD
 * articleBody replaces the result where the two agree. A page without text is a rejection.
 */
export function extractHtml(html: string): HtmlArticle {
  const { document } = parseHTML(html);
  const { articleBody, ...meta } = pageMetadata(document as unknown as Parameters<typeof pageMetadata>[0]);
  const extracted = mainText(document, true);
  const body = consistentArticleBody(articleBody, extracted) ?? extracted;
  if (body.trim() === '') throw new RejectedArticleError('the page has no extractable text');
  return { ...meta, body };
}
