import { loadConfig, Scope } from '../../../src/config';

const LIVE = {
  WHATSAPP_ACCESS_TOKEN: 'EAAG-live-token-value',
  WHATSAPP_PHONE_NUMBER_ID: '106540352242922',
  WHATSAPP_APP_SECRET: 'app-secret-value',
  WHATSAPP_VERIFY_TOKEN: 'verify-token-value',
  GATEWAY_API_KEYS: 'console-key-0123456789:send+read,ops-key-0123456789abc:admin',
};

function problemsOf(env: Record<string, string>): string[] {
  const result = loadConfig(env);
  if (result.ok) throw new Error('expected problems');
  return result.problems;
}

describe('loadConfig', () => {
  it('runs simulated, embedded and open when nothing is set', () => {
    const result = loadConfig({});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config).toMatchObject({
      port: 4000,
      host: '127.0.0.1',
      upstream: { mode: 'simulated', apiVersion: 'v26.0', phoneNumberId: null, webhookDelayMs: 150 },
      store: { mode: 'embedded' },
      apiKeys: null,
      environment: 'development',
      graphql: { introspection: true, landingPage: true },
    });
    expect(result.config.webhook.appSecret).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.isFrozen(result.config)).toBe(true);
  });

  it("paces the embedded simulator's webhooks as configured", () => {
    const result = loadConfig({ SIMULATOR_WEBHOOK_DELAY_MS: '1000' });
    expect(result.ok && result.config.upstream).toMatchObject({ mode: 'simulated', webhookDelayMs: 1000 });
    expect(problemsOf({ SIMULATOR_WEBHOOK_DELAY_MS: 'slow' })).toEqual([
      expect.stringMatching(/^SIMULATOR_WEBHOOK_DELAY_MS: /),
    ]);
  });

  it('reads a live configuration with keys and scopes', () => {
    const result = loadConfig({ ...LIVE, REDIS_URL: 'redis://127.0.0.1:6379', NODE_ENV: 'production' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { config } = result;
    expect(config.upstream).toEqual({
      mode: 'live',
      baseUrl: 'https://graph.facebook.com',
      apiVersion: 'v26.0',
      accessToken: LIVE.WHATSAPP_ACCESS_TOKEN,
      phoneNumberId: LIVE.WHATSAPP_PHONE_NUMBER_ID,
      businessAccountId: null,
      appId: null,
    });
    expect(config.store).toEqual({ mode: 'redis', url: 'redis://127.0.0.1:6379' });
    expect(config.apiKeys?.map((key) => [...key.scopes])).toEqual([[Scope.SEND, Scope.READ], [Scope.ADMIN]]);
    expect(config.graphql).toMatchObject({ introspection: false, landingPage: false });
  });

  it.each([
    ['WHATSAPP_APP_SECRET', 'WHATSAPP_APP_SECRET: required when WHATSAPP_ACCESS_TOKEN is set'],
    ['WHATSAPP_VERIFY_TOKEN', 'WHATSAPP_VERIFY_TOKEN: required when WHATSAPP_ACCESS_TOKEN is set'],
    ['WHATSAPP_PHONE_NUMBER_ID', 'WHATSAPP_PHONE_NUMBER_ID: required when WHATSAPP_ACCESS_TOKEN is set'],
    ['GATEWAY_API_KEYS', 'GATEWAY_API_KEYS: required when WHATSAPP_ACCESS_TOKEN is set (key:scope+scope,…)'],
  ])('refuses live mode without %s, in one line naming it', (name, line) => {
    const env: Record<string, string> = { ...LIVE };
    delete env[name];
    expect(problemsOf(env)).toEqual([line]);
  });

  it.each([
    ['PORT', 'eighty', 'PORT: expected a whole number from 0 to 65535'],
    ['PORT', '70000', 'PORT: expected a whole number from 0 to 65535'],
    ['REDIS_URL', 'localhost:6379', 'REDIS_URL: expected redis://host:port or rediss://…'],
    ['GRAPH_API_VERSION', '23', 'GRAPH_API_VERSION: expected like v23.0'],
    ['GRAPH_API_BASE_URL', 'ftp://example', 'GRAPH_API_BASE_URL: expected an http(s) URL'],
    ['NODE_ENV', 'staging', 'NODE_ENV: expected one of development, production, test'],
    ['GRAPHQL_INTROSPECTION', 'yes', 'GRAPHQL_INTROSPECTION: expected true or false'],
    ['REDIS_CLUSTER_NODES', '127.0.0.1', 'REDIS_CLUSTER_NODES: expected host:port,host:port,…'],
    ['WHATSAPP_PHONE_NUMBER_ID', '+1 555', 'WHATSAPP_PHONE_NUMBER_ID: expected digits only'],
  ])('names %s when it is malformed', (name, value, line) => {
    expect(problemsOf({ ...LIVE, [name]: value })).toEqual([line]);
  });

  it('explains bad API keys without echoing them', () => {
    const problems = problemsOf({ ...LIVE, GATEWAY_API_KEYS: 'short:send,long-enough-key-0123:fly' });
    expect(problems).toEqual([
      "GATEWAY_API_KEYS: entry 1 needs a key of at least 16 characters before ':'",
      'GATEWAY_API_KEYS: entry 2 has scopes other than send, read, subscribe, admin',
    ]);
    expect(problems.join('\n')).not.toMatch(/short|long-enough-key/);
  });

  it('never repeats a secret in a problem line', () => {
    const problems = problemsOf({ ...LIVE, WHATSAPP_PHONE_NUMBER_ID: 'x', PORT: LIVE.WHATSAPP_APP_SECRET });
    const text = problems.join('\n');
    for (const secret of [LIVE.WHATSAPP_ACCESS_TOKEN, LIVE.WHATSAPP_APP_SECRET, LIVE.WHATSAPP_VERIFY_TOKEN]) {
      expect(text).not.toContain(secret);
    }
  });

  it('parses Redis Cluster nodes', () => {
    const result = loadConfig({ REDIS_CLUSTER_NODES: '127.0.0.1:7001, 127.0.0.1:7002' });
    expect(result.ok && result.config.store).toEqual({
      mode: 'cluster',
      nodes: [
        { host: '127.0.0.1', port: 7001 },
        { host: '127.0.0.1', port: 7002 },
      ],
    });
  });
});
