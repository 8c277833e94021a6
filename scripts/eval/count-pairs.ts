import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { Analyser } from '#shared/analysis/analyse.js';
import { ArticleJson } from '#shared/ingest/parse.js';
import { defaultTopics, withoutJudges } from '#shared/topics/load.js';

/**
 * `npx tsx scripts/eval/count-pairs.ts OUT.json SET_DIR...`: every article–topic count (gold and
 * counted) of each set, written to OUT.json, with the exact-count share per set and topic over the
 * pairs where gold or count is above 0 (the scorer's pairs). Two such files side by side show which
 * pairs a counting change moved: `--diff BEFORE.json AFTER.json`. `--rules` (first): the context
 * rules alone, without the talks judge.
 */
type Row = { set: string; id: string; topic: string; gold: number; got: number };
const rulesOnly = process.argv[2] === '--rules';
const args = process.argv.slice(rulesOnly ? 3 : 2);
if (args[0] === '--diff') {
  const [a, b] = args.slice(1).map((f) => JSON.parse(readFileSync(f, 'utf8')) as Row[]);
  const key = (r: Row) => `${r.set}/${r.id}/${r.topic}`;
  const before = new Map((a ?? []).map((r) => [key(r), r]));
  for (const r of b ?? []) {
    const o = before.get(key(r));
    if (o && o.got !== r.got)
      console.log(
        `${key(r)} gold ${r.gold}: ${o.got} -> ${r.got}${r.got === r.gold ? ' fixed' : o.got === o.gold ? ' BROKEN' : ''}`,
      );
  }
} else {
  const analyser = new Analyser(rulesOnly ? withoutJudges(defaultTopics()) : defaultTopics());
  const rows: Row[] = [];
  for (const dir of args.slice(1).map((d) => resolve(d))) {
    const gold = JSON.parse(readFileSync(join(dir, 'gold.json'), 'utf8')) as Record<
      string,
      { topics: Record<string, number> }
    >;
    const files = new Set(readdirSync(dir));
    for (const [id, g] of Object.entries(gold)) {
      if (!files.has(`${id}.json`)) continue;
      const article = ArticleJson.parse(JSON.parse(readFileSync(join(dir, `${id}.json`), 'utf8')));
      const { matches } = analyser.explain({ body: article.body, language: article.language });
      // Sets that leave zero counts out of gold still score a topic counted where gold has none.
      for (const topic of new Set([...Object.keys(g.topics), ...Object.keys(matches)]))
        rows.push({
          set: basename(dir),
          id,
          topic,
          gold: g.topics[topic] ?? 0,
          got: matches[topic]?.length ?? 0,
        });
    }
  }
  writeFileSync(args[0] as string, JSON.stringify(rows));
  const sets = [...new Set(rows.map((r) => r.set)), 'TOTAL'];
  for (const set of sets) {
    const line = ['kherson', 'negotiations'].map((topic) => {
      const pairs = rows.filter(
        (r) => (set === 'TOTAL' || r.set === set) && r.topic === topic && (r.gold > 0 || r.got > 0),
      );
      const exact = pairs.filter((r) => r.gold === r.got).length;
      return `${topic} ${exact}/${pairs.length}`;
    });
    console.log(`${set.padEnd(9)} ${line.join('  ')}`);
  }
}
