import { describe, expect, it } from 'vitest';
import { Analyser } from '#shared/analysis/analyse.js';
import { defaultTopics } from '#shared/topics/load.js';
import { scoreLabels } from '../../scripts/eval/document-sentiment-score.js';
import { labelledArticles } from '../../scripts/train/document-data.js';

const analyser = new Analyser(defaultTopics());

/**
 * The held-out TEST split (test/fixtures/sentiment-split.json, fixed before its articles were
 * written; never trained or chosen on). Targets of issue 19: accuracy >= 0.75, macro-F1 >= 0.70,
 * recall >= 0.60 for each label. Measured when the model was trained: see docs/sentiment.md.
 */
describe('on the held-out test split', () => {
  const test = labelledArticles().filter((a) => a.split === 'test');
  const s = scoreLabels(
    test.map((a) => ({
      want: a.label,
      got: analyser.analyse({ body: a.body, title: a.title, language: a.language }).sentiment.label,
    })),
  );
  it('holds at least 30 articles of every label mix', () => {
    expect(test.length).toBeGreaterThanOrEqual(30);
  });
  it('accuracy >= 0.75, macro-F1 >= 0.70, recall >= 0.60 for each label', () => {
    expect(s.accuracy).toBeGreaterThanOrEqual(0.75);
    expect(s.macroF1).toBeGreaterThanOrEqual(0.7);
    for (const l of ['negative', 'neutral', 'positive']) expect(s.recall[l], l).toBeGreaterThanOrEqual(0.6);
  });
});
