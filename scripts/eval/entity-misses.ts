import { readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { normName } from './score.js';

/**
 * `npx tsx scripts/eval/entity-misses.ts SET_DIR...`: per article, the gold entities the analyser
 * missed and the predicted ones not in the gold, from eval-out/predictions-<set>.json (run
 * scripts/eval.ts first). Only for sets already scored once, never for a held-out set.
 */
type Gold = Record<
  string,
  { entities?: Record<string, string[]> | null; aliases?: Record<string, string[]> }
>;
type Preds = Record<string, { entities?: { name: string; type: string }[] }>;
const KEY: Record<string, string> = { person: 'people', place: 'places', organization: 'organizations' };
const root = resolve(import.meta.dirname, '..', '..');
for (const dir of process.argv.slice(2).map((d) => resolve(d))) {
  const set = basename(dir);
  const gold = JSON.parse(readFileSync(join(dir, 'gold.json'), 'utf8')) as Gold;
  const preds = JSON.parse(readFileSync(join(root, 'eval-out', `predictions-${set}.json`), 'utf8')) as Preds;
  for (const [id, g] of Object.entries(gold)) {
    if (!g.entities) continue;
    const canon = new Map<string, string>();
    for (const [c, as] of Object.entries(g.aliases ?? {}))
      for (const a of as) canon.set(normName(a), normName(c));
    const lines: string[] = [];
    for (const k of ['people', 'places', 'organizations']) {
      const want = new Map((g.entities[k] ?? []).map((n) => [normName(n), n]));
      const got = new Map<string, string>();
      for (const e of preds[id]?.entities ?? [])
        if (KEY[e.type] === k) {
          const n = normName(e.name);
          got.set(canon.get(n) ?? n, e.name);
        }
      const missed = [...want].filter(([n]) => !got.has(n)).map(([, v]) => v);
      const extra = [...got].filter(([n]) => !want.has(n)).map(([, v]) => v);
      if (missed.length) lines.push(`  ${k} MISSED: ${missed.join(' | ')}`);
      if (extra.length) lines.push(`  ${k} EXTRA:  ${extra.join(' | ')}`);
    }
    if (lines.length) console.log(`${set}/${id}\n${lines.join('\n')}`);
  }
}
