import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  SCENARIOS,
  SANCTIONED_PREFIXES,
  buildInboundMessageWebhook,
  buildStatusWebhook,
  buildWireStatus,
  serializeMetaJson,
  signWebhookBody,
  startSimulator,
} from '../../../src/simulator';
import { newMessageId } from '../../../src/simulator/message-id';
import { simulatorOptionsFromEnv } from '../../../src/simulator/simulator-env';
import { createLogger, createSilentLogger } from '../../../src/observability';

describe('simulator helpers', () => {
  it('lists every scenario in docs/simulator.md', () => {
    const doc = readFileSync(join(__dirname, '../../../docs/simulator.md'), 'utf8');
    // Rows as trimmed cells, whatever column padding the formatter chose.
    const rows = doc
      .split('\n')
      .filter((line) => line.startsWith('|'))
      .map((line) =>
        line
          .split('|')
          .slice(1, -1)
          .map((cell) => cell.trim()),
      );
    for (const scenario of SCENARIOS) {
      expect(rows).toContainEqual([`\`${scenario.recipient}\``, `\`${scenario.name}\``, scenario.summary]);
    }
    for (const prefix of ['+53', '+98', '+850', '+963', '+380 65', '+380 69', '+380 62', '+380 64']) {
      expect(doc).toContain(prefix);
    }
    expect(SANCTIONED_PREFIXES).toHaveLength(8);
  });

  it('keeps scenario recipients unique and inside the fictional +1 202 555 01xx range', () => {
    const recipients = SCENARIOS.map((scenario) => scenario.recipient);
    expect(new Set(recipients).size).toBe(recipients.length);
    expect(new Set(SCENARIOS.map((scenario) => scenario.name)).size).toBe(SCENARIOS.length);
    for (const recipient of recipients) expect(recipient).toMatch(/^\+120255501\d\d$/);
  });

  it('signs like Meta: sha256= and the hex HMAC of the exact bytes', () => {
    const body = '{"object":"whatsapp_business_account"}';
    const expected = createHmac('sha256', 'secret').update(Buffer.from(body)).digest('hex');
    expect(signWebhookBody(body, 'secret')).toBe(`sha256=${expected}`);
    expect(signWebhookBody(Buffer.from(body), 'secret')).toBe(`sha256=${expected}`);
    expect(signWebhookBody(`${body} `, 'secret')).not.toBe(`sha256=${expected}`);
  });

  it('serialises like Meta: non-ASCII as \\u escapes, slashes escaped, still the same JSON', () => {
    const value = { name: 'José 📦', href: 'https://x.y/z', plain: 'a"b' };
    const text = serializeMetaJson(value);
    expect(text).toBe('{"name":"Jos\\u00e9 \\ud83d\\udce6","href":"https:\\/\\/x.y\\/z","plain":"a\\"b"}');
    expect(JSON.parse(text)).toEqual(value);
  });

  it('builds status webhooks with defaults, conversation and pricing on sent, errors on failed', () => {
    const sent = buildWireStatus({
      messageId: 'wamid.A',
      status: 'sent',
      recipientId: '+12025550100',
      timestamp: 1750000000,
    });
    expect(sent).toEqual({
      id: 'wamid.A',
      status: 'sent',
      timestamp: '1750000000',
      recipient_id: '12025550100',
      conversation: {
        id: expect.stringMatching(/^[0-9a-f]{32}$/),
        expiration_timestamp: '1750086400',
        origin: { type: 'utility' },
      },
      pricing: { billable: true, pricing_model: 'PMP', category: 'utility', type: 'regular' },
    });
    const failed = buildWireStatus({
      messageId: 'wamid.A',
      status: 'failed',
      recipientId: '1',
      errorCode: 131049,
    });
    expect(failed.errors).toEqual([
      {
        code: 131049,
        title: expect.any(String),
        message: expect.any(String),
        error_data: { details: expect.any(String) },
        href: 'https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/',
      },
    ]);
    expect(buildStatusWebhook({ statuses: [sent] })).toEqual({
      object: 'whatsapp_business_account',
      entry: [
        {
          id: '102290129340398',
          changes: [
            {
              field: 'messages',
              value: {
                messaging_product: 'whatsapp',
                metadata: { display_phone_number: '15550783881', phone_number_id: '106540352242922' },
                statuses: [sent],
              },
            },
          ],
        },
      ],
    });
  });

  it('builds inbound message webhooks with contacts and messages', () => {
    const payload = buildInboundMessageWebhook({
      from: '+12025550177',
      content: 'hi',
      timestamp: 5,
      messageId: 'wamid.B',
    });
    expect(payload.entry[0]?.changes[0]?.value).toMatchObject({
      contacts: [{ profile: { name: 'Simulated Customer' }, wa_id: '12025550177' }],
      messages: [{ from: '12025550177', id: 'wamid.B', timestamp: '5', type: 'text', text: { body: 'hi' } }],
    });
  });

  it('makes wamids shaped like Meta’s, unique per call', () => {
    const id = newMessageId('16505551234');
    expect(id.startsWith('wamid.HBgLMTY1MDU1NTEyMzQVAgARGB')).toBe(true);
    const record = Buffer.from(id.slice(6), 'base64');
    const head = Buffer.concat([Buffer.from([0x1c, 0x18, 11]), Buffer.from('16505551234')]);
    expect(record.subarray(0, head.length).equals(head)).toBe(true);
    expect([...record.subarray(head.length, head.length + 6)]).toEqual([0x15, 0x02, 0x00, 0x11, 0x18, 0x12]);
    expect(record.subarray(head.length + 6, -1).toString('latin1')).toMatch(/^[0-9A-F]{18}$/);
    expect(record.at(-1)).toBe(0);
    expect(newMessageId('16505551234')).not.toBe(id);
  });

  it('reads the standalone settings from an environment, one problem per line', () => {
    expect(simulatorOptionsFromEnv({ WHATSAPP_APP_SECRET: 's', PORT: '4100' })).toEqual({
      ok: true,
      options: {
        host: '127.0.0.1',
        port: 4010,
        appSecret: 's',
        webhookUrl: 'http://127.0.0.1:4100/webhooks/whatsapp',
      },
    });
    const off = simulatorOptionsFromEnv({ WHATSAPP_APP_SECRET: 's', SIMULATOR_WEBHOOK_URL: 'off' });
    expect(off.ok).toBe(true);
    expect(off.ok && off.options).not.toHaveProperty('webhookUrl');
    const bad = simulatorOptionsFromEnv({
      SIMULATOR_PORT: 'x',
      SIMULATOR_WEBHOOK_URL: 'nope',
      SIMULATOR_WEBHOOK_DELAY_MS: '-1',
    });
    expect(bad).toEqual({
      ok: false,
      problems: [
        expect.stringMatching(/^WHATSAPP_APP_SECRET /),
        expect.stringMatching(/^SIMULATOR_PORT /),
        expect.stringMatching(/^SIMULATOR_WEBHOOK_URL /),
        expect.stringMatching(/^SIMULATOR_WEBHOOK_DELAY_MS /),
      ],
    });
  });

  it('refuses bad options with an error naming the option', async () => {
    await expect(startSimulator({ appSecret: '' })).rejects.toThrow(/appSecret/);
    await expect(startSimulator({ appSecret: 's', apiVersion: '23' })).rejects.toThrow(/apiVersion/);
    await expect(startSimulator({ appSecret: 's', webhookUrl: 'not a url' })).rejects.toThrow(/webhookUrl/);
    await expect(startSimulator({ appSecret: 's', webhookRetry: { maxAttempts: 0 } })).rejects.toThrow(
      /maxAttempts/,
    );
  });

  it('rejects when the port is taken', async () => {
    const first = await startSimulator({ appSecret: 's' });
    try {
      await expect(startSimulator({ appSecret: 's', port: first.port })).rejects.toThrow(/EADDRINUSE/);
    } finally {
      await first.close();
    }
  });

  it('takes the gateway’s pino logger and never logs the app secret or tokens', async () => {
    const lines: string[] = [];
    const logger = createLogger({
      level: 'debug',
      destination: { write: (line: string) => lines.push(line) },
    });
    const sim = await startSimulator({
      appSecret: 'app-secret-value',
      logger,
      webhookUrl: 'http://127.0.0.1:9/x',
    });
    await sim.close();
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join('')).not.toContain('app-secret-value');
    const silent = await startSimulator({ appSecret: 's', logger: createSilentLogger() });
    await silent.close();
  });
});
