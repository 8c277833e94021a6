import { readFileSync } from 'node:fs';
import { Analyser } from '#shared/analysis/analyse.js';
import { ArticleJson } from '#shared/ingest/parse.js';
import { defaultTopics } from '#shared/topics/load.js';
const analyser = new Analyser(defaultTopics());
for (const spec of process.argv.slice(2)) {
  const [set, id] = spec.split('/') as [string, string];
  const dir = `test/fixtures/${set}`;
  const g = JSON.parse(readFileSync(`${dir}/gold.json`, 'utf8'))[id];
  const a = ArticleJson.parse(JSON.parse(readFileSync(`${dir}/${id}.json`, 'utf8')));
  const { text, matches } = analyser.explain({ body: a.body, language: a.language });
  console.log(`\n== ${spec} gold ${g.topics.negotiations ?? 0} got ${(matches.negotiations ?? []).length}`);
  for (const m of matches.negotiations ?? []) console.log(`  …${text.slice(Math.max(0, m.start - 70), m.start).replace(/\s+/g, ' ')}[${text.slice(m.start, m.end)}]${text.slice(m.end, m.end + 50).replace(/\s+/g, ' ')}`);
  const n = g.notes as string; const i = n.indexOf('negotiations ('); console.log('  NOTES:', n.slice(i, i + 900));
}
