import { type CopyMethod, type CopySignature, isCopy } from './signature.js';

/**
 * Syndicated copies: every counted article belongs to a cluster, named by the id of the article
 * that founded it. A new article joins the cluster of its earliest-published stored copy (ties:
 * the smaller id), found through the LSH keys of its signature; with no copy it founds its own.
 */

/** An article as the copy index holds it, under each of its LSH keys. */
export type CopyEntry = {
  readonly id: string;
  readonly cluster: string;
  readonly publishedAt: string;
  readonly signature: CopySignature;
};

/** What a record keeps of its copy detection: its cluster, and the keys it is indexed under. */
export type CopyPlace = { readonly cluster: string; readonly keys: readonly string[] };

/** Copies are looked for among articles published this many days before or after. */
export const COPY_WINDOW_DAYS = 7;

/** The cluster an article joins: its earliest stored copy's, or its own. */
export function clusterOf(
  id: string,
  signature: CopySignature,
  candidates: readonly CopyEntry[],
  method: CopyMethod,
): string {
  let first: CopyEntry | undefined;
  for (const c of candidates) {
    if (c.id === id || !isCopy(signature, c.signature, method)) continue;
    if (
      !first ||
      c.publishedAt < first.publishedAt ||
      (c.publishedAt === first.publishedAt && c.id < first.id)
    )
      first = c;
  }
  return first?.cluster ?? id;
}

/** The index entries an article's previous state had and its next one has not: to remove. */
export function staleCopyKeys(
  previous: { readonly copy?: CopyPlace | undefined; readonly publishedAt?: string | undefined } | undefined,
  next: { readonly copy?: CopyPlace | undefined; readonly publishedAt?: string | undefined },
): { keys: string[]; publishedAt: string } | undefined {
  if (!previous?.copy || !previous.publishedAt) return undefined;
  const kept = next.copy && next.publishedAt === previous.publishedAt ? new Set(next.copy.keys) : new Set();
  const keys = previous.copy.keys.filter((k) => !kept.has(k));
  return keys.length > 0 ? { keys, publishedAt: previous.publishedAt } : undefined;
}
