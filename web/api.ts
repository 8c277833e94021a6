/** The public API as the page uses it: relative URLs, so the page works under any base path. */

/** An API error, carrying the problem+json `detail` when there is one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function request(path: string, accept: string, signal?: AbortSignal): Promise<Response> {
  let res: Response;
  try {
    // The API lets caches keep reads for 60 s; a dashboard opened right after an upload must not
    // show the minute-old answer, so the browser revalidates every read.
    res = await fetch(path, { headers: { accept }, cache: 'no-cache', signal });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, `the API could not be reached (${(err as Error).message})`);
  }
  if (!res.ok) {
    const problem = (await res.json().catch(() => ({}))) as { detail?: string; title?: string };
    throw new ApiError(res.status, problem.detail ?? problem.title ?? `HTTP ${res.status}`);
  }
  return res;
}

export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  return (await (await request(path, 'application/json', signal)).json()) as T;
}

export async function getText(path: string, signal?: AbortSignal): Promise<string> {
  return (await request(path, 'text/plain', signal)).text();
}

export const query = (params: Record<string, string | number | undefined>): string => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  return q.toString().replaceAll('%2C', ',');
};
