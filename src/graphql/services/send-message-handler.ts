import { type SendMessageInput } from '../inputs/send-message.input';
import { type SendOutcome } from './message-sender';

/** What the `sendMessage` mutation calls: the sender itself, or the sender behind idempotency and limits. */
export interface SendMessageHandler {
  send(input: SendMessageInput): Promise<SendOutcome>;
}
