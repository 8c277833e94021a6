import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as z from 'zod';
import type { SentimentLabel } from '#shared/analysis/sentiment.js';
import { type Span, TargetFeatures } from '#shared/analysis/target-features.js';

/**
 * NewsMTSC (Hamborg & Donnay, EACL 2021; MIT): English news sentences, each with one or more
 * targets and the sentiment of the sentence towards each (polarity 2 negative, 4 neutral, 6
 * positive). A target's spans are its main mention and its further mentions (pronouns mostly).
 */
export const root = resolve(import.meta.dirname, '..', '..');
export const newsMtscDir = resolve(root, '..', 'shared', 'datasets', 'newsmtsc');

const Line = z.object({
  sentence_normalized: z.string(),
  targets: z.array(
    z.object({
      'Input.gid': z.string(),
      from: z.number().int(),
      to: z.number().int(),
      polarity: z.number(),
      further_mentions: z.array(z.object({ from: z.number().int(), to: z.number().int() })).optional(),
    }),
  ),
});

export type TargetExample = {
  readonly id: string;
  readonly sentence: string;
  readonly spans: readonly Span[];
  readonly label: SentimentLabel;
};

const labelOf = (p: number): SentimentLabel => (p < 3 ? 'negative' : p > 5 ? 'positive' : 'neutral');

/** Every target of a NewsMTSC-format JSONL file, in file order. */
export function readNewsMtsc(file: string): TargetExample[] {
  const out: TargetExample[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const row = Line.parse(JSON.parse(line));
    for (const t of row.targets)
      out.push({
        id: t['Input.gid'],
        sentence: row.sentence_normalized,
        spans: [t, ...(t.further_mentions ?? [])].map((m) => ({ start: m.from, end: m.to })),
        label: labelOf(t.polarity),
      });
  }
  return out;
}

/**
 * `npx tsx scripts/train/target-data.ts [TRAIN.jsonl] [OUT_DIR]`: the feature rows of NewsMTSC's
 * train.jsonl, grouped by sentence (targets of one sentence share a cross-validation fold).
 */
if (import.meta.url === `file://${process.argv[1]}`) {
  const file = resolve(process.argv[2] ?? join(newsMtscDir, 'train.jsonl'));
  const outDir = resolve(process.argv[3] ?? join(root, 'eval-out', 'train'));
  mkdirSync(outDir, { recursive: true });
  const features = new TargetFeatures();
  const lines = readNewsMtsc(file).map((e) =>
    JSON.stringify({ id: e.id, group: e.sentence, y: e.label, x: features.extract(e.sentence, e.spans) }),
  );
  const out = join(outDir, 'target-train.jsonl');
  writeFileSync(out, `${lines.join('\n')}\n`);
  console.log(`${lines.length} targets of ${file} -> ${out}`);
}
