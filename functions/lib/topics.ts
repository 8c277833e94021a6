import { defaultTopics, parseTopicFile } from '#shared/topics/load.js';
import type { TopicFile } from '#shared/topics/schema.js';

/**
 * The deployment's topic file as a JSON string. esbuild replaces this identifier when the CDK
 * bundles the function (infra/constructs/node-function.ts, `define`); unbundled (tsx, vitest, the
 * local stack) it is not defined at all.
 */
declare const TRENDWIRE_TOPICS: string | undefined;

let bundled: TopicFile | undefined;

/**
 * The topics this function was deployed with (a copy each call; validated once: the ingest
 * function asks twice at cold start); the shipped defaults when it runs unbundled.
 */
export function deployedTopics(): TopicFile {
  if (typeof TRENDWIRE_TOPICS !== 'string') return defaultTopics();
  bundled ??= parseTopicFile(JSON.parse(TRENDWIRE_TOPICS), 'bundled at deploy time');
  return structuredClone(bundled);
}
