import { RejectedArticleError } from '../../errors.js';
import { type PublicationTime, pageTime } from '../dates.js';
import { extractHtml } from './extract.js';

/** A page's charset as its `<meta charset>` or http-equiv declares it, within the first 2 KB. */
function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  return /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
}

/** The page as text: a byte-order mark or the declared charset, else UTF-8. */
function pageText(bytes: Uint8Array): string {
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const charset = hasBom ? 'utf-8' : (declaredCharset(bytes) ?? 'utf-8');
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(charset, { fatal: true });
  } catch {
    throw new RejectedArticleError(`the page declares a charset trendwire cannot read: ${charset}`);
  }
  try {
    return decoder.decode(bytes);
  } catch {
    throw new RejectedArticleError(`the page is not valid ${charset} text`);
  }
}

export type HtmlPage = {
  readonly title: string | undefined;
  readonly body: string;
  readonly time: PublicationTime | undefined;
  readonly source: string | undefined;
  readonly url: string | undefined;
  readonly language: string | undefined;
};

/** `Headline | Site` → `Headline` when the site is the page's source. */
function withoutSiteName(title: string | undefined, source: string | undefined): string | undefined {
  if (!title || !source) return title;
  const m = /^(.+?)\s+[|–—-]\s+([^|–—-]+)$/.exec(title);
  return m?.[1] && m[2]?.trim().toLowerCase() === source.toLowerCase() ? m[1].trim() : title;
}

/**
 * An `.html` article: main text and metadata of the page (extract.ts), its first readable date
 * read in `defaultZone` when it has no zone. Loaded only for HTML: the extractor costs a
 * quarter of a second to import.
 */
export function parseHtmlArticle(bytes: Uint8Array, defaultZone: string): HtmlPage {
  const html = pageText(bytes);
  if (html.includes('\u0000'))
    throw new RejectedArticleError('the object is binary, not text (it contains NUL bytes)');
  const page = extractHtml(html);
  return {
    title: withoutSiteName(page.title, page.source),
    body: page.body,
    time: pageTime(page.dates, defaultZone),
    source: page.source,
    url: page.url,
    language: page.language,
  };
}
