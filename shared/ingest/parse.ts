import { gunzipSync } from 'node:zlib';
import * as z from 'zod';
import { splitHeadline } from '../analysis/analyse.js';
import { RejectedArticleError } from '../errors.js';
import type { ArticleMetadata } from './article.js';
import { type PublicationTime, publicationTime } from './dates.js';
import { type ArticleFormats, DEFAULT_ARTICLE_FORMATS, SUFFIX_KINDS } from './formats.js';
import { metadataValue } from './metadata.js';

/** An article as read from its object, before analysis. */
/** A parsed article: its body, and its metadata with a publication time always set. */
export type ParsedArticle = ArticleMetadata & { readonly body: string; readonly publishedAt: string };

/** The `.json` article format of the contract; unknown fields are ignored. */
export const ArticleJson = z.object({
  title: z.string().max(1000).optional(),
  body: z.string().refine((b) => b.trim() !== '', 'must not be empty'),
  // Checked by publicationTime, whose message says what a valid value looks like.
  publishedAt: z.string().max(100).optional(),
  source: z.string().max(500).optional(),
  url: z.string().max(2000).optional(),
  language: z.string().max(35).optional(),
});

/** An article is a flat object; anything nested deeper is not one (and costs to walk). */
const MAX_JSON_DEPTH = 32;

/** Deepest nesting of arrays and objects in a JSON text, strings skipped; linear, no recursion. */
function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c)
        i++; // backslash: skip the escaped character
      else if (ch === 0x22) inString = false;
    } else if (ch === 0x22) inString = true;
    else if (ch === 0x5b || ch === 0x7b) max = Math.max(max, ++depth);
    else if (ch === 0x5d || ch === 0x7d) depth--;
  }
  return max;
}

/** A gzip-compressed article is read up to this size uncompressed; beyond, a rejection. */
export const MAX_DECOMPRESSED_BYTES = 16 * 1024 * 1024;

export type ObjectContent = {
  readonly key: string;
  readonly bytes: Uint8Array;
  /** S3 user metadata, lower-case names without `x-amz-meta-`. */
  readonly metadata: Readonly<Record<string, string>>;
  /** Time of the S3 event: the publication time of last resort. */
  readonly eventTime: string;
  /** The object's Content-Encoding (`gzip`: stored compressed). */
  readonly contentEncoding?: string | undefined;
};

export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new RejectedArticleError('the object is not valid UTF-8 text');
  }
}

const isGzip = (b: Uint8Array) => b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b;

/** The object's bytes, uncompressed when its key ends in `.gz` or its Content-Encoding is gzip. */
function contentBytes(obj: ObjectContent, gzKey: boolean): Uint8Array {
  const declared = gzKey || /\bgzip\b/i.test(obj.contentEncoding ?? '');
  if (!declared) return obj.bytes;
  if (!isGzip(obj.bytes)) {
    // A client may have stored it uncompressed with the header set; a .gz key must be gzip.
    if (gzKey) throw new RejectedArticleError('the key ends in .gz but the object is not gzip data');
    return obj.bytes;
  }
  try {
    return gunzipSync(obj.bytes, { maxOutputLength: MAX_DECOMPRESSED_BYTES });
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
      throw new RejectedArticleError(`the object is over ${MAX_DECOMPRESSED_BYTES} bytes uncompressed`);
    throw new RejectedArticleError(`the gzip data is corrupt: ${(err as Error).message}`);
  }
}

/** The publication time of metadata `published-at`, if given (it overrides the content's). */
const metadataTime = (obj: ObjectContent, formats: ArticleFormats): PublicationTime | undefined => {
  const value = metadataValue(obj.metadata, 'published-at');
  return value ? publicationTime(value, 'metadata published-at', formats.defaultTimeZone) : undefined;
};

/** Parses an article object by its key's suffix, per the contract; throws RejectedArticleError. */
export async function parseArticleObject(
  obj: ObjectContent,
  formats: ArticleFormats = DEFAULT_ARTICLE_FORMATS,
): Promise<ParsedArticle> {
  const lower = obj.key.toLowerCase();
  const gzKey = lower.endsWith('.gz');
  const name = gzKey ? lower.slice(0, -3) : lower;
  const suffix = formats.suffixes.find((s) => name.endsWith(s));
  if (!suffix) {
    throw new RejectedArticleError(
      `unsupported file type: the key must end in ${formats.suffixes.join(', ')} (or one of them and .gz)`,
    );
  }
  if (obj.bytes.byteLength === 0) throw new RejectedArticleError('the object is empty');
  const bytes = contentBytes(obj, gzKey);
  const meta = (field: string) => metadataValue(obj.metadata, field);
  const kind = SUFFIX_KINDS[suffix];

  if (kind === 'html') {
    const { parseHtmlArticle } = await import('./html/parse-html.js');
    const page = parseHtmlArticle(bytes, formats.defaultTimeZone);
    const time = metadataTime(obj, formats) ?? page.time;
    return {
      title: page.title,
      body: page.body,
      publishedAt: time?.publishedAt ?? obj.eventTime,
      publishedAtAssumedZone: time?.assumedZone,
      source: meta('source') ?? page.source,
      url: meta('url') ?? page.url,
      language: meta('language') ?? page.language,
    };
  }

  const text = decodeUtf8(bytes);
  if (text.includes('\u0000'))
    throw new RejectedArticleError('the object is binary, not text (it contains NUL bytes)');

  if (kind === 'text') {
    if (text.trim() === '') throw new RejectedArticleError('the object holds only white space');
    const { title, body } = splitHeadline(text);
    const time = metadataTime(obj, formats);
    return {
      title,
      body,
      publishedAt: time?.publishedAt ?? obj.eventTime,
      publishedAtAssumedZone: time?.assumedZone,
      source: meta('source'),
      url: meta('url'),
      language: meta('language'),
    };
  }

  const depth = jsonDepth(text);
  if (depth > MAX_JSON_DEPTH) {
    throw new RejectedArticleError(
      `JSON nested ${depth} levels deep; an article is at most ${MAX_JSON_DEPTH}`,
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new RejectedArticleError(`malformed JSON: ${(err as Error).message}`);
  }
  const parsed = ArticleJson.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `field "${issue.path.join('.')}"` : 'the document';
    throw new RejectedArticleError(
      `JSON does not match the article schema: ${where} ${issue?.message ?? ''}`.trim(),
    );
  }
  const a = parsed.data;
  // The document's own fields first; the object's metadata fills what it leaves out.
  const time = a.publishedAt
    ? publicationTime(a.publishedAt, 'publishedAt', formats.defaultTimeZone)
    : metadataTime(obj, formats);
  return {
    title: a.title?.trim() || undefined,
    body: a.body,
    publishedAt: time?.publishedAt ?? obj.eventTime,
    publishedAtAssumedZone: time?.assumedZone,
    source: a.source?.trim() || meta('source'),
    url: a.url?.trim() || meta('url'),
    language: a.language?.trim() || meta('language'),
  };
}
