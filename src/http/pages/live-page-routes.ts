import { dirname, join } from 'node:path';
import fastifyStatic from '@fastify/static';
import { type FastifyInstance } from 'fastify';
import { sameOriginPolicy } from './page-security';

/** The page needs nothing beyond its own origin, and blob: images for the media it fetches with the key. */
const CONTENT_SECURITY_POLICY = sameOriginPolicy({ 'img-src': 'blob:' });

/** graphql-ws's browser client: `client.js` and the chunk it imports, nothing else of the package. */
const GRAPHQL_WS_CLIENT_FILES = /^\/(client|common-[\w-]+)\.js$/;

/**
 * `GET /live/`: the live status page, a small static app that lists messages as their statuses change
 * (graphql-ws subscription) and shows a message's history and diagnosis. It holds no secret: when the
 * gateway requires API keys, the page asks for one and sends it like any other client.
 */
export async function registerLivePageRoutes(app: FastifyInstance): Promise<void> {
  await app.register(fastifyStatic, {
    root: join(__dirname, '..', 'public', 'live'),
    prefix: '/live/',
    // Another route file registers the plugin too; only one may add `reply.sendFile`.
    decorateReply: false,
    cacheControl: false,
    setHeaders(response) {
      response.setHeader('content-security-policy', CONTENT_SECURITY_POLICY);
      response.setHeader('x-content-type-options', 'nosniff');
      // Small files that change with the gateway's version: always revalidate.
      response.setHeader('cache-control', 'no-cache');
    },
  });
  // What people type; the page and its files live under `/live/`.
  app.get('/live', (_request, reply) => reply.redirect('/live/', 301));
  await app.register(fastifyStatic, {
    root: dirname(require.resolve('graphql-ws')),
    prefix: '/live/vendor/graphql-ws/',
    decorateReply: false,
    allowedPath: (path) => GRAPHQL_WS_CLIENT_FILES.test(path),
    maxAge: '1d',
  });
}
