import { describe, expect, it } from 'vitest';
import shipped from '#shared/topics/default-topics.json' with { type: 'json' };
import { defaultTopics, parseTopicFile } from '#shared/topics/load.js';

describe('the shipped topic file', () => {
  it('is its own parse: valid, every default written out, keys in the order the schema gives them', () => {
    // defaultTopics() returns the file without zod (cold start): it must be what zod would return.
    expect(JSON.stringify(parseTopicFile(shipped, 'default-topics.json'))).toBe(JSON.stringify(shipped));
    expect(JSON.stringify(defaultTopics())).toBe(JSON.stringify(shipped));
  });

  it('is a fresh copy each time (a caller may change its own)', () => {
    const a = defaultTopics();
    a.topics.pop();
    expect(defaultTopics().topics).toHaveLength(shipped.topics.length);
  });
});
