import { createClient, type Client } from 'graphql-ws';
import { WebSocket } from 'ws';
import { waitFor } from '../../../support/gateway-harness';

export interface SubscriptionError {
  message: string;
  extensions?: Record<string, unknown>;
}

/**
 * One graphql-ws client with one subscription of any document, recording the field's payloads as they
 * arrive. Speaks only the protocol, as a browser would.
 */
export class LiveSubscriber<T> {
  readonly events: T[] = [];
  errors: SubscriptionError[] | null = null;
  completed = false;
  private readonly client: Client;
  private readonly unsubscribe: () => void;

  constructor(gatewayUrl: string, query: string, field: string, variables: Record<string, unknown> = {}) {
    this.client = createClient({
      url: `${gatewayUrl.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      lazy: false,
      onNonLazyError: () => undefined,
    });
    this.unsubscribe = this.client.subscribe<Record<string, T>>(
      { query, variables },
      {
        next: (result) => {
          if (result.errors) this.errors = result.errors as SubscriptionError[];
          else if (result.data) this.events.push(result.data[field] as T);
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

  /** Waits until at least `count` events arrived; fails early on a subscription error. */
  async waitForCount(count: number, timeoutMs = 10_000): Promise<T[]> {
    await waitFor(() => {
      if (this.errors) throw new Error(`subscription failed: ${JSON.stringify(this.errors)}`);
      return this.events.length >= count;
    }, timeoutMs);
    return this.events;
  }

  /** Waits until an event matches; fails early on a subscription error. */
  async waitFor(predicate: (event: T) => boolean, timeoutMs = 10_000): Promise<T> {
    return waitFor(() => {
      if (this.errors) throw new Error(`subscription failed: ${JSON.stringify(this.errors)}`);
      return this.events.find(predicate);
    }, timeoutMs);
  }

  async waitForErrors(timeoutMs = 10_000): Promise<SubscriptionError[]> {
    return waitFor(() => this.errors ?? undefined, timeoutMs);
  }

  /** Resolves once live: `probe` posts something this subscription matches until one arrives; then forgets it. */
  async untilLive(probe: () => Promise<void>, timeoutMs = 10_000): Promise<void> {
    await waitFor(async () => {
      if (this.errors) throw new Error(`subscription failed: ${JSON.stringify(this.errors)}`);
      if (this.events.length > 0) return true;
      await probe();
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
