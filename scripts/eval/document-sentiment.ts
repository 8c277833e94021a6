import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Analyser } from '#shared/analysis/analyse.js';
import { normaliseText, splitSentences, tokenise } from '#shared/analysis/normalise.js';
import { SentimentScorer } from '#shared/analysis/sentiment.js';
import { defaultTopics } from '#shared/topics/load.js';
import { type Labelled, labelledArticles, root } from '../train/document-data.js';
import { LABELS, type Label, scoreLabels } from './document-sentiment-score.js';

/**
 * `npx tsx scripts/eval/document-sentiment.ts`: the document sentiment model on the TEST split
 * of test/fixtures/sentiment-split.json (never trained or chosen on): accuracy, macro-F1, each
 * label's recall and the confusion matrix, per language too, beside the lexicon it replaced
 * (mean sentence score, the old bounds). Scored by ../shared/eval/sentiment.mjs where present.
 */
const analyser = new Analyser(defaultTopics());
const lexicon = new SentimentScorer();
const lexiconLabel = (a: Labelled): Label => {
  const text = normaliseText(a.body);
  return SentimentScorer.combine(lexicon.sentenceScores(tokenise(text), splitSentences(text), a.language))
    .label;
};

const test = labelledArticles().filter((a) => a.split === 'test');
const rows = test.map((a) => ({
  a,
  model: analyser.analyse({ body: a.body, title: a.title, language: a.language }).sentiment.label,
  lexicon: lexiconLabel(a),
}));
const f = (x: number) => x.toFixed(3);
const show = (name: string, pairs: { want: Label; got: Label }[]) => {
  const s = scoreLabels(pairs);
  console.log(
    `${name.padEnd(22)} n ${String(s.n).padStart(3)}  accuracy ${f(s.accuracy)}  macro-F1 ${f(s.macroF1)}  recall ${LABELS.map((l) => `${l} ${f(s.recall[l] ?? 0)}`).join(' ')}`,
  );
  return s;
};
console.log(`document sentiment on the TEST split (${test.length} articles never trained or chosen on)`);
const model = show(
  'model',
  rows.map((r) => ({ want: r.a.label, got: r.model })),
);
show(
  'lexicon it replaced',
  rows.map((r) => ({ want: r.a.label, got: r.lexicon })),
);
console.log('confusion of the model (rows gold, columns predicted: negative neutral positive)');
for (const w of LABELS)
  console.log(`  ${w.padEnd(9)} ${LABELS.map((g) => String(model.confusion[w]?.[g])).join(' ')}`);
for (const lang of [...new Set(test.map((a) => a.language))].sort())
  show(
    `  ${lang}`,
    rows.filter((r) => r.a.language === lang).map((r) => ({ want: r.a.label, got: r.model })),
  );

const outDir = join(root, 'eval-out');
mkdirSync(outDir, { recursive: true });
const gold = Object.fromEntries(test.map((a) => [a.id, { sentiment: { label: a.label } }]));
const predictions = Object.fromEntries(rows.map((r) => [r.a.id, r.model]));
writeFileSync(join(outDir, 'document-sentiment-test.gold.json'), JSON.stringify(gold, null, 1));
writeFileSync(join(outDir, 'document-sentiment-test.predictions.json'), JSON.stringify(predictions, null, 1));
const judge = resolve(root, '..', 'shared', 'eval', 'sentiment.mjs');
if (existsSync(judge)) {
  const r = spawnSync(
    process.execPath,
    [
      judge,
      join(outDir, 'document-sentiment-test.gold.json'),
      join(outDir, 'document-sentiment-test.predictions.json'),
    ],
    { encoding: 'utf8' },
  );
  console.log(`../shared/eval/sentiment.mjs: ${r.stdout.trim()}`);
}
