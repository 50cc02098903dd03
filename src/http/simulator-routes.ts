import { type FastifyInstance } from 'fastify';
import { INBOUND_INJECTION_PATH, type RunningSimulator } from '../simulator';

/**
 * On a gateway running its embedded simulator, the simulator's control endpoint on the gateway's own
 * port: `POST /simulator/inbound-messages` posts what a customer writes as Meta's webhook. Never mounted
 * in real mode.
 */
export function registerSimulatorRoutes(
  app: FastifyInstance,
  simulator: Pick<RunningSimulator, 'injectInbound'>,
): void {
  app.post(INBOUND_INJECTION_PATH, async (request, reply) => {
    const answer = simulator.injectInbound(request.body);
    return reply.code(answer.status).send(answer.body);
  });
}
