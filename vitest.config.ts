import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Integration tests start DynamoDB Local (a JVM) and s3rver; CDK tests synthesise and bundle.
    // These are hang guards for a shared 2-core machine, not speed targets (those live in the bench).
    // DynamoDB Local has taken over 60 s to start on a loaded machine: the guards leave it 5 minutes.
    testTimeout: 60_000,
    hookTimeout: 300_000,
    // Two cores: one worker per core keeps JVM start-up and esbuild bundling from starving each other.
    maxWorkers: 2,
  },
});
