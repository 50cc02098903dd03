import { eachStore, redisDatabaseUrl, useWebhookGateway } from '../live/support/live-gateway';
import { newWamid, postSignedJson, statusWebhook } from '../live/support/live-webhooks';

const WABA_ID = '102290129340398';
const PHONE_NUMBER_ID = '106540352242922';
const REDIS_URL = redisDatabaseUrl(15);
const T = 1_751_247_548;

/** One change of `field` with `value`, as Meta sends every field on the same callback URL. */
const accountChange = (field: string, value: unknown, time = T) => ({
  object: 'whatsapp_business_account',
  entry: [{ id: WABA_ID, time, changes: [{ field, value }] }],
});

const EVENTS = /* GraphQL */ `
  query Events($kind: [AccountEventKind!], $first: Int) {
    accountEvents(kind: $kind, first: $first) {
      nodes {
        cursor
        kind
        field
        businessAccountId
        phoneNumberId
        timestamp
        summary
        zh: summary(locale: ZH_TW)
        payload
        diagnosis {
          verdict
          cause
          code
          retryAfterSeconds
          evidence
        }
        zhDiagnosis: diagnosis(locale: ZH_TW) {
          title
        }
      }
    }
  }
`;

interface EventNode {
  cursor: string;
  kind: string;
  field: string;
  businessAccountId: string | null;
  phoneNumberId: string | null;
  timestamp: string;
  summary: string;
  zh: string;
  payload: Record<string, unknown>;
  diagnosis: {
    verdict: string;
    cause: string;
    code: number | null;
    retryAfterSeconds: number | null;
    evidence: string[];
  } | null;
  zhDiagnosis: { title: string } | null;
}

