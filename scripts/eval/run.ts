import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Analyser } from '#shared/analysis/analyse.js';
import { stripBoilerplate } from '#shared/analysis/boilerplate.js';
import { normaliseText } from '#shared/analysis/normalise.js';
import { ArticleJson } from '#shared/ingest/parse.js';
import type { Gold, Prediction, Predictions } from './score.js';

export type AnnotatedSet = {
  readonly dir: string;
  readonly gold: Gold;
  /** Article id (file name without .json) to body, in id order. */
  readonly articles: readonly {
    readonly id: string;
    readonly body: string;
    readonly title?: string | undefined;
    readonly language?: string | undefined;
  }[];
};

/** Reads an annotated set: every `*.json` beside `gold.json` is an article in the input format. */
export function readSet(dir: string): AnnotatedSet {
  const gold = JSON.parse(readFileSync(join(dir, 'gold.json'), 'utf8')) as Gold;
  const articles = readdirSync(dir)
    .filter((f) => f.endsWith('.json') && f !== 'gold.json')
    .sort()
    .map((f) => {
      const { body, title, language } = ArticleJson.parse(JSON.parse(readFileSync(join(dir, f), 'utf8')));
      return { id: f.replace(/\.json$/, ''), body, title, language };
    });
  return { dir, gold, articles };
}

/** Our predictions in the shape GET /articles/{id} returns. */
export function predictWith(analyser: Analyser, set: AnnotatedSet): Predictions {
  const out: Predictions = {};
  for (const { id, body, title, language } of set.articles) {
    // As ingestion reads it: the headline and the declared language go with the body.
    const a = analyser.analyse({ body, title, language });
    out[id] = {
      topics: a.topics,
      entities: a.entities.map((e) => ({ name: e.name, type: e.type, mentions: e.mentions })),
      sentiment: a.sentiment,
      language: a.language,
    } as Prediction;
  }
  return out;
}

type Nlp = ((text: string) => {
  people(): { out(format: 'array'): string[] };
  places(): { out(format: 'array'): string[] };
  organizations(): { out(format: 'array'): string[] };
}) & { [k: string]: unknown };

/**
 * Raw compromise NER as the baseline: people(), places(), organizations() over the same text our
 * analyser sees (boilerplate removed), names as compromise returns them. Topics and sentiment are
 * not compromise's job and are left out, so only its entity scores are comparable.
 */
export function predictWithCompromise(nlp: Nlp, set: AnnotatedSet): Predictions {
  const out: Predictions = {};
  for (const { id, body } of set.articles) {
    const doc = nlp(stripBoilerplate(normaliseText(body)).text);
    const entities = [
      ...doc
        .people()
        .out('array')
        .map((name) => ({ name, type: 'person' })),
      ...doc
        .places()
        .out('array')
        .map((name) => ({ name, type: 'place' })),
      ...doc
        .organizations()
        .out('array')
        .map((name) => ({ name, type: 'organization' })),
    ];
    out[id] = { entities };
  }
  return out;
}

/** compromise, loaded only here (a devDependency: the Lambda never imports it). */
export async function loadCompromise(): Promise<Nlp> {
  const mod = (await import('compromise')) as unknown as { default: Nlp };
  return mod.default;
}
