import { createHash } from 'node:crypto';

/**
 * The fixed split of the shared extraction pages (../shared/datasets/article-extraction), chosen
 * before any per-page result was looked at: a page is in the tune half when the first hex digit of
 * SHA-256("trendwire-extraction-split/" + its id) is 0-7, else in the test half. Extraction rules
 * are improved by looking at the tune half only; the test half is scored, never inspected.
 */
export type ExtractionHalf = 'tune' | 'test';

export function extractionHalf(pageId: string): ExtractionHalf {
  const digit = createHash('sha256').update(`trendwire-extraction-split/${pageId}`).digest('hex')[0] ?? '0';
  return Number.parseInt(digit, 16) < 8 ? 'tune' : 'test';
}
