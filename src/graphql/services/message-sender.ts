import { checkRecipientRegion } from '../../diagnosis';
import { MessageStatus, type MessageRecord, type MessageStore } from '../../messages';
import {
  GraphApiError,
  UpstreamNetworkError,
  UpstreamTimeoutError,
  UpstreamUnavailableError,
  type GraphApiClient,
  type SendMessageRequest,
} from '../../upstream';
import { GatewayError, GatewayErrorCode } from '../gateway-error';
import { type SendMessageInput } from '../inputs/send-message.input';
import { type SendRejection } from './send-rejection';
import { validateSendInput } from './send-request';

/** The code Meta uses when a business may not message users in a country (error-codes reference). */
const RESTRICTED_COUNTRY_CODE = 130497;

export type SendOutcome =
  { kind: 'sent'; message: MessageRecord } | { kind: 'rejected'; rejection: SendRejection };

export interface MessageSenderOptions {
  upstream: GraphApiClient;
  store: MessageStore;
  defaultPhoneNumberId: string;
  clock: () => number;
}

/**
 * Sends one message: validates it, refuses recipients the platform cannot reach at all, calls the Cloud
 * API, and records the accepted message so that its webhooks have something to update.
 */
export class MessageSender {
  constructor(private readonly options: MessageSenderOptions) {}

  async send(input: SendMessageInput): Promise<SendOutcome> {
    const request = validateSendInput(input, this.options.defaultPhoneNumberId);
    const now = this.options.clock();

    const region = checkRecipientRegion(request.recipient, now);
    if (region.restricted) {
      return {
        kind: 'rejected',
        rejection: {
          httpStatus: null,
          code: RESTRICTED_COUNTRY_CODE,
          subcode: null,
          type: 'GatewayPrecheck',
          title: 'Recipient is in a restricted country or region',
          message:
            'Not sent: WhatsApp users in this country or region cannot receive WhatsApp Business Platform messages.',
          details: region.reason,
          fbtraceId: null,
          recipient: request.recipient,
          phoneNumberId: request.phoneNumberId,
        },
      };
    }

    // `validateSendInput` builds the body field by field to Meta's schema; the cast names that type.
    let response;
    try {
      response = await this.options.upstream.sendMessage(
        request.phoneNumberId,
        request.body as unknown as SendMessageRequest,
      );
    } catch (error) {
      if (error instanceof GraphApiError) {
        return {
          kind: 'rejected',
          rejection: rejectionFrom(error, request.recipient, request.phoneNumberId),
        };
      }
      throw toGatewayError(error);
    }

    const sent = response.messages[0];
    if (!sent)
      throw new GatewayError(
        GatewayErrorCode.UPSTREAM_UNAVAILABLE,
        'The Cloud API answered without a message id.',
      );
    const message = {
      id: sent.id,
      phoneNumberId: request.phoneNumberId,
      recipient: request.recipient,
      waId: response.contacts?.[0]?.wa_id ?? request.recipientDigits,
      type: request.kind,
      status:
        sent.message_status === 'held_for_quality_assessment' ? MessageStatus.HELD : MessageStatus.ACCEPTED,
      createdAt: now,
    } as const;
    const { record } = await this.options.store.recordSent(message, now);
    return { kind: 'sent', message: record };
  }
}

function rejectionFrom(error: GraphApiError, recipient: string, phoneNumberId: string): SendRejection {
  return {
    httpStatus: error.httpStatus ?? null,
    code: error.code,
    subcode: error.subcode ?? null,
    type: error.type ?? null,
    title: error.userTitle ?? null,
    message: error.message,
    details: error.details ?? error.userMessage ?? null,
    fbtraceId: error.fbtraceId ?? null,
    recipient,
    phoneNumberId,
  };
}

/** Transport failures are the gateway's errors, not a rejection of this message by Meta. */
export function toGatewayError(error: unknown): unknown {
  if (error instanceof UpstreamTimeoutError) {
    return new GatewayError(
      GatewayErrorCode.UPSTREAM_TIMEOUT,
      'The Cloud API did not answer in time; try again.',
    );
  }
  if (error instanceof UpstreamUnavailableError) {
    return new GatewayError(
      GatewayErrorCode.UPSTREAM_UNAVAILABLE,
      'The Cloud API is failing; calls are paused for a short while. Try again later.',
    );
  }
  if (error instanceof UpstreamNetworkError) {
    return new GatewayError(
      GatewayErrorCode.UPSTREAM_UNAVAILABLE,
      'The Cloud API cannot be reached; try again later.',
    );
  }
  return error;
}
