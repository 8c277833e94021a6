import { CURRENT_CONTRIBUTION_RULES, diffContributions } from '../ingest/contribution.js';
import { forgetStaleCopies } from '../ingest/copies.js';
import { type IngestDeps, nextRevision, recordOfObject } from '../ingest/process.js';

/** What a recount did with one key. */
export type RecountResult =
  /** Analysed again and its contribution moved to what the running analysis gives. */
  | 'recounted'
  /** Its record was already made by the running analysis (a restarted recount skips it). */
  | 'current'
  /** No article record, or a deleted or rejected key: nothing it counts. */
  | 'skipped'
  /** The object is gone: its delete event settles the key. */
  | 'missing';

const MAX_ATTEMPTS = 8;

/**
 * Recounts one object key: reads its record, and if an older analysis (other topics, another
 * analyser) or older contribution rules made it, reads the object again (the version the record
 * holds, where the bucket keeps versions), analyses it and commits the new record with the difference of contributions — the
 * same conditional transaction as ingestion, conditioned on the record's revision. A concurrent
 * ingest or another recount of the key makes the commit fail; the record is read again and the
 * decision taken again, so every change is applied exactly once.
 */
export async function recountKey(bucket: string, key: string, deps: IngestDeps): Promise<RecountResult> {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const previous = await deps.store.getArticle(key);
    if (previous?.status !== 'active') return 'skipped';
    // Current only when both made it: the running analysis AND the contribution rules in force
    // (a record counted under older rules lacks what the new ones add, e.g. breakdowns).
    const rules = deps.contributionRules ?? CURRENT_CONTRIBUTION_RULES;
    if (previous.analysis === deps.analyser.version && (previous.contributionRules ?? 1) === rules.version)
      return 'current';
    const fetched = await deps.source.getObject(previous.bucket || bucket, key, {
      versionId: previous.versionId,
      maxBytes: deps.maxArticleBytes,
    });
    if (fetched === 'missing') return 'missing';
    const base = {
      id: previous.id,
      key,
      bucket: previous.bucket || bucket,
      sequencer: previous.sequencer,
      updatedAt: (deps.now?.() ?? new Date()).toISOString(),
    };
    // An article without a date of its own was dated by its event: the record keeps that date.
    const prepared = await recordOfObject(
      base,
      fetched,
      previous.publishedAt ?? base.updatedAt,
      previous.versionId,
      deps,
    );
    const next = { ...prepared.record, rev: nextRevision(previous) };
    const change = diffContributions(previous.contribution, next.contribution);
    if (await deps.store.commitArticle(next, previous, change, prepared.rejection)) {
      await forgetStaleCopies(previous, next, deps.copies);
      return 'recounted';
    }
  }
  throw new Error(`recount gave up on ${key} after ${MAX_ATTEMPTS} conflicting writes`);
}
