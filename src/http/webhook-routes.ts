import { type FastifyInstance } from 'fastify';
import { SIGNATURE_HEADER, type WebhookHandler } from '../webhooks';

export interface WebhookRouteOptions {
  handler: WebhookHandler;
  bodyLimitBytes: number;
}

/**
 * `GET` and `POST /webhooks/whatsapp`. Bodies are kept as raw bytes (the signature covers them exactly)
 * and never read past the limit: Fastify answers 413 from `Content-Length`, or as soon as a chunked body
 * crosses it.
 */
export async function registerWebhookRoutes(
  app: FastifyInstance,
  options: WebhookRouteOptions,
): Promise<void> {
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(
      '*',
      { parseAs: 'buffer', bodyLimit: options.bodyLimitBytes },
      (_request, body, done) => done(null, body),
    );

    scope.get('/webhooks/whatsapp', async (request, reply) => {
      const answer = options.handler.handleVerification(request.query as Record<string, unknown>);
      return reply.code(answer.statusCode).type('text/plain; charset=utf-8').send(answer.body);
    });

    scope.post('/webhooks/whatsapp', { bodyLimit: options.bodyLimitBytes }, async (request, reply) => {
      const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const signature = request.headers[SIGNATURE_HEADER];
      const answer = await options.handler.handleNotification(
        raw,
        typeof signature === 'string' ? signature : undefined,
      );
      return reply.code(answer.statusCode).type('text/plain; charset=utf-8').send(answer.body);
    });
  });
}
