import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { extractHtml, readabilityText } from '#shared/ingest/html/extract.js';
import { type ExtractionHalf, extractionHalf } from './extraction-split.js';

/**
 * `npx tsx scripts/eval/extraction.ts [--half tune|test|both] [--plain] [--misses]` (part of
 * `npm run eval`): extracts the main text of the 88 real news pages of
 * ../shared/datasets/article-extraction with trendwire's HTML extraction (or, with --plain,
 * Mozilla Readability alone) and scores it with the project's scorer ../shared/eval/extraction.mjs,
 * per half of the fixed split (extraction-split.ts). --misses lists the worst pages, on the tune
 * half only: the test half is scored, never inspected. Skips with a message without ../shared.
 */
const root = resolve(import.meta.dirname, '..', '..');
const dataset = resolve(root, '..', 'shared', 'datasets', 'article-extraction');
const scorer = resolve(root, '..', 'shared', 'eval', 'extraction.mjs');
if (!existsSync(join(dataset, 'ground-truth.json')) || !existsSync(scorer)) {
  console.log(`extraction eval skipped: ${dataset} or ${scorer} is not there`);
  process.exit(0);
}

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const halfArg = option('--half') ?? 'both';
if (!['tune', 'test', 'both'].includes(halfArg)) throw new Error('--half must be tune, test or both');
const halves: ExtractionHalf[] = halfArg === 'both' ? ['tune', 'test'] : [halfArg as ExtractionHalf];
const plain = args.includes('--plain');
const misses = args.includes('--misses');
if (misses && halves.includes('test'))
  throw new Error('--misses only with --half tune: the test half is never inspected');

type Truth = Record<string, { articleBody: string; url: string }>;
const truth = JSON.parse(readFileSync(join(dataset, 'ground-truth.json'), 'utf8')) as Truth;
const pages = readdirSync(join(dataset, 'html'))
  .filter((f) => f.endsWith('.html.gz'))
  .map((f) => f.slice(0, -'.html.gz'.length))
  .filter((id) => id in truth)
  .sort();

const extract = (html: string): string => {
  if (plain) return readabilityText(html);
  try {
    return extractHtml(html).body;
  } catch {
    return ''; // a rejected page scores as empty text
  }
};

const outDir = join(root, 'eval-out', 'extraction');
mkdirSync(outDir, { recursive: true });
const mode = plain ? 'readability' : 'trendwire';
for (const half of halves) {
  const ids = pages.filter((id) => extractionHalf(id) === half);
  const predictions: Record<string, { articleBody: string }> = {};
  let ms = 0;
  for (const id of ids) {
    const html = gunzipSync(readFileSync(join(dataset, 'html', `${id}.html.gz`))).toString('utf8');
    const t0 = performance.now();
    predictions[id] = { articleBody: extract(html) };
    ms += performance.now() - t0;
  }
  const truthFile = join(outDir, `truth-${half}.json`);
  const predFile = join(outDir, `pred-${mode}-${half}.json`);
  writeFileSync(truthFile, JSON.stringify(Object.fromEntries(ids.map((id) => [id, truth[id]]))));
  writeFileSync(predFile, JSON.stringify(predictions));
  const run = spawnSync(process.execPath, [scorer, truthFile, predFile, ...(misses ? ['--misses'] : [])], {
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`the scorer failed: ${run.stderr}`);
  console.log(`${mode}, ${half} half: ${run.stdout.trim()}; mean ${(ms / ids.length).toFixed(0)} ms a page`);
}
