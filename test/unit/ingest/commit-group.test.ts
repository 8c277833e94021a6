import { describe, expect, it } from 'vitest';
import type { ArticleRecord } from '#shared/ingest/article.js';
import { CommitGroup } from '#shared/ingest/commit-group.js';
import { EMPTY_CONTRIBUTION } from '#shared/ingest/contribution.js';
import type { ArticleCommit, GroupIngestStore } from '#shared/ports.js';

const record = (id: string): ArticleRecord => ({
  id,
  key: `${id}.txt`,
  bucket: 'articles',
  sequencer: '01',
  status: 'deleted',
  updatedAt: '2022-11-10T00:00:00.000Z',
  contribution: EMPTY_CONTRIBUTION,
});
const noChange = { counters: [], put: [], remove: [], presence: [] };

/** Records each call's article ids; answers with `answer(id)` (true, false, or an Error to throw). */
function recordingStore(answer: (id: string) => boolean | Error = () => true) {
  const calls: string[][] = [];
  const store: GroupIngestStore = {
    getArticle: async () => undefined,
    commitArticle: async () => {
      throw new Error('the group commits through commitArticles only');
    },
    commitArticles: async (commits: readonly ArticleCommit[]) => {
      calls.push(commits.map((c) => c.next.id));
      return commits.map((c) => {
        const a = answer(c.next.id);
        return a instanceof Error ? { status: 'rejected', reason: a } : { status: 'fulfilled', value: a };
      });
    },
  };
  return { store, calls };
}

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('CommitGroup', () => {
  it('waits for every participant still at work, then commits them in one call', async () => {
    const { store, calls } = recordingStore();
    const group = new CommitGroup(store, 3);
    const a = group.commitArticle(record('a'), undefined, noChange, undefined);
    await tick();
    expect(calls).toEqual([]);
    const b = group.commitArticle(record('b'), undefined, noChange, undefined);
    await tick();
    expect(calls).toEqual([]);
    group.leave(); // the third had nothing to commit (a stale event)
    expect(await Promise.all([a, b])).toEqual([true, true]);
    expect(calls).toEqual([['a', 'b']]);
  });

  it('gives each participant its own result, and a retry after a lost race goes in the next call', async () => {
    let lost = true;
    const { store, calls } = recordingStore((id) => {
      if (id === 'b' && lost) {
        lost = false;
        return false;
      }
      return id === 'c' ? new Error('throttled') : true;
    });
    const group = new CommitGroup(store, 3);
    const participant = async (id: string) => {
      try {
        while (!(await group.commitArticle(record(id), undefined, noChange, undefined))) {
          /* re-read and decide again, as ingestObjectEvent does */
        }
        return 'committed';
      } catch (err) {
        return (err as Error).message;
      } finally {
        group.leave();
      }
    };
    expect(await Promise.all(['a', 'b', 'c'].map(participant))).toEqual([
      'committed',
      'committed',
      'throttled',
    ]);
    expect(calls).toEqual([['a', 'b', 'c'], ['b']]);
  });

  it('fails every waiting participant when the store call itself fails', async () => {
    const store: GroupIngestStore = {
      ...recordingStore().store,
      commitArticles: async () => {
        throw new Error('network');
      },
    };
    const group = new CommitGroup(store, 2);
    const results = await Promise.allSettled([
      group.commitArticle(record('a'), undefined, noChange, undefined),
      group.commitArticle(record('b'), undefined, noChange, undefined),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  });
});
