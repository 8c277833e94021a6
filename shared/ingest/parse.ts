import * as z from 'zod';
import { splitHeadline } from '../analysis/analyse.js';
import { RejectedArticleError } from '../errors.js';
import { inWindow, WINDOW } from '../trends/time.js';

/** An article as read from its object, before analysis. */
export type ParsedArticle = {
  readonly title: string | undefined;
  readonly body: string;
  readonly publishedAt: string;
  readonly source: string | undefined;
  readonly url: string | undefined;
  readonly language: string | undefined;
};

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

const TEXT_SUFFIXES = ['.txt', '.text', '.md'];
const JSON_SUFFIXES = ['.json'];

export type ObjectContent = {
  readonly key: string;
  readonly bytes: Uint8Array;
  /** S3 user metadata, lower-case names without `x-amz-meta-`. */
  readonly metadata: Readonly<Record<string, string>>;
  /** Time of the S3 event: the publication time of last resort. */
  readonly eventTime: string;
};

/**
 * An ISO 8601 date-time with an offset, or a date, within the supported window; anything else is a
 * rejection.
 */
function publicationTime(value: string, origin: string): string {
  const ok = z.union([z.iso.datetime({ offset: true }), z.iso.date()]).safeParse(value.trim());
  const time = ok.success ? Date.parse(ok.data) : Number.NaN;
  if (Number.isNaN(time)) {
    throw new RejectedArticleError(`${origin} "${value.slice(0, 60)}" is not an ISO 8601 date or date-time`);
  }
  if (!inWindow(time)) {
    throw new RejectedArticleError(
      `${origin} "${value.slice(0, 60)}" is outside the supported window ${WINDOW.text}`,
    );
  }
  return new Date(time).toISOString();
}

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new RejectedArticleError('the object is not valid UTF-8 text');
  }
}

/** Parses an article object by its key's suffix, per the contract; throws RejectedArticleError. */
export function parseArticleObject(obj: ObjectContent): ParsedArticle {
  const lower = obj.key.toLowerCase();
  const isText = TEXT_SUFFIXES.some((s) => lower.endsWith(s));
  const isJson = JSON_SUFFIXES.some((s) => lower.endsWith(s));
  if (!isText && !isJson) {
    throw new RejectedArticleError(
      `unsupported file type: the key must end in ${[...TEXT_SUFFIXES, ...JSON_SUFFIXES].join(', ')}`,
    );
  }
  if (obj.bytes.byteLength === 0) throw new RejectedArticleError('the object is empty');
  const text = decodeUtf8(obj.bytes);
  if (text.includes('\u0000'))
    throw new RejectedArticleError('the object is binary, not text (it contains NUL bytes)');
  const metaTime = obj.metadata['published-at'];

  if (isText) {
    if (text.trim() === '') throw new RejectedArticleError('the object holds only white space');
    const { title, body } = splitHeadline(text);
    return {
      title,
      body,
      publishedAt: metaTime ? publicationTime(metaTime, 'metadata published-at') : obj.eventTime,
      source: obj.metadata.source,
      url: obj.metadata.url,
      language: obj.metadata.language,
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
  return {
    title: a.title?.trim() || undefined,
    body: a.body,
    publishedAt: a.publishedAt
      ? publicationTime(a.publishedAt, 'publishedAt')
      : metaTime
        ? publicationTime(metaTime, 'metadata published-at')
        : obj.eventTime,
    source: a.source,
    url: a.url,
    language: a.language,
  };
}
