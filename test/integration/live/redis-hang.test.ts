import { request } from 'undici';
import { type TestGateway, waitFor } from '../../support/gateway-harness';
import { RedisProcess } from '../../support/redis-process';
import { startLiveGateway } from './support/live-gateway';
import {
  newWamid,
  postSignedJson,
  statusWebhook,
  uniquePhoneNumberId,
  type WebhookAnswer,
} from './support/live-webhooks';

const RECIPIENT = '12025550177';
/** docs/reliability.md, case 48: a webhook must be answered 5xx within this while Redis hangs, so that Meta retries. */
const HUNG_ANSWER_BOUND_MS = 5_000;

async function readiness(gateway: TestGateway): Promise<number> {
  const response = await request(`${gateway.url}/readyz`);
  await response.body.dump();
  return response.statusCode;
}

/** The answer and how long it took; a gateway that hangs gives up after `giveUpMs` instead of never. */
async function timed<T>(work: Promise<T>, giveUpMs: number): Promise<{ value: T | 'no answer'; ms: number }> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const value = await Promise.race([
    work,
    new Promise<'no answer'>((resolve) => {
      timer = setTimeout(() => resolve('no answer'), giveUpMs);
    }),
  ]);
  clearTimeout(timer);
  return { value, ms: performance.now() - started };
}

describe('a hung Redis (SIGSTOP) does not hang the gateway (docs/reliability.md, case 48)', () => {
  let redis: RedisProcess;
  let gateway: TestGateway;

  beforeAll(async () => {
    redis = await RedisProcess.start();
    // The default REDIS_COMMAND_TIMEOUT_MS: the bound must hold without tuning.
    gateway = await startLiveGateway(redis.url);
  });
  afterAll(async () => {
    await gateway?.close();
    await redis?.remove();
  });

  it('answers webhooks 503 within seconds, /readyz 503, sends fail; after SIGCONT every status answered 200 is stored', async () => {
    const pn = uniquePhoneNumberId();
    const spec = (messageId: string, status: 'sent' | 'delivered', timestamp: number) => ({
      messageId,
      status,
      timestamp,
      recipientId: RECIPIENT,
      phoneNumberId: pn,
    });
    const before = newWamid();
    const during = newWamid();
    const acknowledged = [before];
    expect(await postSignedJson(gateway.url, statusWebhook(spec(before, 'sent', 1_750_000_000)))).toEqual({
      status: 200,
      body: 'OK',
    });

    redis.pause();
    let hungBodies: unknown[] = [];
    try {
      hungBodies = [
        statusWebhook(spec(before, 'delivered', 1_750_000_010)),
        statusWebhook(spec(during, 'sent', 1_750_000_020)),
      ];
      const answers = await Promise.all(
        hungBodies.map((body) => timed(postSignedJson(gateway.url, body), 3 * HUNG_ANSWER_BOUND_MS)),
      );
      for (const { value, ms } of answers) {
        expect(value).toEqual<WebhookAnswer>({ status: 503, body: 'Store unavailable; retry later' });
        expect(ms).toBeLessThan(HUNG_ANSWER_BOUND_MS);
      }

      expect(await readiness(gateway)).toBe(503);

      // A send touches Redis (rate limit, record) before and after the Cloud API: it fails, it does not hang.
      const send = await timed(
        gateway.graphql<{ sendMessage: unknown }>(
          'mutation ($to: String!) { sendMessage(input: { to: $to, text: { body: "hung" } }) { message { id } } }',
          { to: `+${RECIPIENT}` },
        ),
        3 * HUNG_ANSWER_BOUND_MS,
      );
      expect(send.value).not.toBe('no answer');
      expect(send.ms).toBeLessThan(HUNG_ANSWER_BOUND_MS);
      const sendBody = send.value === 'no answer' ? null : send.value.body;
      // The internal-failure contract (case 22): a stable code and a request id the log line also holds.
      expect(sendBody?.errors?.[0]?.extensions).toEqual({
        code: 'INTERNAL_SERVER_ERROR',
        requestId: expect.any(String),
      });
      expect(sendBody?.data?.sendMessage ?? null).toBeNull();
    } finally {
      redis.resume();
    }

    await waitFor(async () => (await readiness(gateway)) === 200, 10_000);
    // Meta retries what was refused; every retry is taken now.
    for (const body of hungBodies) {
      expect((await postSignedJson(gateway.url, body)).status).toBe(200);
    }
    acknowledged.push(during);

    const history = async (id: string): Promise<string[]> => {
      const answer = await gateway.graphql<{ message: { statusHistory: { status: string }[] } | null }>(
        'query ($id: ID!) { message(id: $id) { statusHistory { status } } }',
        { id },
      );
      return answer.body.data?.message?.statusHistory.map((event) => event.status) ?? [];
    };
    for (const id of acknowledged) expect(await history(id)).not.toEqual([]);
    expect(await history(before)).toEqual(['SENT', 'DELIVERED']);
    expect(await history(during)).toEqual(['SENT']);
  });
});
