import { createSilentLogger } from '../../../src/observability';
import {
  GraphApiClient,
  GraphApiError,
  UpstreamNetworkError,
  UpstreamTimeoutError,
  UpstreamUnavailableError,
  type BreakerState,
  type GraphApiClientOptions,
  type SendMessageRequest,
  type UpstreamRequestInfo,
} from '../../../src/upstream';
import { FakeGraphServer, sendJson, waitFor } from './fake-graph-server';

const PHONE_NUMBER_ID = '106540352242922';
const TOKEN = 'EAAGfailureTestToken0004';
const TEXT: SendMessageRequest = {
  messaging_product: 'whatsapp',
  to: '+16505551234',
  type: 'text',
  text: { body: 'Hi' },
};
const ACCEPTED = { messaging_product: 'whatsapp', contacts: [], messages: [{ id: 'wamid.OK' }] };
const SERVER_ERROR = {
  error: { message: 'Something went wrong', type: 'OAuthException', code: 131000, is_transient: true },
};

function clientFor(server: FakeGraphServer, extra: Partial<GraphApiClientOptions> = {}): GraphApiClient {
  return new GraphApiClient({
    baseUrl: server.baseUrl,
    apiVersion: 'v23.0',
    accessToken: TOKEN,
    logger: createSilentLogger(),
    retry: { initialDelayMs: 1, maxDelayMs: 5 },
    ...extra,
  });
}