/** Meta's payloads for every field besides messages (webhook reference shapes). */
const CASES: Array<{
  field: string;
  value: Record<string, unknown>;
  kind: string;
  summary: RegExp;
  zh: RegExp;
  diagnosis: Partial<NonNullable<EventNode['diagnosis']>> | null;
}> = [
  {
    field: 'message_template_status_update',
    value: {
      event: 'PAUSED',
      message_template_id: 1689556908129832,
      message_template_name: 'order_update',
      message_template_language: 'en_US',
      reason: 'NONE',
      other_info: {
        title: 'FIRST_PAUSE',
        description: 'Your WhatsApp message template has been paused for 3 hours until Jul 1 at 3:00 PM UTC.',
      },
    },
    kind: 'TEMPLATE_STATUS',
    summary: /^Template order_update \(en_US\) paused for 3 hours: low quality$/,
    zh: /^範本 order_update \(en_US\) 暫停 3 小時：品質偏低$/,
    diagnosis: { verdict: 'AT_RISK', cause: 'TEMPLATE', code: 132015, retryAfterSeconds: 10_800 },
  },
  {
    field: 'message_template_status_update',
    value: {
      event: 'DISABLED',
      message_template_id: 1689556908129833,
      message_template_name: 'promo',
      message_template_language: 'en',
      reason: 'NONE',
      disable_info: { disable_date: 1751234563 },
    },
    kind: 'TEMPLATE_STATUS',
    summary: /^Template promo \(en\) disabled$/,
    zh: /^範本 promo \(en\) 已停用$/,
    diagnosis: { verdict: 'FAILED', cause: 'TEMPLATE', code: 132016 },
  },
  {
    field: 'template_category_update',
    value: {
      message_template_id: 1689556908129834,
      message_template_name: 'receipt',
      message_template_language: 'en_US',
      previous_category: 'UTILITY',
      new_category: 'MARKETING',
    },
    kind: 'TEMPLATE_CATEGORY',
    summary: /^Template receipt \(en_US\) category changed from UTILITY to MARKETING$/,
    zh: /類別由 UTILITY 改為 MARKETING/,
    diagnosis: null,
  },
  {
    field: 'message_template_quality_update',
    value: {
      previous_quality_score: 'GREEN',
      new_quality_score: 'RED',
      message_template_id: 1689556908129835,
      message_template_name: 'abandoned_cart',
      message_template_language: 'en',
    },
    kind: 'TEMPLATE_QUALITY',
    summary: /quality GREEN → RED$/,
    zh: /品質 GREEN → RED$/,
    diagnosis: { verdict: 'AT_RISK', cause: 'TEMPLATE', code: null },
  },
  {
    field: 'phone_number_quality_update',
    value: { display_phone_number: '15550783881', event: 'DOWNGRADE', current_limit: 'TIER_1K' },
    kind: 'PHONE_NUMBER_QUALITY',
    summary: /^Phone number 15550783881 downgrade; messaging limit TIER_1K$/,
    zh: /傳訊上限 TIER_1K$/,
    diagnosis: { verdict: 'AT_RISK', cause: 'PHONE_NUMBER' },
  },
  {
    field: 'phone_number_quality_update',
    value: {
      display_phone_number: '15550783881',
      event: 'UPGRADE',
      max_daily_conversations_per_business: 10000,
    },
    kind: 'PHONE_NUMBER_QUALITY',
    summary: /messaging limit 10000$/,
    zh: /傳訊上限 10000$/,
    diagnosis: { verdict: 'OK', cause: 'NONE' },
  },
  {
    field: 'phone_number_name_update',
    value: {
      display_phone_number: '15550783881',
      decision: 'APPROVED',
      requested_verified_name: 'Lucky Shrub',
      rejection_reason: null,
    },
    kind: 'PHONE_NUMBER_NAME',
    summary: /^Display name "Lucky Shrub" approved$/,
    zh: /Lucky Shrub/,
    diagnosis: null,
  },
  {
    field: 'account_update',
    value: {
      phone_number: '15550783881',
      event: 'ACCOUNT_RESTRICTION',
      restriction_info: [{ restriction_type: 'RESTRICTED_BIZ_INITIATED_MESSAGING', expiration: 1751500000 }],
    },
    kind: 'ACCOUNT_UPDATE',
    summary: /^Account update: account restriction$/,
    zh: /ACCOUNT_RESTRICTION/,
    diagnosis: { verdict: 'FAILED', cause: 'ACCOUNT_RESTRICTED' },
  },
  {
    field: 'account_alerts',
    value: {
      entity_type: 'WABA',
      entity_id: WABA_ID,
      alert_info: {
        alert_severity: 'WARNING',
        alert_status: 'ACTIVE',
        alert_type: 'OBA_APPROVED',
        alert_description: 'Your official business account request was approved.',
      },
    },
    kind: 'ACCOUNT_ALERT',
    summary: /^Account alert \(WARNING\): Your official business account request was approved\.$/,
    zh: /帳號警示（WARNING）/,
    diagnosis: null,
  },
  {
    field: 'business_capability_update',
    value: { max_daily_conversations_per_business: 2000, max_phone_numbers_per_business: 2 },
    kind: 'BUSINESS_CAPABILITY',
    summary: /messaging limit 2000$/,
    zh: /2000/,
    diagnosis: null,
  },
  {
    field: 'security',
    value: { display_phone_number: '15550783881', event: 'PIN_CHANGED', requester: '2233445566' },
    kind: 'SECURITY',
    summary: /^Security: pin changed on 15550783881$/,
    zh: /PIN_CHANGED/,
    diagnosis: null,
  },
  {
    field: 'smb_app_state_sync',
    value: {
      messaging_product: 'whatsapp',
      metadata: { display_phone_number: '15550783881', phone_number_id: PHONE_NUMBER_ID },
      state_sync: [
        {
          type: 'contact',
          contact: { full_name: 'Ana Pérez', first_name: 'Ana', phone_number: '16505551234' },
          action: 'add',
          metadata: { timestamp: '1760000000' },
        },
      ],
    },
    kind: 'OTHER',
    summary: /^Webhook event "smb_app_state_sync" received$/,
    zh: /smb_app_state_sync/,
    diagnosis: null,
  },
];

