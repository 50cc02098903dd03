import { type FastifyInstance } from 'fastify';

/** A dependency that must answer for the gateway to take traffic; rejects when it does not. */
export interface ReadinessCheck {
  name: string;
  check: () => Promise<void>;
}

export interface HealthRouteOptions {
  checks: readonly ReadinessCheck[];
  isAcceptingWork: () => boolean;
}

const CHECK_TIMEOUT_MS = 1_000;

function withTimeout(check: ReadinessCheck): Promise<void> {
  return Promise.race([
    check.check(),
    new Promise<void>((_, reject) =>
      setTimeout(() => reject(new Error('timed out')), CHECK_TIMEOUT_MS).unref(),
    ),
  ]);
}

/** `/healthz`: the process answers. `/readyz`: it should get traffic (every dependency answers, not draining). */
export function registerHealthRoutes(app: FastifyInstance, options: HealthRouteOptions): void {
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    const results = await Promise.allSettled(options.checks.map(withTimeout));
    const checks = Object.fromEntries(
      options.checks.map((check, index) => [
        check.name,
        results[index]!.status === 'fulfilled' ? 'ok' : 'failing',
      ]),
    );
    const ready = options.isAcceptingWork() && results.every((result) => result.status === 'fulfilled');
    return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not ready', checks });
  });
}
