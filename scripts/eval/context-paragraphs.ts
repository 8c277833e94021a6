import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Analyser } from '#shared/analysis/analyse.js';
import { defaultTopics, withoutJudges } from '#shared/topics/load.js';

/**
 * `npx tsx scripts/eval/context-paragraphs.ts [DIR] [--show]`: the negotiations rules, mention by
 * mention, on the labelled paragraphs of test/fixtures/context (written blind in session 10: every
 * occurrence of a term labelled `war`, the war's talks, or `other`). Prints per language how many
 * war mentions the rules count (recall), how many other ones they wrongly count, and accuracy.
 * A counted span no label covers is reported too. `--show` lists every wrong decision; `--rules`
 * leaves the talks judge out; `--only=c,d` reads only those files.
 */
type Paragraph = {
  id: string;
  language: string;
  text: string;
  mentions: { term: string; occurrence: number; label: 'war' | 'other' | 'unsure'; reason?: string }[];
};
const root = resolve(import.meta.dirname, '..', '..');
const dir = resolve(
  process.argv.slice(2).find((a) => !a.startsWith('--')) ?? join(root, 'test', 'fixtures', 'context'),
);
const show = process.argv.includes('--show');
/** `--rules`: the context rules alone, without the talks judge (to see what it adds). */
const rulesOnly = process.argv.includes('--rules');
const analyser = new Analyser(rulesOnly ? withoutJudges(defaultTopics()) : defaultTopics());
// `--only a,b`: only these files (a.jsonl, b.jsonl).
const only = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice(7)
  .split(',');
type Tally = { war: number; warCounted: number; other: number; otherCounted: number; unlabelled: number };
const tally = new Map<string, Tally>();
const row = (k: string) => {
  const t = tally.get(k) ?? { war: 0, warCounted: 0, other: 0, otherCounted: 0, unlabelled: 0 };
  tally.set(k, t);
  return t;
};
for (const file of readdirSync(dir).filter(
  (f) => f.endsWith('.jsonl') && (!only || only.includes(f.replace(/\.jsonl$/, ''))),
)) {
  for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const p = JSON.parse(line) as Paragraph;
    const { matches, toInput } = analyser.explain({ body: p.text, language: p.language });
    const counted = (matches.negotiations ?? []).map((m) => toInput(m.start, m.end));
    const used = new Set<number>();
    for (const m of p.mentions) {
      let at = -1;
      for (let k = 0; k < m.occurrence; k++) at = p.text.indexOf(m.term, at + 1);
      if (at < 0 || m.label === 'unsure') continue;
      const hit = counted.findIndex(([s, e]) => s < at + m.term.length && at < e);
      if (hit >= 0) used.add(hit);
      for (const t of [row(p.language), row('all')]) {
        t[m.label]++;
        if (hit >= 0) t[m.label === 'war' ? 'warCounted' : 'otherCounted']++;
      }
      if (show && hit >= 0 !== (m.label === 'war'))
        console.log(`${p.id} ${m.label === 'war' ? 'MISSED' : 'COUNTED'} ${m.term} (${m.reason ?? ''})`);
    }
    const extra = counted.length - used.size;
    row(p.language).unlabelled += extra;
    row('all').unlabelled += extra;
  }
}
const f = (n: number) => n.toFixed(3);
console.log('language  war recall      other counted   accuracy  counted, no label');
for (const [lang, t] of [...tally].sort(([a], [b]) =>
  a === 'all' ? 1 : b === 'all' ? -1 : a.localeCompare(b),
)) {
  const acc = (t.warCounted + t.other - t.otherCounted) / Math.max(1, t.war + t.other);
  console.log(
    `${lang.padEnd(9)} ${`${t.warCounted}/${t.war}`.padStart(8)} ${f(t.warCounted / Math.max(1, t.war))}  ${`${t.otherCounted}/${t.other}`.padStart(8)}  ${f(acc)}     ${t.unlabelled}`,
  );
}