describe.each(eachStore(REDIS_URL))('account events on %s', (_name, env) => {
  const gateway = useWebhookGateway(env);

  const newest = async (kind?: string): Promise<EventNode> => {
    const { body } = await gateway().graphql<{ accountEvents: { nodes: EventNode[] } }>(EVENTS, {
      ...(kind !== undefined && { kind: [kind] }),
      first: 1,
    });
    expect(body.errors).toBeUndefined();
    return body.data!.accountEvents.nodes[0]!;
  };

  it.each(CASES.map((c) => [`${c.field} ${String(c.value['event'] ?? '')}`.trim(), c] as const))(
    'stores %s as an account event with a summary in both languages',
    async (_title, c) => {
      expect(await postSignedJson(gateway().url, accountChange(c.field, c.value))).toEqual({
        status: 200,
        body: 'OK',
      });
      const event = await newest();
      expect(event).toMatchObject({
        kind: c.kind,
        field: c.field,
        businessAccountId: WABA_ID,
        timestamp: new Date(T * 1000).toISOString(),
        payload: c.value,
      });
      expect(event.summary).toMatch(c.summary);
      expect(event.zh).toMatch(c.zh);
      if (c.diagnosis === null) {
        expect(event.diagnosis).toBeNull();
      } else {
        expect(event.diagnosis).toMatchObject(c.diagnosis);
        expect(event.zhDiagnosis?.title).toMatch(/\p{Script=Han}/u);
      }
    },
  );

  it('keeps a value-level error of the messages field with the diagnosis of its code (130429)', async () => {
    const body = accountChange('messages', {
      messaging_product: 'whatsapp',
      metadata: { display_phone_number: '15550783881', phone_number_id: PHONE_NUMBER_ID },
      errors: [
        {
          code: 130429,
          title: 'Rate limit hit',
          message: 'Rate limit hit',
          error_data: { details: 'Cloud API message throughput has been reached.' },
        },
      ],
    });
    expect((await postSignedJson(gateway().url, body)).status).toBe(200);
    const event = await newest('WEBHOOK_ERROR');
    expect(event).toMatchObject({ field: 'messages', phoneNumberId: PHONE_NUMBER_ID });
    expect(event.summary).toBe('Meta reported error 130429 for the account: Rate limit hit');
    expect(event.diagnosis).toMatchObject({ cause: 'RATE_LIMITED', code: 130429 });
  });

  it('counts calls and keeps them out of messages and account events (they are call events)', async () => {
    const before = await newest();
    const calls = accountChange('calls', {
      messaging_product: 'whatsapp',
      metadata: { display_phone_number: '15550783881', phone_number_id: PHONE_NUMBER_ID },
      calls: [
        {
          id: 'wacid.HBgLMTI',
          from: '16505551234',
          to: '15550783881',
          event: 'connect',
          timestamp: String(T),
          direction: 'USER_INITIATED',
        },
      ],
    });
    expect(await postSignedJson(gateway().url, calls)).toEqual({ status: 200, body: 'OK' });
    expect((await newest()).cursor).toBe(before.cursor);
    const metrics = await fetch(`${gateway().url}/metrics`).then((r) => r.text());
    expect(metrics).toMatch(/^gateway_webhook_calls_total 1$/m);
  });

  it('sets a contact’s marketing opt-out from user_preferences, and names it in a 131050 diagnosis', async () => {
    const customer = '16505559876';
    const preference = (value: 'stop' | 'resume', at: number) =>
      accountChange(
        'user_preferences',
        {
          messaging_product: 'whatsapp',
          metadata: { display_phone_number: '15550783881', phone_number_id: PHONE_NUMBER_ID },
          contacts: [{ wa_id: customer, profile: { name: 'Pablo' } }],
          user_preferences: [
            {
              wa_id: customer,
              detail: 'User requested to stop marketing messages',
              category: 'marketing_messages',
              value,
              timestamp: at,
            },
          ],
        },
        at,
      );
    expect((await postSignedJson(gateway().url, preference('stop', T))).status).toBe(200);
    const contact = async () =>
      (
        await gateway().graphql<{ contact: { marketingOptOut: boolean } }>(
          `{ contact(id: "+${customer}") { marketingOptOut } }`,
        )
      ).body.data?.contact;
    expect(await contact()).toEqual({ marketingOptOut: true });
    expect((await newest('USER_PREFERENCE')).summary).toBe(
      `${customer} stopped marketing messages (Meta says: “User requested to stop marketing messages”)`,
    );

    // An older choice delivered late does not undo the newer one.
    expect((await postSignedJson(gateway().url, preference('resume', T - 60))).status).toBe(200);
    expect(await contact()).toEqual({ marketingOptOut: true });

    const id = newWamid();
    const failed = statusWebhook({
      messageId: id,
      status: 'failed',
      recipientId: customer,
      timestamp: T + 10,
      errorCode: 131050,
    });
    expect((await postSignedJson(gateway().url, failed)).status).toBe(200);
    const { body } = await gateway().graphql<{
      message: { diagnosis: { code: number; evidence: string[] } };
    }>(`query ($id: ID!) { message(id: $id) { diagnosis { code evidence } } }`, { id });
    expect(body.data?.message.diagnosis.code).toBe(131050);
    expect(body.data?.message.diagnosis.evidence).toContainEqual(
      expect.stringMatching(/^The customer stopped marketing messages from this business on 2025-06-30/),
    );

    expect((await postSignedJson(gateway().url, preference('resume', T + 60))).status).toBe(200);
    expect(await contact()).toEqual({ marketingOptOut: false });
  });
});
