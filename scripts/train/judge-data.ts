import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { stripBoilerplate } from '#shared/analysis/boilerplate.js';
import { normaliseText, splitSentences, tokenise } from '#shared/analysis/normalise.js';
import { ArticleJson } from '#shared/ingest/parse.js';
import {
  countedByRules,
  type JudgeInput,
  judgeFeatures,
  sentenceRanges,
} from '#shared/topics/judge-features.js';
import { defaultTopics } from '#shared/topics/load.js';
import { TopicMatcher } from '#shared/topics/matcher.js';
import { mergeAdjacent } from '#shared/topics/positions.js';

/**
 * `npx tsx scripts/train/judge-data.ts OUT_DIR`: the training file of the `talks` judge
 * (shared/topics/judge.ts), OUT_DIR/judge-train.jsonl: every candidate the negotiations context
 * rules decide, with its features and a label, from
 * - every annotated set in test/fixtures except those `counting-split.json` lists as `untouched`
 *   (sets nothing may be fitted on yet): an article's candidates are all `other` where its gold
 *   count is 0, all `war` where counting them all gives the gold count, the rules' verdicts where
 *   those give it; an article none of these settles is left out;
 * - the labelled paragraphs of test/fixtures/context (each mention labelled `war` or `other`).
 * Examples of one article share a group (cross-validation keeps them in one fold).
 */
const root = resolve(import.meta.dirname, '..', '..');
const fixtures = join(root, 'test', 'fixtures');
const out = resolve(process.argv[2] ?? join(root, 'eval-out', 'train'));
const TOPIC = 'negotiations';
const split = JSON.parse(readFileSync(join(fixtures, 'counting-split.json'), 'utf8')) as {
  untouched?: string[];
};
const untouched = new Set(split.untouched ?? []);
/** JUDGE_LABELS=counts: an article's labels from its gold count alone (the labelling before session 18). */
const LABELS = process.env.JUDGE_LABELS === 'counts' ? 'counts' : 'quotes';

const topics = defaultTopics();
let inputs: JudgeInput[] = [];
const matcher = new TopicMatcher(topics.topics, () => ({
  decide(input) {
    inputs.push(input);
    return input.candidates.map((c) => countedByRules(c.verdict));
  },
}));

/** The judge's input for the negotiations candidates of a text, as the analyser reads it. */
function read(body: string) {
  const { text } = stripBoilerplate(normaliseText(body));
  const tokens = tokenise(text);
  inputs = [];
  matcher.match(text, tokens, splitSentences(text));
  // One topic has a judge; an input is made only where it has candidates.
  return { text, input: inputs[0] };
}

/** Counted mentions when `keep` of the candidates count: adjacent ones are one phrase, as the matcher counts. */
const countOf = (text: string, input: JudgeInput, keep: readonly boolean[]) =>
  mergeAdjacent(
    text,
    input.candidates.filter((_, i) => keep[i]).map((c) => c.match),
  ).length;

const rows: string[] = [];
/** The examples of one text; a candidate without a label is left out. */
const write = (input: JudgeInput, labels: readonly (string | undefined)[], group: string) => {
  const ranges = sentenceRanges(input);
  input.candidates.forEach((_, i) => {
    if (labels[i] === undefined) return;
    rows.push(
      JSON.stringify({
        id: `${group}#${i}`,
        group,
        y: labels[i],
        x: Object.fromEntries(judgeFeatures(input, i, ranges)),
      }),
    );
  });
};
/** Folded for comparing an article with the phrases its gold notes quote. */
const fold = (s: string) =>
  s
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/[\u00ab\u00bb\u201c\u201d\u201e]/g, '"')
    .replace(/\s/g, ' ');

/**
 * How many characters around text[start, end) the note `section` quotes as the article has them:
 * the longest run, left plus right, over the section's occurrences of the candidate's words.
 */
function quotedAround(text: string, start: number, end: number, section: string): number {
  const term = fold(text.slice(start, end));
  let best = -1;
  for (let at = section.indexOf(term); at >= 0; at = section.indexOf(term, at + 1)) {
    let left = 0;
    while (
      left < 60 &&
      section[at - left - 1] !== undefined &&
      section[at - left - 1] === text[start - left - 1]
    )
      left++;
    let right = 0;
    const after = at + term.length;
    while (right < 60 && section[after + right] !== undefined && section[after + right] === text[end + right])
      right++;
    best = Math.max(best, left + right);
  }
  return best;
}

