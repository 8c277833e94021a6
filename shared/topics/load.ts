import { readFile } from 'node:fs/promises';
import * as z from 'zod';
import defaultTopicsData from './default-topics.json' with { type: 'json' };
import { TopicFile } from './schema.js';

export class TopicFileError extends Error {
  override readonly name = 'TopicFileError';
}

/** Validates a topic file's content; the error names the file and every problem in it. */
export function parseTopicFile(data: unknown, origin: string): TopicFile {
  const parsed = TopicFile.safeParse(data);
  if (!parsed.success)
    throw new TopicFileError(`invalid topic file ${origin}:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/**
 * The topics shipped with trendwire: kherson and negotiations. A copy of the file as it is: it is
 * written as its own parse (defaults spelled out, keys in the schema's order), which
 * test/unit/default-topics.test.ts checks, so a cold start skips zod over it (~10 ms).
 */
export const defaultTopics = (): TopicFile => structuredClone(defaultTopicsData as TopicFile);

/** Loads a topic file (JSON) from disk, or the default file when no path is given. */
export async function loadTopicFile(path: string | undefined): Promise<TopicFile> {
  if (!path) return defaultTopics();
  let data: unknown;
  try {
    // Editors on Windows save UTF-8 with a byte order mark, which JSON.parse refuses with an
    // invisible character in its message.
    data = JSON.parse((await readFile(path, 'utf8')).replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new TopicFileError(`cannot read topic file ${path}: ${(err as Error).message}`);
  }
  return parseTopicFile(data, path);
}
