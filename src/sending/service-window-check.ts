import { type MessageStore } from '../messages';
import { type SendCommand } from './send-command';
import { type SendOutcome } from './send-outcome';
import { type EpochMillis } from '../store-kit';

/** Meta's customer service window: free-form messages only within 24 hours of the customer's last one. */
const SERVICE_WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * Warns before a free-form message goes to a customer whose service window the gateway knows is closed:
 * Meta would refuse it with 131047. It is a warning, not a refusal: the gateway may not have seen every
 * message the customer sent (another system may take the same webhooks), so the send still goes out.
 */
export class ServiceWindowCheck {
  constructor(
    private readonly store: Pick<MessageStore, 'lastInboundAt'>,
    private readonly clock: () => EpochMillis,
  ) {}

  /**
   * The warning for this send, or null, from the customer's last message as the store read it with the
   * send, else as it is now. Never fails: a store that cannot answer gives no warning.
   */
  async warningFor(command: SendCommand, outcome: SendOutcome): Promise<string | null> {
    // Templates are the way to reach a customer outside the window.
    if (command.kind === 'template') return null;
    const lastInboundAt =
      outcome.kind === 'sent' && outcome.customerLastInboundAt !== undefined
        ? outcome.customerLastInboundAt
        : await this.lookUp(command);
    if (lastInboundAt === null) return null;
    const closedAt = lastInboundAt + SERVICE_WINDOW_MS;
    if (closedAt > this.clock()) return null;
    return (
      `The customer's 24-hour service window closed at ${new Date(closedAt).toISOString()} (their last ` +
      `message was at ${new Date(lastInboundAt).toISOString()}): Meta refuses free-form messages outside ` +
      'it (error 131047). Send an approved template instead.'
    );
  }

  private lookUp(command: SendCommand): Promise<EpochMillis | null> {
    const customer = command.recipient.kind === 'phone' ? command.recipient.digits : command.recipient.userId;
    return this.store.lastInboundAt(customer, command.phoneNumberId).catch(() => null);
  }
}
