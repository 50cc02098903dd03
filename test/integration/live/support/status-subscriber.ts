import { createClient, type Client } from 'graphql-ws';
import { WebSocket } from 'ws';
import { waitFor } from '../../../support/gateway-harness';

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

export interface SubscriptionError {
  message: string;
  extensions?: Record<string, unknown>;
}

/**
 * One graphql-ws client with one `messageStatusChanged` subscription, recording what arrives. Speaks only
 * the protocol, as a browser would.
 */
export class StatusSubscriber {
  readonly events: ReceivedStatusEvent[] = [];
  errors: SubscriptionError[] | null = null;
  completed = false;
  private readonly client: Client;
  private readonly unsubscribe: () => void;

  private constructor(gatewayUrl: string, args: StatusSubscriptionArgs) {
    this.client = createClient({
      url: `${gatewayUrl.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      lazy: false,
      // Nothing to report to the console: failures are read from `errors`.
      onNonLazyError: () => undefined,
    });
    const variables = Object.fromEntries(Object.entries(args).filter(([, value]) => value !== undefined));
    this.unsubscribe = this.client.subscribe<{ messageStatusChanged: ReceivedStatusEvent }>(
      {
        query: /* GraphQL */ `
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
        variables,
      },
      {
        next: (result) => {
          if (result.errors) this.errors = result.errors as SubscriptionError[];
          else if (result.data) this.events.push(result.data.messageStatusChanged);
        },
        error: (error) => {
          this.errors = Array.isArray(error)
            ? (error as SubscriptionError[])
            : [{ message: error instanceof Error ? error.message : describeClose(error) }];
        },
        complete: () => {
          this.completed = true;
        },
      },
    );
  }

  static open(gatewayUrl: string, args: StatusSubscriptionArgs = {}): StatusSubscriber {
    return new StatusSubscriber(gatewayUrl, args);
  }

  /** Waits until at least `count` events arrived; fails early on a subscription error. */
  async waitForCount(count: number, timeoutMs = 10_000): Promise<ReceivedStatusEvent[]> {
    await waitFor(() => {
      if (this.errors) throw new Error(`subscription failed: ${JSON.stringify(this.errors)}`);
      return this.events.length >= count;
    }, timeoutMs);
    return this.events;
  }

  /** Waits until an event matches; fails early on a subscription error. */
  async waitForEvent(
    predicate: (event: ReceivedStatusEvent) => boolean,
    timeoutMs = 10_000,
  ): Promise<ReceivedStatusEvent> {
    return waitFor(() => {
      if (this.errors) throw new Error(`subscription failed: ${JSON.stringify(this.errors)}`);
      return this.events.find(predicate);
    }, timeoutMs);
  }

  async waitForErrors(timeoutMs = 10_000): Promise<SubscriptionError[]> {
    return waitFor(() => this.errors ?? undefined, timeoutMs);
  }

  /**
   * Resolves once the server delivers live events to this subscription: `probe` is called (and must post
   * a webhook this subscription matches) until one arrives. Events received so far are then forgotten.
   */
  async untilLive(probe: () => Promise<void>, timeoutMs = 10_000): Promise<void> {
    await waitFor(async () => {
      if (this.errors) throw new Error(`subscription failed: ${JSON.stringify(this.errors)}`);
      if (this.events.length > 0) return true;
      await probe();
      // Give the event a moment to travel before probing again, without sleeping blind.
      return waitFor(() => this.events.length > 0, 300).catch(() => false);
    }, timeoutMs);
    this.events.length = 0;
  }

  async close(): Promise<void> {
    this.unsubscribe();
    await this.client.dispose();
  }
}

function describeClose(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const close = error as { code: number; reason?: string };
    return `socket closed ${close.code} ${close.reason ?? ''}`.trim();
  }
  return String(error);
}
