import { checkRecipientRegion } from '../diagnosis';
import { MessageStatus, type MessageStore, type NewMessage } from '../messages';
import {
  UpstreamFailureKind,
  isUpstreamFailure,
  type GraphApiClient,
  type GraphApiError,
  type SendMessageResponse,
} from '../upstream';
import { describeRecipient } from './recipient';
import { type SendCommand } from './send-command';
import { NoMessageIdError } from './send-errors';
import { type SendHandler, type SendOutcome } from './send-outcome';
import { type SendRejection } from './send-rejection';

/** The code Meta uses when a business may not message users in a country (error-codes reference). */
const RESTRICTED_COUNTRY_CODE = 130497;

export interface MessageSenderOptions {
  upstream: GraphApiClient;
  store: MessageStore;
  clock: () => number;
}

/**
 * Sends one message: refuses recipients the platform cannot reach at all, calls the Cloud API, and
 * records the accepted message so that its webhooks have something to update. Meta's refusal is an
 * outcome; transport failures are thrown as the client's `UpstreamFailure`s.
 */
export class MessageSender implements SendHandler {
  constructor(private readonly options: MessageSenderOptions) {}

  async send(command: SendCommand): Promise<SendOutcome> {
    const now = this.options.clock();
    if (command.recipient.kind === 'phone') {
      const region = checkRecipientRegion(command.recipient.e164, now);
      if (region.restricted) return { kind: 'rejected', rejection: restrictedRegion(command, region.reason) };
    }
    let response: SendMessageResponse;
    try {
      response = await this.options.upstream.sendMessage(command.phoneNumberId, command.body);
    } catch (error) {
      if (isUpstreamFailure(error) && error.kind === UpstreamFailureKind.GRAPH_API) {
        return { kind: 'rejected', rejection: rejectionFrom(error, command) };
      }
      throw error;
    }
    const sent = response.messages[0];
    if (!sent) throw new NoMessageIdError();
    const contact = response.contacts[0];
    const message: NewMessage = {
      id: sent.id,
      phoneNumberId: command.phoneNumberId,
      ...(command.recipient.kind === 'phone'
        ? { recipient: command.recipient.e164, waId: contact?.wa_id ?? command.recipient.digits }
        : { recipientUserId: command.recipient.userId }),
      type: command.kind,
      status:
        sent.message_status === 'held_for_quality_assessment' ? MessageStatus.HELD : MessageStatus.ACCEPTED,
      createdAt: now,
    };
    const { record, customerLastInboundAt } = await this.options.store.recordSent(message, now);
    return {
      kind: 'sent',
      message: record,
      ...(customerLastInboundAt !== undefined && { customerLastInboundAt }),
    };
  }
}

function restrictedRegion(command: SendCommand, reason: string): SendRejection {
  return {
    httpStatus: null,
    code: RESTRICTED_COUNTRY_CODE,
    subcode: null,
    type: 'GatewayPrecheck',
    title: 'Recipient is in a restricted country or region',
    message:
      'Not sent: WhatsApp users in this country or region cannot receive WhatsApp Business Platform messages.',
    details: reason,
    fbtraceId: null,
    recipient: describeRecipient(command.recipient),
    phoneNumberId: command.phoneNumberId,
    detectedBy: 'GATEWAY',
  };
}

function rejectionFrom(error: GraphApiError, command: SendCommand): SendRejection {
  return {
    httpStatus: error.httpStatus ?? null,
    code: error.code,
    subcode: error.subcode ?? null,
    type: error.type ?? null,
    title: error.userTitle ?? null,
    message: error.message,
    details: error.details ?? error.userMessage ?? null,
    fbtraceId: error.fbtraceId ?? null,
    recipient: describeRecipient(command.recipient),
    phoneNumberId: command.phoneNumberId,
  };
}
