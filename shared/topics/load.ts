import { readFile } from 'node:fs/promises';
import * as z from 'zod';
import { defaultTopics } from './default.js';
import { TopicFile } from './schema.js';

export { defaultTopics } from './default.js';

export class TopicFileError extends Error {
  override readonly name = 'TopicFileError';
}

/** The same topics with no learned judge (`context.judge`): what the rules alone count. */
export function withoutJudges(file: TopicFile): TopicFile {
  return {
    ...file,
    topics: file.topics.map((t) => (t.context ? { ...t, context: { ...t.context, judge: undefined } } : t)),
  };
}

/** Validates a topic file's content; the error names the file and every problem in it. */
export function parseTopicFile(data: unknown, origin: string): TopicFile {
  const parsed = TopicFile.safeParse(data);
  if (!parsed.success)
    throw new TopicFileError(`invalid topic file ${origin}:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

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
