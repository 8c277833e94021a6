import { ConfigError } from './errors.js';

type Env = Record<string, string | undefined>;

/** Reads a required variable; throws a named error at cold start rather than limping on with ''. */
export function requireEnv(name: string, env: Env = process.env): string {
  const value = env[name];
  if (value === undefined || value.trim() === '')
    throw new ConfigError(`environment variable ${name} is not set`);
  return value;
}

export function intFromEnv(name: string, fallback: number, env: Env = process.env): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    throw new ConfigError(`environment variable ${name} must be a positive integer, got "${raw}"`);
  }
  return value;
}

/** A switch: `on`/`true`/`1` or `off`/`false`/`0` (any case); unset or empty is `fallback`. */
export function switchFromEnv(name: string, fallback: boolean, env: Env = process.env): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['on', 'true', '1'].includes(raw)) return true;
  if (['off', 'false', '0'].includes(raw)) return false;
  throw new ConfigError(`environment variable ${name} must be on or off, got "${env[name]}"`);
}

/** Default size limit of one article object (design.md: 1 MiB). */
export const DEFAULT_MAX_ARTICLE_BYTES = 1024 * 1024;
