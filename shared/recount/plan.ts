import { describeTopicChange, type LiveTopics } from '../topics/live.js';
import type { TopicFile } from '../topics/schema.js';
import type { AnalysisState, RecountLog } from './job.js';

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
  if (change) return `topics changed (${change})`;
  const [was, is] = [versionParts(state.analysis), versionParts(analysis)];
  const what =
    was.rules === is.rules
      ? 'the analyser changed'
      : was.revision === is.revision
        ? `the counting rules changed (contribution rules ${was.rules} → ${is.rules})`
        : `the analyser and the counting rules changed (contribution rules ${was.rules} → ${is.rules})`;
  return `${what} (${state.analysis} → ${analysis})`;
}

/** The analyser revision and contribution rules of an analysis version (shared/analysis/version.ts). */
function versionParts(version: string): { revision: string; rules: string } {
  const m = /^a(\d+)-(?:r(\d+)-)?/.exec(version);
  // Versions before the rules were named in them were made by rules 1 or 2: "before 3".
  return { revision: m?.[1] ?? '?', rules: m?.[2] ?? '1–2' };
}

/**
 * Checks the stored counters against the running analysis (topic set and analyser), as a start-up
 * or a cold start after a deploy does: the reason to recount and the analysis to bring them to,
 * or undefined when they are current. A new, empty table gets its state written instead; whether
 * anything is stored is asked only then.
 */
export async function staleAnalysis(deps: {
  readonly topics: LiveTopics;
  readonly log: RecountLog;
  readonly hasArticles: () => Promise<boolean>;
}): Promise<{ reason: string; analysis: string } | undefined> {
  const { analyser, topics } = await deps.topics.analyser();
  const state = await deps.log.getAnalysisState();
  const analysis = analyser.version;
  const reason = recountReason(
    state,
    topics.topics,
    analysis,
    state !== undefined || (await deps.hasArticles()),
  );
  if (reason) return { reason, analysis };
  if (!state) {
    await deps.log.saveAnalysisState({
      analysis,
      topics: topics.topics,
      updatedAt: new Date().toISOString(),
    });
  }
  return undefined;
}
