import { createSilentLogger } from '../../../src/observability';
import {
  GraphApiClient,
  GraphApiError,
  InvalidUpstreamArgumentError,
  TEMPLATE_FIELDS,
  type CreateTemplateRequest,
} from '../../../src/upstream';
import { FakeGraphServer, sendJson } from './fake-graph-server';

const WABA_ID = '102290129340398';
const TOKEN = 'EAAGtemplateTestToken0004';

/** Meta's "Template management" example, whole. */
const reservation = {
  name: 'reservation_confirmation',
  parameter_format: 'NAMED',
  components: [
    {
      type: 'HEADER',
      format: 'IMAGE',
      example: { header_handle: ['https://scontent.whatsapp.net/v/t61.29466-34/abc'] },
    },
    {
      type: 'BODY',
      text: "*You're all set!*\n\nYour reservation for {{number_of_guests}} at Lucky Shrub Eatery on {{day}} is confirmed.",
      example: {
        body_text_named_params: [
          { param_name: 'number_of_guests', example: '4' },
          { param_name: 'day', example: 'Saturday' },
        ],
      },
    },
  ],
  language: 'en_US',
  status: 'APPROVED',
  category: 'UTILITY',
  quality_score: { score: 'GREEN', date: 1751247548 },
  id: '1689556908129835',
};

const summary = {
  total_count: 2,
  message_template_count: 2,
  message_template_limit: 6000,
  are_translations_complete: true,
};

