import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { RejectedArticleError } from '../../errors.js';
import { type PageMetadata, pageMetadata } from './page-metadata.js';
import { textOf } from './text.js';

/** A page's main text and what the page says about itself (publishedAt as the page wrote it). */
export type HtmlArticle = Omit<PageMetadata, 'articleBody'> & { readonly body: string };

type ReadabilityDocument = ConstructorParameters<typeof Readability>[0];
type TextRoot = Parameters<typeof textOf>[0];

/** Readability's article, serialised straight to text. */
const mainText = (document: unknown): string =>
  new Readability<string>(document as ReadabilityDocument, {
    serializer: (node) => textOf(node as unknown as TextRoot),
  }).parse()?.content ?? '';

/** The main text of a news page by Mozilla Readability alone, as text: the baseline of the eval. */
export function readabilityText(html: string): string {
  return mainText(parseHTML(html).document);
}

/**
 * A news page's main text and metadata: Readability on linkedom picks the article, then general
 * rules (html/rules.ts) take out what it keeps but a reader does not read. A page without text is
 * a rejection.
 */
export function extractHtml(html: string): HtmlArticle {
  const { document } = parseHTML(html);
  const meta = pageMetadata(document as unknown as Parameters<typeof pageMetadata>[0]);
  const body = mainText(document);
  if (body.trim() === '') throw new RejectedArticleError('the page has no extractable text');
  const { articleBody: _, ...rest } = meta;
  return { ...rest, body };
}
