import { describeTopicChange } from '../topics/live.js';
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
  const change = describeTopicChange(state.topics, topics);
  return change ? `topics changed (${change})` : `the analyser changed (${state.analysis} → ${analysis})`;
}
