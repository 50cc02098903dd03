import { z } from 'zod';

/*
 * Zod schemas for the parts of Meta's notification body the gateway reads. Every object is loose: Meta
 * adds properties over time, and a new property must never lose a delivery. Each schema describes one
 * part (an entry, a change, a status, a message, a contact, an error) and is applied to that part alone,
 * so that one unreadable part is set aside and the rest of the body is still stored. Extra properties are
 * kept by the parse so that the parser can report them at debug level; the lists of known keys come from
 * these shapes.
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

const optionalId = z.string().min(1).optional();

/**
 * An id Meta added lately, whose name or presence its pages do not agree on yet: when it is not a
 * non-empty string it is dropped alone, never the status with it.
 */
const lenientId = optionalId.catch(undefined);

export const statusSchema = z.looseObject({
  id: z.string().min(1),
  /** Kept as text here: an unknown status is skipped and reported by the parser, not refused. */
  status: z.string(),
  timestamp: unixSecondsSchema,
  /** The customer's number (digits), or a group's id; absent for a customer known by BSUID only. */
  recipient_id: optionalId,
  /** Business-scoped user id, sent since 2026 (also for customers whose number is known). */
  recipient_user_id: optionalId,
  recipient_parent_user_id: optionalId,
  /** `individual` or `group`. */
  recipient_type: z.string().optional(),
  /** In a group: the participant the status is about. */
  recipient_participant_id: optionalId,
  /** The parent BSUID under the name Meta's status examples give it (`recipient_parent_user_id` above). */
  parent_recipient_user_id: lenientId,
  /** The parent BSUID as Meta's field list for statuses names it; on a group status, the participant's. */
  parent_user_id: lenientId,
  /** In a group: the participant's BSUID and parent BSUID. */
  recipient_participant_user_id: lenientId,
  recipient_participant_parent_user_id: lenientId,
  /** The participant's number under another spelling seen in Meta's pages. */
  participant_recipient_id: lenientId,
  /** Parsed leniently by the parser: a broken one is dropped from the status, not the status with it. */
  conversation: z.unknown().optional(),
  pricing: z.unknown().optional(),
  errors: z.array(z.unknown()).optional(),
  /** Echoed from the send when the caller set it; not used by the gateway, but not unexpected either. */
  biz_opaque_callback_data: z.string().optional(),
});

/** An inbound customer message; only who wrote, when, and the id are read here. */
export const inboundMessageSchema = z
  .looseObject({
    /** The customer's number (digits); absent for a customer known by BSUID only. */
    from: optionalId,
    from_user_id: optionalId,
    from_parent_user_id: optionalId,
    id: z.string().min(1),
    timestamp: unixSecondsSchema,
    type: z.string().optional(),
    /** Why Meta could not deliver the content (an `unsupported` message); read item by item. */
    errors: z.array(z.unknown()).optional(),
  })
  .refine((message) => message.from !== undefined || message.from_user_id !== undefined, {
    message: 'names no sender: neither from nor from_user_id',
    path: ['from'],
  });

/** One entry of `contacts[]`: who the customer is, as far as Meta shows it. */
export const contactSchema = z.looseObject({
  wa_id: optionalId,
  user_id: optionalId,
  parent_user_id: optionalId,
  profile: z.looseObject({ name: z.string().optional(), username: z.string().optional() }).optional(),
});

/** The `value` of a change whose `field` is `messages`; its lists are read item by item. */
export const messagesValueSchema = z.looseObject({
  messaging_product: z.string().optional(),
  metadata: z.looseObject({
    display_phone_number: z.string().optional(),
    phone_number_id: z.string().min(1),
  }),
  contacts: z.array(z.unknown()).optional(),
  messages: z.array(z.unknown()).optional(),
  statuses: z.array(z.unknown()).optional(),
  errors: z.array(z.unknown()).optional(),
});

/** The root as far as telling whose notification it is. */
export const envelopeSchema = z.looseObject({ object: z.string() });

/** The root of a WhatsApp Business Account notification; its entries are read one by one. */
export const accountNotificationSchema = z.looseObject({
  object: z.literal('whatsapp_business_account'),
  entry: z.array(z.unknown()),
});

/** One change; its `value` is parsed according to its `field`. */
export const changeSchema = z.looseObject({ field: z.string().min(1), value: z.unknown() });

export const entrySchema = z.looseObject({
  /** The WhatsApp Business Account id. */
  id: z.string().optional(),
  /** Unix seconds; a value that is not is ignored rather than losing the entry. */
  time: unixSecondsSchema.optional().catch(undefined),
  changes: z.array(z.unknown()),
});

