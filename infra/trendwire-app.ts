import type { App } from 'aws-cdk-lib';
import { loadTopicFile } from '../shared/topics/load.js';
import { configFromContext, unknownContextKeys } from './config.js';
import { applyNagChecks } from './nag.js';
import { TrendwireStack } from './trendwire-stack.js';

/**
 * Everything `cdk synth` builds, from the app's context: the validated configuration, the topic
 * file (validated here, at synth, so a broken one never reaches a deployed function), the stack,
 * and the cdk-nag checks that fail the synthesis on any unacknowledged finding.
 */
export async function defineTrendwireApp(app: App): Promise<TrendwireStack> {
  const unknown = unknownContextKeys(app.node.getAllContext());
  if (unknown.length > 0) throw new Error(`invalid trendwire configuration:\n${unknown.join('\n')}`);
  const config = configFromContext((key) => app.node.tryGetContext(key), app.node.tryGetContext('trendwire'));
  const topics = await loadTopicFile(config.topicFile);
  const stack = new TrendwireStack(app, `Trendwire-${config.stage}`, {
    config,
    topics,
    description: `trendwire media monitoring (${config.stage})`,
    tags: { project: 'trendwire', stage: config.stage },
  });
  applyNagChecks(app);
  return stack;
}
