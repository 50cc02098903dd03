import { request } from 'undici';
import { SCENARIOS, SimulatorToken, startSimulator, type RunningSimulator } from '../../../src/simulator';
import { callGraph, textTo } from './support/graph-client';

const V = '/v23.0';
const ORDINARY = '+12025550100';
const recipientOf = (name: string): string => {
  const found = SCENARIOS.find((scenario) => scenario.name === name);
  if (found === undefined) throw new Error(`no scenario ${name}`);
  return found.recipient;
};

describe('simulator: POST /{version}/{phone-number-id}/messages', () => {
  let sim: RunningSimulator;
  let messagesPath: string;

  beforeAll(async () => {
    sim = await startSimulator({ appSecret: 'sim-secret', hangMs: 400 });
    messagesPath = `${V}/${sim.phoneNumberId}/messages`;
  });
  afterAll(async () => {
    await sim.close();
  });

  it('accepts a text send with Meta’s success shape and no message_status', async () => {
    const answer = await callGraph(sim.url, 'POST', messagesPath, { body: textTo('+1 (202) 555-0100') });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      messaging_product: 'whatsapp',
      contacts: [{ input: '+1 (202) 555-0100', wa_id: '12025550100' }],
      messages: [{ id: expect.stringMatching(/^wamid\.[A-Za-z0-9+/]+=*$/) }],
    });
    const id = answer.body.messages[0].id as string;
    expect(Buffer.from(id.slice(6), 'base64').toString('latin1')).toContain('12025550100');
  });

  it('gives template sends message_status accepted, and the held scenario held_for_quality_assessment', async () => {
    const template = (to: string) => ({
      messaging_product: 'whatsapp',
      to,
      type: 'template',
      template: {
        name: 'order_update',
        language: { code: 'en_US' },
        components: [{ type: 'body', parameters: [{ type: 'text', text: '4471' }] }],
      },
    });
    const accepted = await callGraph(sim.url, 'POST', messagesPath, { body: template(ORDINARY) });
    expect(accepted.body.messages[0].message_status).toBe('accepted');
    const held = await callGraph(sim.url, 'POST', messagesPath, {
      body: template(recipientOf('held-for-quality')),
    });
    expect(held.status).toBe(200);
    expect(held.body.messages[0].message_status).toBe('held_for_quality_assessment');
  });

  const syncErrors: [string, number, number, number | undefined, boolean][] = [
    ['invalid-parameter', 400, 100, undefined, false],
    ['expired-token', 401, 190, 463, false],
    ['undeliverable', 400, 131026, undefined, false],
    ['experiment-group', 400, 130472, undefined, false],
    ['marketing-limit', 400, 131049, undefined, false],
    ['re-engagement-window', 400, 131047, undefined, false],
    ['restricted-country', 403, 130497, undefined, false],
    ['service-downtime', 503, 2, undefined, true],
    ['pair-rate-limit', 400, 131056, undefined, false],
    ['template-not-found', 404, 132001, undefined, false],
  ];

  it.each(syncErrors)(
    'scenario %s answers HTTP %i with code %i',
    async (name, http, code, subcode, transient) => {
      const answer = await callGraph(sim.url, 'POST', messagesPath, { body: textTo(recipientOf(name)) });
      expect(answer.status).toBe(http);
      const error = answer.body.error;
      expect(error).toMatchObject({ type: 'OAuthException', code, is_transient: transient });
      expect(error.fbtrace_id).toMatch(/^[A-Za-z0-9_-]{23}$/);
      expect(error.error_subcode).toBe(subcode);
      if (code !== 190) {
        expect(error.message).toMatch(new RegExp(`^\\(#${code}\\) .+`));
        expect(error.error_data).toEqual({ messaging_product: 'whatsapp', details: expect.any(String) });
      }
    },
  );

  it('names the parameter in the invalid-parameter scenario', async () => {
    const answer = await callGraph(sim.url, 'POST', messagesPath, {
      body: textTo(recipientOf('invalid-parameter')),
    });
    expect(answer.body.error.error_data.details).toMatch(/\bto\b/);
  });

  it('answers 130497 for sanctioned countries and regions, and normally for their neighbours', async () => {
    for (const to of ['+5372345678', '+989121234567', '+850191234567', '+963944567890', '+380652123456']) {
      const answer = await callGraph(sim.url, 'POST', messagesPath, { body: textTo(to) });
      expect([to, answer.status, answer.body.error?.code]).toEqual([to, 403, 130497]);
    }
    const ukraine = await callGraph(sim.url, 'POST', messagesPath, { body: textTo('+380441234567') });
    expect(ukraine.status).toBe(200);
  });

  it('fails the fail-once recipient with a transient 500 once, then accepts it', async () => {
    const to = recipientOf('fail-once');
    const first = await callGraph(sim.url, 'POST', messagesPath, { body: textTo(to) });
    expect(first.status).toBe(500);
    expect(first.body.error).toMatchObject({ code: 131000, is_transient: true });
    const second = await callGraph(sim.url, 'POST', messagesPath, { body: textTo(to) });
    expect(second.status).toBe(200);
    expect(sim.sendCount(to)).toBe(2);
  });

  it('holds the hang recipient for hangMs, then accepts', async () => {
    const started = Date.now();
    const answer = await callGraph(sim.url, 'POST', messagesPath, { body: textTo(recipientOf('hang')) });
    expect(answer.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(390);
  });

  it('drops a held answer when the caller gives up, without counting it as accepted', async () => {
    const acceptedBefore = sim.stats.sendsAccepted;
    const receivedBefore = sim.stats.sendsReceived;
    const abort = AbortSignal.timeout(50);
    await expect(
      request(`${sim.url}${messagesPath}`, {
        method: 'POST',
        headers: { authorization: 'Bearer t', 'content-type': 'application/json' },
        body: JSON.stringify(textTo(recipientOf('hang'))),
        signal: abort,
      }),
    ).rejects.toThrow();
    // A negative check has to let the hang (400 ms) elapse: then the held answer must have been dropped.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(sim.stats.sendsReceived).toBe(receivedBefore + 1);
    expect(sim.stats.sendsAccepted).toBe(acceptedBefore);
  });

  const invalid: [string, unknown, RegExp][] = [
    ['no messaging_product', { to: ORDINARY, type: 'text', text: { body: 'hi' } }, /messaging_product/],
    ['a wrong messaging_product', { ...textTo(ORDINARY), messaging_product: 'sms' }, /messaging_product/],
    [
      'neither to nor recipient',
      { messaging_product: 'whatsapp', recipient_type: 'individual', type: 'text', text: { body: 'hi' } },
      /^The parameter to or recipient is required\.$/,
    ],
    [
      'both to and recipient',
      { ...textTo(ORDINARY), recipient: 'US.13491208655302741918' },
      /either to or recipient/,
    ],
    [
      'a recipient that is not a BSUID',
      { messaging_product: 'whatsapp', recipient: '12025550100', type: 'text', text: { body: 'hi' } },
      /business-scoped user id/,
    ],
    ['text over 4096 characters', textTo(ORDINARY, 'x'.repeat(4097)), /text\['body'\].*4096/],
    ['an empty text', textTo(ORDINARY, ''), /text\['body'\]/],
    ['type without its object', { messaging_product: 'whatsapp', to: ORDINARY, type: 'image' }, /\bimage\b/],
    [
      'media without link or id',
      { messaging_product: 'whatsapp', to: ORDINARY, type: 'image', image: { caption: 'x' } },
      /'link' or 'id'/,
    ],
    [
      'a template without language.code',
      {
        messaging_product: 'whatsapp',
        to: ORDINARY,
        type: 'template',
        template: { name: 'x', language: {} },
      },
      /template\['language'\]\['code'\]/,
    ],
    ['an unknown type', { messaging_product: 'whatsapp', to: ORDINARY, type: 'fax', fax: {} }, /\btype\b/],
  ];

  it.each(invalid)('refuses %s with code 100 naming the parameter', async (_title, body, details) => {
    const answer = await callGraph(sim.url, 'POST', messagesPath, { body });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ code: 100, message: '(#100) Invalid parameter' });
    expect(answer.body.error.error_data.details).toMatch(details);
  });

  it.each(['US.13491208655302741918', 'US.ENT.11815799212886844830'])(
    'accepts a send to the business-scoped user id %s in `recipient`, without `to`',
    async (bsuid) => {
      const before = sim.sendCount(bsuid);
      const answer = await callGraph(sim.url, 'POST', messagesPath, {
        body: {
          messaging_product: 'whatsapp',
          recipient_type: 'individual',
          recipient: bsuid,
          type: 'text',
          text: { body: 'Hello' },
        },
      });
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({
        messaging_product: 'whatsapp',
        contacts: [{ input: bsuid, user_id: bsuid }],
        messages: [{ id: expect.stringMatching(/^wamid\.[A-Za-z0-9+/]+=*$/) }],
      });
      expect(sim.sendCount(bsuid)).toBe(before + 1);
    },
  );

  it('accepts exactly 4096 characters and media by id', async () => {
    expect(
      (await callGraph(sim.url, 'POST', messagesPath, { body: textTo(ORDINARY, 'é'.repeat(4096)) })).status,
    ).toBe(200);
    const media = { messaging_product: 'whatsapp', to: ORDINARY, type: 'document', document: { id: '1234' } };
    expect((await callGraph(sim.url, 'POST', messagesPath, { body: media })).status).toBe(200);
  });

  it('refuses malformed JSON with code 100', async () => {
    const answer = await callGraph(sim.url, 'POST', messagesPath, { rawBody: '{"messaging_product":' });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe(100);
  });

  it('answers mark-as-read with success', async () => {
    const body = {
      messaging_product: 'whatsapp',
      status: 'read',
      message_id: 'wamid.HBgLMTY1MDU1NTEyMzQVAgARGBI4QzA2',
    };
    const answer = await callGraph(sim.url, 'POST', messagesPath, { body });
    expect(answer).toEqual({ status: 200, body: { success: true } });
  });

  it('refuses calls without a token, and with the expired or invalid scenario tokens', async () => {
    const none = await callGraph(sim.url, 'POST', messagesPath, { token: null, body: textTo(ORDINARY) });
    expect([none.status, none.body.error.code]).toEqual([400, 104]);
    const expired = await callGraph(sim.url, 'POST', messagesPath, {
      token: SimulatorToken.EXPIRED,
      body: textTo(ORDINARY),
    });
    expect(expired.status).toBe(401);
    expect(expired.body.error).toMatchObject({ code: 190, error_subcode: 463, type: 'OAuthException' });
    expect(expired.body.error.message).toMatch(/^Error validating access token: Session has expired/);
    const invalid = await callGraph(sim.url, 'POST', messagesPath, {
      token: SimulatorToken.INVALID,
      body: textTo(ORDINARY),
    });
    expect([invalid.status, invalid.body.error.code, invalid.body.error.error_subcode]).toEqual([
      401, 190, 467,
    ]);
  });

  it('refuses sends with a token lacking whatsapp_business_messaging (403, code 10)', async () => {
    const answer = await callGraph(sim.url, 'POST', messagesPath, {
      token: SimulatorToken.MISSING_MESSAGING,
      body: textTo(ORDINARY),
    });
    expect([answer.status, answer.body.error.code]).toEqual([403, 10]);
  });

  it('refuses sends from an unknown phone-number id (100/33) and unknown paths', async () => {
    const unknownId = await callGraph(sim.url, 'POST', `${V}/999/messages`, { body: textTo(ORDINARY) });
    expect(unknownId.status).toBe(400);
    expect(unknownId.body.error).toMatchObject({
      code: 100,
      error_subcode: 33,
      type: 'GraphMethodException',
    });
    for (const path of ['/v23.0/123/templates', '/messages', '/v23/123/messages', '/v23.0/123/messages/x']) {
      const answer = await callGraph(sim.url, 'POST', path, { body: textTo(ORDINARY) });
      expect([path, answer.status, answer.body.error.code]).toEqual([path, 400, 100]);
      expect(answer.body.error.message).toMatch(/^Unknown path components/);
    }
  });

  it('counts requests by endpoint and sends by recipient', async () => {
    const local = await startSimulator({ appSecret: 's' });
    try {
      const path = `${V}/${local.phoneNumberId}/messages`;
      await callGraph(local.url, 'POST', path, { body: textTo(ORDINARY) });
      await callGraph(local.url, 'POST', path, { body: textTo(ORDINARY) });
      await callGraph(local.url, 'POST', path, { body: textTo(recipientOf('undeliverable')) });
      await callGraph(local.url, 'POST', path, { body: { to: ORDINARY } });
      await callGraph(local.url, 'GET', `${V}/${local.phoneNumberId}`);
      await callGraph(local.url, 'GET', '/nowhere');
      expect(local.sendCount()).toBe(3);
      expect(local.sendCount('+1 202 555 0100')).toBe(2);
      expect(local.stats).toMatchObject({
        requests: { messages: 4, phone_number: 1, debug_token: 0, unknown: 1 },
        sendsReceived: 3,
        sendsAccepted: 2,
        sendsRejected: 1,
        invalidRequests: 1,
      });
    } finally {
      await local.close();
    }
  });

  it('accepts only the configured apiVersion when one is set', async () => {
    const local = await startSimulator({ appSecret: 's', apiVersion: 'v21.0' });
    try {
      const ok = await callGraph(local.url, 'POST', `/v21.0/${local.phoneNumberId}/messages`, {
        body: textTo(ORDINARY),
      });
      const other = await callGraph(local.url, 'POST', `/v23.0/${local.phoneNumberId}/messages`, {
        body: textTo(ORDINARY),
      });
      expect([ok.status, other.status]).toEqual([200, 400]);
    } finally {
      await local.close();
    }
  });
});