/** One entry of a `user_preferences` change: a customer's choice about marketing messages. */
export const userPreferenceSchema = z.looseObject({
  wa_id: optionalId,
  user_id: optionalId,
  category: z.string().optional(),
  /** `stop`, `resume` or `signup` (an opt-in through a signup link); another word is kept as Meta's. */
  value: z.string(),
  timestamp: unixSecondsSchema.optional(),
  /** Meta's sentence about the choice ("User signed up via signup link"); shown in the event's summary. */
  detail: z.unknown().optional(),
  /** With `signup`: the signup link the customer used. Kept in the event's payload, not read here. */
  signup_id: z.unknown().optional(),
});

export const userPreferencesValueSchema = z.looseObject({
  user_preferences: z.array(z.unknown()),
});

/** The business number a change of the coexistence and calling fields is about, as in `messages`. */
const metadataSchema = z.looseObject({
  display_phone_number: z.string().optional(),
  phone_number_id: z.string().min(1),
});

/**
 * One message the business sent from the WhatsApp Business app (`smb_message_echoes`): the customer is
 * `to` / `to_user_id`. Meta's own examples of an edit or a revoke swap `from` and `to`, so a side that is
 * the business's number is told apart by the parser, not here.
 */
export const messageEchoSchema = z
  .looseObject({
    from: optionalId,
    to: optionalId,
    to_user_id: optionalId,
    to_parent_user_id: optionalId,
    /** The customer's BSUID when an edit or a revoke names the customer in `from`. */
    from_user_id: optionalId,
    id: z.string().min(1),
    timestamp: unixSecondsSchema,
    type: z.string().optional(),
  })
  .refine((echo) => echo.to !== undefined || echo.to_user_id !== undefined || echo.from !== undefined, {
    message: 'names no customer: neither to nor to_user_id',
    path: ['to'],
  });

/** The `value` of a change whose `field` is `smb_message_echoes`; its lists are read item by item. */
export const echoesValueSchema = z.looseObject({
  messaging_product: z.string().optional(),
  metadata: metadataSchema,
  contacts: z.array(z.unknown()).optional(),
  message_echoes: z.array(z.unknown()),
});

/** Unix seconds that, when broken, are dropped from the item (which keeps them in its raw form) alone. */
const lenientSecondsSchema = unixSecondsSchema.optional().catch(undefined);

/** One item of `calls[]`: a call connecting (`connect`) or ended (`terminate`). */
export const callSchema = z.looseObject({
  /** Meta's call id (`wacid.…`). */
  id: z.string().min(1),
  from: optionalId,
  to: optionalId,
  /** BSUIDs of the sides, for customers known by username (not in Meta's examples yet). */
  from_user_id: optionalId,
  to_user_id: optionalId,
  /** `connect` or `terminate`; kept as text, an unknown word is stored as such. */
  event: z.string().optional(),
  timestamp: unixSecondsSchema,
  /** `BUSINESS_INITIATED` or `USER_INITIATED`. */
  direction: z.string().optional(),
  /** On `terminate`: `COMPLETED` or `FAILED`. */
  status: z.string().optional(),
  start_time: lenientSecondsSchema,
  end_time: lenientSecondsSchema,
  /** Seconds; a digit string is tolerated, anything else dropped from the item alone. */
  duration: z
    .union([
      z.number().int().nonnegative(),
      z
        .string()
        .regex(/^\d{1,9}$/)
        .transform(Number),
    ])
    .optional()
    .catch(undefined),
  biz_opaque_callback_data: z.string().optional(),
  /** The SDP offer or answer of a connecting call; kept in the raw item. */
  session: z.unknown().optional(),
  errors: z.array(z.unknown()).optional(),
});

/** One item of `statuses[]` of the `calls` field: a business-initiated call rings, or was taken or refused. */
export const callStatusSchema = z.looseObject({
  id: z.string().min(1),
  timestamp: unixSecondsSchema,
  /** `call`. */
  type: z.string().optional(),
  /** `RINGING`, `ACCEPTED` or `REJECTED`; kept as text. */
  status: z.string(),
  recipient_id: optionalId,
  recipient_user_id: optionalId,
  biz_opaque_callback_data: z.string().optional(),
  errors: z.array(z.unknown()).optional(),
});

/** The `value` of a change whose `field` is `calls`; its lists are read item by item. */
export const callsValueSchema = z.looseObject({
  messaging_product: z.string().optional(),
  metadata: metadataSchema,
  contacts: z.array(z.unknown()).optional(),
  calls: z.array(z.unknown()).optional(),
  statuses: z.array(z.unknown()).optional(),
  /** Errors of the change's calls (Meta's example: 12455 beside a terminated call). */
  errors: z.array(z.unknown()).optional(),
});

export type StatusPayload = z.output<typeof statusSchema>;
export type ErrorPayload = z.output<typeof errorSchema>;
export type ContactPayload = z.output<typeof contactSchema>;
export type MessagesValuePayload = z.output<typeof messagesValueSchema>;
export type MessageEchoPayload = z.output<typeof messageEchoSchema>;
export type CallPayload = z.output<typeof callSchema>;
export type CallStatusPayload = z.output<typeof callStatusSchema>;
