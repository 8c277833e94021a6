import { App } from 'aws-cdk-lib';
import { configFromContext } from './config.js';
import { TrendwireStack } from './trendwire-stack.js';

const app = new App();
const config = configFromContext((key) => app.node.tryGetContext(key), app.node.tryGetContext('trendwire'));
new TrendwireStack(app, `Trendwire-${config.stage}`, {
  config,
  description: `trendwire media monitoring (${config.stage})`,
  tags: { project: 'trendwire', stage: config.stage },
});
app.synth();
