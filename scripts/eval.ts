import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Analyser } from '#shared/analysis/analyse.js';
import { ArticleJson } from '#shared/ingest/parse.js';
import { defaultTopics } from '#shared/topics/load.js';

/**
 * `npm run eval [-- GOLD_DIR]`: analyses every dev-*.json article of an annotated set, writes the
 * predictions in the shape GET /articles/{id} returns to eval-out/predictions.json, and scores
 * them with ../shared/eval/score.mjs (the project's judge) when it is present.
 */
const dir = resolve(process.argv[2] ?? join(import.meta.dirname, '..', 'test', 'fixtures', 'dev'));
const analyser = new Analyser(defaultTopics());
const predictions: Record<string, unknown> = {};
for (const file of readdirSync(dir)
  .filter((f) => /^dev-\d+\.json$/.test(f))
  .sort()) {
  const article = ArticleJson.parse(JSON.parse(readFileSync(join(dir, file), 'utf8')));
  const a = analyser.analyse({ body: article.body, language: undefined });
  predictions[file.replace(/\.json$/, '')] = {
    topics: a.topics,
    entities: a.entities.map((e) => ({ name: e.name, type: e.type, mentions: e.mentions })),
    sentiment: a.sentiment,
    language: a.language,
  };
}
const outDir = join(import.meta.dirname, '..', 'eval-out');
mkdirSync(outDir, { recursive: true });
const out = join(outDir, 'predictions.json');
writeFileSync(out, JSON.stringify(predictions, null, 1));
console.log(`wrote ${Object.keys(predictions).length} predictions to ${out}`);

const scorer = resolve(import.meta.dirname, '..', '..', 'shared', 'eval', 'score.mjs');
if (existsSync(scorer)) {
  const r = spawnSync(process.execPath, [scorer, join(dir, 'gold.json'), out], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
} else {
  console.log(`(${scorer} not found: predictions written, not scored)`);
}
