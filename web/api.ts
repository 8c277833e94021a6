/** The public API as the page uses it: relative URLs, so the page works under any base path. */

export type Topic = {
  id: string;
  label: string;
  articles: number;
  mentions: number;
  /** false while a recount after this topic's change is running: its history is partial. */
  complete?: boolean;
};
export type Bucket = {
  start: string;
  articles: number;
  mentions: number;
  share: number | null;
  sentiment: { mean: number | null; positive: number; neutral: number; negative: number };
};
export type Trends = {
  granularity: string;
  from: string;
  to: string;
  series: { topic: string; buckets: Bucket[] }[];
};
export type Sentiment = { score: number; label: 'negative' | 'neutral' | 'positive' };
export type ArticleSummary = {
  id: string;
  key: string;
  title: string | null;
  source: string | null;
  url: string | null;
  publishedAt: string;
  sentiment: Sentiment;
  topics: Record<string, { mentions: number; sentiment: Sentiment }>;
};
export type Entity = { name: string; type: string; articles: number; mentions: number };

/** An API error, carrying the problem+json `detail` when there is one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    // The API lets caches keep reads for 60 s; a dashboard opened right after an upload must not
    // show the minute-old answer, so the browser revalidates every read.
    res = await fetch(path, { headers: { accept: 'application/json' }, cache: 'no-cache', signal });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, `the API could not be reached (${(err as Error).message})`);
  }
  if (!res.ok) {
    const problem = (await res.json().catch(() => ({}))) as { detail?: string; title?: string };
    throw new ApiError(res.status, problem.detail ?? problem.title ?? `HTTP ${res.status}`);
  }
  return (await res.json()) as T;
}

export const query = (params: Record<string, string | number | undefined>): string => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  return q.toString().replaceAll('%2C', ',');
};
