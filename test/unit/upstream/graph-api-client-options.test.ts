import { createSilentLogger } from '../../../src/observability';
import { GraphApiClient, type GraphApiClientOptions } from '../../../src/upstream';

const TOKEN = 'EAAGoptionsTestToken0008';
const good: GraphApiClientOptions = {
  baseUrl: 'https://graph.facebook.com',
  apiVersion: 'v23.0',
  accessToken: TOKEN,
  logger: createSilentLogger(),
};

describe('GraphApiClient options', () => {
  it('accepts good options, opens nothing, and starts closed-circuit', async () => {
    const client = new GraphApiClient(good);
    expect(client.breakerState()).toBe('closed');
    await client.close();
  });

  it.each<[string, Partial<GraphApiClientOptions>, RegExp]>([
    ['a relative base URL', { baseUrl: 'graph.facebook.com' }, /baseUrl/],
    ['a non-http base URL', { baseUrl: 'ftp://graph.facebook.com' }, /baseUrl/],
    ['credentials in the base URL', { baseUrl: 'https://user:pw@graph.facebook.com' }, /baseUrl/],
    ['a query in the base URL', { baseUrl: 'https://graph.facebook.com?access_token=x' }, /baseUrl/],
    ['a malformed version', { apiVersion: '23.0' }, /apiVersion/],
    ['an empty token', { accessToken: '' }, /accessToken/],
    ['a token with a line break', { accessToken: `${TOKEN}\r\nX-Injected: 1` }, /accessToken/],
    ['an app token with a space', { appAccessToken: `1 ${TOKEN}` }, /appAccessToken/],
    ['a zero timeout', { requestTimeoutMs: 0 }, /requestTimeoutMs/],
    ['a fractional pool size', { connections: 2.5 }, /connections/],
    ['a zero maxAttempts', { retry: { maxAttempts: 0 } }, /retry\.maxAttempts/],
    ['a negative breaker delay', { breaker: { halfOpenAfterMs: -1 } }, /breaker\.halfOpenAfterMs/],
  ])('refuses %s, naming the option and never echoing a token', (_label, override, named) => {
    let error: unknown;
    try {
      new GraphApiClient({ ...good, ...override });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(RangeError);
    expect((error as Error).message).toMatch(named);
    expect((error as Error).message).not.toContain(TOKEN);
  });
});
