import { startTestGateway, type TestGateway } from '../../support/gateway-harness';
import { waitFor } from '../../support/wait-for';
import { APP_SECRET, postSignedJson, VERIFY_TOKEN } from '../live/support/live-webhooks';

/** Any number outside the simulator's scenario table is an ordinary customer. */
const CUSTOMER = '+15551230000';
/** The simulator answers every send to it with 132001, whatever the template. */
const TEMPLATE_NOT_FOUND_NUMBER = '+12025550119';

const DIAGNOSIS = `verdict code title explanation evidence locale`;

const CHECK = /* GraphQL */ `
  mutation Check($input: SendMessageInput!) {
    checkTemplateSend(input: $input) {
      ok
      preview
      problems {
        severity
        code
        component
        message
        diagnosis { ${DIAGNOSIS} }
        zh: diagnosis(locale: ZH_TW) { ${DIAGNOSIS} }
      }
    }
  }
`;

const SEND = /* GraphQL */ `
  mutation Send($input: SendMessageInput!) {
    sendMessage(input: $input) {
      message { id status }
      warnings
      error {
        code
        detectedBy
        message
        diagnosis { ${DIAGNOSIS} }
        zh: diagnosis(locale: ZH_TW) { ${DIAGNOSIS} }
      }
    }
  }
`;

const TEMPLATE = /* GraphQL */ `
  query Template($name: String!, $language: String!) {
    template(name: $name, language: $language) {
      sendable
      diagnosis { ${DIAGNOSIS} }
      zh: diagnosis(locale: ZH_TW) { ${DIAGNOSIS} }
    }
  }
`;

interface Diagnosis {
  verdict: string;
  code: number | null;
  title: string;
  explanation: string;
  evidence: string[];
  locale: string;
}
interface Problem {
  severity: 'REFUSE' | 'WARN';
  code: number | null;
  component: string | null;
  message: string;
  diagnosis: Diagnosis | null;
  zh: Diagnosis | null;
}
interface CheckData {
  checkTemplateSend: { ok: boolean; preview: string | null; problems: Problem[] };
}
interface SendData {
  sendMessage: {
    message: { id: string; status: string } | null;
    warnings: string[];
    error: {
      code: number;
      detectedBy: 'GATEWAY' | 'META';
      message: string;
      diagnosis: Diagnosis;
      zh: Diagnosis;
    } | null;
  };
}

const body = (...parameters: string[]) => ({
  type: 'body',
  parameters: parameters.map((text) => ({ type: 'text', text })),
});

/** A template send, to the ordinary customer unless told otherwise. */
function templateInput(
  name: string,
  components: Array<Record<string, unknown>> = [],
  to = CUSTOMER,
  languageCode = 'en_US',
): Record<string, unknown> {
  return { to, template: { name, languageCode, components } };
}

/** Each refusal the check foresees, with the Meta code the send would otherwise have got. */
const REFUSALS: Array<[string, Record<string, unknown>, number, string | null]> = [
  ['a template the gateway does not know', templateInput('no_such_template'), 132001, null],
  [
    'a template in a language it lacks',
    templateInput('order_update', [body('1')], CUSTOMER, 'fr_FR'),
    132001,
    null,
  ],
  ['a pending template', templateInput('new_feature_announcement'), 132001, null],
  ['a rejected template', templateInput('abandoned_cart', [], CUSTOMER, 'en'), 132001, null],
  ['a paused template', templateInput('flash_sale'), 132015, null],
  ['a disabled template', templateInput('winback_offer'), 132016, null],
  ['too few body parameters', templateInput('order_shipped', [body('Ana')]), 132000, 'BODY'],
  ['a media header without its medium', templateInput('invoice_ready', []), 132012, 'HEADER'],
  [
    'a text parameter with a new line',
    templateInput('order_update', [body('line one\nline two')]),
    132018,
    'BODY',
  ],
  [
    'a named template without parameter names',
    templateInput('reservation_confirmation', [
      { type: 'header', parameters: [{ type: 'image', image: { link: 'https://example.com/a.jpg' } }] },
      body('4', 'Saturday'),
    ]),
    100,
    'BODY',
  ],
  [
    'a URL button without its suffix',
    templateInput('delivery_window', [
      { type: 'header', parameters: [{ type: 'text', text: 'Today' }] },
      body('tomorrow between 9 and 11'),
    ]),
    131008,
    'BUTTON',
  ],
];

