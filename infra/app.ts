import { App } from 'aws-cdk-lib';
import { defineTrendwireApp } from './trendwire-app.js';

const app = new App();
await defineTrendwireApp(app);
app.synth();
