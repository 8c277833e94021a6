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
  /**
   * When its cluster began: the publication time of the cluster's first article, as the article
   * that founded or joined it knew it (entries written before clusters were bounded: their own).
   */
  readonly clusterStart: string;
  readonly publishedAt: string;
  readonly signature: CopySignature;
};

/** What a record keeps of its copy detection: its cluster, and the keys it is indexed under. */
export type CopyPlace = { readonly cluster: string; readonly keys: readonly string[] };

/** Copies are looked for among articles published this many days before or after. */
export const COPY_WINDOW_DAYS = 7;

/**
 * The cluster an article joins — its earliest stored copy's, or its own — and when that cluster
 * began. A cluster is bounded in time: an article joins only a cluster that began within
 * COPY_WINDOW_DAYS of it, so every cluster's articles lie within 15 days. Without that bound a
 * daily report on one template (each within a week of the last) would chain into one cluster for
 * a year, and its cluster item (shared/storage/cluster-items.ts) would grow without end; with it,
 * such a chain starts a new story every week or two.
 */
export function clusterOf(
  article: { readonly id: string; readonly publishedAt: string },
  signature: CopySignature,
  candidates: readonly CopyEntry[],
  method: CopyMethod,
): { cluster: string; clusterStart: string } {
  const at = Date.parse(article.publishedAt);
  const window = COPY_WINDOW_DAYS * 86_400_000;
  let first: CopyEntry | undefined;
  for (const c of candidates) {
    if (c.id === article.id || Math.abs(Date.parse(c.clusterStart) - at) > window) continue;
    if (!isCopy(signature, c.signature, method)) continue;
    if (
      !first ||
      c.publishedAt < first.publishedAt ||
      (c.publishedAt === first.publishedAt && c.id < first.id)
    )
      first = c;
  }
  return first
    ? { cluster: first.cluster, clusterStart: first.clusterStart }
    : { cluster: article.id, clusterStart: article.publishedAt };
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
