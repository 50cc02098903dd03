import { type MessageRecord } from '../messages';
import { type SendCommand } from './send-command';
import { type SendRejection } from './send-rejection';
import { type EpochMillis } from '../store-kit';

/** How a send ended when it did not throw: a stored message, or Meta's (or the pre-check's) refusal. */
export type SendOutcome =
  | {
      kind: 'sent';
      message: MessageRecord;
      /** When the customer last wrote (null: never), if the store read it with the send. */
      customerLastInboundAt?: EpochMillis | null;
    }
  | { kind: 'rejected'; rejection: SendRejection };

/** One stage of the send pipeline: the sender itself, or a guard in front of it (idempotency, rate limit). */
export interface SendHandler {
  send(command: SendCommand): Promise<SendOutcome>;
}
