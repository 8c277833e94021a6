/** Accuracy, macro-F1, each label's recall and the confusion matrix (as ../shared/eval/sentiment.mjs). */
export const LABELS = ['negative', 'neutral', 'positive'] as const;
export type Label = (typeof LABELS)[number];

export function scoreLabels(pairs: readonly { want: Label; got: Label }[]) {
  const confusion = Object.fromEntries(LABELS.map((w) => [w, Object.fromEntries(LABELS.map((g) => [g, 0]))]));
  for (const { want, got } of pairs) (confusion[want] as Record<Label, number>)[got]++;
  const cell = (w: Label, g: Label) => (confusion[w] as Record<Label, number>)[g];
  const recall: Record<string, number> = {};
  let f1 = 0;
  for (const c of LABELS) {
    const tp = cell(c, c);
    const rowSum = LABELS.reduce((s, g) => s + cell(c, g), 0);
    const colSum = LABELS.reduce((s, w) => s + cell(w, c), 0);
    const r = rowSum ? tp / rowSum : 0;
    const p = colSum ? tp / colSum : 0;
    recall[c] = r;
    f1 += p + r ? (2 * p * r) / (p + r) / 3 : 0;
  }
  const hits = pairs.filter((x) => x.want === x.got).length;
  return {
    n: pairs.length,
    accuracy: pairs.length ? hits / pairs.length : 0,
    macroF1: f1,
    recall,
    confusion,
  };
}
