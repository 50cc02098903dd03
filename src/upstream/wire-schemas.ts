import { z } from 'zod';
import {
  type DebugTokenResponse,
  type MarkReadResponse,
  type PhoneNumberResponse,
  type SendMessageResponse,
} from './wire-types';

/*
 * Checks of Meta's 2xx answers before the rest of the gateway trusts their types. Objects are loose
 * (Meta adds fields) and enumerations are plain strings (Meta adds values); what the types require must
 * be there.
 */

/** What {@link interpretAnswer} checks a 2xx body with: a zod schema, or a hand-written check of the same shape. */
export interface WireSchema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const optionalString = (value: unknown): boolean => value === undefined || typeof value === 'string';

const isContact = (value: unknown): boolean =>
  isRecord(value) &&
  typeof value.input === 'string' &&
  optionalString(value.wa_id) &&
  optionalString(value.user_id);

const isSentMessage = (value: unknown): boolean =>
  isRecord(value) &&
  typeof value.id === 'string' &&
  value.id.length > 0 &&
  (value.message_status === undefined || typeof value.message_status === 'string');

/**
 * The send answer, checked by hand: it is on every send's path, where a zod parse (which also copies
 * every object) was a visible share of the cost. Same rules as the other schemas: loose objects, and a
 * missing contact echo is tolerated (the message id is what matters).
 */
export const sendMessageResponseSchema: WireSchema<SendMessageResponse> = {
  safeParse(value) {
    if (!isRecord(value) || value.messaging_product !== 'whatsapp') return { success: false };
    const { contacts, messages } = value;
    if (!Array.isArray(messages) || messages.length === 0 || !messages.every(isSentMessage)) {
      return { success: false };
    }
    if (contacts === undefined) {
      return { success: true, data: { ...value, contacts: [] } as unknown as SendMessageResponse };
    }
    if (!Array.isArray(contacts) || !contacts.every(isContact)) return { success: false };
    // Every field the type declares was checked above; the rest are Meta's additions, kept as they are.
    return { success: true, data: value as unknown as SendMessageResponse };
  },
};

export const markReadResponseSchema: z.ZodType<MarkReadResponse> = z.looseObject({ success: z.boolean() });

const healthEntity = z.looseObject({
  entity_type: z.string(),
  id: z.string(),
  can_send_message: z.string(),
  errors: z
    .array(
      z.looseObject({
        error_code: z.number(),
        error_description: z.string().optional(),
        possible_solution: z.string().optional(),
      }),
    )
    .optional(),
  additional_info: z.array(z.string()).optional(),
});

export const phoneNumberResponseSchema: z.ZodType<PhoneNumberResponse> = z.looseObject({
  id: z.string().min(1),
  display_phone_number: z.string().optional(),
  verified_name: z.string().optional(),
  quality_rating: z.string().optional(),
  messaging_limit_tier: z.string().optional(),
  status: z.string().optional(),
  name_status: z.string().optional(),
  code_verification_status: z.string().optional(),
  throughput: z.looseObject({ level: z.string() }).optional(),
  platform_type: z.string().optional(),
  is_official_business_account: z.boolean().optional(),
  health_status: z
    .looseObject({ can_send_message: z.string(), entities: z.array(healthEntity).optional() })
    .optional(),
});

export const debugTokenResponseSchema: z.ZodType<DebugTokenResponse> = z.looseObject({
  data: z.looseObject({
    app_id: z.string().optional(),
    type: z.string().optional(),
    application: z.string().optional(),
    data_access_expires_at: z.number().optional(),
    expires_at: z.number().optional(),
    is_valid: z.boolean(),
    issued_at: z.number().optional(),
    scopes: z.array(z.string()).optional(),
    granular_scopes: z
      .array(z.looseObject({ scope: z.string(), target_ids: z.array(z.string()).optional() }))
      .optional(),
    user_id: z.string().optional(),
    error: z
      .looseObject({ code: z.number(), message: z.string(), subcode: z.number().optional() })
      .optional(),
  }),
});
