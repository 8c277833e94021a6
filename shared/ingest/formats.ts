import { ConfigError } from '../errors.js';

/** How each article suffix is read; `.gz` after any of them means gzip-compressed. */
export const SUFFIX_KINDS = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'text',
  '.json': 'json',
  '.html': 'html',
  '.htm': 'html',
} as const;
export type ArticleSuffix = keyof typeof SUFFIX_KINDS;
export type ArticleKind = (typeof SUFFIX_KINDS)[ArticleSuffix];

/**
 * The suffixes that are articles unless configured otherwise. `.md` is not one: a README swept
 * up by a recursive `aws s3 cp` became an article dated the day of the copy.
 */
export const DEFAULT_ARTICLE_SUFFIXES: readonly ArticleSuffix[] = ['.txt', '.text', '.json', '.html', '.htm'];

/** What the parser is told by the configuration. */
export type ArticleFormats = {
  /** Suffixes read as articles (a key may add `.gz`); any other key is a rejection. */
  readonly suffixes: readonly ArticleSuffix[];
  /** IANA zone in which a date-time without a zone is read. */
  readonly defaultTimeZone: string;
};

export const DEFAULT_ARTICLE_FORMATS: ArticleFormats = {
  suffixes: DEFAULT_ARTICLE_SUFFIXES,
  defaultTimeZone: 'UTC',
};

const isSuffix = (s: string): s is ArticleSuffix => Object.hasOwn(SUFFIX_KINDS, s);

/** `.txt,.json,html` → the suffixes; an unknown one is a ConfigError naming it and `origin`. */
export function articleSuffixes(raw: string | readonly string[], origin: string): ArticleSuffix[] {
  const items = (typeof raw === 'string' ? raw.split(',') : raw).map((s) => s.trim().toLowerCase());
  const out: ArticleSuffix[] = [];
  for (const item of items.filter((s) => s !== '')) {
    const suffix = item.startsWith('.') ? item : `.${item}`;
    if (!isSuffix(suffix)) {
      throw new ConfigError(
        `${origin}: "${item}" is not an article suffix; known: ${Object.keys(SUFFIX_KINDS).join(', ')}`,
      );
    }
    if (!out.includes(suffix)) out.push(suffix);
  }
  if (out.length === 0) throw new ConfigError(`${origin} names no article suffix`);
  return out;
}

/** An IANA time zone name as Intl spells it; anything else is a ConfigError naming `origin`. */
export function timeZoneName(raw: string, origin: string): string {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: raw.trim() }).resolvedOptions().timeZone;
  } catch {
    throw new ConfigError(
      `${origin}: "${raw}" is not an IANA time zone name (e.g. UTC, Europe/Kyiv, America/New_York)`,
    );
  }
}

/** The formats from two environment variables; unset ones keep the defaults. */
export function articleFormatsFromEnv(
  env: Record<string, string | undefined>,
  names: { readonly suffixes: string; readonly timeZone: string },
): ArticleFormats {
  const suffixes = env[names.suffixes];
  const zone = env[names.timeZone];
  return {
    suffixes: suffixes ? articleSuffixes(suffixes, names.suffixes) : DEFAULT_ARTICLE_SUFFIXES,
    defaultTimeZone: zone ? timeZoneName(zone, names.timeZone) : 'UTC',
  };
}
