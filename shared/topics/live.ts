import { createHash } from 'node:crypto';
import type { Analyser } from '../analysis/analyse.js';
import { BadParameterError } from '../errors.js';
import { canonicalJson } from './canonical.js';
import { MAX_TOPICS, type TopicDefinition, TopicFile } from './schema.js';

/** The topic set as the table keeps it: run-time data, versioned. */
export type StoredTopics = {
  readonly topics: TopicFile;
  /** Raised by every change; an article record says which version analysed it. */
  readonly version: number;
  readonly updatedAt: string;
  /** When each topic was last created or replaced. */
  readonly updated: Readonly<Record<string, string>>;
  /** Digest of the topic file last applied (the file seeds the table, and replaces it when it changes). */
  readonly seed: string;
};

/**
 * A stored topic set as the running code reads it: re-parsed by today's schema, so that a field
 * added since it was written has its default (a set stored before `senses`, `surnames` or
 * `context.subjects` existed would otherwise lack them), or as written when today's schema refuses
 * it (a bound tightened since): the analyser's own guards then apply.
 */
export function storedTopicsOf(stored: StoredTopics): StoredTopics {
  const parsed = TopicFile.safeParse(stored.topics);
  return parsed.success ? { ...stored, topics: parsed.data } : stored;
}

/** Port: the stored topic set (one item of the table). */
export type TopicStore = {
  getTopics(): Promise<StoredTopics | undefined>;
  /** Writes `next` provided the stored version is still `expected` (undefined: none stored); false otherwise. */
  putTopics(next: StoredTopics, expected: number | undefined): Promise<boolean>;
};

/** A write raced with a topic change: the caller reloads the topics and tries again. */
export class TopicsChangedError extends Error {
  override readonly name = 'TopicsChangedError';
}

export const topicFileDigest = (file: TopicFile): string =>
  createHash('sha256').update(canonicalJson(file)).digest('hex').slice(0, 16);

