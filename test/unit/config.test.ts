import { describe, expect, it } from 'vitest';
import { intFromEnv, requireEnv, switchFromEnv } from '#shared/config.js';
import { ConfigError } from '#shared/errors.js';

describe('requireEnv', () => {
  it('gives a set variable and names a missing or blank one', () => {
    expect(requireEnv('TABLE_NAME', { TABLE_NAME: 'trendwire' })).toBe('trendwire');
    for (const env of [{}, { TABLE_NAME: '' }, { TABLE_NAME: '  ' }]) {
      expect(() => requireEnv('TABLE_NAME', env)).toThrow(ConfigError);
      expect(() => requireEnv('TABLE_NAME', env)).toThrow(/TABLE_NAME is not set/);
    }
  });
});

describe('switchFromEnv', () => {
  it('reads on and off in their usual spellings, and the fallback when unset or empty', () => {
    expect(switchFromEnv('COPY_DETECTION', true, {})).toBe(true);
    expect(switchFromEnv('COPY_DETECTION', false, { COPY_DETECTION: '' })).toBe(false);
    for (const on of ['on', 'TRUE', '1', ' On ']) expect(switchFromEnv('X', false, { X: on }), on).toBe(true);
    for (const off of ['off', 'False', '0']) expect(switchFromEnv('X', true, { X: off }), off).toBe(false);
  });

  it('refuses anything else, naming the variable', () => {
    expect(() => switchFromEnv('COPY_DETECTION', true, { COPY_DETECTION: 'maybe' })).toThrow(
      /COPY_DETECTION must be on or off, got "maybe"/,
    );
  });
});

describe('intFromEnv', () => {
  it('gives the fallback when unset or empty, and a positive integer when set', () => {
    expect(intFromEnv('COUNTER_SHARDS', 4, {})).toBe(4);
    expect(intFromEnv('COUNTER_SHARDS', 4, { COUNTER_SHARDS: '' })).toBe(4);
    expect(intFromEnv('COUNTER_SHARDS', 4, { COUNTER_SHARDS: '16' })).toBe(16);
  });

  it('refuses anything else, quoting it', () => {
    for (const raw of ['0', '-3', '2.5', 'many', '1e400'])
      expect(() => intFromEnv('COUNTER_SHARDS', 4, { COUNTER_SHARDS: raw }), raw).toThrow(
        new RegExp(`COUNTER_SHARDS must be a positive integer, got "${raw.replace('.', '\\.')}"`),
      );
  });
});
