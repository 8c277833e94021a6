import { describe, expect, it } from 'vitest';
import { COPY_METHOD } from '#shared/copies/method.js';
import { evaluate, pairs, prf } from '../../scripts/eval/copies-score.js';

/**
 * Floors on the annotated copies (test/fixtures/copies, written blind): precision and recall of
 * "is a copy" as the pipeline decides it, at the figures measured when the method was chosen
 * (docs/eval/copies.md). Issue 16's target is 0.95 for both: recall on the test half is not there.
 */
describe('copy detection on the annotated pairs', () => {
  it('has 120 pairs, half of them copies, in six languages', () => {
    expect(pairs).toHaveLength(120);
    expect(pairs.filter((p) => p.copy)).toHaveLength(60);
    expect(new Set(pairs.map((p) => p.language))).toEqual(new Set(['en', 'de', 'fr', 'es', 'ru', 'uk']));
  });

  it('takes no independent report for a copy, and finds most copies, on the test half', () => {
    const { precision, recall } = prf(evaluate(COPY_METHOD, 'test').score);
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(recall).toBeGreaterThanOrEqual(0.88);
  });

  it('meets the target on the tune half it was chosen on', () => {
    const { precision, recall } = prf(evaluate(COPY_METHOD, 'tune').score);
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(recall).toBeGreaterThanOrEqual(0.95);
  });
});
