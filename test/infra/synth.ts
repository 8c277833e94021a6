import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { defineTrendwireApp } from '../../infra/trendwire-app.js';
import type { TrendwireStack } from '../../infra/trendwire-stack.js';

export const projectRoot = join(import.meta.dirname, '..', '..');

/** The context `cdk synth` reads from cdk.json: feature flags and the `trendwire` defaults. */
export const cdkJsonContext: Record<string, unknown> = JSON.parse(
  readFileSync(join(projectRoot, 'cdk.json'), 'utf8'),
).context;

export type Synthesised = {
  readonly app: App;
  readonly stack: TrendwireStack;
  readonly assembly: CloudAssembly;
  readonly template: Template;
};

/**
 * Synthesises the app as `cdk synth -c key=value …` does: cdk.json's context plus `settings`,
 * through the same entry point (config, topic file, stack, cdk-nag). Throws if cdk-nag finds
 * anything unacknowledged.
 */
export async function synth(settings: Record<string, unknown> = {}): Promise<Synthesised> {
  const app = new App({ context: { ...cdkJsonContext, ...settings } });
  const stack = await defineTrendwireApp(app);
  const assembly = app.synth();
  const template = Template.fromJSON(assembly.getStackArtifact(stack.artifactId).template);
  return { app, stack, assembly, template };
}

/** Settings that exercise every option at once: a locked-down production deployment. */
export const lockedDown = {
  stage: 'prod',
  topicFile: join(projectRoot, 'test/fixtures/topics/grain-corridor.json'),
  batchSize: '25',
  maxBatchingWindowSeconds: '5',
  maxConcurrency: '3',
  articlePrefix: 'incoming/',
  articleSuffix: '.json',
  authMode: 'jwt',
  jwtIssuer: 'https://auth.example.org/',
  jwtAudience: 'trendwire-api,trendwire-dashboard',
  corsAllowOrigins: 'https://news.example.org, https://desk.example.org',
  alarmEmail: 'ops@example.org',
  spikeThreshold: '4',
  spikeMinArticles: '5',
  copyDetection: 'false',
} as const;
