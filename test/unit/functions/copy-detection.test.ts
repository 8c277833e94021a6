import { describe, expect, it } from 'vitest';
import { defaultTopics } from '#shared/topics/load.js';
import { configFromEnv, createIngestRuntime } from '../../../functions/lib/runtime.js';

describe('COPY_DETECTION', () => {
  it('gives ingestion a copy index by default, and none when it is off', () => {
    const on = createIngestRuntime(configFromEnv({ TABLE_NAME: 't' }), defaultTopics());
    expect(on.copies).toBeDefined();
    const off = createIngestRuntime(
      configFromEnv({ TABLE_NAME: 't', COPY_DETECTION: 'off' }),
      defaultTopics(),
    );
    expect(off.copies).toBeUndefined();
  });

  it('refuses a misspelled value at cold start, naming the variable', () => {
    expect(() => configFromEnv({ TABLE_NAME: 't', COPY_DETECTION: 'of' })).toThrow(
      /COPY_DETECTION must be on or off/,
    );
  });
});
