import type { ArticleCommit, GroupIngestStore, IngestStore } from '../ports.js';
import type { ArticleRecord, Rejection } from './article.js';
import type { ContributionChange } from './contribution.js';

/**
 * Gathers the commits of the articles processed together (one SQS batch) into shared
 * transactions. It is the IngestStore each participant writes through: a commit waits until every
 * participant still at work is also waiting on a commit (or has left), then all of them go to the
 * store in one call. No timer: a batch whose records all reach the commit together costs one
 * transaction, and a participant that never commits (a stale event, an error) only has to leave.
 *
 * Every participant must call `leave()` exactly once when it is done, whatever happened, or the
 * others wait for it forever.
 */
export class CommitGroup implements IngestStore {
  private waiting: { commit: ArticleCommit; settle: (r: PromiseSettledResult<boolean>) => void }[] = [];
  private active: number;

  constructor(
    private readonly store: GroupIngestStore,
    participants: number,
  ) {
    this.active = participants;
  }

  getArticle(key: string): Promise<ArticleRecord | undefined> {
    return this.store.getArticle(key);
  }

  commitArticle(
    next: ArticleRecord,
    previous: ArticleRecord | undefined,
    change: ContributionChange,
    rejection: Rejection | undefined,
  ): Promise<boolean> {
    return new Promise<boolean>((resolve, reject) => {
      this.waiting.push({
        commit: { next, previous, change, rejection },
        settle: (r) => (r.status === 'fulfilled' ? resolve(r.value) : reject(r.reason)),
      });
      this.flushIfAllWait();
    });
  }

  /** The participant is done and will not commit again. */
  leave(): void {
    this.active--;
    this.flushIfAllWait();
  }

  private flushIfAllWait(): void {
    if (this.waiting.length === 0 || this.waiting.length < this.active) return;
    const batch = this.waiting;
    this.waiting = [];
    // Through a resolved promise: a store that threw synchronously would otherwise leave every
    // waiter but the caller hanging.
    Promise.resolve()
      .then(() => this.store.commitArticles(batch.map((w) => w.commit)))
      .then(
        (results) => {
          batch.forEach((w, i) => {
            w.settle(results[i] ?? { status: 'rejected', reason: new Error('no result for a commit') });
          });
        },
        (reason: unknown) => {
          for (const w of batch) w.settle({ status: 'rejected', reason });
        },
      );
  }
}
