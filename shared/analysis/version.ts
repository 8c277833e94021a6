import { COPY_METHOD } from '../copies/method.js';
import { CURRENT_CONTRIBUTION_RULES } from '../ingest/contribution.js';
import { canonicalJson } from '../topics/canonical.js';
import talksJudge from '../topics/data/talks-judge.model.json' with { type: 'json' };
import type { TopicFile } from '../topics/schema.js';
import boilerplate from './data/boilerplate.json' with { type: 'json' };
import documentModel from './data/document-sentiment.model.json' with { type: 'json' };
import gazetteerIndex from './data/gazetteer-index.json' with { type: 'json' };
import nameCues from './data/name-cues.json' with { type: 'json' };
import lexicon from './data/sentiment-lexicon.json' with { type: 'json' };
import targetModel from './data/target-sentiment.model.json' with { type: 'json' };
import targetLexiconModel from './data/target-sentiment-lexicon.model.json' with { type: 'json' };
import toneCues from './data/tone-cues.json' with { type: 'json' };
import { float64Form } from './linear-model.js';

/**
 * The revision of the analyser's code: raise it with any change of what the code makes of the
 * same text and data (the data files and the topic set are hashed below, so their changes need no
 * raise; a model by its weights, whatever their packing).
 */
export const ANALYSER_REVISION = 12;

/**
 * Which analysis produced a record: analyser code revision, its data (lexicons, cues, gazetteer,
 * the document model), the topic set and the version of the contribution rules, as
 * `a<revision>-r<contribution rules>-<digest>` (before rules 3: `a<revision>-<digest>`). A record whose version differs from the running one was analysed by an
 * older analyser or topic set, or counted by older rules (a recount finds it so).
 */
export function analysisVersionOf(topics: TopicFile): string {
  // node:crypto is loaded here, on first use, not with the module (~5 ms of a cold start that
  // needs no version: the API).
  const { createHash } = process.getBuiltinModule('node:crypto');
  const json = (data: unknown) => JSON.stringify(data);
  // The gazetteers as the JSON text of their files (data/gazetteer-index.json carries it): the
  // same bytes as JSON.stringify of the files, without their object literals in the bundle.
  const [gazetteer, worldPlaces, worldCities] = gazetteerIndex.sources;
  const digest = createHash('sha256')
    .update(
      `[${json(boilerplate)},${json(documentModel)},${gazetteer},${json(nameCues)},${json(lexicon)},` +
        `${json(float64Form(targetModel))},${json(targetLexiconModel)},${json(toneCues)},${worldPlaces},${worldCities},` +
        `${json(COPY_METHOD)},${json(float64Form(talksJudge))}]`,
    )
    // The topic set by content: its keys in a fixed order (DynamoDB does not keep a map's order).
    .update(canonicalJson(topics))
    // What the counters make of an analysis: new contribution rules (say, breakdowns) are a new
    // version, so a deploy that brings them starts the recount that moves every record to them.
    .update(`contribution rules ${CURRENT_CONTRIBUTION_RULES.version}`)
    .digest('hex')
    .slice(0, 12);
  return `a${ANALYSER_REVISION}-r${CURRENT_CONTRIBUTION_RULES.version}-${digest}`;
}
