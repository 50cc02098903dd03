import WebSocket from 'ws';
import { type HardenedGateway, KEYS, startHardenedGateway } from '../support/hardening-harness';

/** Opens a `graphql-transport-ws` socket, optionally sends `connection_init`, and resolves with the close code. */
function closeCodeOf(url: string, init: Record<string, unknown> | null): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
    socket.on('open', () => {
      if (init !== null) socket.send(JSON.stringify({ type: 'connection_init', payload: init }));
    });
    socket.on('close', (code) => resolve(code));
    socket.on('error', reject);
  });
}

function acknowledged(url: string, init: Record<string, unknown>): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: init })));
    socket.on('message', (data: Buffer) => {
      const ack = (JSON.parse(data.toString()) as { type: string }).type === 'connection_ack';
      socket.once('close', () => resolve(ack));
      socket.close(1000);
    });
    socket.on('error', reject);
  });
}

describe('subscriptions: connection_init and its close codes (RELIABILITY.md 24)', () => {
  let hardened: HardenedGateway;
  beforeAll(async () => {
    hardened = await startHardenedGateway({ GRAPHQL_WS_INIT_TIMEOUT_MS: '300' });
  });
  afterAll(async () => {
    expect(await hardened.close()).toEqual([]);
  });

  it('closes with 4401 when connection_init has no key', async () => {
    expect(await closeCodeOf(hardened.gateway.url, {})).toBe(4401);
  });

  it('closes with 4401 when connection_init has an unknown key', async () => {
    expect(
      await closeCodeOf(hardened.gateway.url, { authorization: 'Bearer not-a-configured-key-000' }),
    ).toBe(4401);
  });

  it('closes with 4403 when the key lacks the subscribe scope', async () => {
    expect(await closeCodeOf(hardened.gateway.url, { apiKey: KEYS.send })).toBe(4403);
  });

  it('closes with 4408 when no connection_init arrives within the configured timeout', async () => {
    expect(await closeCodeOf(hardened.gateway.url, null)).toBe(4408);
  });

  it('acknowledges a key with the subscribe scope', async () => {
    expect(await acknowledged(hardened.gateway.url, { authorization: `Bearer ${KEYS.subscribe}` })).toBe(
      true,
    );
  });

  it('never logs the presented keys', () => {
    const logs = hardened.gateway.logs.join('\n');
    expect(logs).not.toContain(KEYS.send);
    expect(logs).not.toContain(KEYS.subscribe);
  });
});
