import {
  SimulatorPhoneNumberId,
  SimulatorToken,
  startSimulator,
  type RunningSimulator,
} from '../../../src/simulator';
import { callGraph } from './support/graph-client';

const V = '/v23.0';

describe('simulator: phone-number status and debug_token', () => {
  let sim: RunningSimulator;

  beforeAll(async () => {
    sim = await startSimulator({ appSecret: 'sim-secret', appId: '4242', wabaId: '777' });
  });
  afterAll(async () => {
    await sim.close();
  });

  it('answers the configured number AVAILABLE with every entity, and only the fields asked for', async () => {
    const answer = await callGraph(
      sim.url,
      'GET',
      `${V}/${sim.phoneNumberId}?fields=health_status,quality_rating`,
    );
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      id: sim.phoneNumberId,
      quality_rating: 'GREEN',
      health_status: {
        can_send_message: 'AVAILABLE',
        entities: [
          { entity_type: 'PHONE_NUMBER', id: sim.phoneNumberId, can_send_message: 'AVAILABLE' },
          { entity_type: 'WABA', id: '777', can_send_message: 'AVAILABLE' },
          { entity_type: 'BUSINESS', id: expect.any(String), can_send_message: 'AVAILABLE' },
          { entity_type: 'APP', id: '4242', can_send_message: 'AVAILABLE' },
        ],
      },
    });
  });

  it('returns Meta’s default fields without `fields`, and whole fields for nested selections', async () => {
    const plain = await callGraph(sim.url, 'GET', `${V}/${sim.phoneNumberId}`);
    expect(Object.keys(plain.body).sort()).toEqual(
      [
        'code_verification_status',
        'display_phone_number',
        'id',
        'platform_type',
        'quality_rating',
        'throughput',
        'verified_name',
      ].sort(),
    );
    expect(plain.body.display_phone_number).toBe('+1 555-078-3881');
    const nested = await callGraph(
      sim.url,
      'GET',
      `${V}/${sim.phoneNumberId}?fields=${encodeURIComponent('health_status{can_send_message,entities},throughput{level}')}`,
    );
    expect(Object.keys(nested.body).sort()).toEqual(['health_status', 'id', 'throughput']);
  });

  it('refuses a field that does not exist with code 100', async () => {
    const answer = await callGraph(sim.url, 'GET', `${V}/${sim.phoneNumberId}?fields=quality_rating,colour`);
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe(100);
    expect(answer.body.error.message).toMatch(/nonexisting field \(colour\)/);
  });

  it('answers the LIMITED id with the WABA payment-method error 141006', async () => {
    const answer = await callGraph(
      sim.url,
      'GET',
      `${V}/${SimulatorPhoneNumberId.LIMITED}?fields=health_status`,
    );
    expect(answer.status).toBe(200);
    expect(answer.body.health_status.can_send_message).toBe('LIMITED');
    const waba = answer.body.health_status.entities.find(
      (entity: { entity_type: string }) => entity.entity_type === 'WABA',
    );
    expect(waba).toMatchObject({
      id: '777',
      can_send_message: 'LIMITED',
      errors: [
        { error_code: 141006, error_description: expect.any(String), possible_solution: expect.any(String) },
      ],
    });
  });

  it('answers the BLOCKED id with a blocked PHONE_NUMBER entity carrying an error', async () => {
    const answer = await callGraph(
      sim.url,
      'GET',
      `${V}/${SimulatorPhoneNumberId.BLOCKED}?fields=health_status,status`,
    );
    expect(answer.body.status).toBe('DISCONNECTED');
    expect(answer.body.health_status.can_send_message).toBe('BLOCKED');
    expect(answer.body.health_status.entities[0]).toMatchObject({
      entity_type: 'PHONE_NUMBER',
      id: SimulatorPhoneNumberId.BLOCKED,
      can_send_message: 'BLOCKED',
      errors: [{ error_code: expect.any(Number), error_description: expect.any(String) }],
    });
  });

  it('answers an unknown id with 100/33 Unsupported get request (HTTP 400)', async () => {
    const answer = await callGraph(sim.url, 'GET', `${V}/123456789?fields=health_status`);
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ code: 100, error_subcode: 33, type: 'GraphMethodException' });
    expect(answer.body.error.message).toMatch(
      /^Unsupported get request\. Object with ID '123456789' does not exist/,
    );
  });

  it('describes an ordinary token as a never-expiring system user with both WhatsApp permissions', async () => {
    const answer = await callGraph(sim.url, 'GET', `${V}/debug_token?input_token=EAAG-some-token`, {
      token: '4242|app-secret',
    });
    expect(answer.status).toBe(200);
    expect(answer.body.data).toMatchObject({
      app_id: '4242',
      type: 'SYSTEM_USER',
      is_valid: true,
      expires_at: 0,
      data_access_expires_at: 0,
      granular_scopes: [
        { scope: 'whatsapp_business_management', target_ids: ['777'] },
        { scope: 'whatsapp_business_messaging', target_ids: ['777'] },
      ],
    });
    expect(answer.body.data.scopes).toEqual(
      expect.arrayContaining(['whatsapp_business_management', 'whatsapp_business_messaging']),
    );
  });

  it('describes the missing-messaging token without whatsapp_business_messaging', async () => {
    const answer = await callGraph(
      sim.url,
      'GET',
      `${V}/debug_token?input_token=${SimulatorToken.MISSING_MESSAGING}`,
    );
    expect(answer.body.data.is_valid).toBe(true);
    expect(answer.body.data.scopes).toContain('whatsapp_business_management');
    expect(answer.body.data.scopes).not.toContain('whatsapp_business_messaging');
    expect(answer.body.data.granular_scopes).toEqual([
      { scope: 'whatsapp_business_management', target_ids: ['777'] },
    ]);
  });

  it('describes the expired token as invalid, expired in the past, with 190/463', async () => {
    const answer = await callGraph(sim.url, 'GET', `${V}/debug_token?input_token=${SimulatorToken.EXPIRED}`);
    const data = answer.body.data;
    expect(data.is_valid).toBe(false);
    expect(data.expires_at).toBeGreaterThan(0);
    expect(data.expires_at).toBeLessThan(Date.now() / 1000);
    expect(data.error).toEqual({
      code: 190,
      subcode: 463,
      message: expect.stringMatching(/^Error validating access token: Session has expired/),
    });
  });

  it('describes the invalid token as invalid with 190/467', async () => {
    const answer = await callGraph(sim.url, 'GET', `${V}/debug_token?input_token=${SimulatorToken.INVALID}`);
    expect(answer.body.data.is_valid).toBe(false);
    expect(answer.body.data.error).toMatchObject({ code: 190, subcode: 467 });
  });

  it('requires input_token', async () => {
    const answer = await callGraph(sim.url, 'GET', `${V}/debug_token`);
    expect([answer.status, answer.body.error.code]).toEqual([400, 100]);
  });

  it('answers 401 190/463 to any call made with the expired token', async () => {
    for (const path of [`${V}/${sim.phoneNumberId}?fields=health_status`, `${V}/debug_token?input_token=x`]) {
      const answer = await callGraph(sim.url, 'GET', path, { token: SimulatorToken.EXPIRED });
      expect([path, answer.status, answer.body.error.code, answer.body.error.error_subcode]).toEqual([
        path,
        401,
        190,
        463,
      ]);
    }
  });

  it('accepts the token as an access_token query parameter, as the Graph API does', async () => {
    const answer = await callGraph(
      sim.url,
      'GET',
      `${V}/${sim.phoneNumberId}?fields=status&access_token=abc`,
      {
        token: null,
      },
    );
    expect(answer.body).toEqual({ id: sim.phoneNumberId, status: 'CONNECTED' });
  });

  it('answers other methods with 405 code 131055', async () => {
    const answer = await callGraph(sim.url, 'PUT', `${V}/${sim.phoneNumberId}`, { body: {} });
    expect([answer.status, answer.body.error.code]).toEqual([405, 131055]);
  });
});
