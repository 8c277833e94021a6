import defaultTopicsData from './default-topics.json' with { type: 'json' };
import type { TopicFile } from './schema.js';

/**
 * The topics shipped with trendwire: kherson and negotiations. A copy of the file as it is: it is
 * written as its own parse (defaults spelled out, keys in the schema's order), which
 * test/unit/topics/default.test.ts checks, so a cold start loads no zod for it (~10 ms to parse,
 * and zod's own init for an analyser that needs no other validation).
 */
export const defaultTopics = (): TopicFile => structuredClone(defaultTopicsData as TopicFile);
