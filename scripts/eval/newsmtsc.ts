import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { TargetSentiment } from '#shared/analysis/target-sentiment.js';
import { newsMtscDir, readNewsMtsc, root } from '../train/target-data.js';
import { LABELS, scoreLabels } from './document-sentiment-score.js';

/**
 * `npx tsx scripts/eval/newsmtsc.ts [FILE.jsonl]`: the target sentiment model on a NewsMTSC-format
 * file (default: devtest_mt.jsonl of ../shared/datasets/newsmtsc, never trained or chosen on):
 * accuracy, macro-F1, each label's recall, the confusion matrix and the time per target.
 * Predictions go to eval-out/newsmtsc-predictions.json, scored again by ../shared/eval/sentiment.mjs
 * where present.
 */
const file = resolve(process.argv[2] ?? join(newsMtscDir, 'devtest_mt.jsonl'));
const examples = readNewsMtsc(file);
const model = new TargetSentiment();

const started = performance.now();
const predicted = examples.map((e) => model.predict(e.sentence, e.spans).label);
const ms = performance.now() - started;

const s = scoreLabels(examples.map((e, i) => ({ want: e.label, got: predicted[i] ?? 'neutral' })));
const f = (x: number) => x.toFixed(3);
const sentences = new Set(examples.map((e) => e.sentence)).size;
console.log(
  `target sentiment on ${relative(root, file)}: ${examples.length} targets in ${sentences} sentences`,
);
console.log(
  `accuracy ${f(s.accuracy)}  macro-F1 ${f(s.macroF1)}  recall ${LABELS.map((l) => `${l} ${f(s.recall[l] ?? 0)}`).join(' ')}`,
);
console.log('confusion (rows gold, columns predicted: negative neutral positive)');
for (const w of LABELS)
  console.log(`  ${w.padEnd(9)} ${LABELS.map((g) => String(s.confusion[w]?.[g]).padStart(5)).join(' ')}`);
console.log(`time: ${f(ms / examples.length)} ms a target (${Math.round(ms)} ms in all, one thread)`);

const outDir = join(root, 'eval-out');
mkdirSync(outDir, { recursive: true });
const out = join(outDir, 'newsmtsc-predictions.json');
writeFileSync(out, JSON.stringify(Object.fromEntries(examples.map((e, i) => [e.id, predicted[i]])), null, 1));
const judge = resolve(root, '..', 'shared', 'eval', 'sentiment.mjs');
if (existsSync(judge)) {
  const r = spawnSync(process.execPath, [judge, file, out], { encoding: 'utf8' });
  console.log(`../shared/eval/sentiment.mjs: ${r.stdout.trim()}${r.stderr.trim()}`);
}
