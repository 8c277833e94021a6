import { readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { Analyser } from '#shared/analysis/analyse.js';
import { ArticleJson } from '#shared/ingest/parse.js';
import { defaultTopics } from '#shared/topics/load.js';

/**
 * `npx tsx scripts/eval/count-misses.ts SET_DIR...`: every article–topic pair whose count differs
 * from the gold, with each counted match in its context and the gold's notes — to see which rule
 * a miss comes from. Only for sets already scored once (a blind set's first figures come first).
 */
const analyser = new Analyser(defaultTopics());
for (const dir of process.argv.slice(2).map((d) => resolve(d))) {
  const gold = JSON.parse(readFileSync(join(dir, 'gold.json'), 'utf8')) as Record<
    string,
    { topics: Record<string, number>; notes?: string }
  >;
  for (const [id, g] of Object.entries(gold)) {
    const article = ArticleJson.parse(JSON.parse(readFileSync(join(dir, `${id}.json`), 'utf8')));
    const { text, matches } = analyser.explain({ body: article.body, language: article.language });
    for (const [topic, want] of Object.entries(g.topics)) {
      const got = matches[topic] ?? [];
      if (got.length === want) continue;
      console.log(`\n== ${basename(dir)}/${id} ${topic}: gold ${want}, counted ${got.length}`);
      for (const m of got) {
        const before = text.slice(Math.max(0, m.start - 50), m.start).replace(/\s+/g, ' ');
        const after = text.slice(m.end, m.end + 40).replace(/\s+/g, ' ');
        console.log(`   …${before}[${text.slice(m.start, m.end)}]${after}…`);
      }
      console.log(`   notes: ${g.notes ?? ''}`);
    }
  }
}
