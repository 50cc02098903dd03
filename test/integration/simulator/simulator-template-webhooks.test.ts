import { createHmac } from 'node:crypto';
import { request } from 'undici';
import {
  TEMPLATE_EVENT_PATH,
  startSimulator,
  type RunningSimulator,
  type WireAccountWebhookPayload,
} from '../../../src/simulator';
import { callGraph } from './support/graph-client';
import { startWebhookReceiver, waitFor, type WebhookReceiver } from './support/webhook-receiver';

const SECRET = 'template-webhook-secret';

describe('simulator: creating, deleting and changing templates, and their webhooks', () => {
  let receiver: WebhookReceiver;
  let sim: RunningSimulator;
  let listPath: string;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    sim = await startSimulator({
      appSecret: SECRET,
      webhookUrl: receiver.url,
      webhookDelayMs: 1,
      templateReviewDelayMs: 20,
    });
    listPath = `/v23.0/${sim.wabaId}/message_templates`;
  });
  afterAll(async () => {
    await sim.close();
    await receiver.close();
  });

  /** The changes of every webhook received since `from`, each checked for Meta's signature. */
  const changesSince = (from: number) =>
    receiver.received.slice(from).flatMap((webhook) => {
      expect(webhook.headers['x-hub-signature-256']).toBe(
        `sha256=${createHmac('sha256', SECRET).update(webhook.raw).digest('hex')}`,
      );
      const payload = JSON.parse(webhook.raw.toString('utf8')) as WireAccountWebhookPayload;
      expect(payload.object).toBe('whatsapp_business_account');
      expect(payload.entry[0]!.id).toBe(sim.wabaId);
      return payload.entry.flatMap((entry) => entry.changes);
    });

  const create = (body: Record<string, unknown>) => callGraph(sim.url, 'POST', listPath, { body });
  const seasonal = {
    name: 'seasonal_promotion',
    language: 'en_US',
    category: 'MARKETING',
    components: [{ type: 'BODY', text: 'Shop now with {{1}}', example: { body_text: [['25OFF']] } }],
  };

  it('creates a template as PENDING, then approves it and posts the status webhook', async () => {
    const from = receiver.received.length;
    const answer = await create(seasonal);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      id: expect.stringMatching(/^\d+$/),
      status: 'PENDING',
      category: 'MARKETING',
    });
    const id = answer.body.id as string;
    expect((await callGraph(sim.url, 'GET', `/v23.0/${id}?fields=status`)).body).toEqual({
      id,
      status: 'PENDING',
    });

    await waitFor(() => changesSince(from).length === 1);
    expect(changesSince(from)).toEqual([
      {
        field: 'message_template_status_update',
        value: {
          event: 'APPROVED',
          message_template_id: Number(id),
          message_template_name: 'seasonal_promotion',
          message_template_language: 'en_US',
          reason: 'NONE',
          message_template_category: 'MARKETING',
        },
      },
    ]);
    expect((await callGraph(sim.url, 'GET', `/v23.0/${id}?fields=status`)).body.status).toBe('APPROVED');
  });

  it('rejects in review a name starting with rejected_, with rejection_info', async () => {
    const from = receiver.received.length;
    await create({ ...seasonal, name: 'rejected_teaser' });
    await waitFor(() => changesSince(from).length === 1);
    expect(changesSince(from)[0]!.value).toMatchObject({
      event: 'REJECTED',
      reason: 'INVALID_FORMAT',
      rejection_info: { reason: expect.any(String), recommendation: expect.any(String) },
    });
  });

  it('refuses a duplicate and an invalid create with Meta-shaped errors', async () => {
    const duplicate = await create({ ...seasonal, name: 'order_update' });
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.error).toMatchObject({
      code: 100,
      error_subcode: 2388024,
      error_user_title: 'Content in this language already exists',
      fbtrace_id: expect.any(String),
    });
    const badName = await create({ ...seasonal, name: 'Seasonal Promo!' });
    expect(badName.body.error).toMatchObject({
      code: 100,
      error_data: { details: 'Param name may contain only lowercase letters, digits and underscores.' },
    });
    const badCategory = await create({ ...seasonal, name: 'fine_name', category: 'PROMOTIONS' });
    expect(badCategory.body.error.error_data.details).toMatch(/^Param category must be one of/);
  });

  it('deletes one language by hsm_id, then every language by name', async () => {
    const [en, pt] = sim.templates.named('order_shipped');
    const one = await callGraph(sim.url, 'DELETE', `${listPath}?name=order_shipped&hsm_id=${pt!.id}`);
    expect(one.body).toEqual({ success: true });
    expect(sim.templates.named('order_shipped').map((t) => t.language)).toEqual(['en_US']);
    const all = await callGraph(sim.url, 'DELETE', `${listPath}?name=order_shipped`);
    expect(all.body).toEqual({ success: true });
    expect(sim.templates.get(en!.id)).toBeUndefined();
    const again = await callGraph(sim.url, 'DELETE', `${listPath}?name=order_shipped`);
    expect(again.body.error).toMatchObject({ code: 100 });
  });

  it("posts the four template webhook fields in Meta's shapes through the control endpoint", async () => {
    const from = receiver.received.length;
    const post = async (event: Record<string, unknown>) => {
      const response = await request(`${sim.url}${TEMPLATE_EVENT_PATH}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'promo', language: 'en_US', ...event }),
      });
      expect(response.statusCode).toBe(200);
      return response.body.json();
    };
    await post({ field: 'quality', quality: 'RED' });
    await post({ field: 'status', status: 'PAUSED' });
    await post({ field: 'category', category: 'UTILITY', correctCategory: 'MARKETING' });
    await expect(post({ field: 'components', body: 'Our autumn collection is out.' })).resolves.toEqual({
      id: expect.any(String),
      webhook: 'posted',
    });
    // Each change is its own webhook, posted independently (as Meta's are): their order is not promised.
    const ofPromo = () =>
      changesSince(from).filter((change) => change.value.message_template_name === 'promo');
    await waitFor(() => ofPromo().length === 4);
    const naming = {
      message_template_id: expect.any(Number),
      message_template_name: 'promo',
      message_template_language: 'en_US',
    };
    expect(ofPromo()).toHaveLength(4);
    expect(ofPromo()).toEqual(
      expect.arrayContaining([
        {
          field: 'message_template_quality_update',
          value: { previous_quality_score: 'GREEN', new_quality_score: 'RED', ...naming },
        },
        {
          field: 'message_template_status_update',
          value: {
            event: 'PAUSED',
            ...naming,
            reason: 'NONE',
            message_template_category: 'MARKETING',
            other_info: { title: 'FIRST_PAUSE', description: expect.stringContaining('paused for 3 hours') },
          },
        },
        {
          field: 'template_category_update',
          value: {
            ...naming,
            previous_category: 'MARKETING',
            new_category: 'UTILITY',
            correct_category: 'MARKETING',
          },
        },
        {
          field: 'message_template_components_update',
          value: { ...naming, message_template_element: 'Our autumn collection is out.' },
        },
      ]),
    );

    // The change is the catalogue's too: a send of the paused template now answers 132015.
    const send = await callGraph(sim.url, 'POST', `/v23.0/${sim.phoneNumberId}/messages`, {
      body: {
        messaging_product: 'whatsapp',
        to: '+12025550100',
        type: 'template',
        template: { name: 'promo', language: { code: 'en_US' } },
      },
    });
    expect(send.body.error).toMatchObject({ code: 132015 });
  });

  it('answers 404 for a template the account lacks and 400 for a bad event', async () => {
    expect(
      sim.postTemplateEvent({ field: 'quality', name: 'nope', language: 'en_US', quality: 'RED' }).status,
    ).toBe(404);
    expect(sim.injectTemplateEvent({ field: 'mood', name: 'promo', language: 'en_US' }).status).toBe(400);
  });
});
