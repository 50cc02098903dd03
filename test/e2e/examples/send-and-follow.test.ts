import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { deleteKeysWithPrefix } from '../../integration/live/support/live-gateway';
import {
  GatewayRequestError,
  sendAndFollow,
  type SendAndFollowOptions,
  type StatusUpdate,
} from '../../../examples/send-and-follow';
import { startTestGateway, waitFor, type TestGateway } from '../../support/gateway-harness';

const ROOT = resolve(__dirname, '../../..');
const REDIS_URL = 'redis://127.0.0.1:6379';
const KEY_PREFIX = `example-${randomUUID().slice(0, 12)}:`;
const API_KEY = 'example-client-key-0001';

describe('examples/send-and-follow against a whole gateway', () => {
  let gateway: TestGateway;
  let target: Pick<SendAndFollowOptions, 'httpUrl' | 'wsUrl' | 'apiKey'>;

  beforeAll(async () => {
    gateway = await startTestGateway({
      REDIS_URL,
      REDIS_KEY_PREFIX: KEY_PREFIX,
      GATEWAY_API_KEYS: `${API_KEY}:send+read+subscribe`,
    });
    const httpUrl = `${gateway.url}/graphql`;
    target = { httpUrl, wsUrl: httpUrl.replace(/^http/, 'ws'), apiKey: API_KEY };
  });

  afterAll(async () => {
    await gateway?.close();
    await deleteKeysWithPrefix(REDIS_URL, KEY_PREFIX);
  });

  /** The example with a recorder on `onStatus`: what a UI showing each status line would have shown. */
  async function run(options: Partial<SendAndFollowOptions> & { to: string }) {
    const seen: StatusUpdate[] = [];
    const result = await sendAndFollow({
      ...target,
      text: 'Your order has shipped',
      timeoutMs: 10_000,
      onStatus: (update) => seen.push(update),
      ...options,
    });
    return { result, seen: seen.map((update) => update.status) };
  }

  async function historyOf(messageId: string): Promise<string[]> {
    const { body } = await gateway.graphql<{ message: { statusHistory: Array<{ status: string }> } }>(
      'query ($id: ID!) { message(id: $id) { statusHistory { status } } }',
      { id: messageId },
      { authorization: `Bearer ${API_KEY}` },
    );
    return body.data!.message.statusHistory.map((event) => event.status);
  }

  it('follows an ordinary message through SENT and DELIVERED to READ, each status once', async () => {
    const { result, seen } = await run({ to: '+12025550100' });

    expect(result).toEqual({
      kind: 'sent',
      messageId: expect.stringMatching(/^wamid\./),
      statuses: ['ACCEPTED', 'SENT', 'DELIVERED', 'READ'],
      status: 'READ',
      settled: true,
      diagnosis: null,
    });
    expect(seen).toEqual(['ACCEPTED', 'SENT', 'DELIVERED', 'READ']);
    if (result.kind !== 'sent') throw new Error('unreachable');
    expect(await historyOf(result.messageId)).toEqual(seen);
  });

  it('misses nothing when every status arrived before the subscription started', async () => {
    // A real TCP hop that holds the WebSocket back until the gateway has stored READ for the message: the
    // subscription can then only see the statuses through its `since` replay.
    const to = '+12025550177';
    const late = await startHoldingProxy(new URL(gateway.url).port, () =>
      waitFor(async () => {
        const { body } = await gateway.graphql<{ messages: { nodes: Array<{ status: string }> } }>(
          'query ($to: String!) { messages(filter: { recipient: $to }, first: 1) { nodes { status } } }',
          { to },
          { authorization: `Bearer ${API_KEY}` },
        );
        return body.data?.messages.nodes[0]?.status === 'READ';
      }, `READ stored for ${to}`),
    );
    try {
      const { result, seen } = await run({ to, wsUrl: `ws://127.0.0.1:${late.port}/graphql` });

      expect(late.held).toBe(1);
      expect(seen).toEqual(['ACCEPTED', 'SENT', 'DELIVERED', 'READ']);
      expect(result).toMatchObject({ kind: 'sent', status: 'READ', settled: true });
    } finally {
      await late.close();
    }
  });

  it('explains a message that failed after it was accepted, in Traditional Chinese', async () => {
    const { result, seen } = await run({ to: '+12025550130', locale: 'ZH_TW' });

    expect(seen).toEqual(['ACCEPTED', 'FAILED']);
    expect(result).toMatchObject({
      kind: 'sent',
      status: 'FAILED',
      settled: true,
      diagnosis: { verdict: 'FAILED', cause: 'RECIPIENT_UNREACHABLE', code: 131026, locale: 'ZH_TW' },
    });
    if (result.kind !== 'sent') throw new Error('unreachable');
    expect(result.diagnosis!.explanation).toMatch(/[\u4e00-\u9fff]/);
    expect(result.diagnosis!.endUserSteps.length).toBeGreaterThan(0);
  });

  it('keeps DELIVERED when one of several devices failed, and says so', async () => {
    const { result, seen } = await run({ to: '+12025550137' });

    expect(seen).toEqual(['ACCEPTED', 'SENT', 'DELIVERED', 'FAILED']);
    expect(result).toMatchObject({
      kind: 'sent',
      status: 'DELIVERED',
      settled: true,
      diagnosis: { verdict: 'AT_RISK', cause: 'MULTI_DEVICE_CONFLICT', locale: 'EN' },
    });
  });

  it('stops at the timeout when no final status comes, and explains why', async () => {
    const { result, seen } = await run({ to: '+12025550136', timeoutMs: 2_000 });

    expect(seen).toEqual(['ACCEPTED', 'SENT']);
    expect(result).toMatchObject({
      kind: 'sent',
      status: 'SENT',
      settled: false,
      diagnosis: { verdict: 'PENDING', cause: 'RECIPIENT_OFFLINE' },
    });
  });

  it('returns the diagnosis of a send the Cloud API refused, without following anything', async () => {
    const { result, seen } = await run({ to: '+12025550112' });

    expect(seen).toEqual([]);
    expect(result).toMatchObject({
      kind: 'rejected',
      code: 131026,
      diagnosis: { verdict: 'FAILED', cause: 'RECIPIENT_UNREACHABLE', code: 131026 },
    });
  });

  it('throws the gateway error, with its code, for an unknown API key', async () => {
    const attempt = run({ to: '+12025550100', apiKey: 'not-a-key-of-this-gateway' });

    await expect(attempt).rejects.toThrow(GatewayRequestError);
    await expect(attempt).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});

describe('examples/gql', () => {
  it('is what the code generator makes from schema/schema.graphql and the example today', async () => {
    const generated = Object.fromEntries(
      (await generateExampleTypes()).map((output) => [output.filename, output.content]),
    );
    const committed = Object.fromEntries(
      readdirSync(join(ROOT, 'examples/gql')).map((name) => [
        `examples/gql/${name}`,
        readFileSync(join(ROOT, 'examples/gql', name), 'utf8'),
      ]),
    );

    expect(Object.keys(generated).sort()).toEqual(Object.keys(committed).sort());
    for (const [file, content] of Object.entries(generated)) {
      // One assertion per file, so that a failure names the stale file; `npm run examples:codegen` fixes it.
      expect({ file, content: committed[file] }).toEqual({ file, content });
    }
  });
});

/**
 * Runs the generator with `examples/codegen.ts` as `npm run examples:codegen` does, but returns the files
 * instead of writing them. In a child process: the generator loads ES modules that Jest's module loader
 * cannot require.
 */
async function generateExampleTypes(): Promise<Array<{ filename: string; content: string }>> {
  const script = `
    const { createContext, generate } = require('@graphql-codegen/cli');
    createContext({ config: 'examples/codegen.ts', silent: true })
      .then((context) => generate(context, false))
      .then((outputs) => process.stdout.write(JSON.stringify(outputs.map(({ filename, content }) => ({ filename, content })))));
  `;
  const { stdout } = await promisify(execFile)(process.execPath, ['-e', script], {
    cwd: ROOT,
    timeout: 20_000,
    maxBuffer: 10 * 1024 * 1024,
  });
  return JSON.parse(stdout) as Array<{ filename: string; content: string }>;
}

/**
 * A TCP proxy to the gateway that holds each connection until `release` resolves, then pipes both ways.
 * `held` counts the connections it held.
 */
async function startHoldingProxy(
  gatewayPort: string,
  release: () => Promise<unknown>,
): Promise<{ port: number; held: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  const state = { held: 0 };
  const server: Server = createServer((client) => {
    track(client);
    client.pause();
    state.held += 1;
    release().then(
      () => {
        const upstream = connect(Number(gatewayPort), '127.0.0.1');
        track(upstream);
        client.pipe(upstream).pipe(client);
        client.resume();
      },
      () => client.destroy(),
    );
  });
  await new Promise<void>((resolveListen) => server.listen(0, '127.0.0.1', resolveListen));
  const { port } = server.address() as { port: number };
  return {
    port,
    get held() {
      return state.held;
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolveClose) => server.close(() => resolveClose()));
    },
  };
}