describe('GraphApiClient templates against a local Graph API', () => {
  let server: FakeGraphServer;
  let client: GraphApiClient;

  beforeAll(async () => {
    server = await FakeGraphServer.start((_request, response) => sendJson(response, 500, {}));
    client = new GraphApiClient({
      baseUrl: server.baseUrl,
      apiVersion: 'v23.0',
      accessToken: TOKEN,
      retry: { initialDelayMs: 1, maxDelayMs: 5 },
      logger: createSilentLogger(),
    });
  });

  afterAll(async () => {
    await client.close();
    await server.stop();
  });

  const lastUrl = (): URL => new URL(server.requests.at(-1)!.url, 'http://x');

  it('asks for every template field and the summary, and reads a page with its cursor', async () => {
    server.handler = (_request, response) =>
      sendJson(response, 200, {
        data: [reservation],
        paging: {
          cursors: { before: 'QVFIUmFBZA', after: 'QVFIUkxZA' },
          next: `https://graph.facebook.com/v23.0/${WABA_ID}/message_templates?limit=1&after=QVFIUkxZA`,
        },
        summary,
      });
    const page = await client.listTemplates(WABA_ID, { limit: 1, after: 'QVFIUmFBZA' });

    const url = lastUrl();
    expect(server.requests.at(-1)!.method).toBe('GET');
    expect(url.pathname).toBe(`/v23.0/${WABA_ID}/message_templates`);
    expect(url.searchParams.get('fields')!.split(',')).toEqual([...TEMPLATE_FIELDS]);
    expect(url.searchParams.get('summary')).toBe(
      'total_count,message_template_count,message_template_limit,are_translations_complete',
    );
    expect(url.searchParams.get('limit')).toBe('1');
    expect(url.searchParams.get('after')).toBe('QVFIUmFBZA');
    expect(server.requests.at(-1)!.headers.authorization).toBe(`Bearer ${TOKEN}`);

    expect(page.after).toBe('QVFIUkxZA');
    expect(page.summary).toEqual({
      totalCount: 2,
      messageTemplateCount: 2,
      messageTemplateLimit: 6000,
      areTranslationsComplete: true,
    });
    expect(page.unreadable).toEqual([]);
    expect(page.templates).toEqual([{ ...reservation, unrecognised: [] }]);
  });

  it('ends paging on a page without paging.next, even when it has cursors', async () => {
    server.handler = (_request, response) =>
      sendJson(response, 200, {
        data: [reservation],
        paging: { cursors: { before: 'QVFIUmFBZA', after: 'QVFIUkxZA' } },
      });
    const page = await client.listTemplates(WABA_ID);
    expect(page.after).toBeNull();
    expect(page.summary).toBeNull();
    expect(lastUrl().searchParams.has('limit')).toBe(false);
  });

  it('keeps templates of an unknown shape and reports only the ones without an id', async () => {
    server.handler = (_request, response) =>
      sendJson(response, 200, {
        data: [
          {
            id: 594425479261596,
            name: 'flash_sale',
            language: 'en',
            status: 'FLAGGED_FOR_REVIEW',
            category: 'MARKETING_LITE',
            parameter_format: 'POSITIONAL',
            quality_score: 'YELLOW',
            components: [{ type: 'HOLOGRAM', frames: 3 }, 'not a component', { type: 'BODY', text: 'Hi' }],
            rejected_reason: 42,
            brand_new_field: { anything: true },
          },
          { name: 'orphan', language: 'en', status: 'APPROVED' },
        ],
        paging: { cursors: { after: 'MQZDZD' }, next: 'https://graph.facebook.com/next?after=MQZDZD' },
        summary: { total_count: 'many', message_template_limit: 250 },
      });
    const page = await client.listTemplates(WABA_ID);
    expect(page.templates).toHaveLength(1);
    const [template] = page.templates;
    expect(template).toMatchObject({
      id: '594425479261596',
      status: 'FLAGGED_FOR_REVIEW',
      category: 'MARKETING_LITE',
      quality_score: { score: 'YELLOW' },
      components: [
        { type: 'HOLOGRAM', frames: 3 },
        { type: 'BODY', text: 'Hi' },
      ],
    });
    expect(template!.rejected_reason).toBeUndefined();
    expect(template!.unrecognised).toEqual([
      'status: FLAGGED_FOR_REVIEW (unknown value)',
      'category: MARKETING_LITE (unknown value)',
      'components[0].type: HOLOGRAM (unknown value)',
      'components[1]: not a component with a type (dropped)',
      'rejected_reason: not a string (dropped)',
    ]);
    expect(page.unreadable).toEqual([{ index: 1, reason: 'no id' }]);
    expect(page.summary).toEqual({ messageTemplateLimit: 250 });
    expect(page.after).toBe('MQZDZD');
  });

  it('refuses a page whose data is not a list as an unexpected body', async () => {
    server.handler = (_request, response) => sendJson(response, 200, { data: 'nope' });
    await expect(client.listTemplates(WABA_ID)).rejects.toMatchObject({ code: 1, endpoint: 'templates' });
  });

  it('reads one template by id with every field', async () => {
    server.handler = (_request, response) => sendJson(response, 200, reservation);
    await expect(client.getTemplate(reservation.id)).resolves.toEqual({ ...reservation, unrecognised: [] });
    expect(lastUrl().pathname).toBe(`/v23.0/${reservation.id}`);
    expect(lastUrl().searchParams.get('fields')!.split(',')).toEqual([...TEMPLATE_FIELDS]);
  });

  it('creates a template with the body as given and answers id, status and category', async () => {
    server.handler = (_request, response) =>
      sendJson(response, 200, { id: '594425479261596', status: 'PENDING', category: 'MARKETING' });
    const body: CreateTemplateRequest = {
      name: 'seasonal_promotion',
      language: 'en_US',
      category: 'MARKETING',
      parameter_format: 'POSITIONAL',
      components: [
        { type: 'BODY', text: 'Shop now: {{1}}', example: { body_text: [['25OFF']] } },
        { type: 'FOOTER', text: 'Reply STOP to opt out' },
      ],
    };
    await expect(client.createTemplate(WABA_ID, body)).resolves.toEqual({
      id: '594425479261596',
      status: 'PENDING',
      category: 'MARKETING',
    });
    const received = server.requests.at(-1)!;
    expect(received.method).toBe('POST');
    expect(lastUrl().pathname).toBe(`/v23.0/${WABA_ID}/message_templates`);
    expect(received.headers['content-type']).toBe('application/json');
    expect(JSON.parse(received.body)).toEqual(body);
  });

  it("types Meta's refusal of a create and does not retry it", async () => {
    const before = server.requests.length;
    server.handler = (_request, response) =>
      sendJson(response, 400, {
        error: {
          message: 'Invalid parameter',
          type: 'OAuthException',
          code: 100,
          error_subcode: 2388024,
          is_transient: false,
          error_user_title: 'Content in this language already exists',
          fbtrace_id: 'AbCdEfGhIjKlMnOpQrStUvW',
        },
      });
    const failure = client.createTemplate(WABA_ID, {
      name: 'seasonal_promotion',
      language: 'en_US',
      category: 'MARKETING',
      components: [{ type: 'BODY', text: 'Hi' }],
    });
    await expect(failure).rejects.toBeInstanceOf(GraphApiError);
    await expect(failure).rejects.toMatchObject({
      code: 100,
      subcode: 2388024,
      httpStatus: 400,
      endpoint: 'create_template',
    });
    expect(server.requests.length - before).toBe(1);
  });

  it('deletes every language of a name, or one template by hsm_id', async () => {
    server.handler = (_request, response) => sendJson(response, 200, { success: true });
    await expect(client.deleteTemplate(WABA_ID, { name: 'seasonal_promotion' })).resolves.toBe(true);
    expect(server.requests.at(-1)!.method).toBe('DELETE');
    expect(lastUrl().pathname).toBe(`/v23.0/${WABA_ID}/message_templates`);
    expect([...lastUrl().searchParams]).toEqual([['name', 'seasonal_promotion']]);

    await client.deleteTemplate(WABA_ID, { name: 'seasonal_promotion', templateId: '594425479261596' });
    expect([...lastUrl().searchParams]).toEqual([
      ['name', 'seasonal_promotion'],
      ['hsm_id', '594425479261596'],
    ]);
  });

  it('refuses ids, limits and fields that cannot go into the request, before any request', async () => {
    const before = server.requests.length;
    await expect(client.listTemplates('../me')).rejects.toBeInstanceOf(InvalidUpstreamArgumentError);
    await expect(client.listTemplates(WABA_ID, { limit: 0 })).rejects.toMatchObject({ argument: 'limit' });
    await expect(
      client.listTemplates(WABA_ID, { fields: ['name', 'access_token' as 'name'] }),
    ).rejects.toMatchObject({ argument: 'fields' });
    await expect(client.getTemplate('1?fields=x')).rejects.toMatchObject({ argument: 'templateId' });
    await expect(client.deleteTemplate(WABA_ID, { name: '' })).rejects.toMatchObject({ argument: 'name' });
    expect(server.requests.length).toBe(before);
  });
});
