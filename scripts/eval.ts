import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { Analyser } from '#shared/analysis/analyse.js';
import { defaultTopics } from '#shared/topics/load.js';
import { loadCompromise, predictWith, predictWithCompromise, readSet } from './eval/run.js';
import { type EntityKey, type Score, score } from './eval/score.js';

/**
 * `npm run eval [-- SET_DIR...]`: analyses every article of each annotated set (default: the
 * development set test/fixtures/dev our own test/fixtures/extra, the hold-out, blind2, blind3 and blind4), writes the predictions in the
 * shape GET /articles/{id} returns to eval-out/predictions-<set>.json, and prints per topic the
 * article-level P/R/F1 and exact-count share, per entity type P/R/F1 for trendwire and, side by
 * side, for raw compromise on the same text, and the sentiment label accuracy. With
 * ../shared/eval/score.mjs present (the project's judge) it also runs that on each set and checks
 * that it agrees with the in-repo port (scripts/eval/score.ts).
 */
const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const dirs = args.length
  ? args.map((a) => resolve(a))
  : ['dev', 'extra', 'holdout', 'blind2', 'blind3', 'blind4'].map((set) =>
      join(root, 'test', 'fixtures', set),
    );

const analyser = new Analyser(defaultTopics());
const nlp = await loadCompromise();
const outDir = join(root, 'eval-out');
mkdirSync(outDir, { recursive: true });
const judge = resolve(root, '..', 'shared', 'eval', 'score.mjs');
const f = (x: number) => x.toFixed(3);
const TYPES: readonly EntityKey[] = ['people', 'places', 'organizations'];
let judgeDisagrees = false;

const summary: Record<string, { ours: Score; compromise: Score }> = {};
for (const dir of dirs) {
  const set = readSet(dir);
  const name = basename(dir);
  const ours = predictWith(analyser, set);
  const theirs = predictWithCompromise(nlp, set);
  const out = join(outDir, `predictions-${name}.json`);
  writeFileSync(out, JSON.stringify(ours, null, 1));
  writeFileSync(join(outDir, `compromise-${name}.json`), JSON.stringify(theirs, null, 1));
  if (name === 'dev') writeFileSync(join(outDir, 'predictions.json'), JSON.stringify(ours, null, 1));
  const s = score(set.gold, ours);
  const c = score(set.gold, theirs);
  summary[name] = { ours: s, compromise: c };

  console.log(`\n== ${name}: ${s.found}/${s.articles} articles (${relative(root, dir) || '.'})`);
  for (const [t, r] of Object.entries(s.topics))
    console.log(
      `topic ${t.padEnd(13)} P ${f(r.precision)} R ${f(r.recall)} F1 ${f(r.f1)}  exact counts ${f(r.exact)}`,
    );
  console.log(`topics overall      F1 ${f(s.topicArticle.f1)}  exact counts ${f(s.mentionExact)}`);
  // A set annotated for topics and sentiment only (gold `entities` null everywhere) scores no entity.
  const hasEntities = Object.values(set.gold).some((g) => g.entities);
  console.log(
    hasEntities
      ? 'entities            trendwire P / R / F1      compromise P / R / F1     ΔF1'
      : 'entities: not annotated in this set',
  );
  for (const k of hasEntities ? TYPES : []) {
    const a = s.entities[k];
    const b = c.entities[k];
    console.log(
      `  ${k.padEnd(17)} ${f(a.precision)} / ${f(a.recall)} / ${f(a.f1)}   ${f(b.precision)} / ${f(b.recall)} / ${f(b.f1)}   ${a.f1 - b.f1 >= 0 ? '+' : ''}${f(a.f1 - b.f1)}`,
    );
  }
  console.log(`sentiment label accuracy ${f(s.sentimentAccuracy)}`);
  if (process.argv.includes('--misses')) console.log(JSON.stringify(missesOf(s), null, 1));

  if (existsSync(judge)) {
    const r = spawnSync(process.execPath, [judge, join(dir, 'gold.json'), out, '--json'], {
      encoding: 'utf8',
    });
    const official = JSON.parse(r.stdout) as Score;
    const same =
      JSON.stringify({ ...official, perArticle: undefined }) ===
      JSON.stringify({ ...s, perArticle: undefined });
    if (!same) judgeDisagrees = true;
    console.log(
      `(../shared/eval/score.mjs on the same predictions: ${same ? 'identical figures' : 'DIFFERS'})`,
    );
  }
}
writeFileSync(
  join(outDir, 'summary.json'),
  JSON.stringify(
    Object.fromEntries(
      Object.entries(summary).map(([k, v]) => [
        k,
        { ours: { ...v.ours, perArticle: undefined }, compromise: { entities: v.compromise.entities } },
      ]),
    ),
    null,
    1,
  ),
);
if (judgeDisagrees) process.exit(1);

function missesOf(s: Score) {
  return Object.fromEntries(
    Object.entries(s.perArticle).filter(([, row]) => {
      const r = row as { topics: object; entities: object; sentiment?: object };
      return Object.keys(r.topics).length || Object.keys(r.entities).length || r.sentiment;
    }),
  );
}
