import type { CopyMethod } from './signature.js';

/**
 * The copy detection in force: a bottom-k sketch of 3-word shingles, indexed under its four least
 * hashes, and a copy when the shorter text is at least 56 % contained in the longer. Developed on
 * all of the annotated pairs c-001 … c-120 (`npx tsx scripts/eval/copies.ts --cv`), scored once on a
 * fresh blind round; the figures are in docs/eval/copies.md. It is part of the analysis version
 * (shared/analysis/version.ts): a change re-clusters the stored articles in the next recount.
 */
export const COPY_METHOD: CopyMethod = {
  shingleWords: 3,
  // 213 hashes of 3 bytes: an index item of ~760 bytes, under one write unit and smaller than the
  // 128 min-hashes in base64 it replaces (docs/cost.md).
  sketch: 213,
  // Four index items per article (a write unit each): the most the cost budget allows.
  keys: 4,
  // Midway between the most contained template twin (0.54) and the least contained copy (0.58) of
  // the development pairs: the two kinds overlap there, and no shingle rule tried parts them wider.
  minContainment: 0.56,
  // Clusters bounded in time: an article joins a cluster that began within 7 days of it.
  clustering: 2,
};
