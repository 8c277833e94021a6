import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import { DASHBOARD_ASSETS, DASHBOARD_HTML } from './dashboard-asset.generated.js';

/**
 * The dashboard (web/, built into dashboard-asset.generated.ts): `GET /` and its hashed assets.
 *
 * - `/` is `no-cache` with an ETag: browsers revalidate each visit and get a 304 until a deploy
 *   changes the page, which then names new asset files.
 * - `/assets/<name>.<hash>.<ext>` never change under a name: cached for a year, immutable.
 * - A Content-Security-Policy allows only this origin's script, style and API (no inline code),
 *   and no framing.
 */
export const DASHBOARD_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const PAGE_ETAG = `"${createHash('sha256').update(DASHBOARD_HTML).digest('base64url').slice(0, 22)}"`;

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

/** The dashboard's routes, for the API app to mount: `app.route('/', dashboardRoutes())`. */
export function dashboardRoutes(): Hono {
  const app = new Hono();
  app.get('/', (c) => {
    const headers = {
      ...SECURITY_HEADERS,
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': DASHBOARD_CSP,
      'cache-control': 'no-cache',
      etag: PAGE_ETAG,
    };
    const match = c.req.header('if-none-match');
    if (match?.split(',').some((t) => t.trim().replace(/^W\//, '') === PAGE_ETAG)) {
      return c.body(null, 304, headers);
    }
    return c.body(DASHBOARD_HTML, 200, headers);
  });
  app.get('/assets/:name', (c) => {
    const asset = Object.hasOwn(DASHBOARD_ASSETS, c.req.param('name'))
      ? DASHBOARD_ASSETS[c.req.param('name')]
      : undefined;
    if (!asset) return c.notFound();
    return c.body(asset.body, 200, {
      ...SECURITY_HEADERS,
      'content-type': asset.type,
      'cache-control': 'public, max-age=31536000, immutable',
    });
  });
  return app;
}
