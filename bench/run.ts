/**
 * `npm run bench [-- section …]`: one harness, sections selectable (default: all of them).
 *
 *   analysis   analysis speed vs compromise NER, its import time, its bundle weight
 *   coldstart  Lambda bundle sizes, import time vs an empty handler bundle
 *   ingest     the local pipeline (S3 → bridge → handler → DynamoDB Local) vs raw DynamoDB Local;
 *              write units and bytes per article
 *   api        one-year trend p50/p99 at 1 000 and 100 000 articles, vs GET /articles/{id}
 *              and /health, interleaved, 16 autocannon clients
 *   html       HTML articles/s vs the same articles as text, the extractor's import time
 *
 * Options: --ingest-articles N (default 10000; lower it on a slow machine: DynamoDB Local commits
 * 60–130 transactions/s on a shared 2-core one), --ingest-default-articles N
 * (default 1000, the run with the bridge's defaults), --api-big N (default 100000).
 * Each section is merged into bench/results.json (the others stay); the table printed at the end
 * is the whole file's, so the README can show it.
 */

import { log, readResults, type SectionResult, table, writeSection } from './lib.js';
import { analysisSection } from './sections/analysis.js';
import { apiSection } from './sections/api.js';
import { coldStartSection } from './sections/coldstart.js';
import { htmlSection } from './sections/html.js';
import { ingestSection } from './sections/ingest.js';

const argv = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = argv.indexOf(`--${name}`);
  const raw = i >= 0 ? argv[i + 1] : undefined;
  if (raw === undefined) return fallback;
  const v = Number(raw);
  if (!Number.isInteger(v) || v <= 0) throw new Error(`--${name} must be a positive whole number`);
  return v;
};
const valued = new Set(['--ingest-articles', '--ingest-default-articles', '--api-big']);
const names = argv.filter((a, i) => !a.startsWith('--') && !valued.has(argv[i - 1] ?? ''));

const sections: Record<string, () => Promise<SectionResult>> = {
  analysis: analysisSection,
  coldstart: () => coldStartSection(),
  ingest: () =>
    ingestSection({
      articles: option('ingest-articles', 10_000),
      uploaders: 16,
      maxQueued: 60,
      defaultBridgeArticles: option('ingest-default-articles', 1000),
    }),
  api: () => apiSection({ small: 1000, big: option('api-big', 100_000) }),
  html: htmlSection,
};
const unknown = names.filter((n) => !(n in sections));
if (unknown.length > 0) {
  console.error(`unknown section ${unknown.join(', ')}; choose from ${Object.keys(sections).join(', ')}`);
  process.exit(2);
}
const chosen = names.length > 0 ? names : Object.keys(sections);
const started = performance.now();
for (const name of chosen) {
  const t = performance.now();
  log(`section ${name}`);
  const result = await sections[name]?.();
  if (!result) continue;
  writeSection(name, (performance.now() - t) / 1000, result);
  log(`section ${name} done in ${Math.round((performance.now() - t) / 1000)} s`);
}
const all = readResults();
const order = Object.keys(sections);
const rows = order.flatMap((n) => all.sections[n]?.rows ?? []);
console.log(table(rows));
console.log(
  `\nsections run now: ${chosen.join(', ')} in ${Math.round((performance.now() - started) / 1000)} s; ` +
    `others as last written (bench/results.json has each section's date)`,
);
