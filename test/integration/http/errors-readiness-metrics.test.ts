import { waitFor } from '../../support/gateway-harness';
import {
  bearer,
  codesOf,
  type GraphqlBody,
  type HardenedGateway,
  KEYS,
  startHardenedGateway,
} from './support/hardening-harness';
import { RedisProcess } from '../../support/redis-process';
import { WsProtocolClient } from '../live/support/ws-protocol-client';

/** The value of a metric line (`name{labels} value`) whose text contains every fragment, or undefined. */
function metricValue(page: string, name: string, ...fragments: string[]): number | undefined {
  const line = page
    .split('\n')
    .find(
      (candidate) =>
        candidate.startsWith(name) && fragments.every((fragment) => candidate.includes(fragment)),
    );
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

describe('masked errors, readiness and metrics with a Redis that goes away (RELIABILITY.md 22, 34)', () => {
  let redis: RedisProcess;
  let hardened: HardenedGateway;
  beforeAll(async () => {
    redis = await RedisProcess.start();
    hardened = await startHardenedGateway({
      REDIS_URL: redis.url,
      UPSTREAM_BREAKER_FAILURES: '2',
      UPSTREAM_BREAKER_OPEN_MS: '500',
    });
  });
  afterAll(async () => {
    // Redis comes back first, as it would in production; the gateway's connections then close cleanly.
    await redis.startAgain();
    await waitFor(async () => (await hardened.http('/readyz')).status === 200, 10_000);
    const findings = await hardened.close();
    await redis.remove();
    expect(findings).toEqual([]);
  });

  it('counts operations by name and outcome, HTTP requests by route, and exposes them at /metrics', async () => {
    await hardened.graphql('query Probe { message(id: "wamid.none") { id } }', bearer(KEYS.read));
    await hardened.graphql('query Probe { message(id: "wamid.none") { id } }');
    await hardened.graphql('{ noSuchField }', bearer(KEYS.read));
    const page = (await hardened.http('/metrics')).text;
    expect(
      metricValue(
        page,
        'gateway_graphql_operation_duration_seconds_count',
        'operation="Probe"',
        'outcome="ok"',
      ),
    ).toBe(1);
    expect(
      metricValue(
        page,
        'gateway_graphql_operation_duration_seconds_count',
        'operation="Probe"',
        'outcome="UNAUTHENTICATED"',
      ),
    ).toBe(1);
    expect(
      metricValue(
        page,
        'gateway_graphql_operation_duration_seconds_count',
        'operation="anonymous"',
        'outcome="BAD_USER_INPUT"',
      ),
    ).toBe(1);
    expect(
      metricValue(
        page,
        'gateway_http_request_duration_seconds_count',
        'route="/graphql"',
        'status_code="200"',
      ),
    ).toBeGreaterThanOrEqual(1);
    // The keyless probe: answered 401 like a wrong key (docs/reliability.md, case 51).
    expect(
      metricValue(
        page,
        'gateway_http_request_duration_seconds_count',
        'route="/graphql"',
        'status_code="401"',
      ),
    ).toBeGreaterThanOrEqual(1);
    expect(metricValue(page, 'gateway_upstream_circuit_state', 'state="closed"')).toBe(1);
    expect(page).toContain('process_resident_memory_bytes');
  });

  it('logs one line per operation with its name, outcome and duration', async () => {
    await hardened.graphql('query LoggedOne { message(id: "wamid.none") { id } }', bearer(KEYS.read));
    const line = await waitFor(() =>
      hardened.gateway.logs.find(
        (entry) => entry.includes('"LoggedOne"') && entry.includes('"graphql operation"'),
      ),
    );
    expect(JSON.parse(line)).toMatchObject({
      msg: 'graphql operation',
      operationName: 'LoggedOne',
      operationType: 'query',
      outcome: 'ok',
      durationMs: expect.any(Number),
      requestId: expect.any(String),
    });
  });

  it('counts webhook statuses and upstream calls by endpoint', async () => {
    const sent = await hardened.graphql(
      'mutation { sendMessage(input: { to: "+12025550100", text: { body: "metrics" } }) { message { id } } }',
      bearer(KEYS.send),
    );
    expect(codesOf(sent)).toEqual([]);
    await waitFor(async () => {
      const page = (await hardened.http('/metrics')).text;
      return (
        (metricValue(page, 'gateway_webhook_statuses_total', 'status="READ"', 'outcome="applied"') ?? 0) >= 1
      );
    });
    const page = (await hardened.http('/metrics')).text;
    expect(
      metricValue(
        page,
        'gateway_upstream_request_duration_seconds_count',
        'endpoint="messages"',
        'status="200"',
      ),
    ).toBe(1);
  });

  it('case 34: the breaker opens after repeated failures, /readyz says so, and it closes on success', async () => {
    for (let attempt = 0; attempt < 2; attempt += 1) {
      await hardened.graphql(
        'mutation { sendMessage(input: { to: "+12025550117", text: { body: "down" } }) { error { code } } }',
        bearer(KEYS.send),
      );
    }
    const refused = await hardened.graphql(
      'mutation { sendMessage(input: { to: "+12025550100", text: { body: "refused" } }) { message { id } error { code } } }',
      bearer(KEYS.send),
    );
    expect(refused.text).toContain('UPSTREAM_UNAVAILABLE');
    const notReady = await hardened.http('/readyz');
    expect(notReady.status).toBe(503);
    expect(notReady.json()).toMatchObject({ checks: { upstream: 'failing', store: 'ok', bus: 'ok' } });
    expect(
      metricValue((await hardened.http('/metrics')).text, 'gateway_upstream_circuit_state', 'state="open"'),
    ).toBe(1);

    // Half-open after the configured time: the next send is the trial, and its success closes the circuit.
    await waitFor(async () => {
      const trial = await hardened.graphql(
        'mutation { sendMessage(input: { to: "+12025550100", text: { body: "trial" } }) { message { id } } }',
        bearer(KEYS.send),
      );
      return codesOf(trial).length === 0 && !trial.text.includes('UPSTREAM_UNAVAILABLE');
    });
    expect((await hardened.http('/readyz')).status).toBe(200);
  });

  it('case 22: a resolver that fails inside gives INTERNAL_SERVER_ERROR, a generic message and a request id; the log has the cause', async () => {
    await redis.stop('SIGKILL');
    await waitFor(async () => (await hardened.http('/readyz')).status === 503);
    const answer = await hardened.graphql(
      'query Broken { message(id: "wamid.any") { id } }',
      bearer(KEYS.read),
    );
    const body = answer.json<GraphqlBody>();
    expect(body.errors).toHaveLength(1);
    const error = body.errors![0]!;
    expect(error).toEqual({
      message: "Internal error; quote the requestId to the gateway's operators.",
      locations: expect.any(Array),
      path: ['message'],
      extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: expect.any(String) },
    });
    expect(answer.text).not.toMatch(/redis|connection|stream|ECONN/i);
    const requestId = error.extensions!.requestId as string;
    const line = await waitFor(() =>
      hardened.gateway.logs.find(
        (entry) => entry.includes(requestId) && entry.includes('GraphQL operation failed'),
      ),
    );
    const logged = JSON.parse(line) as { requestId: string; err: { message: string }; operationName: string };
    expect(logged.requestId).toBe(requestId);
    expect(logged.operationName).toBe('Broken');
    expect(logged.err.message.length).toBeGreaterThan(0);
    expect(logged.err.message).not.toBe(error.message);

    const ready = await hardened.http('/readyz');
    expect(ready.json()).toMatchObject({ status: 'not ready', checks: { store: 'failing', bus: 'failing' } });
    await waitFor(async () => {
      const page = (await hardened.http('/metrics')).text;
      return (metricValue(page, 'gateway_redis_errors_total', 'connection="command"') ?? 0) >= 1;
    });
  });

  it('case 52: the same failure over WebSocket is masked the same way, with a request id in the log', async () => {
    // Redis is still down (case 22).
    const client = await WsProtocolClient.connect(hardened.gateway.url, KEYS.admin);
    try {
      client.subscribe('broken', 'query BrokenOverSocket { message(id: "wamid.any") { id } }');
      await waitFor(() => client.messages().some((m) => m.id === 'broken' && m.type === 'complete'));
      const [answer] = client.nexts('broken');
      expect(answer).toEqual({
        data: { message: null },
        errors: [
          {
            message: "Internal error; quote the requestId to the gateway's operators.",
            locations: expect.any(Array),
            path: ['message'],
            extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: expect.any(String) },
          },
        ],
      });
      expect(client.frames.join('\n')).not.toMatch(/redis|connection is|stream|ECONN|\bat\s/i);
      const requestId = (answer!.errors![0] as { extensions: { requestId: string } }).extensions.requestId;
      const line = await waitFor(() =>
        hardened.gateway.logs.find(
          (entry) => entry.includes(requestId) && entry.includes('GraphQL operation failed'),
        ),
      );
      const logged = JSON.parse(line) as { err: { message: string } };
      expect(logged.err.message.length).toBeGreaterThan(0);
      expect(client.socket.readyState).toBe(client.socket.OPEN);
    } finally {
      await client.close();
    }
  });
});
