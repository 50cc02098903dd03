import { createSilentLogger } from '../../../src/observability';
import {
  DEFAULT_TEMPLATE_COUNT,
  SEED_TEMPLATES,
  SimulatorTemplateId,
  startSimulator,
  type RunningSimulator,
} from '../../../src/simulator';
import { GraphApiClient, type WireTemplate as GatewayTemplate } from '../../../src/upstream';
import { callGraph } from './support/graph-client';

const V = '/v23.0';

describe('simulator: the template catalogue over the Graph API', () => {
  let sim: RunningSimulator;
  let listPath: string;

  beforeAll(async () => {
    sim = await startSimulator({ appSecret: 'sim-secret' });
    listPath = `${V}/${sim.wabaId}/message_templates`;
  });
  afterAll(async () => {
    await sim.close();
  });

  it('pages the whole catalogue 25 at a time, with paging.next on every page but the last', async () => {
    const seen: string[] = [];
    let path: string | undefined = `${listPath}?fields=name,language,status`;
    let pages = 0;
    while (path !== undefined) {
      const answer = await callGraph(sim.url, 'GET', path);
      expect(answer.status).toBe(200);
      pages += 1;
      seen.push(...answer.body.data.map((t: { id: string }) => t.id));
      expect(Object.keys(answer.body.data[0]).sort()).toEqual(['id', 'language', 'name', 'status']);
      expect(answer.body.paging.cursors).toEqual({ before: expect.any(String), after: expect.any(String) });
      const next = answer.body.paging.next as string | undefined;
      path = next === undefined ? undefined : new URL(next).pathname + new URL(next).search;
    }
    expect(pages).toBe(Math.ceil(DEFAULT_TEMPLATE_COUNT / 25));
    expect(new Set(seen).size).toBe(DEFAULT_TEMPLATE_COUNT);
  });

  it('answers the summary figures asked for, counted over the filter', async () => {
    const answer = await callGraph(
      sim.url,
      'GET',
      `${listPath}?status=PAUSED,DISABLED&summary=total_count,message_template_count,message_template_limit,are_translations_complete`,
    );
    expect(answer.body.data.map((t: { name: string }) => t.name)).toEqual(['flash_sale', 'winback_offer']);
    expect(answer.body.data[0]).toMatchObject({ status: 'PAUSED', category: 'MARKETING' });
    expect(answer.body.paging.next).toBeUndefined();
    expect(answer.body.summary).toEqual({
      total_count: 2,
      message_template_count: DEFAULT_TEMPLATE_COUNT,
      message_template_limit: 6000,
      are_translations_complete: true,
    });
  });

  it('keeps translations apart: one name, two languages, and filters by name and language', async () => {
    const both = await callGraph(sim.url, 'GET', `${listPath}?name=order_shipped&fields=name,language`);
    expect(both.body.data.map((t: { language: string }) => t.language)).toEqual(['en_US', 'pt_BR']);
    const one = await callGraph(sim.url, 'GET', `${listPath}?name=order_shipped&language=pt_BR`);
    expect(one.body.data).toHaveLength(1);
    expect(one.body.data[0].components[0].text).toMatch(/^Olá \{\{1\}\}/);
  });

  it("serves one template by id with Meta's fields: named parameters, a media header", async () => {
    const answer = await callGraph(
      sim.url,
      'GET',
      `${V}/${SimulatorTemplateId.RESERVATION_CONFIRMATION}?fields=name,parameter_format,components,quality_score`,
    );
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      id: SimulatorTemplateId.RESERVATION_CONFIRMATION,
      name: 'reservation_confirmation',
      parameter_format: 'NAMED',
      quality_score: { score: 'GREEN', date: expect.any(Number) },
      components: [
        {
          type: 'HEADER',
          format: 'IMAGE',
          example: { header_handle: [expect.stringMatching(/^https:\/\/scontent/)] },
        },
        {
          type: 'BODY',
          text: expect.stringContaining('{{number_of_guests}}'),
          example: {
            body_text_named_params: [
              { param_name: 'number_of_guests', example: '4' },
              { param_name: 'day', example: 'Saturday' },
            ],
          },
        },
      ],
    });
    const rejected = await callGraph(
      sim.url,
      'GET',
      `${V}/${SimulatorTemplateId.ABANDONED_CART}?fields=status,rejected_reason`,
    );
    expect(rejected.body).toEqual({
      id: SimulatorTemplateId.ABANDONED_CART,
      status: 'REJECTED',
      rejected_reason: 'INVALID_FORMAT',
    });
  });

  it("refuses another account's templates, an unknown field and a bad cursor like Meta", async () => {
    const other = await callGraph(sim.url, 'GET', `${V}/999000111/message_templates`);
    expect(other.status).toBe(400);
    expect(other.body.error).toMatchObject({ code: 100, error_subcode: 33, type: 'GraphMethodException' });
    const field = await callGraph(sim.url, 'GET', `${listPath}?fields=name,secret_sauce`);
    expect(field.body.error).toMatchObject({ code: 100 });
    expect(field.body.error.message).toMatch(/nonexisting field \(secret_sauce\)/);
    const cursor = await callGraph(sim.url, 'GET', `${listPath}?after=garbage`);
    expect(cursor.body.error).toMatchObject({
      code: 100,
      error_data: { details: 'Param after is not a valid cursor.' },
    });
  });

  it("reads through the gateway's client: every seed template, no unrecognised values", async () => {
    const client = new GraphApiClient({
      baseUrl: sim.url,
      apiVersion: 'v23.0',
      accessToken: 'EAAG-test-token',
      logger: createSilentLogger(),
    });
    try {
      const templates: GatewayTemplate[] = [];
      let after: string | undefined;
      let pages = 0;
      do {
        const page = await client.listTemplates(sim.wabaId, after === undefined ? {} : { after });
        pages += 1;
        templates.push(...page.templates);
        expect(page.unreadable).toEqual([]);
        expect(page.summary).toMatchObject({ messageTemplateCount: DEFAULT_TEMPLATE_COUNT });
        after = page.after ?? undefined;
      } while (after !== undefined);
      expect(pages).toBe(3);
      expect(templates).toHaveLength(DEFAULT_TEMPLATE_COUNT);
      expect(templates.flatMap((template) => template.unrecognised)).toEqual([]);
      for (const seed of SEED_TEMPLATES) {
        expect(templates.find((template) => template.id === seed.id)).toEqual({ ...seed, unrecognised: [] });
      }
      await expect(client.getTemplate(SimulatorTemplateId.LOGIN_CODE)).resolves.toMatchObject({
        name: 'login_code',
        category: 'AUTHENTICATION',
      });
    } finally {
      await client.close();
    }
  });

  it("holds Meta's per-account maximum of 6,000 templates for benchmarks", async () => {
    const large = await startSimulator({ appSecret: 'sim-secret', templateCount: 6000 });
    try {
      const answer = await callGraph(
        large.url,
        'GET',
        `/v23.0/${large.wabaId}/message_templates?limit=1000&summary=total_count`,
      );
      expect(answer.body.data).toHaveLength(1000);
      expect(answer.body.summary).toEqual({ total_count: 6000 });
      expect(answer.body.paging.next).toEqual(expect.any(String));
    } finally {
      await large.close();
    }
  });
});
