import { useTestGateway } from '../../support/use-test-gateway';
import {
  APP_SECRET,
  newWamid,
  postSignedJson,
  statusWebhook,
  VERIFY_TOKEN,
} from '../live/support/live-webhooks';

const PRICING = /* GraphQL */ `
  query Pricing($id: ID!) {
    message(id: $id) {
      pricing {
        billable
        pricingModel
        category
        type
        rawPricingModel
        rawCategory
        rawType
      }
    }
  }
`;

describe('per-message pricing, typed, from status webhooks', () => {
  const gateway = useTestGateway(() => ({
    WHATSAPP_APP_SECRET: APP_SECRET,
    WHATSAPP_VERIFY_TOKEN: VERIFY_TOKEN,
  }));
  const pricingAfter = async (pricing: Record<string, unknown>) => {
    const id = newWamid();
    const body = statusWebhook({
      messageId: id,
      status: 'sent',
      recipientId: '12025550180',
      timestamp: 1_760_000_000,
    });
    const status = body.entry[0]!.changes[0]!.value.statuses![0]!;
    Object.assign(status, { pricing });
    expect((await postSignedJson(gateway.url, body)).status).toBe(200);
    const { body: answer } = await gateway.graphql<{ message: { pricing: Record<string, unknown> } }>(
      PRICING,
      { id },
    );
    expect(answer.errors).toBeUndefined();
    return answer.data!.message.pricing;
  };

  it.each([
    [
      { billable: true, pricing_model: 'PMP', category: 'marketing_lite', type: 'regular' },
      { billable: true, pricingModel: 'PMP', category: 'MARKETING_LITE', type: 'REGULAR' },
    ],
    [
      { billable: false, pricing_model: 'PMP', category: 'utility', type: 'free_customer_service' },
      { billable: false, pricingModel: 'PMP', category: 'UTILITY', type: 'FREE_CUSTOMER_SERVICE' },
    ],
    [
      { billable: false, pricing_model: 'PMP', category: 'referral_conversion', type: 'free_entry_point' },
      { billable: false, pricingModel: 'PMP', category: 'REFERRAL_CONVERSION', type: 'FREE_ENTRY_POINT' },
    ],
    [
      { billable: true, pricing_model: 'PMP', category: 'authentication_international', type: 'regular' },
      { billable: true, pricingModel: 'PMP', category: 'AUTHENTICATION_INTERNATIONAL', type: 'REGULAR' },
    ],
    [
      { billable: true, pricing_model: 'CBP', category: 'service' },
      { billable: true, pricingModel: 'CBP', category: 'SERVICE', type: null },
    ],
  ])('reads %j as %j', async (wire, typed) => {
    expect(await pricingAfter(wire)).toEqual({
      ...typed,
      rawPricingModel: wire.pricing_model,
      rawCategory: wire.category,
      rawType: (wire as { type?: string }).type ?? null,
    });
  });

  it("answers UNKNOWN for words Meta adds later, keeping Meta's word", async () => {
    expect(
      await pricingAfter({
        billable: true,
        pricing_model: 'XMP',
        category: 'group_marketing',
        type: 'discounted',
      }),
    ).toEqual({
      billable: true,
      pricingModel: 'UNKNOWN',
      category: 'UNKNOWN',
      type: 'UNKNOWN',
      rawPricingModel: 'XMP',
      rawCategory: 'group_marketing',
      rawType: 'discounted',
    });
  });
});