/** Sends `sendMessage` makes anyway: the catalogue may lag behind Meta, so Meta decides. */
const UNKNOWN_TO_THE_GATEWAY = ['a template the gateway does not know', 'a template in a language it lacks'];

describe('checks of template sends before they reach Meta', () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    gateway = await startTestGateway({
      WHATSAPP_APP_SECRET: APP_SECRET,
      WHATSAPP_VERIFY_TOKEN: VERIFY_TOKEN,
      SIMULATOR_WEBHOOK_DELAY_MS: '1',
    });
    await waitFor(
      async () =>
        (await gateway.graphql<{ template: unknown }>(TEMPLATE, { name: 'promo', language: 'en_US' })).body
          .data?.template != null,
      'the first template sync',
      10_000,
    );
  });
  afterAll(async () => {
    await gateway?.close();
  });

  const check = async (input: Record<string, unknown>): Promise<CheckData['checkTemplateSend']> => {
    const answer = await gateway.graphql<CheckData>(CHECK, { input });
    expect(answer.body.errors).toBeUndefined();
    return answer.body.data!.checkTemplateSend;
  };
  const send = async (input: Record<string, unknown>): Promise<SendData['sendMessage']> => {
    const answer = await gateway.graphql<SendData>(SEND, { input });
    expect(answer.body.errors).toBeUndefined();
    return answer.body.data!.sendMessage;
  };

  it.each(REFUSALS)('%s: checkTemplateSend names the Meta code', async (_case, input, code, component) => {
    const sendsBefore = gateway.simulator!.sendCount();
    const result = await check(input);
    expect(result.ok).toBe(false);
    const refusal = result.problems.find((problem) => problem.severity === 'REFUSE');
    expect(refusal).toMatchObject({ code, component });
    expect(refusal!.diagnosis).toMatchObject({ code, verdict: 'FAILED', locale: 'EN' });
    expect(refusal!.diagnosis!.evidence).toContain(
      'The gateway’s check found this before sending: nothing was sent to Meta.',
    );
    expect(refusal!.zh).toMatchObject({ code, locale: 'ZH_TW' });
    expect(gateway.simulator!.sendCount()).toBe(sendsBefore);
  });

  it.each(REFUSALS.filter(([name]) => !UNKNOWN_TO_THE_GATEWAY.includes(name)))(
    '%s: sendMessage answers the Meta code, detected by the gateway, without an upstream call',
    async (_case, input, code) => {
      const sendsBefore = gateway.simulator!.sendCount();
      const result = await send(input);
      expect(result.message).toBeNull();
      expect(result.error).toMatchObject({ code, detectedBy: 'GATEWAY' });
      expect(result.error!.diagnosis).toMatchObject({ code, verdict: 'FAILED' });
      expect(result.error!.diagnosis.evidence).toContain(
        'The gateway’s check found this before sending: nothing was sent to Meta.',
      );
      expect(result.error!.zh.locale).toBe('ZH_TW');
      expect(result.error!.zh.evidence).toContain(
        '閘道在傳送前的檢查就發現了這個問題:沒有任何內容送到 Meta。',
      );
      expect(gateway.simulator!.sendCount()).toBe(sendsBefore);
    },
  );

  it('quotes what the template expects and what the send gave', async () => {
    const result = await send(templateInput('order_shipped', [body('Ana')]));
    expect(result.error!.diagnosis.evidence).toEqual(
      expect.arrayContaining([
        'BODY: the template expects 2 parameter(s), the send gave 1.',
        'The template expects: BODY #1, BODY #2.',
      ]),
    );
  });

  it('sends a template the gateway does not know, as before: Meta decides', async () => {
    const sendsBefore = gateway.simulator!.sendCount();
    const result = await send(templateInput('no_such_template'));
    expect(result.error).toMatchObject({ code: 132001, detectedBy: 'META' });
    expect(gateway.simulator!.sendCount()).toBe(sendsBefore + 1);
  });

  it('previews a good send, and sends it', async () => {
    const input = templateInput('order_shipped', [body('Ana', 'A-1009')]);
    expect(await check(input)).toEqual({
      ok: true,
      preview: 'Hi Ana, your order A-1009 has shipped.',
      problems: [],
    });
    const result = await send(input);
    expect(result.error).toBeNull();
    expect(result.message).not.toBeNull();
  });

  it('warns about a template of medium quality, and sends it', async () => {
    const input = templateInput('delivery_window', [
      { type: 'header', parameters: [{ type: 'text', text: 'Today' }] },
      body('tomorrow between 9 and 11'),
      { type: 'button', sub_type: 'url', index: 0, parameters: [{ type: 'text', text: 'A-1009' }] },
    ]);
    const result = await check(input);
    expect(result.ok).toBe(true);
    expect(result.problems).toEqual([
      expect.objectContaining({
        severity: 'WARN',
        code: null,
        diagnosis: expect.objectContaining({ verdict: 'AT_RISK' }),
      }),
    ]);
    const sent = await send(input);
    expect(sent.message).not.toBeNull();
    expect(sent.warnings).toEqual([expect.stringContaining('medium quality (YELLOW)')]);
  });

  it('warns about a marketing template to a customer who stopped marketing messages', async () => {
    const customer = '15551230077';
    const at = Math.floor(Date.now() / 1000);
    const preference = {
      object: 'whatsapp_business_account',
      entry: [
        {
          id: gateway.simulator!.wabaId,
          time: at,
          changes: [
            {
              field: 'user_preferences',
              value: {
                messaging_product: 'whatsapp',
                metadata: {
                  display_phone_number: '15550783881',
                  phone_number_id: gateway.simulator!.phoneNumberId,
                },
                contacts: [{ profile: { name: 'Tomás' }, wa_id: customer }],
                user_preferences: [
                  {
                    wa_id: customer,
                    category: 'marketing_messages',
                    timestamp: at,
                    value: 'stop',
                    detail: 'User requested to stop marketing messages',
                  },
                ],
              },
            },
          ],
        },
      ],
    };
    expect(await postSignedJson(gateway.url, preference)).toEqual({ status: 200, body: 'OK' });
    const result = await check(templateInput('promo', [], `+${customer}`));
    expect(result.ok).toBe(true);
    const warning = result.problems.find((problem) => problem.code === 131050);
    expect(warning).toMatchObject({ severity: 'WARN' });
    expect(warning!.diagnosis!.code).toBe(131050);
    // The same customer and a utility template: nothing to say.
    expect((await check(templateInput('order_update', [body('4471')], `+${customer}`))).problems).toEqual([]);
  });

  it('explains Meta’s refusal of a template send with the template’s facts', async () => {
    const result = await send(templateInput('order_update', [body('4471')], TEMPLATE_NOT_FOUND_NUMBER));
    expect(result.error).toMatchObject({ code: 132001, detectedBy: 'META' });
    const evidence = result.error!.diagnosis.evidence;
    expect(evidence.some((line) => line.startsWith('Template order_update (en_US): status APPROVED'))).toBe(
      true,
    );
    expect(evidence).not.toContain(
      'The gateway’s check found this before sending: nothing was sent to Meta.',
    );
    expect(result.error!.zh.evidence.some((line) => line.startsWith('範本 order_update (en_US)'))).toBe(true);
  });

  it('refuses to check a send that is not a template, with a stable code', async () => {
    const answer = await gateway.graphql<CheckData>(CHECK, { input: { to: CUSTOMER, text: { body: 'hi' } } });
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it.each([
    ['order_update', 'en_US', true, null],
    ['flash_sale', 'en_US', false, 132015],
    ['winback_offer', 'en_US', false, 132016],
    ['new_feature_announcement', 'en_US', false, 132001],
    ['abandoned_cart', 'en', false, 132001],
  ])('Template.diagnosis of %s agrees with sendable', async (name, language, sendable, code) => {
    const answer = await gateway.graphql<{
      template: { sendable: boolean; diagnosis: Diagnosis | null; zh: Diagnosis | null };
    }>(TEMPLATE, { name, language });
    expect(answer.body.errors).toBeUndefined();
    const template = answer.body.data!.template;
    expect(template.sendable).toBe(sendable);
    if (sendable) expect(template.diagnosis).toBeNull();
    else {
      expect(template.diagnosis).toMatchObject({ verdict: 'FAILED', code });
      expect(template.zh).toMatchObject({ verdict: 'FAILED', code, locale: 'ZH_TW' });
    }
  });
});
