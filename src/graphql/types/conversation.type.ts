import { Field, ObjectType, registerEnumType } from 'type-graphql';

@ObjectType({ description: 'The conversation Meta opened or used for the message (older pricing).' })
export class Conversation {
  @Field(() => String, { nullable: true, description: "Meta's conversation id." })
  id?: string | null;

  @Field(() => Date, { nullable: true, description: 'When the conversation window closes.' })
  expiresAt?: Date | null;

  @Field(() => String, {
    nullable: true,
    description: 'What opened it: `marketing`, `utility`, `authentication`, `service`, …',
  })
  originType?: string | null;
}

/** Meta's pricing model; `UNKNOWN` for a value this gateway does not know yet (see `rawPricingModel`). */
export enum PricingModel {
  /** Per-message pricing, since 1 July 2025. */
  PMP = 'PMP',
  /** Conversation-based pricing, on older webhooks. */
  CBP = 'CBP',
  UNKNOWN = 'UNKNOWN',
}

/** What a message is charged as; `UNKNOWN` keeps Meta's word in `rawCategory`. */
export enum PricingCategory {
  MARKETING = 'MARKETING',
  MARKETING_LITE = 'MARKETING_LITE',
  UTILITY = 'UTILITY',
  AUTHENTICATION = 'AUTHENTICATION',
  AUTHENTICATION_INTERNATIONAL = 'AUTHENTICATION_INTERNATIONAL',
  SERVICE = 'SERVICE',
  REFERRAL_CONVERSION = 'REFERRAL_CONVERSION',
  UNKNOWN = 'UNKNOWN',
}

/** Whether the message is charged at the regular rate or free; `UNKNOWN` keeps Meta's word in `rawType`. */
export enum PricingType {
  REGULAR = 'REGULAR',
  /** A reply inside the customer service window. */
  FREE_CUSTOMER_SERVICE = 'FREE_CUSTOMER_SERVICE',
  /** Inside the 72-hour window of a free entry point (click-to-WhatsApp ad, Facebook page button). */
  FREE_ENTRY_POINT = 'FREE_ENTRY_POINT',
  UNKNOWN = 'UNKNOWN',
}

registerEnumType(PricingModel, {
  name: 'PricingModel',
  description: "Meta's pricing model of a message.",
  valuesConfig: {
    PMP: { description: 'Per-message pricing (since 1 July 2025).' },
    CBP: { description: 'Conversation-based pricing (older webhooks).' },
    UNKNOWN: { description: 'A model this gateway does not know yet; `rawPricingModel` has Meta’s word.' },
  },
});

registerEnumType(PricingCategory, {
  name: 'PricingCategory',
  description: 'What a message is charged as.',
  valuesConfig: {
    MARKETING: { description: 'A marketing message.' },
    MARKETING_LITE: { description: 'A marketing message sent through the Marketing Messages API.' },
    UTILITY: { description: 'A utility message (order and account updates).' },
    AUTHENTICATION: { description: 'A one-time password.' },
    AUTHENTICATION_INTERNATIONAL: { description: 'A one-time password at the international rate.' },
    SERVICE: { description: 'A reply in the customer service window.' },
    REFERRAL_CONVERSION: { description: 'A message in a conversation opened from a free entry point.' },
    UNKNOWN: { description: 'A category this gateway does not know yet; `rawCategory` has Meta’s word.' },
  },
});

registerEnumType(PricingType, {
  name: 'PricingType',
  description: 'Whether a message is charged (webhook version 24.0 and later).',
  valuesConfig: {
    REGULAR: { description: 'Charged at the category’s rate.' },
    FREE_CUSTOMER_SERVICE: { description: 'Free: a reply inside the customer service window.' },
    FREE_ENTRY_POINT: { description: 'Free: inside the window of a free entry point.' },
    UNKNOWN: { description: 'A type this gateway does not know yet; `rawType` has Meta’s word.' },
  },
});

@ObjectType({ description: 'How Meta prices the message (from the latest status that carried pricing).' })
export class Pricing {
  @Field(() => Boolean, { nullable: true, description: 'Whether the message is charged.' })
  billable!: boolean | null;

  @Field(() => PricingModel, { nullable: true, description: 'The pricing model.' })
  pricingModel!: PricingModel | null;

  @Field(() => PricingCategory, { nullable: true, description: 'The category charged.' })
  category!: PricingCategory | null;

  @Field(() => PricingType, { nullable: true, description: 'Regular or free, and why free.' })
  type!: PricingType | null;

  @Field(() => String, { nullable: true, description: 'Meta’s `pricing_model` as sent.' })
  rawPricingModel!: string | null;

  @Field(() => String, { nullable: true, description: 'Meta’s `category` as sent.' })
  rawCategory!: string | null;

  @Field(() => String, { nullable: true, description: 'Meta’s `type` as sent.' })
  rawType!: string | null;
}

/** Meta's word (any case) as one of the enum's values, `UNKNOWN` when it has none; null when absent. */
export function pricingValue<E extends Record<string, string>>(
  values: E,
  raw: string | undefined,
): E[keyof E] | null {
  if (raw === undefined) return null;
  const upper = raw.toUpperCase();
  return (Object.hasOwn(values, upper) ? values[upper] : values['UNKNOWN']) as E[keyof E];
}
