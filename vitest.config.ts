import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Integration tests start DynamoDB Local (a JVM) and s3rver; CDK tests synthesise and bundle.
    // These are hang guards for a shared 2-core machine, not speed targets (those live in the bench).
    testTimeout: 60_000,
    hookTimeout: 90_000,
    // Two cores: one worker per core keeps JVM start-up and esbuild bundling from starving each other.
    maxWorkers: 2,
  },
});