/** What a change of topic set did, in words: `added grain; removed negotiations`. */
export function describeTopicChange(before: TopicFile, after: TopicFile): string | undefined {
  const was = new Map(before.topics.map((t) => [t.id, canonicalJson(t)]));
  const is = new Map(after.topics.map((t) => [t.id, canonicalJson(t)]));
  const added = [...is.keys()].filter((id) => !was.has(id));
  const removed = [...was.keys()].filter((id) => !is.has(id));
  const changed = [...is.keys()].filter((id) => was.has(id) && was.get(id) !== is.get(id));
  const parts = [
    added.length ? `added ${added.join(', ')}` : '',
    removed.length ? `removed ${removed.join(', ')}` : '',
    changed.length ? `changed ${changed.join(', ')}` : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join('; ') : undefined;
}

/**
 * The running topic set, read from the store and kept for `maxAgeMs` (a change made elsewhere is
 * seen within that time; a write that raced with one fails with TopicsChangedError and reloads).
 * Analysers are built per version from `base` (they share every component but the topics).
 */
export class LiveTopics {
  private cached: { at: number; value: Promise<StoredTopics> } | undefined;
  private built: { version: number; analyser: Analyser } | undefined;

  constructor(
    private readonly store: TopicStore,
    private readonly base: () => Analyser,
    private readonly options: {
      maxAgeMs?: number;
      now?: () => number;
      /** The deployed topic file: stored when no topic set is (a first start). */
      seed?: TopicFile;
    } = {},
  ) {}

  current(): Promise<StoredTopics> {
    const now = this.options.now?.() ?? Date.now();
    if (!this.cached || now - this.cached.at > (this.options.maxAgeMs ?? 5000)) {
      const seed = this.options.seed;
      const value = this.store.getTopics().then(async (t) => {
        if (t) return t;
        if (seed) return (await applyTopicFile(this.store, seed, new Date(now).toISOString())).topics;
        throw new Error('no topics are stored: the topic set is seeded at start-up or deploy');
      });
      value.catch(() => {
        if (this.cached?.value === value) this.cached = undefined;
      });
      this.cached = { at: now, value };
    }
    return this.cached.value;
  }

  /** Forget the cached set: the next call reads the store. */
  invalidate(): void {
    this.cached = undefined;
  }

  /** The analyser of the current topic set, and that set's version. */
  async analyser(): Promise<{ analyser: Analyser; version: number; topics: StoredTopics }> {
    const topics = await this.current();
    if (this.built?.version !== topics.version) {
      this.built = { version: topics.version, analyser: this.base().withTopics(topics.topics) };
    }
    return { analyser: this.built.analyser, version: topics.version, topics };
  }

  /**
   * Applies `change` to the stored set with optimistic concurrency: re-read and re-applied when
   * another writer got there first. Returns the new set, or undefined when nothing changed.
   */
  async update(
    change: (file: TopicFile) => TopicFile,
    touched: readonly string[],
    now: string,
  ): Promise<{ before: StoredTopics; after: StoredTopics } | undefined> {
    for (let attempt = 0; attempt < 10; attempt++) {
      this.invalidate();
      const before = await this.current();
      const topics = change(before.topics);
      if (canonicalJson(topics) === canonicalJson(before.topics)) return undefined;
      const updated = Object.fromEntries(
        topics.topics.map((t) => [t.id, touched.includes(t.id) ? now : (before.updated[t.id] ?? now)]),
      );
      const after: StoredTopics = { ...before, topics, version: before.version + 1, updatedAt: now, updated };
      if (await this.store.putTopics(after, before.version)) {
        this.invalidate();
        return { before, after };
      }
    }
    throw new Error('the topics kept changing under 10 attempts to update them');
  }
}

/** A topic set with `topic` created or replaced (in place, or appended). */
export function withTopic(file: TopicFile, topic: TopicDefinition): TopicFile {
  const i = file.topics.findIndex((t) => t.id === topic.id);
  if (i < 0 && file.topics.length >= MAX_TOPICS) {
    throw new BadParameterError(
      'id',
      `there are already ${MAX_TOPICS} topics, the most one transaction of an article's counters allows; delete one first`,
    );
  }
  return { ...file, topics: i < 0 ? [...file.topics, topic] : file.topics.with(i, topic) };
}

/** A topic set without `id`; the last topic cannot go. */
export function withoutTopic(file: TopicFile, id: string): TopicFile {
  if (file.topics.length === 1 && file.topics[0]?.id === id) {
    throw new BadParameterError('id', 'is the only topic; add another before deleting it');
  }
  return { ...file, topics: file.topics.filter((t) => t.id !== id) };
}

/**
 * Seeds or refreshes the stored set from the topic file at start-up or deploy: the file is applied
 * when nothing is stored or when the file changed since it was last applied; otherwise the stored
 * set (with changes made over the API) stays. Returns what was done, in words, if anything.
 */
export async function applyTopicFile(
  store: TopicStore,
  file: TopicFile,
  now: string,
): Promise<{ topics: StoredTopics; said?: string }> {
  const seed = topicFileDigest(file);
  const stored = await store.getTopics();
  if (stored && stored.seed === seed) {
    const drift = describeTopicChange(file, stored.topics);
    return {
      topics: stored,
      ...(drift
        ? { said: `topics as changed over the API are kept (against the topic file: ${drift})` }
        : {}),
    };
  }
  const updated = Object.fromEntries(file.topics.map((t) => [t.id, now]));
  const next: StoredTopics = {
    topics: file,
    version: (stored?.version ?? 0) + 1,
    updatedAt: now,
    updated,
    seed,
  };
  if (!(await store.putTopics(next, stored?.version))) return applyTopicFile(store, file, now);
  const change = stored ? describeTopicChange(stored.topics, file) : undefined;
  return { topics: next, ...(change ? { said: `the topic file changed: ${change}` } : {}) };
}