describe('GraphApiClient failures against a local Graph API', () => {
  let server: FakeGraphServer;
  const clients: GraphApiClient[] = [];
  const track = (client: GraphApiClient): GraphApiClient => (clients.push(client), client);

  beforeEach(async () => {
    server = await FakeGraphServer.start((_request, response) => sendJson(response, 200, ACCEPTED));
  });

  afterEach(async () => {
    await server.stop();
    await Promise.all(clients.splice(0).map((c) => c.close()));
  });

  it('retries a send answered 500 with an envelope, then succeeds: one message, two attempts', async () => {
    server.handler = (_request, response) =>
      server.requests.length === 1
        ? sendJson(response, 500, SERVER_ERROR)
        : sendJson(response, 200, ACCEPTED);
    const attempts: UpstreamRequestInfo[] = [];
    const client = track(clientFor(server, { onRequestComplete: (info) => attempts.push(info) }));

    const answer = await client.sendMessage(PHONE_NUMBER_ID, TEXT);

    expect(answer.messages[0]!.id).toBe('wamid.OK');
    expect(server.requests).toHaveLength(2);
    expect(server.requests[0]!.body).toBe(server.requests[1]!.body);
    expect(attempts.map((a) => [a.attempt, a.httpStatus, a.code, a.outcome])).toEqual([
      [1, 500, 131000, 'error'],
      [2, 200, undefined, 'success'],
    ]);
  });

  it('does not retry a 400: one attempt, a GraphApiError with code, subcode and details', async () => {
    server.handler = (_request, response) =>
      sendJson(response, 400, {
        error: {
          message: '(#131030) Recipient phone number not in allowed list',
          type: 'OAuthException',
          code: 131030,
          error_subcode: 2655007,
          error_data: {
            messaging_product: 'whatsapp',
            details: 'Recipient phone number not in allowed list',
          },
          fbtrace_id: 'Az8or2yhqkZfEZ',
        },
      });
    const client = track(clientFor(server));

    const failure = client.sendMessage(PHONE_NUMBER_ID, TEXT);

    await expect(failure).rejects.toBeInstanceOf(GraphApiError);
    await expect(failure).rejects.toMatchObject({
      httpStatus: 400,
      code: 131030,
      subcode: 2655007,
      details: 'Recipient phone number not in allowed list',
      fbtraceId: 'Az8or2yhqkZfEZ',
      endpoint: 'messages',
      isTransient: false,
    });
    expect(server.requests).toHaveLength(1);
    expect(client.breakerState()).toBe('closed');
  });

  it('does not retry a send answered 502 by a proxy (no envelope: it may have gone through)', async () => {
    server.handler = (_request, response) => {
      response.writeHead(502, { 'content-type': 'text/html' });
      response.end('<html>Bad Gateway</html>');
    };
    const client = track(clientFor(server));
    await expect(client.sendMessage(PHONE_NUMBER_ID, TEXT)).rejects.toMatchObject({
      code: 1,
      httpStatus: 502,
    });
    expect(server.requests).toHaveLength(1);
  });

  it('cuts off an answer over maxResponseBytes and reports it as an unexpected body, without a retry', async () => {
    const padding = 'x'.repeat(64 * 1024);
    server.handler = (_request, response) => sendJson(response, 200, { ...ACCEPTED, padding });
    const client = track(clientFor(server, { maxResponseBytes: 16 * 1024 }));
    await expect(client.sendMessage(PHONE_NUMBER_ID, TEXT)).rejects.toMatchObject({
      name: 'GraphApiError',
      code: 1,
      httpStatus: 200,
      message: 'The Graph API answered messages with HTTP 200 but not with the documented JSON.',
    });
    expect(server.requests).toHaveLength(1);
    // The pool still works afterwards.
    server.handler = (_request, response) => sendJson(response, 200, ACCEPTED);
    await expect(client.sendMessage(PHONE_NUMBER_ID, TEXT)).resolves.toMatchObject({
      messages: [{ id: 'wamid.OK' }],
    });
  });

  it("times out a send on undici's own timer when the bound is long enough for it", async () => {
    server.handler = () => undefined;
    const client = track(clientFor(server, { requestTimeoutMs: 5_000 }));
    const started = Date.now();
    await expect(client.sendMessage(PHONE_NUMBER_ID, TEXT)).rejects.toMatchObject({
      name: 'UpstreamTimeoutError',
      kind: 'timeout',
      timeoutMs: 5_000,
    });
    // undici's timers tick every half second or so.
    expect(Date.now() - started).toBeGreaterThanOrEqual(4_900);
    expect(Date.now() - started).toBeLessThan(7_000);
    expect(server.requests).toHaveLength(1);
  }, 15_000);

  it('times out a send within the bound and does not retry it', async () => {
    server.handler = () => undefined;
    const client = track(clientFor(server, { requestTimeoutMs: 200 }));
    const started = Date.now();
    const failure = client.sendMessage(PHONE_NUMBER_ID, TEXT);
    await expect(failure).rejects.toBeInstanceOf(UpstreamTimeoutError);
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(190);
    expect(elapsed).toBeLessThan(1500);
    await expect(failure).rejects.toMatchObject({ endpoint: 'messages', timeoutMs: 200 });
    expect(server.requests).toHaveLength(1);
  });

  it('retries a read that timed out', async () => {
    // The first request hangs; the second is answered.
    server.handler = (_request, response) => {
      if (server.requests.length >= 2) sendJson(response, 200, { id: PHONE_NUMBER_ID });
    };
    const client = track(clientFor(server, { requestTimeoutMs: 150 }));
    await expect(client.getPhoneNumber(PHONE_NUMBER_ID)).resolves.toEqual({ id: PHONE_NUMBER_ID });
    expect(server.requests).toHaveLength(2);
  });

  it('leaks no socket after 1,000 timed-out calls (docs/reliability.md, case 33)', async () => {
    server.handler = () => undefined;
    const pool = 20;
    const client = track(
      clientFor(server, {
        requestTimeoutMs: 50,
        connections: pool,
        breaker: { consecutiveFailures: 100_000 },
      }),
    );
    let peak = 0;
    for (let batch = 0; batch < 10; batch++) {
      const calls = Array.from({ length: 100 }, () => client.sendMessage(PHONE_NUMBER_ID, TEXT));
      const outcomes = await Promise.allSettled(calls);
      peak = Math.max(peak, server.openSockets);
      for (const outcome of outcomes) {
        expect(outcome.status).toBe('rejected');
        expect((outcome as PromiseRejectedResult).reason).toBeInstanceOf(UpstreamTimeoutError);
      }
    }
    expect(peak).toBeLessThanOrEqual(pool);
    await waitFor(() => server.openSockets <= pool, 'open sockets to fall to the pool size');

    // The pool still works afterwards. A leaked pool times every call out; a loaded machine may take more
    // than 50 ms to open a fresh connection for the first one, so a few tries are allowed.
    server.handler = (_request, response) => sendJson(response, 200, ACCEPTED);
    let answer: unknown;
    for (let attempt = 0; attempt < 5 && answer === undefined; attempt++) {
      answer = await client.sendMessage(PHONE_NUMBER_ID, TEXT).catch((error: unknown) => {
        if (error instanceof UpstreamTimeoutError) return undefined;
        throw error;
      });
    }
    expect(answer).toMatchObject({ messages: [{ id: 'wamid.OK' }] });
    expect(server.openSockets).toBeLessThanOrEqual(pool);
  });

  it('reports a refused connection as UpstreamNetworkError and retries it, sends included', async () => {
    const attempts: UpstreamRequestInfo[] = [];
    const client = track(clientFor(server, { onRequestComplete: (info) => attempts.push(info) }));
    await server.stop();
    const failure = client.sendMessage(PHONE_NUMBER_ID, TEXT);
    await expect(failure).rejects.toBeInstanceOf(UpstreamNetworkError);
    await expect(failure).rejects.toMatchObject({ errorCode: 'ECONNREFUSED', responseStarted: false });
    expect(attempts.map((a) => a.outcome)).toEqual(['network', 'network', 'network']);
    server = await FakeGraphServer.start(() => undefined);
  });

  it('opens the breaker when the upstream is down, fails fast, half-opens and closes on success', async () => {
    server.handler = (_request, response) => sendJson(response, 503, SERVER_ERROR);
    const client = track(
      clientFor(server, {
        retry: { maxAttempts: 2, initialDelayMs: 1, maxDelayMs: 2 },
        breaker: { consecutiveFailures: 3, halfOpenAfterMs: 100 },
      }),
    );
    const states: BreakerState[] = [];
    client.onBreakerStateChange((state) => states.push(state));

    for (let i = 0; i < 3; i++) {
      await expect(client.getPhoneNumber(PHONE_NUMBER_ID)).rejects.toBeInstanceOf(GraphApiError);
    }
    expect(client.breakerState()).toBe('open');
    expect(server.requests).toHaveLength(6);

    // Open: refused without a request (the count below), not after a timeout.
    await expect(client.sendMessage(PHONE_NUMBER_ID, TEXT)).rejects.toBeInstanceOf(UpstreamUnavailableError);
    expect(server.requests).toHaveLength(6);

    server.handler = (_request, response) => sendJson(response, 200, ACCEPTED);
    // The circuit lets a trial through only after halfOpenAfterMs: poll with a deadline.
    let answer;
    const deadline = Date.now() + 3000;
    for (;;) {
      try {
        answer = await client.sendMessage(PHONE_NUMBER_ID, TEXT);
        break;
      } catch (err) {
        if (!(err instanceof UpstreamUnavailableError) || Date.now() > deadline) throw err;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    }
    expect(answer.messages[0]!.id).toBe('wamid.OK');
    expect(client.breakerState()).toBe('closed');
    expect(states).toEqual(['open', 'half-open', 'closed']);
  });

  it('refuses calls after close', async () => {
    const client = clientFor(server);
    await client.close();
    await expect(client.sendMessage(PHONE_NUMBER_ID, TEXT)).rejects.toBeInstanceOf(UpstreamUnavailableError);
    expect(server.requests).toHaveLength(0);
  });
});
