import { type FastifyInstance } from 'fastify';
import { type Metrics } from '../observability';

/**
 * `GET /metrics` in Prometheus's text format, and one observation per HTTP request. The route label is
 * the route's pattern (`/graphql`), never the URL as sent, so that it stays a small set.
 */
export function registerMetricsRoutes(app: FastifyInstance, metrics: Metrics): void {
  // Callback hooks: an async one costs every request a promise.
  app.addHook('onResponse', (request, reply, done) => {
    metrics.httpRequest(
      request.method,
      request.routeOptions.url ?? 'unmatched',
      reply.statusCode,
      reply.elapsedTime / 1000,
    );
    done();
  });
  app.get('/metrics', async (_request, reply) =>
    reply.type(metrics.contentType).send(await metrics.render()),
  );
}
