import { LiveSubscriber } from './live-subscriber';

/** The fields every live test asks of `messageStatusChanged`. */
export const STATUS_EVENT_FIELDS = /* GraphQL */ `
  cursor
  status
  previousStatus
  timestamp
  message {
    id
    recipient
    phoneNumberId
    status
    conflict
  }
`;

export interface ReceivedStatusEvent {
  cursor: string;
  status: string;
  previousStatus: string | null;
  timestamp: string;
  message: { id: string; recipient: string; phoneNumberId: string; status: string; conflict: boolean };
}

export interface StatusSubscriptionArgs {
  messageId?: string;
  recipient?: string;
  phoneNumberId?: string;
  since?: string;
}

export { type SubscriptionError } from './live-subscriber';

/** One graphql-ws client with one `messageStatusChanged` subscription, recording what arrives. */
export class StatusSubscriber extends LiveSubscriber<ReceivedStatusEvent> {
  private constructor(gatewayUrl: string, args: StatusSubscriptionArgs) {
    const variables = Object.fromEntries(Object.entries(args).filter(([, value]) => value !== undefined));
    super(
      gatewayUrl,
      /* GraphQL */ `
        subscription Live($messageId: ID, $recipient: String, $phoneNumberId: ID, $since: String) {
          messageStatusChanged(
            messageId: $messageId
            recipient: $recipient
            phoneNumberId: $phoneNumberId
            since: $since
          ) {
            ${STATUS_EVENT_FIELDS}
          }
        }
      `,
      'messageStatusChanged',
      variables,
    );
  }

  static open(gatewayUrl: string, args: StatusSubscriptionArgs = {}): StatusSubscriber {
    return new StatusSubscriber(gatewayUrl, args);
  }

  /** Waits until an event matches; fails early on a subscription error. */
  waitForEvent(
    predicate: (event: ReceivedStatusEvent) => boolean,
    timeoutMs = 10_000,
  ): Promise<ReceivedStatusEvent> {
    return this.waitFor(predicate, timeoutMs);
  }
}
