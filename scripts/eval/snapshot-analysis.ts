import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { Analyser } from '#shared/analysis/analyse.js';
import { TargetSentiment } from '#shared/analysis/target-sentiment.js';
import { type ApiStore, createApp } from '#shared/api/app.js';
import { RejectedArticleError } from '#shared/errors.js';
import { parseArticleObject } from '#shared/ingest/parse.js';
import { defaultTopics, parseTopicFile } from '#shared/topics/load.js';
import { readNewsMtsc, root } from '../train/target-data.js';

/**
 * `npx tsx scripts/eval/snapshot-analysis.ts write|check [FILE]`: every fixture article's full
 * analysis, to prove that a change of the analyser's code (speed work) leaves its output alone.
 * `write` records it (default eval-out/analysis-snapshot.json); `check` analyses again and
 * compares: strings, labels and counts identical, numbers within 1e-9. Exit 1 on any difference.
 *
 * Recorded for every article of test/fixtures/<set>/ (*.json but gold.json, *.txt):
 * - ingest: parseArticleObject then Analyser.analyse, as shared/ingest/process.ts does (or the
 *   rejection), and the analyser's version;
 * - explain: Analyser.explain (text read, matches with their sentences, offsets in the input);
 * - locate: Analyser.locate (GET /articles/{id});
 * - api: the body of POST /analyse from the real app;
 * - features: the document model's features (training reads them);
 * - other topics: analyse with test/fixtures/topics/grain-corridor.json (withTopics).
 * And the target model on every NewsMTSC devtest target of test/fixtures/newsmtsc.
 */
const [mode, fileArg] = process.argv.slice(2);
if (mode !== 'write' && mode !== 'check') {
  console.error('usage: snapshot-analysis.ts write|check [FILE]');
  process.exit(2);
}
const file = resolve(fileArg ?? join(root, 'eval-out', 'analysis-snapshot.json'));
const fixtures = join(root, 'test', 'fixtures');

const store = new Proxy({} as ApiStore, {
  get: () => () => Promise.reject(new Error('POST /analyse must not touch the store')),
});
const analyser = new Analyser(defaultTopics());
const grain = analyser.withTopics(
  parseTopicFile(
    JSON.parse(readFileSync(join(fixtures, 'topics', 'grain-corridor.json'), 'utf8')),
    'grain-corridor.json',
  ),
);
const app = createApp({
  store,
  topics: defaultTopics(),
  analyser,
  maxArticleBytes: 1 << 20,
  onError: () => {},
});

async function snapshotArticle(path: string): Promise<unknown> {
  const key = relative(fixtures, path);
  let article: Awaited<ReturnType<typeof parseArticleObject>>;
  try {
    article = await parseArticleObject({
      key,
      bytes: readFileSync(path),
      metadata: {},
      eventTime: '2024-01-01T00:00:00.000Z',
    });
  } catch (err) {
    if (err instanceof RejectedArticleError) return { rejected: err.message };
    throw err;
  }
  const input = { body: article.body, title: article.title, language: article.language };
  const explained = analyser.explain(input);
  const located = analyser.locate(input);
  const withOffsets = (l: typeof located) => ({
    text: l.text,
    matches: Object.fromEntries(
      Object.entries(l.matches).map(([id, spans]) => [
        id,
        spans.map((m) => ({ ...m, input: l.toInput(m.start, m.end) })),
      ]),
    ),
  });
  const res = await app.request('/analyse', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ text: article.body, title: article.title, language: article.language }),
  });
  return {
    ingest: { analysis: analyser.analyse(input), version: analyser.version },
    explain: { analysis: explained.analysis, ...withOffsets(explained) },
    locate: withOffsets(located),
    api: { status: res.status, body: await res.json() },
    features: analyser.documentFeatures(input),
    grainCorridor: grain.analyse(input),
  };
}

async function snapshot(): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const set of readdirSync(fixtures, { withFileTypes: true })) {
    if (!set.isDirectory()) continue;
    const dir = join(fixtures, set.name);
    for (const f of readdirSync(dir).sort()) {
      if (f === 'gold.json' || !/\.(json|txt)$/.test(f) || set.name === 'topics') continue;
      out[`${set.name}/${f}`] = await snapshotArticle(join(dir, f));
    }
  }
  out['seed-article.txt'] = await snapshotArticle(join(fixtures, 'seed-article.txt'));
  const target = new TargetSentiment();
  out.newsmtsc = readNewsMtsc(join(fixtures, 'newsmtsc', 'devtest_mt.jsonl')).map((e) => ({
    id: e.id,
    ...target.predict(e.sentence, e.spans),
  }));
  return out;
}

/** Paths where `got` differs from `want` (numbers compared within 1e-9). */
function differences(want: unknown, got: unknown, path: string, out: string[]): void {
  if (typeof want === 'number' && typeof got === 'number') {
    if (!(Math.abs(want - got) <= 1e-9) && !Object.is(want, got)) out.push(`${path}: ${want} -> ${got}`);
    return;
  }
  if (want === null || got === null || typeof want !== 'object' || typeof got !== 'object') {
    if (want !== got) out.push(`${path}: ${JSON.stringify(want)} -> ${JSON.stringify(got)}`);
    return;
  }
  if (Array.isArray(want) !== Array.isArray(got)) {
    out.push(`${path}: array vs object`);
    return;
  }
  const a = want as Record<string, unknown>;
  const b = got as Record<string, unknown>;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  // Key order is part of the output (JSON bodies, records): compare it too.
  if (keysA.join('\u0000') !== keysB.join('\u0000'))
    out.push(`${path}: keys [${keysA.join(',')}] -> [${keysB.join(',')}]`);
  for (const k of keysA) if (k in b) differences(a[k], b[k], `${path}.${k}`, out);
}

const started = performance.now();
const current = JSON.parse(JSON.stringify(await snapshot())) as Record<string, unknown>;
const seconds = ((performance.now() - started) / 1000).toFixed(1);
const articles = Object.keys(current).length - 1;
if (mode === 'write') {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(current, null, 1));
  console.log(`${articles} articles and the NewsMTSC targets -> ${relative(root, file)} (${seconds} s)`);
} else {
  const recorded = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  const diffs: string[] = [];
  differences(recorded, current, '', diffs);
  if (diffs.length > 0) {
    console.error(`${diffs.length} differences from ${relative(root, file)}:`);
    for (const d of diffs.slice(0, 40)) console.error(`  ${d}`);
    process.exit(1);
  }
  console.log(
    `${articles} articles and the NewsMTSC targets: identical to ${relative(root, file)} (${seconds} s)`,
  );
}
