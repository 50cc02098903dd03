import { z } from 'zod';

/*
 * Zod schemas for the parts of Meta's notification body the gateway reads. Every object is loose: Meta
 * adds properties over time, and a new property must never turn a delivery into a 400 (Meta would retry
 * it for days and the statuses in it would never be stored). Extra properties are kept by the parse so
 * that the parser can report them at debug level; the lists of known keys come from these shapes.
 */

/** Unix seconds, as Meta sends them (a digit string; a number is tolerated), converted to epoch millis. */
export const unixSecondsSchema = z
  .union([z.string().regex(/^\d{1,12}$/, 'expected Unix seconds as digits'), z.number().int().nonnegative()])
  .transform((seconds) => Number(seconds) * 1000);

/** Meta's error codes are numbers; a digit string is tolerated rather than refused. */
const errorCodeSchema = z.union([
  z.number().int(),
  z
    .string()
    .regex(/^-?\d{1,12}$/, 'expected a numeric error code')
    .transform(Number),
]);

export const errorSchema = z.looseObject({
  code: errorCodeSchema,
  title: z.string().optional(),
  message: z.string().optional(),
  error_data: z.looseObject({ details: z.string().optional() }).optional(),
  href: z.string().optional(),
});

export const conversationSchema = z.looseObject({
  id: z.string().optional(),
  expiration_timestamp: unixSecondsSchema.optional(),
  origin: z.looseObject({ type: z.string().optional() }).optional(),
});

export const pricingSchema = z.looseObject({
  billable: z.boolean().optional(),
  pricing_model: z.string().optional(),
  category: z.string().optional(),
  type: z.string().optional(),
});

export const statusSchema = z.looseObject({
  id: z.string().min(1),
  /** Kept as text here: an unknown status is skipped and reported by the parser, not refused. */
  status: z.string(),
  timestamp: unixSecondsSchema,
  recipient_id: z.string().min(1),
  conversation: conversationSchema.optional(),
  pricing: pricingSchema.optional(),
  errors: z.array(errorSchema).optional(),
  /** Echoed from the send when the caller set it; not used by the gateway, but not unexpected either. */
  biz_opaque_callback_data: z.string().optional(),
});

/** An inbound customer message: only what opens the 24-hour window is read; the content is not. */
export const inboundMessageSchema = z.looseObject({
  from: z.string().min(1),
  id: z.string().min(1),
  timestamp: unixSecondsSchema,
});

/** The `value` of a change whose `field` is `messages`. */
export const messagesValueSchema = z.looseObject({
  messaging_product: z.string().optional(),
  metadata: z.looseObject({
    display_phone_number: z.string().optional(),
    phone_number_id: z.string().min(1),
  }),
  contacts: z.array(z.unknown()).optional(),
  messages: z.array(inboundMessageSchema).optional(),
  statuses: z.array(statusSchema).optional(),
  errors: z.array(errorSchema).optional(),
});

/** The root as far as telling whose notification it is. */
export const envelopeSchema = z.looseObject({ object: z.string() });

/** One change; its `value` is parsed according to its `field`, or ignored when the field is unknown. */
export const changeSchema = z.looseObject({ field: z.string(), value: z.unknown() });

export const entrySchema = z.looseObject({
  /** The WhatsApp Business Account id. */
  id: z.string().optional(),
  time: z.number().optional(),
  changes: z.array(changeSchema),
});

/** The root of a WhatsApp Business Account notification. */
export const accountNotificationSchema = z.looseObject({
  object: z.literal('whatsapp_business_account'),
  entry: z.array(entrySchema),
});

export type StatusPayload = z.output<typeof statusSchema>;
export type ErrorPayload = z.output<typeof errorSchema>;
export type MessagesValuePayload = z.output<typeof messagesValueSchema>;
