import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { startSimulator, type RunningSimulator } from '../../../src/simulator';
import { startTestGateway, type GraphqlResponse, type TestGateway } from '../../support/gateway-harness';

/** A logical Redis database of this folder's own, flushed before and after (see test/integration/live). */
export const SENDS_REDIS_URL = 'redis://127.0.0.1:6379/12';

const API_KEY = `sends-test-key-${randomBytes(8).toString('hex')}`;
/** A second caller of the same gateways: its idempotency keys are its own. */
export const OTHER_API_KEY = `sends-test-other-key-${randomBytes(8).toString('hex')}`;

export const SEND = /* GraphQL */ `
  mutation Send($input: SendMessageInput!) {
    sendMessage(input: $input) {
      message {
        id
        recipient
        status
      }
      error {
        code
        httpStatus
        fbtraceId
      }
    }
  }
`;

export interface SendData {
  sendMessage: {
    message: { id: string; recipient: string; status: string } | null;
    error: { code: number; httpStatus: number | null; fbtraceId: string | null } | null;
  };
}

/** Gateways in live mode, all in front of one simulator (so its counters see every upstream call). */
export interface SendFleet {
  simulator: RunningSimulator;
  gateways: TestGateway[];
  /** Sends through gateway `index` (modulo the fleet size). */
  send(index: number, input: Record<string, unknown>): Promise<GraphqlResponse<SendData>>;
  /** The same, as the caller of `apiKey`. */
  sendAs(index: number, apiKey: string, input: Record<string, unknown>): Promise<GraphqlResponse<SendData>>;
  close(): Promise<void>;
}

/**
 * `withRedis`: `size` gateways on one Redis (keys and rate buckets shared). Otherwise one gateway with
 * the in-process store, used `size` times over. Each fleet has a sender phone number id of its own.
 */
export async function startSendFleet(
  withRedis: boolean,
  env: Record<string, string> = {},
  size = 2,
  simulatorOptions: { hangMs?: number } = {},
): Promise<SendFleet> {
  const appSecret = randomBytes(16).toString('hex');
  const phoneNumberId = `1065403${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  if (withRedis) await flush();
  const simulator = await startSimulator({ appSecret, phoneNumberId, ...simulatorOptions });
  const gateways: TestGateway[] = [];
  try {
    const gatewayEnv = {
      WHATSAPP_ACCESS_TOKEN: 'sends-test-access-token',
      GRAPH_API_BASE_URL: simulator.url,
      WHATSAPP_PHONE_NUMBER_ID: phoneNumberId,
      WHATSAPP_APP_SECRET: appSecret,
      WHATSAPP_VERIFY_TOKEN: 'sends-test-verify-token',
      GATEWAY_API_KEYS: `${API_KEY}:send+read,${OTHER_API_KEY}:send+read`,
      ...(withRedis && { REDIS_URL: SENDS_REDIS_URL }),
      ...env,
    };
    for (let i = 0; i < (withRedis ? size : 1); i++) gateways.push(await startTestGateway(gatewayEnv));
  } catch (error) {
    await Promise.all(gateways.map((gateway) => gateway.close()));
    await simulator.close();
    throw error;
  }
  const sendAs = (index: number, apiKey: string, input: Record<string, unknown>) =>
    gateways[index % gateways.length]!.graphql<SendData>(
      SEND,
      { input },
      { authorization: `Bearer ${apiKey}` },
    );
  return {
    simulator,
    gateways,
    send: (index, input) => sendAs(index, API_KEY, input),
    sendAs,
    async close() {
      await Promise.all(gateways.map((gateway) => gateway.close()));
      await simulator.close();
      if (withRedis) await flush();
    },
  };
}

async function flush(): Promise<void> {
  const redis = new Redis(SENDS_REDIS_URL, {
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    retryStrategy: () => null,
  });
  await redis.connect();
  try {
    await redis.flushdb();
  } finally {
    await redis.quit();
  }
}
