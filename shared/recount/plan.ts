import type { TopicFile } from '../topics/schema.js';
import type { AnalysisState } from './job.js';

/**
 * Why the stored counters need a recount under the running analysis, in words a user reads at
 * start-up; undefined when they already reflect it. `hasArticles`: whether anything is stored
 * (a new, empty table needs no recount, only its state written).
 */
export function recountReason(
  state: AnalysisState | undefined,
  topics: TopicFile,
  analysis: string,
  hasArticles: boolean,
): string | undefined {
  if (!state) {
    return hasArticles
      ? 'the stored articles were counted before analysis versions were kept: every article is analysed again'
      : undefined;
  }
  if (state.analysis === analysis) return undefined;
  const before = new Map(state.topics.topics.map((t) => [t.id, JSON.stringify(t)]));
  const after = new Map(topics.topics.map((t) => [t.id, JSON.stringify(t)]));
  const added = [...after.keys()].filter((id) => !before.has(id));
  const removed = [...before.keys()].filter((id) => !after.has(id));
  const changed = [...after.keys()].filter((id) => before.has(id) && before.get(id) !== after.get(id));
  const parts = [
    added.length ? `added ${added.join(', ')}` : '',
    removed.length ? `removed ${removed.join(', ')}` : '',
    changed.length ? `changed ${changed.join(', ')}` : '',
  ].filter(Boolean);
  return parts.length > 0
    ? `topics changed (${parts.join('; ')})`
    : `the analyser changed (${state.analysis} → ${analysis})`;
}
