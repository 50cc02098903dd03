import { type FastifyInstance } from 'fastify';
import { INBOUND_INJECTION_PATH, type RunningSimulator, TEMPLATE_EVENT_PATH } from '../simulator';

/**
 * On a gateway running its embedded simulator, the simulator's control endpoint on the gateway's own
 * port: `POST /simulator/inbound-messages` posts what a customer writes as Meta's webhook, and
 * `POST /simulator/template-events` changes a template as Meta's review or rating would and posts its
 * template webhook. Never mounted in real mode.
 */
export function registerSimulatorRoutes(
  app: FastifyInstance,
  simulator: Pick<RunningSimulator, 'injectInbound' | 'injectTemplateEvent'>,
): void {
  app.post(INBOUND_INJECTION_PATH, async (request, reply) => {
    const answer = simulator.injectInbound(request.body);
    return reply.code(answer.status).send(answer.body);
  });
  app.post(TEMPLATE_EVENT_PATH, async (request, reply) => {
    const answer = simulator.injectTemplateEvent(request.body);
    return reply.code(answer.status).send(answer.body);
  });
}
