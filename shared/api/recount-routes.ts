import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { NotFoundError } from '../errors.js';
import { observedStatus, type RecountLog } from '../recount/job.js';
import { decodeCursor, encodeCursor, RecountCursor } from './cursor.js';
import { problemResponse } from './problem.js';
import * as S from './schemas.js';

export type RecountRouteDeps = {
  readonly recounts: Pick<RecountLog, 'getRecount' | 'listRecounts'>;
  readonly now: () => number;
};

const json = (schema: z.ZodType, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});

const routes = {
  recount: createRoute({
    method: 'get',
    path: '/recounts/{id}',
    request: { params: z.object({ id: z.string().max(100) }) },
    responses: {
      200: json(S.Recount, 'A recount: why it ran and how far it got.'),
      404: problemResponse('No such recount.'),
    },
  }),
  recounts: createRoute({
    method: 'get',
    path: '/recounts',
    request: { query: S.PageQuery },
    responses: {
      200: json(S.RecountList, 'Recounts, newest first.'),
      400: problemResponse('A parameter is invalid; the problem names it.'),
    },
  }),
};

/** GET /recounts and /recounts/{id}: the replays of the archive after a topic or analyser change. */
export function registerRecountRoutes(app: OpenAPIHono, deps: RecountRouteDeps): void {
  app.openapi(routes.recount, async (c) => {
    const { id } = c.req.valid('param');
    const found = await deps.recounts.getRecount(id);
    if (!found) throw new NotFoundError(`no recount "${id}"; GET /recounts lists them`);
    return c.json(observedStatus(found, deps.now()), 200);
  });

  app.openapi(routes.recounts, async (c) => {
    const query = c.req.valid('query');
    const cursorQuery = { route: 'recounts' };
    const after = query.cursor ? decodeCursor(query.cursor, cursorQuery, RecountCursor).a : undefined;
    const page = await deps.recounts.listRecounts(query.limit ?? 20, after);
    const nextCursor = page.next ? encodeCursor({ a: page.next }, cursorQuery) : null;
    return c.json({ items: page.items.map((r) => observedStatus(r, deps.now())), nextCursor }, 200);
  });
}
