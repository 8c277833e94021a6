/**
 * What a news page says about itself, in order of trust: its JSON-LD article (`NewsArticle`,
 * `Article`, `BlogPosting`… : headline, datePublished, publisher.name, inLanguage, articleBody),
 * then Open Graph and `article:published_time`, then `<title>`, `<link rel=canonical>` and
 * `<html lang>`. Each field is taken from the most trusted place that has it.
 */

export type PageMetadata = {
  readonly title?: string | undefined;
  /** Publication dates as the page writes them, most trusted first. */
  readonly dates: readonly string[];
  readonly source?: string | undefined;
  readonly url?: string | undefined;
  readonly language?: string | undefined;
  /** The JSON-LD articleBody, when the page gives one. */
  readonly articleBody?: string | undefined;
};

type Element = { getAttribute(name: string): string | null; readonly textContent: string | null };
type Document = {
  querySelector(selector: string): Element | null;
  querySelectorAll(selector: string): ArrayLike<Element>;
  readonly documentElement: Element | null;
};

type Json = Record<string, unknown>;

const ARTICLE_TYPE = /^(?:\w*NewsArticle|Article|BlogPosting|Report)$/;
const NEWS_TYPE = /NewsArticle$/;

const str = (v: unknown): string | undefined => {
  if (typeof v === 'string') return v.replace(/\s+/g, ' ').trim() || undefined;
  if (Array.isArray(v)) return str(v[0]);
  return undefined;
};

const typesOf = (node: Json): string[] => {
  const t = node['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
};

/** Every object of the page's JSON-LD blocks, `@graph` and arrays flattened; a broken block is skipped. */
function jsonLdNodes(doc: Document): Json[] {
  const nodes: Json[] = [];
  const visit = (v: unknown, depth: number) => {
    if (depth > 4 || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      for (const x of v) visit(x, depth + 1);
      return;
    }
    nodes.push(v as Json);
    visit((v as Json)['@graph'], depth + 1);
  };
  const scripts = doc.querySelectorAll('script[type="application/ld+json" i]');
  for (let i = 0; i < scripts.length; i++) {
    const raw = (scripts[i]?.textContent ?? '').replace(
      /^\s*(?:<!--|\/\/\s*<!\[CDATA\[)|(?:-->|\/\/\s*\]\]>)\s*$/g,
      '',
    );
    try {
      visit(JSON.parse(raw), 0);
    } catch {
      // A page's broken JSON-LD is its own business: the other sources still apply.
    }
  }
  return nodes;
}

/** The page's article in JSON-LD: a news article before any other kind, the first of a kind. */
function jsonLdArticle(doc: Document): Json | undefined {
  const articles = jsonLdNodes(doc).filter((n) => typesOf(n).some((t) => ARTICLE_TYPE.test(t)));
  return articles.find((n) => typesOf(n).some((t) => NEWS_TYPE.test(t))) ?? articles[0];
}

const nameOf = (v: unknown): string | undefined => {
  if (Array.isArray(v)) return nameOf(v[0]);
  if (v !== null && typeof v === 'object') return str((v as Json).name);
  return str(v);
};

const languageOf = (v: unknown): string | undefined => {
  if (v !== null && typeof v === 'object' && !Array.isArray(v))
    return str((v as Json).alternateName) ?? str((v as Json).name);
  return str(v);
};

/** `en_US` (Open Graph) → `en-US`; anything that is not a language tag → undefined. */
const languageTag = (v: string | undefined): string | undefined => {
  const tag = v?.trim().replace(/_/g, '-');
  return tag && /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(tag) ? tag : undefined;
};

const httpUrl = (v: string | undefined): string | undefined =>
  v && /^https?:\/\/\S+$/i.test(v.trim()) ? v.trim() : undefined;

export function pageMetadata(doc: Document): PageMetadata {
  const meta = (...selectors: string[]): string | undefined => {
    for (const s of selectors) {
      const value = str(doc.querySelector(s)?.getAttribute('content'));
      if (value) return value;
    }
    return undefined;
  };
  const metas = (...selectors: string[]) => selectors.map((s) => meta(s));
  const ld = jsonLdArticle(doc);
  const pageTitle = str(doc.querySelector('title')?.textContent);
  return {
    title: str(ld?.headline) ?? meta('meta[property="og:title"]', 'meta[name="twitter:title"]') ?? pageTitle,
    dates: [
      str(ld?.datePublished),
      ...metas(
        'meta[property="article:published_time"]',
        'meta[property="og:published_time"]',
        'meta[itemprop="datePublished"]',
        'meta[name="pubdate"]',
        'meta[name="date"]',
        'meta[name="dc.date.issued" i]',
      ),
    ].filter((d): d is string => d !== undefined),
    source: nameOf(ld?.publisher) ?? meta('meta[property="og:site_name"]'),
    url:
      httpUrl(str(ld?.url)) ??
      httpUrl(meta('meta[property="og:url"]')) ??
      httpUrl(str(doc.querySelector('link[rel="canonical" i]')?.getAttribute('href'))),
    language:
      languageTag(languageOf(ld?.inLanguage)) ??
      languageTag(meta('meta[property="og:locale"]')) ??
      languageTag(str(doc.documentElement?.getAttribute('lang'))) ??
      languageTag(meta('meta[http-equiv="content-language" i]')),
    articleBody: typeof ld?.articleBody === 'string' ? ld.articleBody : undefined,
  };
}
