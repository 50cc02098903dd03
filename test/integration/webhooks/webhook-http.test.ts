import { Readable } from 'node:stream';
import { type Redis } from 'ioredis';
import { request } from 'undici';
import { signWebhookBody } from '../../../src/simulator';
import { type TestGateway } from '../../support/gateway-harness';
import {
  flushDatabase,
  openTestRedis,
  redisDatabaseUrl,
  startLiveGateway,
} from '../live/support/live-gateway';
import {
  APP_SECRET,
  newWamid,
  postSignedJson,
  postWebhookBytes,
  statusWebhook,
  VERIFY_TOKEN,
} from '../live/support/live-webhooks';
import { serializeMetaJson } from '../../../src/simulator';

const REDIS_URL = redisDatabaseUrl(5);
const BODY_LIMIT = 2048;

describe('the webhook endpoint over HTTP, on Redis', () => {
  let gateway: TestGateway;
  let redis: Redis;

  beforeAll(async () => {
    await flushDatabase(REDIS_URL);
    gateway = await startLiveGateway(REDIS_URL, { WEBHOOK_BODY_LIMIT_BYTES: String(BODY_LIMIT) });
    redis = await openTestRedis(REDIS_URL);
  });
  afterAll(async () => {
    await redis?.quit();
    await gateway?.close();
    await flushDatabase(REDIS_URL);
  });

  const handshake = async (query: Record<string, string>) => {
    const response = await request(`${gateway.url}/webhooks/whatsapp?${new URLSearchParams(query)}`);
    return {
      status: response.statusCode,
      type: response.headers['content-type'],
      body: await response.body.text(),
    };
  };

  /** A body that would store a status if it were accepted: every refusal below must leave Redis as it was. */
  const storableBody = (): string =>
    serializeMetaJson(statusWebhook({ messageId: newWamid(), status: 'sent', recipientId: '12025550180' }));

  // The gateway syncs its template catalogue from the simulator at start, on its own: those keys are not
  // the webhook's doing.
  const expectNothingStored = async (): Promise<void> => {
    const keys = await redis.keys('*');
    expect(keys.filter((key) => !key.includes('{tpl}'))).toEqual([]);
  };

  describe('verification handshake', () => {
    it('echoes the challenge as text/plain for the right token', async () => {
      const answer = await handshake({
        'hub.mode': 'subscribe',
        'hub.verify_token': VERIFY_TOKEN,
        'hub.challenge': '1158201444',
      });
      expect(answer).toEqual({ status: 200, type: 'text/plain; charset=utf-8', body: '1158201444' });
    });

    it.each([
      ['a wrong token', { 'hub.mode': 'subscribe', 'hub.verify_token': 'not-it', 'hub.challenge': '1' }],
      ['no token', { 'hub.mode': 'subscribe', 'hub.challenge': '1' }],
      ['another mode', { 'hub.mode': 'unsubscribe', 'hub.verify_token': VERIFY_TOKEN, 'hub.challenge': '1' }],
    ])('answers 403 for %s, without the challenge', async (_name, query) => {
      const answer = await handshake(query);
      expect(answer.status).toBe(403);
      expect(answer.body).not.toContain('1158201444');
      expect(answer.body).toBe('Forbidden');
    });
  });

  describe('refusals store nothing', () => {
    it('answers 401 without a signature', async () => {
      const answer = await postWebhookBytes(gateway.url, storableBody(), {});
      expect(answer).toEqual({ status: 401, body: 'Invalid signature' });
      await expectNothingStored();
    });

    it('answers 401 for a signature made with another secret', async () => {
      const body = storableBody();
      const answer = await postWebhookBytes(gateway.url, body, {
        'x-hub-signature-256': signWebhookBody(body, 'some-other-app-secret'),
      });
      expect(answer).toEqual({ status: 401, body: 'Invalid signature' });
      await expectNothingStored();
    });

    it('answers 401 when the signed bytes were changed on the way', async () => {
      const body = storableBody();
      const signature = signWebhookBody(body, APP_SECRET);
      const answer = await postWebhookBytes(gateway.url, body.replace('"sent"', '"read"'), {
        'x-hub-signature-256': signature,
      });
      expect(answer.status).toBe(401);
      await expectNothingStored();
    });

    it('answers 401 for a malformed signature header', async () => {
      const answer = await postWebhookBytes(gateway.url, storableBody(), {
        'x-hub-signature-256': 'sha1=abc',
      });
      expect(answer.status).toBe(401);
      await expectNothingStored();
    });

    it('answers 400 for a signed body that is not JSON', async () => {
      const body = '{"object":"whatsapp_business_account","entry":[';
      const answer = await postWebhookBytes(gateway.url, body, {
        'x-hub-signature-256': signWebhookBody(body, APP_SECRET),
      });
      expect(answer).toEqual({ status: 400, body: 'Malformed JSON' });
      await expectNothingStored();
    });

    it('answers 200 for signed JSON that is not a notification, and keeps it as an account event (case 49)', async () => {
      const body = { object: 'whatsapp_business_account', entry: 'not a list' };
      const answer = await postSignedJson(gateway.url, body);
      expect(answer).toEqual({ status: 200, body: 'OK' });
      const read = await gateway.graphql<{
        accountEvents: { nodes: Array<{ kind: string; summary: string; zh: string; payload: unknown }> };
      }>(`{ accountEvents(kind: [WEBHOOK_ERROR], first: 5) {
        nodes { kind summary zh: summary(locale: ZH_TW) payload }
      } }`);
      expect(read.body.errors).toBeUndefined();
      expect(read.body.data?.accountEvents.nodes).toEqual([
        {
          kind: 'WEBHOOK_ERROR',
          summary: expect.stringMatching(/^A webhook part could not be read \(the whole body\): entry: /),
          zh: expect.stringMatching(/^Webhook 有一部分無法讀取/),
          payload: { path: '', reason: expect.any(String), raw: body },
        },
      ]);
      await redis.flushdb();
    });

    it('answers 413 for a signed body over the limit, announced by Content-Length', async () => {
      const body = oversizedBody();
      const answer = await postWebhookBytes(gateway.url, body, {
        'x-hub-signature-256': signWebhookBody(body, APP_SECRET),
      });
      expect(answer.status).toBe(413);
      await expectNothingStored();
    });

    it('answers 413 for a chunked body over the limit (no Content-Length)', async () => {
      const body = Buffer.from(oversizedBody());
      const chunks = Array.from({ length: Math.ceil(body.length / 512) }, (_, i) =>
        body.subarray(i * 512, (i + 1) * 512),
      );
      const response = await request(`${gateway.url}/webhooks/whatsapp`, {
        method: 'POST',
        body: Readable.from(chunks),
        headers: {
          'content-type': 'application/json',
          'x-hub-signature-256': signWebhookBody(body, APP_SECRET),
        },
      });
      await response.body.dump();
      expect(response.statusCode).toBe(413);
      await expectNothingStored();
    });

    it('takes a chunked body under the limit (the check is on bytes, not on the header)', async () => {
      const body = Buffer.from(storableBody());
      const response = await request(`${gateway.url}/webhooks/whatsapp`, {
        method: 'POST',
        body: Readable.from([body.subarray(0, 100), body.subarray(100)]),
        headers: {
          'content-type': 'application/json',
          'x-hub-signature-256': signWebhookBody(body, APP_SECRET),
        },
      });
      expect(response.statusCode).toBe(200);
      expect(await response.body.text()).toBe('OK');
      expect(await redis.dbsize()).toBeGreaterThan(0);
      await redis.flushdb();
    });

    it('acknowledges an object it does not handle with 200 and stores nothing', async () => {
      const answer = await postSignedJson(gateway.url, {
        object: 'page',
        entry: [{ id: '1', time: 1_750_000_000, changes: [{ field: 'feed', value: { item: 'post' } }] }],
      });
      expect(answer).toEqual({ status: 200, body: 'OK' });
      await expectNothingStored();
    });

    it('keeps an unknown field of a WhatsApp account as an OTHER account event, answered 200', async () => {
      const answer = await postSignedJson(gateway.url, {
        object: 'whatsapp_business_account',
        entry: [{ id: '1', changes: [{ field: 'account_review_update', value: { decision: 'APPROVED' } }] }],
      });
      expect(answer).toEqual({ status: 200, body: 'OK' });
      const read = await gateway.graphql<{
        accountEvents: { nodes: Array<{ kind: string; field: string }> };
      }>('{ accountEvents(first: 1) { nodes { kind field } } }');
      expect(read.body.data?.accountEvents.nodes).toEqual([
        { kind: 'OTHER', field: 'account_review_update' },
      ]);
      await redis.flushdb();
    });
  });
});

/** A valid status notification padded (inside the JSON, as whitespace) past the body limit. */
function oversizedBody(): string {
  const body = serializeMetaJson(
    statusWebhook({ messageId: newWamid(), status: 'sent', recipientId: '12025550180' }),
  );
  return body.replace('{', `{${' '.repeat(BODY_LIMIT * 2)}`);
}