/**
 * Each candidate's label from the phrases the gold notes quote (the blind sets' notes quote every
 * counted mention after "negotiations (N):" and the rejected ones after "Rejected"): `war` where a
 * counted quote holds it with some of its context, `other` where a rejected one does, and the rest
 * `other` — used only where the `war` candidates, merged as the matcher merges them, give the gold
 * count (so the labels agree with the count), else undefined.
 */
function quotedLabels(text: string, input: JudgeInput, notes: string, want: number): boolean[] | undefined {
  const folded = fold(notes).replace(/ +/g, ' ');
  const head = folded.search(/negotiations \(\d+\)/);
  if (head < 0) return undefined;
  const stop = folded.slice(head).search(/rejected|not counted|label (negative|neutral|positive)|entities:/);
  const counted = folded.slice(head, stop < 0 ? undefined : head + stop);
  // Folding keeps the text's length (offsets stay valid); a quote spanning a paragraph break is not found.
  const foldedText = fold(text);
  if (foldedText.length !== text.length) return undefined;
  const keep = input.candidates.map(
    (c) => quotedAround(foldedText, c.match.start, c.match.end, counted) >= 6,
  );
  return countOf(text, input, keep) === want ? keep : undefined;
}

let articles = 0;
let byQuotes = 0;
let unsettled = 0;
const sets: string[] = [];
for (const set of readdirSync(fixtures).sort()) {
  const dir = join(fixtures, set);
  if (untouched.has(set) || !existsSync(join(dir, 'gold.json'))) continue;
  sets.push(set);
  const gold = JSON.parse(readFileSync(join(dir, 'gold.json'), 'utf8')) as Record<
    string,
    { topics?: Record<string, number>; notes?: string }
  >;
  for (const [id, g] of Object.entries(gold)) {
    if (!existsSync(join(dir, `${id}.json`))) continue;
    const article = ArticleJson.parse(JSON.parse(readFileSync(join(dir, `${id}.json`), 'utf8')));
    const { text, input } = read(article.body);
    if (!input) continue;
    const want = g.topics?.[TOPIC] ?? 0;
    const rules = input.candidates.map((c) => countedByRules(c.verdict));
    const all = input.candidates.map(() => true);
    const quoted =
      LABELS === 'quotes' && want > 0 ? quotedLabels(text, input, g.notes ?? '', want) : undefined;
    if (quoted) byQuotes++;
    const keep =
      want === 0
        ? input.candidates.map(() => false)
        : quoted
          ? quoted
          : countOf(text, input, all) === want
            ? all
            : countOf(text, input, rules) === want
              ? rules
              : undefined;
    if (!keep) {
      unsettled++;
      continue;
    }
    articles++;
    write(
      input,
      keep.map((k) => (k ? 'war' : 'other')),
      `${set}/${id}`,
    );
  }
}

type Paragraph = {
  id: string;
  text: string;
  mentions: { term: string; occurrence: number; label: 'war' | 'other' | 'unsure' }[];
};
let paragraphs = 0;
const context = join(fixtures, 'context');
for (const file of readdirSync(context).filter((f) => f.endsWith('.jsonl'))) {
  for (const line of readFileSync(join(context, file), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const p = JSON.parse(line) as Paragraph;
    const { text, input } = read(p.text);
    if (!input) continue;
    // Each candidate takes the label of the mention it covers; one no label covers is left out.
    const labels: (string | undefined)[] = input.candidates.map(() => undefined);
    for (const m of p.mentions) {
      let at = -1;
      for (let k = 0; k < m.occurrence; k++) at = text.indexOf(m.term, at + 1);
      if (at < 0 || m.label === 'unsure') continue;
      input.candidates.forEach((c, i) => {
        if (c.match.start < at + m.term.length && at < c.match.end) labels[i] = m.label;
      });
    }
    write(input, labels, `context/${p.id}`);
    paragraphs++;
  }
}
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'judge-train.jsonl'), `${rows.join('\n')}\n`);
console.log(
  `${rows.length} candidates -> ${join(out, 'judge-train.jsonl')}: ${articles} articles of ${sets.length} sets ` +
    `(${byQuotes} labelled by the quotes of their notes) ` +
    `(${unsettled} left out: the gold count settles no labels), ${paragraphs} paragraphs; ` +
    `not read: ${[...untouched].join(', ') || 'none'}`,
);
