import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Analyser } from '#shared/analysis/analyse.js';
import { ArticleJson } from '#shared/ingest/parse.js';
import { defaultTopics } from '#shared/topics/load.js';

/**
 * `npx tsx scripts/eval/agreement.ts`: exact-count agreement per topic between the second
 * annotator of test/fixtures/agreement (blind40–blind43 counted again, blind to the gold) and the
 * gold, beside the analyser's agreement with each, over the pairs where either side counts more
 * than 0 (the scorer's pairs).
 */
const root = resolve(import.meta.dirname, '..', '..');
const fixtures = join(root, 'test', 'fixtures');
const second = JSON.parse(
  readFileSync(join(fixtures, 'agreement', 'second-annotator-blind40-43.json'), 'utf8'),
) as Record<string, Record<string, number>>;
const analyser = new Analyser(defaultTopics());
type Tally = { agree: number; pairs: number };
const tallies = new Map<string, Tally>();
const tally = (key: string, a: number, b: number) => {
  if (a === 0 && b === 0) return;
  const t = tallies.get(key) ?? { agree: 0, pairs: 0 };
  t.pairs++;
  if (a === b) t.agree++;
  tallies.set(key, t);
};
for (const [key, counts] of Object.entries(second)) {
  const [folder = '', id = ''] = key.split('/');
  const dir = join(fixtures, folder.replace('set', 'blind'));
  const gold = JSON.parse(readFileSync(join(dir, 'gold.json'), 'utf8'))[id] as {
    topics: Record<string, number>;
  };
  const article = ArticleJson.parse(JSON.parse(readFileSync(join(dir, `${id}.json`), 'utf8')));
  const analysis = analyser.analyse({ body: article.body, language: article.language });
  for (const topic of ['kherson', 'negotiations']) {
    const g = gold.topics[topic] ?? 0;
    const s = counts[topic] ?? 0;
    const ours = analysis.topics[topic]?.mentions ?? 0;
    tally(`${topic}  second annotator vs gold`, s, g);
    tally(`${topic}  analyser vs gold        `, ours, g);
    tally(`${topic}  analyser vs second      `, ours, s);
  }
}
for (const [key, t] of tallies)
  console.log(`${key}  ${t.agree}/${t.pairs}  ${(t.agree / t.pairs).toFixed(3)}`);
