import { type ContactRecord } from '../../contacts';
import { CUSTOMER_SERVICE_WINDOW_MS } from '../../diagnosis';
import { type Contact } from '../types/contact.type';
import {
  type MessageErrorDetail,
  MessageOrigin,
  type MessageRecord,
  type PricingInfo,
  type StatusChangeEvent,
} from '../../messages';
import {
  type Pricing,
  PricingCategory,
  PricingModel,
  PricingType,
  pricingValue,
} from '../types/conversation.type';
import { type Message } from '../types/message.type';
import { type MessageError } from '../types/message-error.type';
import { type MessageStatusEvent } from '../types/message-status-event.type';

/** A message as GraphQL shows it. The record rides along for field resolvers (diagnosis) that need it whole. */
export type MessageView = Message & { record: MessageRecord };

export function toMessage(record: MessageRecord): MessageView {
  return {
    record,
    id: record.id,
    phoneNumberId: record.phoneNumberId,
    recipient: record.recipient ?? null,
    waId: record.waId ?? null,
    recipientUserId: record.recipientUserId ?? null,
    recipientParentUserId: record.recipientParentUserId ?? null,
    recipientType: record.recipientType ?? null,
    groupId: record.groupId ?? null,
    recipientParticipantId: record.recipientParticipantId ?? null,
    recipientParticipantUserId: record.recipientParticipantUserId ?? null,
    recipientParticipantParentUserId: record.recipientParticipantParentUserId ?? null,
    type: record.type,
    createdAt: new Date(record.createdAt),
    updatedAt: new Date(record.updatedAt),
    status: record.status,
    conflict: record.conflict,
    statusHistory: record.statusHistory.map((entry) => ({
      status: entry.status,
      timestamp: new Date(entry.timestamp),
      receivedAt: new Date(entry.receivedAt),
      errors: entry.errors.map(toMessageError),
      cursor: entry.cursor,
    })),
    errors: record.errors.map(toMessageError),
    conversation: record.conversation
      ? {
          id: record.conversation.id ?? null,
          expiresAt:
            record.conversation.expiresAt === undefined ? null : new Date(record.conversation.expiresAt),
          originType: record.conversation.originType ?? null,
        }
      : null,
    pricing: record.pricing ? toPricing(record.pricing) : null,
    // A record without an origin is a send through the gateway (the records of sends carry none).
    origin: record.origin ?? MessageOrigin.API,
    text: record.text ?? null,
    originalMessageId: record.originalMessageId ?? null,
    raw: record.rawJson === undefined ? null : (JSON.parse(record.rawJson) as Record<string, unknown>),
  };
}

export function toPricing(pricing: PricingInfo): Pricing {
  return {
    billable: pricing.billable ?? null,
    pricingModel: pricingValue(PricingModel, pricing.pricingModel),
    category: pricingValue(PricingCategory, pricing.category),
    type: pricingValue(PricingType, pricing.type),
    rawPricingModel: pricing.pricingModel ?? null,
    rawCategory: pricing.category ?? null,
    rawType: pricing.type ?? null,
  };
}

export function toMessageError(error: MessageErrorDetail): MessageError {
  return {
    code: error.code,
    title: error.title ?? null,
    message: error.message ?? null,
    details: error.details ?? null,
    href: error.href ?? null,
  };
}

export function toStatusEvent(event: StatusChangeEvent, record: MessageRecord): MessageStatusEvent {
  return {
    cursor: event.cursor,
    status: event.status,
    previousStatus: event.previousStatus,
    timestamp: new Date(event.timestamp),
    errors: event.errors.map(toMessageError),
    message: toMessage(record),
  };
}

export function toContact(contact: ContactRecord, now: number): Contact {
  const expiresAt =
    contact.lastInboundAt === undefined ? null : contact.lastInboundAt + CUSTOMER_SERVICE_WINDOW_MS;
  return {
    id: contact.id,
    waId: contact.waId ?? null,
    phone: contact.phone ?? null,
    userId: contact.userId ?? null,
    parentUserId: contact.parentUserId ?? null,
    username: contact.username ?? null,
    profileName: contact.profileName ?? null,
    firstSeenAt: new Date(contact.firstSeenAt),
    lastSeenAt: new Date(contact.lastSeenAt),
    lastInboundAt: contact.lastInboundAt === undefined ? null : new Date(contact.lastInboundAt),
    serviceWindow: {
      open: expiresAt !== null && expiresAt > now,
      expiresAt: expiresAt === null ? null : new Date(expiresAt),
    },
    marketingOptOut: contact.marketingOptOut === true,
  };
}
