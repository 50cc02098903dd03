import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  INBOUND_SCENARIO_TEXT,
  SCENARIOS,
  startSimulator,
  type RunningSimulator,
  type WireWebhookPayload,
  type WireStatus,
} from '../../../src/simulator';
import { callGraph, textTo } from './support/graph-client';
import {
  startWebhookReceiver,
  waitFor,
  type ReceivedWebhook,
  type WebhookReceiver,
} from './support/webhook-receiver';

const SECRET = 'webhook-test-secret';
const recipientOf = (name: string): string => {
  const found = SCENARIOS.find((scenario) => scenario.name === name);
  if (found === undefined) throw new Error(`no scenario ${name}`);
  return found.recipient;
};

function verified(webhook: ReceivedWebhook): boolean {
  const header = webhook.headers['x-hub-signature-256'];
  const expected = Buffer.from(`sha256=${createHmac('sha256', SECRET).update(webhook.raw).digest('hex')}`);
  return (
    typeof header === 'string' &&
    header.length === expected.length &&
    timingSafeEqual(Buffer.from(header), expected)
  );
}

const payloadOf = (webhook: ReceivedWebhook): WireWebhookPayload => JSON.parse(webhook.raw.toString('utf8'));
const statusesOf = (webhooks: ReceivedWebhook[], messageId: string): WireStatus[] =>
  webhooks
    .flatMap((webhook) => payloadOf(webhook).entry.flatMap((entry) => entry.changes))
    .flatMap((change) => change.value.statuses ?? [])
    .filter((status) => status.id === messageId);

