import { readFileSync } from 'node:fs';
import { stripBoilerplate } from '#shared/analysis/boilerplate.js';
import { detectLanguage } from '#shared/analysis/language.js';
import { normaliseText, splitSentences, tokenise } from '#shared/analysis/normalise.js';
import { SentimentScorer } from '#shared/analysis/sentiment.js';
import { ArticleJson } from '#shared/ingest/parse.js';

/**
 * `npx tsx scripts/eval/explain.ts ARTICLE.json...`: each sentence's sentiment score and the words
 * that made it, then the document score — to see why an article gets its label.
 */
const scorer = new SentimentScorer();
for (const file of process.argv.slice(2)) {
  const { body } = ArticleJson.parse(JSON.parse(readFileSync(file, 'utf8')));
  const { text } = stripBoilerplate(normaliseText(body));
  const sentences = splitSentences(text);
  const tokens = tokenise(text);
  const language = detectLanguage(tokens);
  const rows = scorer.explain(tokens, sentences, language);
  console.log(`\n== ${file} (${language})`);
  rows.forEach((r, i) => {
    const s = sentences[i];
    const snippet = s ? text.slice(s.start, s.end).trim().slice(0, 90) : '';
    const words = r.words.map(([w, v]) => `${w}${v > 0 ? '+' : ''}${v}`).join(' ');
    console.log(`${r.score.toFixed(2).padStart(6)}  ${snippet}\n        ${words}`);
  });
  console.log(`document: ${JSON.stringify(SentimentScorer.combine(rows.map((r) => r.score)))}`);
}
