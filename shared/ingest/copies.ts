import { stripBoilerplate } from '../analysis/boilerplate.js';
import { normaliseText } from '../analysis/normalise.js';
import { type CopyPlace, clusterOf, staleCopyKeys } from '../copies/cluster.js';
import { COPY_METHOD } from '../copies/method.js';
import { type CopyMethod, type CopySignature, indexKeys, signatureOf } from '../copies/signature.js';
import type { CopyIndex } from '../ports.js';

/** The text the analysis reads of a body: normalised, boilerplate removed (Analyser.analyseText gives it too). */
export const copyText = (body: string): string => stripBoilerplate(normaliseText(body)).text;

/** The signature of an article body (the evaluation's; ingest signs the text the analysis read). */
export const copySignatureOf = (body: string, method: CopyMethod = COPY_METHOD): CopySignature =>
  signatureOf(copyText(body), method);

/**
 * Finds an article's cluster from the text the analysis read, and indexes it under its keys, before its commit (a retry indexes
 * it again, to the same items). A text with no words has no copies and no keys.
 */
export async function placeCopy(
  article: { readonly id: string; readonly text: string; readonly publishedAt: string },
  index: CopyIndex,
  method: CopyMethod = COPY_METHOD,
): Promise<CopyPlace> {
  const signature = signatureOf(article.text, method);
  if (signature.shingles === 0) return { cluster: article.id, keys: [] };
  const keys = indexKeys(signature, method);
  const candidates = await index.candidates(keys, article.publishedAt);
  const { cluster, clusterStart } = clusterOf(article, signature, candidates, method);
  await index.put(keys, {
    id: article.id,
    cluster,
    clusterStart,
    publishedAt: article.publishedAt,
    signature,
  });
  return { cluster, keys };
}

/** After a commit: the index entries of the article's previous state that its new one has not. */
export async function forgetStaleCopies(
  previous: Parameters<typeof staleCopyKeys>[0],
  next: Parameters<typeof staleCopyKeys>[1] & { readonly id: string },
  index: CopyIndex | undefined,
): Promise<void> {
  const stale = index && staleCopyKeys(previous, next);
  if (stale) await index.remove(stale.keys, { id: next.id, publishedAt: stale.publishedAt });
}