describe('simulator: status webhooks', () => {
  let receiver: WebhookReceiver;
  let sim: RunningSimulator;

  const send = async (to: string): Promise<string> => {
    const answer = await callGraph(sim.url, 'POST', `/v23.0/${sim.phoneNumberId}/messages`, {
      body: textTo(to),
    });
    expect(answer.status).toBe(200);
    return answer.body.messages[0].id as string;
  };

  beforeEach(async () => {
    receiver = await startWebhookReceiver();
    sim = await startSimulator({ appSecret: SECRET, webhookUrl: receiver.url, webhookDelayMs: 5 });
  });
  afterEach(async () => {
    await sim.close();
    await receiver.close();
  });

  it('posts sent, delivered, read in order, signed, in Meta’s envelope', async () => {
    const id = await send('+12025550100');
    await waitFor(() => statusesOf(receiver.received, id).length === 3, 'three statuses');
    expect(statusesOf(receiver.received, id).map((status) => status.status)).toEqual([
      'sent',
      'delivered',
      'read',
    ]);
    for (const webhook of receiver.received) {
      expect(verified(webhook)).toBe(true);
      expect(webhook.headers['content-type']).toBe('application/json');
    }
    const payload = payloadOf(receiver.received[0]!);
    expect(payload).toMatchObject({
      object: 'whatsapp_business_account',
      entry: [
        {
          id: '102290129340398',
          changes: [
            {
              field: 'messages',
              value: {
                messaging_product: 'whatsapp',
                metadata: { display_phone_number: '15550783881', phone_number_id: sim.phoneNumberId },
              },
            },
          ],
        },
      ],
    });
    const [sent, delivered, read] = statusesOf(receiver.received, id);
    expect(sent).toMatchObject({
      recipient_id: '12025550100',
      timestamp: expect.stringMatching(/^\d{10}$/),
      conversation: { id: expect.any(String), origin: { type: 'service' } },
      pricing: { pricing_model: 'PMP', category: 'service' },
    });
    expect(delivered?.pricing).toBeDefined();
    expect(read?.pricing).toBeUndefined();
    expect(Number(sent!.timestamp)).toBeLessThanOrEqual(Number(read!.timestamp));
  });

  it.each([
    ['webhook-undeliverable', 131026],
    ['webhook-marketing-limit', 131049],
    ['webhook-experiment-group', 130472],
    ['webhook-re-engagement', 131047],
    ['webhook-service-downtime', 2],
    ['webhook-media-error', 131053],
  ])('posts a failed status with errors[] for %s (%i)', async (name, code) => {
    const id = await send(recipientOf(name));
    await waitFor(() => statusesOf(receiver.received, id).length === 1, 'the failed status');
    const [failed] = statusesOf(receiver.received, id);
    expect(failed).toMatchObject({
      status: 'failed',
      errors: [
        {
          code,
          title: expect.any(String),
          message: expect.any(String),
          error_data: { details: expect.any(String) },
          href: expect.stringContaining('developers.facebook.com'),
        },
      ],
    });
  });

  it('posts delivered and then failed 131026 for the multi-device recipient', async () => {
    const id = await send(recipientOf('multi-device'));
    await waitFor(() => statusesOf(receiver.received, id).length === 3, 'three statuses');
    const statuses = statusesOf(receiver.received, id);
    expect(statuses.map((status) => status.status)).toEqual(['sent', 'delivered', 'failed']);
    expect(statuses[2]?.errors?.[0]?.code).toBe(131026);
  });

  it('posts read, sent, delivered and a byte-identical duplicate delivered for the out-of-order recipient', async () => {
    const id = await send(recipientOf('out-of-order'));
    await waitFor(() => statusesOf(receiver.received, id).length === 4, 'four statuses');
    expect(statusesOf(receiver.received, id).map((status) => status.status)).toEqual([
      'read',
      'sent',
      'delivered',
      'delivered',
    ]);
    const [, , third, fourth] = receiver.received;
    expect(fourth!.raw.equals(third!.raw)).toBe(true);
    expect(fourth!.headers['x-hub-signature-256']).toBe(third!.headers['x-hub-signature-256']);
    const [read, sent] = statusesOf(receiver.received, id);
    expect(Number(read!.timestamp)).toBeGreaterThanOrEqual(Number(sent!.timestamp));
  });

  it('posts only sent for the offline recipient', async () => {
    const id = await send(recipientOf('offline'));
    await sim.flushWebhooks();
    expect(statusesOf(receiver.received, id).map((status) => status.status)).toEqual(['sent']);
  });

  it('posts the customer’s inbound text first, escaped like Meta, then the statuses', async () => {
    const id = await send(recipientOf('customer-writes-first'));
    await waitFor(() => receiver.received.length === 4, 'inbound message and three statuses');
    const inbound = receiver.received[0]!;
    expect(verified(inbound)).toBe(true);
    const raw = inbound.raw.toString('utf8');
    // Non-ASCII goes as \uXXXX escapes (the emoji as a surrogate pair), never as raw UTF-8.
    expect(raw).toMatch(/^[\x20-\x7e]*$/);
    expect(raw).toContain('\\u00bfD\\u00f3nde');
    expect(raw).toContain('\\ud83d\\udce6');
    const value = payloadOf(inbound).entry[0]!.changes[0]!.value;
    expect(value.contacts).toEqual([{ profile: { name: 'José Müller' }, wa_id: '12025550139' }]);
    expect(value.messages).toEqual([
      {
        from: '12025550139',
        id: expect.stringMatching(/^wamid\./),
        timestamp: expect.stringMatching(/^\d+$/),
        type: 'text',
        text: { body: INBOUND_SCENARIO_TEXT },
      },
    ]);
    expect(statusesOf(receiver.received, id)).toHaveLength(3);
  });

  it('posts inbound messages on request', async () => {
    const id = sim.postInboundMessage({ from: '+1 202 555 0177', text: 'hello', profileName: 'Ana' });
    await sim.flushWebhooks();
    expect(receiver.received).toHaveLength(1);
    expect(payloadOf(receiver.received[0]!).entry[0]!.changes[0]!.value.messages?.[0]).toMatchObject({
      id,
      from: '12025550177',
      text: { body: 'hello' },
    });
  });

  it('sends no webhooks without a webhook URL, and starts when one is set', async () => {
    sim.setWebhookUrl(undefined);
    await send('+12025550100');
    await sim.flushWebhooks();
    expect(receiver.attempts).toBe(0);
    sim.setWebhookUrl(receiver.url);
    const id = await send('+12025550100');
    await sim.flushWebhooks();
    expect(statusesOf(receiver.received, id)).toHaveLength(3);
  });

  it('counts delivered webhooks', async () => {
    await send('+12025550100');
    await sim.flushWebhooks();
    expect(sim.stats.webhooks).toEqual({ delivered: 3, attempts: 3, givenUp: 0 });
  });
});

