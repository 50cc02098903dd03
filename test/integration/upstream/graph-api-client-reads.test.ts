import { createLogger } from '../../../src/observability';
import {
  GraphApiClient,
  GraphApiError,
  PHONE_NUMBER_FIELDS,
  type UpstreamRequestInfo,
} from '../../../src/upstream';
import { FakeGraphServer, memoryDestination, sendJson } from './fake-graph-server';

const PHONE_NUMBER_ID = '106540352242922';
const TOKEN = 'EAAGreadsTestToken0002';
const APP_TOKEN = '1234567890|appSecretForReads';
const INPUT_TOKEN = 'EAAGinputTokenUnderTest0003';

const phoneNumber = {
  display_phone_number: '+1 555-078-3881',
  verified_name: 'Order Updates',
  quality_rating: 'GREEN',
  messaging_limit_tier: 'TIER_1K',
  status: 'CONNECTED',
  name_status: 'APPROVED',
  code_verification_status: 'VERIFIED',
  throughput: { level: 'STANDARD' },
  platform_type: 'CLOUD_API',
  is_official_business_account: false,
  health_status: {
    can_send_message: 'LIMITED',
    entities: [
      { entity_type: 'PHONE_NUMBER', id: PHONE_NUMBER_ID, can_send_message: 'AVAILABLE' },
      {
        entity_type: 'WABA',
        id: '102290129340398',
        can_send_message: 'LIMITED',
        errors: [
          {
            error_code: 141006,
            error_description: 'There is an error with the payment method.',
            possible_solution: 'Add a valid payment method to the account.',
          },
        ],
        additional_info: ['More'],
      },
    ],
  },
  id: PHONE_NUMBER_ID,
};

const tokenData = {
  app_id: '1234567890',
  type: 'SYSTEM_USER',
  application: 'Order Updates',
  data_access_expires_at: 0,
  expires_at: 0,
  is_valid: true,
  issued_at: 1718000000,
  scopes: ['whatsapp_business_management', 'whatsapp_business_messaging', 'business_management'],
  granular_scopes: [{ scope: 'whatsapp_business_management', target_ids: ['102290129340398'] }],
  user_id: '42',
};

describe('GraphApiClient reads against a local Graph API', () => {
  let server: FakeGraphServer;
  let client: GraphApiClient;
  const log = memoryDestination();
  const completed: UpstreamRequestInfo[] = [];

  beforeAll(async () => {
    server = await FakeGraphServer.start((request, response) => {
      const url = new URL(request.url, 'http://x');
      if (url.pathname === '/v23.0/debug_token') sendJson(response, 200, { data: tokenData });
      else if (url.pathname === `/v23.0/${PHONE_NUMBER_ID}/messages`)
        sendJson(response, 200, { success: true });
      else if (url.pathname === `/v23.0/${PHONE_NUMBER_ID}`) sendJson(response, 200, phoneNumber);
      else
        sendJson(response, 404, {
          error: { message: 'Unknown path', type: 'GraphMethodException', code: 100 },
        });
    });
    client = new GraphApiClient({
      baseUrl: server.baseUrl,
      apiVersion: 'v23.0',
      accessToken: TOKEN,
      appAccessToken: APP_TOKEN,
      retry: { initialDelayMs: 1, maxDelayMs: 5 },
      logger: createLogger({ level: 'debug', destination: log }),
      onRequestComplete: (info) => completed.push(info),
    });
  });

  afterAll(async () => {
    await client.close();
    await server.stop();
  });

  it('reads a phone number with every field, health status included', async () => {
    const answer = await client.getPhoneNumber(PHONE_NUMBER_ID);
    expect(answer).toEqual(phoneNumber);
    const received = server.requests.at(-1)!;
    const url = new URL(received.url, 'http://x');
    expect(received.method).toBe('GET');
    expect(url.pathname).toBe(`/v23.0/${PHONE_NUMBER_ID}`);
    expect(url.searchParams.get('fields')!.split(',')).toEqual([...PHONE_NUMBER_FIELDS]);
    expect(url.searchParams.get('fields')).toContain('health_status');
    expect(received.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(completed.at(-1)).toMatchObject({
      endpoint: 'phone_number',
      httpStatus: 200,
      attempt: 1,
      outcome: 'success',
    });
  });

  it('debugs a token with the app token, and logs neither token nor query string', async () => {
    const data = await client.debugToken(INPUT_TOKEN);
    expect(data).toEqual(tokenData);
    const received = server.requests.at(-1)!;
    const url = new URL(received.url, 'http://x');
    expect(url.pathname).toBe('/v23.0/debug_token');
    expect(url.searchParams.get('input_token')).toBe(INPUT_TOKEN);
    expect(received.headers.authorization).toBe(`Bearer ${APP_TOKEN}`);

    const lines = log.lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.at(-1)).toMatchObject({
      endpoint: 'debug_token',
      httpStatus: 200,
      attempt: 1,
      msg: 'graph api request',
    });
    expect(typeof lines.at(-1)!.durationMs).toBe('number');
    const all = log.lines.join('\n');
    for (const secret of [INPUT_TOKEN, TOKEN, APP_TOKEN, 'input_token', encodeURIComponent(APP_TOKEN)]) {
      expect(all).not.toContain(secret);
    }
  });

  it('marks a message as read', async () => {
    await expect(client.markRead(PHONE_NUMBER_ID, 'wamid.ABC')).resolves.toBe(true);
    const received = server.requests.at(-1)!;
    expect(received.method).toBe('POST');
    expect(JSON.parse(received.body)).toEqual({
      messaging_product: 'whatsapp',
      status: 'read',
      message_id: 'wamid.ABC',
    });
    expect(completed.at(-1)).toMatchObject({ endpoint: 'mark_read', httpStatus: 200 });
  });

  it('turns a 2xx with an unexpected body into code 1, never a raw exception', async () => {
    const saved = server.handler;
    server.handler = (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<html>maintenance</html>');
    };
    try {
      const failure = client.getPhoneNumber(PHONE_NUMBER_ID);
      await expect(failure).rejects.toBeInstanceOf(GraphApiError);
      await expect(failure).rejects.toMatchObject({ code: 1, httpStatus: 200, endpoint: 'phone_number' });
      server.handler = (_request, response) => sendJson(response, 200, { data: { is_valid: 'yes' } });
      await expect(client.debugToken(INPUT_TOKEN)).rejects.toMatchObject({
        code: 1,
        endpoint: 'debug_token',
      });
    } finally {
      server.handler = saved;
    }
  });
});
