import { defaultTopics, parseTopicFile } from '#shared/topics/load.js';
import type { TopicFile } from '#shared/topics/schema.js';

/**
 * The deployment's topic file as a JSON string. esbuild replaces this identifier when the CDK
 * bundles the function (infra/constructs/node-function.ts, `define`); unbundled (tsx, vitest, the
 * local stack) it is not defined at all.
 */
declare const TRENDWIRE_TOPICS: string | undefined;

/** The topics this function was deployed with; the shipped defaults when it runs unbundled. */
export function deployedTopics(): TopicFile {
  return typeof TRENDWIRE_TOPICS === 'string'
    ? parseTopicFile(JSON.parse(TRENDWIRE_TOPICS), 'bundled at deploy time')
    : defaultTopics();
}
