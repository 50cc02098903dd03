import { Agent, request } from 'undici';
import WebSocket from 'ws';
import { waitFor } from '../../support/gateway-harness';
import { startGatewayProcess } from '../../support/gateway-process';

const SUBSCRIBERS = 100;
const RATE_PER_SECOND = 200;

/** A subscriber over raw `graphql-transport-ws`: resolves once acknowledged; `closed` has the close code. */
async function subscribe(url: string): Promise<{ socket: WebSocket; closed: Promise<number> }> {
  const socket = new WebSocket(`${url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
  const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: {} })));
    socket.on('message', (data: Buffer) => {
      if ((JSON.parse(data.toString()) as { type: string }).type !== 'connection_ack') return;
      socket.send(
        JSON.stringify({
          id: '1',
          type: 'subscribe',
          payload: { query: 'subscription { messageStatusChanged(recipient: "+12025550100") { status } }' },
        }),
      );
      resolve();
    });
  });
  return { socket, closed };
}

describe('SIGTERM under load (RELIABILITY.md 37)', () => {
  it('answers every accepted request, closes sockets with 1001 and exits 0', async () => {
    const gateway = await startGatewayProcess({
      SHUTDOWN_DRAIN_DELAY_MS: '1000',
      SHUTDOWN_TIMEOUT_MS: '8000',
    });
    const agent = new Agent({ connections: 32 });
    try {
      const subscribers = await Promise.all(
        Array.from({ length: SUBSCRIBERS }, () => subscribe(gateway.url)),
      );

      // The load behaves like a load balancer: it sends until /readyz turns 503, then sends no more.
      const outcomes: Array<number | string> = [];
      const inFlight = new Set<Promise<void>>();
      let routing = true;
      const send = (): void => {
        const call = request(`${gateway.url}/graphql`, {
          method: 'POST',
          dispatcher: agent,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: 'query Load { errorCatalog { code } }' }),
        })
          .then(async (response) => {
            const body = await response.body.text();
            outcomes.push(
              response.statusCode === 200 && !body.includes('"errors"')
                ? 200
                : `${response.statusCode} ${body}`,
            );
          })
          .catch((error: Error) => {
            outcomes.push(`error ${error.message}`);
          });
        inFlight.add(call);
        void call.finally(() => inFlight.delete(call));
      };
      const load = setInterval(() => routing && send(), 1000 / RATE_PER_SECOND);
      const probe = setInterval(() => {
        request(`${gateway.url}/readyz`, { dispatcher: agent })
          .then(async (response) => {
            await response.body.dump();
            if (response.statusCode === 503) routing = false;
          })
          .catch(() => (routing = false));
      }, 20);

      await waitFor(() => outcomes.length >= 200, 10_000);
      const exitCode = gateway.stop('SIGTERM');
      const code = await exitCode;
      clearInterval(load);
      clearInterval(probe);
      await Promise.all([...inFlight]);

      expect(code).toBe(0);
      expect(outcomes.length).toBeGreaterThanOrEqual(200);
      expect(outcomes.filter((outcome) => outcome !== 200)).toEqual([]);
      const closeCodes = await Promise.all(subscribers.map((subscriber) => subscriber.closed));
      expect(new Set(closeCodes)).toEqual(new Set([1001]));
      expect(gateway.output()).toContain('shutdown complete');
    } finally {
      await gateway.stop('SIGKILL');
      await agent.close();
    }
  }, 30_000);

  it('does not wait past its bound for a subscriber that stopped reading: exits 0', async () => {
    const gateway = await startGatewayProcess({ SHUTDOWN_TIMEOUT_MS: '8000' });
    try {
      const answering = await subscribe(gateway.url);
      const stuck = await subscribe(gateway.url);
      // Its client reads nothing more, so it never answers the gateway's close (ws waits 30 s for that).
      stuck.socket.pause();

      expect(await gateway.stop('SIGTERM')).toBe(0);
      expect(gateway.output()).toContain('shutdown complete');
      expect(await answering.closed).toBe(1001);
    } finally {
      await gateway.stop('SIGKILL');
    }
  }, 30_000);
});
