import type { Analyser, LocatedMentions } from '../analysis/analyse.js';
import { RejectedArticleError } from '../errors.js';
import { type ArticleRecord, fingerprintOf } from '../ingest/article.js';
import type { ArticleFormats } from '../ingest/formats.js';
import { parseArticleObject } from '../ingest/parse.js';
import type { ObjectSource } from '../ports.js';

/** What the read side needs to show an article's evidence: its object, read again. */
export type EvidenceDeps = {
  readonly source: ObjectSource;
  readonly analyser: Analyser;
  readonly maxArticleBytes: number;
  /** The formats ingestion reads articles with (default: DEFAULT_ARTICLE_FORMATS). */
  readonly formats?: ArticleFormats | undefined;
};

export type Evidence =
  | { readonly ok: true; readonly located: LocatedMentions }
  | { readonly ok: false; readonly why: string; readonly gone: boolean };

/**
 * The analysed text of a stored article and where each counted mention lies in it. The text is
 * not stored (it would double the table's size): the object is read again, its mentions located
 * again, and shown only if it is still the text the record was made from (same fingerprint). Matches
 * are the running analyser's, so they agree with the record when `record.analysis` is the
 * running analysis version.
 */
export async function evidenceOf(record: ArticleRecord, deps: EvidenceDeps): Promise<Evidence> {
  const fetched = await deps.source.getObject(record.bucket, record.key, {
    versionId: record.versionId,
    maxBytes: deps.maxArticleBytes,
  });
  if (fetched === 'missing') return { ok: false, gone: true, why: 'the object is no longer in the bucket' };
  if (fetched === 'too-large')
    return { ok: false, gone: false, why: 'the object is now over the size limit' };
  try {
    const article = await parseArticleObject(
      {
        key: record.key,
        bytes: fetched.bytes,
        metadata: fetched.metadata,
        eventTime: record.updatedAt,
        contentEncoding: fetched.contentEncoding,
      },
      deps.formats,
    );
    if (record.fingerprint !== undefined && fingerprintOf(article.body) !== record.fingerprint) {
      return {
        ok: false,
        gone: false,
        why: 'the object has changed since it was analysed; its new version is on its way',
      };
    }
    const located = deps.analyser.locate({
      body: article.body,
      title: article.title,
      language: article.language,
    });
    return { ok: true, located };
  } catch (err) {
    if (err instanceof RejectedArticleError)
      return { ok: false, gone: false, why: `the object is now rejected: ${err.message}` };
    throw err;
  }
}
