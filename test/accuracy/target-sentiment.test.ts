import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TargetSentiment } from '#shared/analysis/target-sentiment.js';
import { scoreLabels } from '../../scripts/eval/document-sentiment-score.js';
import { readNewsMtsc, root } from '../../scripts/train/target-data.js';

const target = new TargetSentiment();

/** Macro-F1 on devtest_mt, measured once with the committed model (docs/sentiment-target.md). */
const MEASURED = 0.664;

/**
 * NewsMTSC devtest_mt (test/fixtures/newsmtsc, a copy; never trained or chosen on): the figure
 * measured once when the model was trained (docs/sentiment-target.md) less 0.02, and every
 * class recall at least 0.45.
 */
describe('on NewsMTSC devtest_mt', () => {
  const examples = readNewsMtsc(join(root, 'test/fixtures/newsmtsc/devtest_mt.jsonl'));
  const s = scoreLabels(
    examples.map((e) => ({ want: e.label, got: target.predict(e.sentence, e.spans).label })),
  );
  it('holds 1 476 targets', () => {
    expect(examples).toHaveLength(1476);
  });
  it('macro-F1 >= MEASURED - 0.02, recall >= 0.45 for each label', () => {
    expect(s.macroF1).toBeGreaterThanOrEqual(MEASURED - 0.02);
    for (const l of ['negative', 'neutral', 'positive']) expect(s.recall[l], l).toBeGreaterThanOrEqual(0.45);
  });
});
