import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Analyser } from '#shared/analysis/analyse.js';
import { ArticleJson } from '#shared/ingest/parse.js';
import { defaultTopics } from '#shared/topics/load.js';

/**
 * The annotated articles of test/fixtures, split as test/fixtures/sentiment-split.json fixed
 * before the blind sets were written: every set directory with a gold.json is read; an article
 * is TEST when its set is a test set and its number is divisible by `testEvery`.
 */
export const root = resolve(import.meta.dirname, '..', '..');
const fixtures = join(root, 'test', 'fixtures');

export type Labelled = {
  readonly id: string;
  readonly set: string;
  readonly label: 'negative' | 'neutral' | 'positive';
  readonly language: string;
  readonly genre?: string | undefined;
  readonly title?: string | undefined;
  readonly body: string;
  readonly split: 'train' | 'test';
};

export function labelledArticles(): Labelled[] {
  const split = JSON.parse(readFileSync(join(fixtures, 'sentiment-split.json'), 'utf8')) as {
    testSets: string[];
    testEvery: number;
  };
  const out: Labelled[] = [];
  for (const set of readdirSync(fixtures).sort()) {
    const goldPath = join(fixtures, set, 'gold.json');
    if (!existsSync(goldPath)) continue;
    const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as Record<
      string,
      { sentiment?: { label?: string }; language?: string; genre?: string }
    >;
    for (const [id, g] of Object.entries(gold)) {
      const label = g.sentiment?.label;
      if (label !== 'negative' && label !== 'neutral' && label !== 'positive') continue;
      const article = ArticleJson.parse(JSON.parse(readFileSync(join(fixtures, set, `${id}.json`), 'utf8')));
      const number = Number(/(\d+)$/.exec(id)?.[1] ?? 1);
      const test = split.testSets.includes(set) && number % split.testEvery === 0;
      out.push({
        id: `${set}/${id}`,
        set,
        label,
        language: article.language ?? g.language ?? 'und',
        genre: g.genre,
        title: article.title,
        body: article.body,
        split: test ? 'test' : 'train',
      });
    }
  }
  return out;
}

/** `npx tsx scripts/train/document-data.ts OUT_DIR`: feature rows of the train and test splits. */
if (import.meta.url === `file://${process.argv[1]}`) {
  const outDir = resolve(process.argv[2] ?? join(root, 'eval-out', 'train'));
  mkdirSync(outDir, { recursive: true });
  const analyser = new Analyser(defaultTopics());
  const rows = labelledArticles().map((a) => ({
    id: a.id,
    y: a.label,
    split: a.split,
    x: analyser.documentFeatures({ body: a.body, title: a.title, language: a.language }),
  }));
  for (const split of ['train', 'test'] as const) {
    const lines = rows.filter((r) => r.split === split).map(({ id, y, x }) => JSON.stringify({ id, y, x }));
    writeFileSync(join(outDir, `document-${split}.jsonl`), `${lines.join('\n')}\n`);
    console.log(`${split}: ${lines.length} articles -> ${join(outDir, `document-${split}.jsonl`)}`);
  }
}
