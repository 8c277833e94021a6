import type { CopyMethod } from './signature.js';

/**
 * The copy detection in force. Chosen on the tune half of the annotated copies set
 * (test/fixtures/copies, `npx tsx scripts/eval/copies.ts --grid`), never on its test half; the
 * figures are in docs/eval/copies.md. It is part of the analysis version
 * (shared/analysis/version.ts): a change re-clusters the stored articles in the next recount.
 */
export const COPY_METHOD: CopyMethod = {
  shingleWords: 3,
  hashes: 128,
  // Four index items per article (a write unit each): the most the cost budget allows.
  bands: 4,
  rows: 1,
  minContainment: 0.55,
  minResemblance: 0.4,
};