describe('simulator: webhook retries', () => {
  it('retries a delivery answered 503 until it is accepted', async () => {
    const receiver = await startWebhookReceiver((attempt) => (attempt <= 2 ? 503 : 200));
    const sim = await startSimulator({
      appSecret: SECRET,
      webhookUrl: receiver.url,
      webhookDelayMs: 5,
      webhookRetry: { initialDelayMs: 20, maxDelayMs: 40, maxAttempts: 5 },
    });
    try {
      const answer = await callGraph(sim.url, 'POST', `/v23.0/${sim.phoneNumberId}/messages`, {
        body: textTo(recipientOf('offline')),
      });
      const id = answer.body.messages[0].id as string;
      await waitFor(() => receiver.received.length === 1, 'the retried webhook');
      // The receiver has the body before the simulator has read its 200: count once the delivery settled.
      await sim.flushWebhooks();
      expect(receiver.attempts).toBe(3);
      expect(statusesOf(receiver.received, id).map((status) => status.status)).toEqual(['sent']);
      expect(verified(receiver.received[0]!)).toBe(true);
      expect(sim.stats.webhooks).toEqual({ delivered: 1, attempts: 3, givenUp: 0 });
    } finally {
      await sim.close();
      await receiver.close();
    }
  });

  it('gives up after maxAttempts, logging a warning, and flush resolves', async () => {
    const receiver = await startWebhookReceiver(() => 500);
    const warnings: string[] = [];
    const logger = {
      info: () => undefined,
      debug: () => undefined,
      error: () => undefined,
      warn: (_fields: Record<string, unknown>, message: string) => warnings.push(message),
    };
    const sim = await startSimulator({
      appSecret: SECRET,
      webhookUrl: receiver.url,
      webhookDelayMs: 1,
      webhookRetry: { initialDelayMs: 5, maxDelayMs: 10, maxAttempts: 3 },
      logger,
    });
    try {
      await callGraph(sim.url, 'POST', `/v23.0/${sim.phoneNumberId}/messages`, {
        body: textTo(recipientOf('offline')),
      });
      await sim.flushWebhooks();
      expect(receiver.attempts).toBe(3);
      expect(sim.stats.webhooks).toEqual({ delivered: 0, attempts: 3, givenUp: 1 });
      expect(warnings).toEqual(['simulator webhook given up']);
    } finally {
      await sim.close();
      await receiver.close();
    }
  });

  it('retries when the receiver does not answer within the attempt timeout', async () => {
    let stalls = 1;
    const receiver = await startWebhookReceiver();
    // The first attempt goes to a receiver that never answers; later ones are answered.
    const staller = createServer((req, res) => {
      if (stalls > 0) {
        stalls -= 1;
        return;
      }
      req.pipe(res);
    });
    await new Promise<void>((resolve) => staller.listen(0, '127.0.0.1', resolve));
    const sim = await startSimulator({
      appSecret: SECRET,
      webhookUrl: `http://127.0.0.1:${(staller.address() as AddressInfo).port}/`,
      webhookDelayMs: 1,
      webhookRetry: { initialDelayMs: 10, maxDelayMs: 10, maxAttempts: 3, attemptTimeoutMs: 100 },
    });
    try {
      await callGraph(sim.url, 'POST', `/v23.0/${sim.phoneNumberId}/messages`, {
        body: textTo(recipientOf('offline')),
      });
      await sim.flushWebhooks();
      expect(sim.stats.webhooks).toEqual({ delivered: 1, attempts: 2, givenUp: 0 });
    } finally {
      await sim.close();
      await receiver.close();
      staller.closeAllConnections();
      await new Promise((resolve) => staller.close(resolve));
    }
  });

  it('close() drops pending webhooks and leaves no timer or socket behind', async () => {
    const timers = (): number => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
    const receiver = await startWebhookReceiver();
    const timersBefore = timers();
    // A minute between statuses: only close() can end the chain in time.
    const sim = await startSimulator({ appSecret: SECRET, webhookUrl: receiver.url, webhookDelayMs: 60_000 });
    try {
      await callGraph(sim.url, 'POST', `/v23.0/${sim.phoneNumberId}/messages`, {
        body: textTo('+12025550100'),
      });
    } finally {
      await sim.close();
    }
    let flushed = false;
    void sim.flushWebhooks().then(() => (flushed = true));
    await waitFor(() => flushed, 'the dropped chain to end', 1000);
    expect(timers()).toBeLessThanOrEqual(timersBefore);
    expect(receiver.attempts).toBe(0);
    await receiver.close();
  });
});
