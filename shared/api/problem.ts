import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { BadParameterError, NotFoundError, UnavailableError } from '../errors.js';

/** The problems of a route under /topics/{id}: a bad parameter, an unknown topic. */
export const topicRouteProblems = () => ({
  400: problemResponse('A parameter is invalid; the problem names it.'),
  404: problemResponse('No such topic.'),
});

/** RFC 9457 problem details. */
export const Problem = z
  .object({
    type: z.string().openapi({ example: 'https://trendwire.dev/problems/bad-parameter' }),
    title: z.string().openapi({ example: 'Bad parameter' }),
    status: z.number().int().openapi({ example: 400 }),
    detail: z.string().openapi({ example: 'granularity: must be one of day, hour' }),
    parameter: z
      .string()
      .optional()
      .openapi({ description: 'The query or path parameter at fault (400 only).' }),
  })
  .openapi('Problem');
export type Problem = z.infer<typeof Problem>;

const TITLES: Record<number, [string, string]> = {
  400: ['bad-parameter', 'Bad parameter'],
  404: ['not-found', 'Not found'],
  405: ['method-not-allowed', 'Method not allowed'],
  409: ['conflict', 'Conflict'],
  413: ['too-large', 'Content too large'],
  415: ['unsupported-media-type', 'Unsupported media type'],
  500: ['internal', 'Internal error'],
  503: ['unavailable', 'Service unavailable'],
};

export function problem(
  c: Context,
  status: ContentfulStatusCode,
  detail: string,
  parameter?: string,
): Response {
  const [slug, title] = TITLES[status] ?? ['error', 'Error'];
  const body: Problem = {
    type: `https://trendwire.dev/problems/${slug}`,
    title,
    status,
    detail,
    ...(parameter ? { parameter } : {}),
  };
  return c.body(JSON.stringify(body), status, { 'content-type': 'application/problem+json' });
}

export const problemResponse = (description: string) => ({
  content: { 'application/problem+json': { schema: Problem } },
  description,
});

/** An error a route throws to answer with a problem (the app's onError turns it into one). */
export class ProblemError extends Error {
  override readonly name = 'ProblemError';
  constructor(
    readonly status: ContentfulStatusCode,
    message: string,
    readonly parameter?: string,
  ) {
    super(message);
  }
}

/**
 * The problem an error thrown by a route answers with: the domain's named errors as 400, 404 and
 * 503 (with Retry-After), Hono's own client errors as they are, anything else a generic 500 whose
 * cause goes to `log` only.
 */
export function problemOf(err: Error, c: Context, log?: (err: unknown) => void): Response {
  if (err instanceof BadParameterError)
    return problem(c, 400, `${err.parameter}: ${err.message}`, err.parameter);
  if (err instanceof NotFoundError) return problem(c, 404, err.message);
  if (err instanceof ProblemError) return problem(c, err.status, err.message, err.parameter);
  if (err instanceof UnavailableError) {
    c.header('retry-after', String(err.retryAfterSeconds));
    return problem(c, 503, `the store is busy: ${err.message}; try again`);
  }
  // Hono's own: a malformed JSON body (400), a body over the limit.
  if (err instanceof HTTPException && err.status < 500) return problem(c, err.status, err.message);
  log?.(err);
  return problem(c, 500, 'the request could not be completed; it has been logged');
}
