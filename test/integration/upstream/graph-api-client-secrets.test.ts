import { createLogger } from '../../../src/observability';
import {
  GraphApiClient,
  GraphApiError,
  UpstreamNetworkError,
  UpstreamTimeoutError,
  UpstreamUnavailableError,
} from '../../../src/upstream';
import { FakeGraphServer, memoryDestination, sendJson } from './fake-graph-server';

const PHONE_NUMBER_ID = '106540352242922';
const TOKEN = 'EAAGsecretAccessToken0005xyz';
const APP_TOKEN = '987654321|secretAppToken0006';
const INPUT_TOKEN = 'EAAGsecretInputToken0007abc';
const SECRETS = [TOKEN, APP_TOKEN, INPUT_TOKEN, encodeURIComponent(APP_TOKEN)];

/** Every rendering of an error a caller or a log could produce. */
function renderings(err: unknown): string[] {
  const error = err as Error;
  return [
    String(error),
    JSON.stringify(error),
    error.stack ?? '',
    error.message,
    JSON.stringify({ ...error }),
  ];
}

describe('GraphApiClient never reveals a token', () => {
  const log = memoryDestination();
  const errors: unknown[] = [];
  let server: FakeGraphServer;
  let client: GraphApiClient;

  const capture = async (call: Promise<unknown>): Promise<unknown> => {
    const err = await call.then(
      () => new Error('expected a failure'),
      (e: unknown) => e,
    );
    errors.push(err);
    return err;
  };

  beforeAll(async () => {
    // The worst upstream: it echoes the Authorization header and the whole URL into its errors.
    server = await FakeGraphServer.start((request, response) => {
      const echo = `${request.headers.authorization ?? ''} ${request.url}`;
      if (request.url.startsWith('/v23.0/debug_token')) {
        sendJson(response, 401, {
          error: {
            message: `Invalid OAuth access token ${echo}`,
            type: 'OAuthException',
            code: 190,
            error_user_title: echo,
            error_user_msg: echo,
            error_data: { details: echo },
          },
        });
      } else if (request.url.endsWith('/messages')) {
        response.writeHead(502, { 'content-type': 'text/html' });
        response.end(`<html>${echo}</html>`);
      }
      // Anything else hangs.
    });
    client = new GraphApiClient({
      baseUrl: server.baseUrl,
      apiVersion: 'v23.0',
      accessToken: TOKEN,
      appAccessToken: APP_TOKEN,
      requestTimeoutMs: 150,
      retry: { maxAttempts: 2, initialDelayMs: 1, maxDelayMs: 2 },
      breaker: { consecutiveFailures: 1000 },
      logger: createLogger({ level: 'trace', destination: log }),
    });
  });

  afterAll(async () => {
    await client.close();
    await server.stop();
  });

  it('in errors built from an answer that echoes the tokens', async () => {
    const err = await capture(client.debugToken(INPUT_TOKEN));
    expect(err).toBeInstanceOf(GraphApiError);
    expect((err as GraphApiError).message).toContain('[redacted]');
    const html = await capture(
      client.sendMessage(PHONE_NUMBER_ID, {
        messaging_product: 'whatsapp',
        to: '1',
        type: 'text',
        text: { body: 'x' },
      }),
    );
    expect(html).toBeInstanceOf(GraphApiError);
  });

  it('in timeouts', async () => {
    expect(await capture(client.getPhoneNumber(PHONE_NUMBER_ID))).toBeInstanceOf(UpstreamTimeoutError);
  });

  it('in network failures', async () => {
    const down = new GraphApiClient({
      baseUrl: 'http://127.0.0.1:1',
      apiVersion: 'v23.0',
      accessToken: TOKEN,
      appAccessToken: APP_TOKEN,
      retry: { maxAttempts: 1 },
      breaker: { consecutiveFailures: 1 },
      logger: createLogger({ level: 'trace', destination: log }),
    });
    try {
      expect(await capture(down.debugToken(INPUT_TOKEN))).toBeInstanceOf(UpstreamNetworkError);
      expect(await capture(down.debugToken(INPUT_TOKEN))).toBeInstanceOf(UpstreamUnavailableError);
    } finally {
      await down.close();
    }
  });

  it('in any rendering of those errors, and in any log line', () => {
    expect(errors).toHaveLength(5);
    const texts = [...errors.flatMap(renderings), ...log.lines];
    expect(log.lines.length).toBeGreaterThan(0);
    for (const text of texts) {
      for (const secret of SECRETS) expect(text).not.toContain(secret);
    }
  });
});
