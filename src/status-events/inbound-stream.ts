import { type ContactStore } from '../contacts';
import {
  customerNames,
  customerNamesOf,
  type InboundMessageEvent,
  type InboundStore,
} from '../conversations';
import { LiveEvents, type LiveEventsOptions } from './live-events';
import { type LiveFilter, type LiveStream } from './live-stream';

/** Which inbound messages a subscriber wants; every field given must match. */
export interface InboundEventFilter {
  /** The customer's names (number as E.164, BSUID): a message from any of them matches. Null: anyone. */
  customers: readonly string[] | null;
  phoneNumberId: string | null;
}

export const inboundEventFilter: LiveFilter<InboundMessageEvent, InboundEventFilter> = {
  matches(event, filter) {
    if (filter.phoneNumberId !== null && event.message.phoneNumberId !== filter.phoneNumberId) return false;
    if (filter.customers === null) return true;
    return customerNamesOf(event.message).some((name) => filter.customers?.includes(name));
  },
  indexKeyOf(filter) {
    // A customer known by two names is found under either: filed by its business number, or looked at
    // for every message (inbound traffic is light beside statuses).
    if (filter.customers !== null && filter.customers.length === 1) return `c:${filter.customers[0]}`;
    if (filter.phoneNumberId !== null) return `p:${filter.phoneNumberId}`;
    return null;
  },
  indexKeysOf: (event) => [
    ...customerNamesOf(event.message).map((name) => `c:${name}`),
    `p:${event.message.phoneNumberId}`,
  ],
};

/** The live side of a store's inbound stream (Redis pub/sub, or the embedded store itself). */
export interface InboundFeed {
  listen(listener: (event: InboundMessageEvent) => void): Promise<() => void>;
}

/** `messageReceived`: inbound messages on the live engine; each event is its own payload. */
export function inboundStream(
  store: InboundStore,
  feed: InboundFeed,
): LiveStream<InboundMessageEvent, InboundMessageEvent, InboundEventFilter> {
  return {
    name: 'message',
    source: {
      listen: (listener) => feed.listen((event) => listener(event, event)),
      readAfter: (cursor, limit) => store.readEventsAfter(cursor, limit),
      load: async (events) => [...events],
    },
    filter: inboundEventFilter,
  };
}

/** `messageReceived` on the engine: a customer named by number or BSUID is followed under every name. */
export class InboundEvents extends LiveEvents<InboundMessageEvent, InboundMessageEvent, InboundEventFilter> {
  constructor(
    private readonly contacts: ContactStore,
    options: LiveEventsOptions<InboundMessageEvent, InboundMessageEvent, InboundEventFilter>,
  ) {
    super(options);
  }

  /** Subscribes to a customer's messages (or everyone's), resolving the customer's names first. */
  async subscribeTo(
    customer: string | null,
    request: Omit<
      Parameters<LiveEvents<InboundMessageEvent, InboundMessageEvent, InboundEventFilter>['subscribe']>[0],
      'filter'
    > & {
      phoneNumberId: string | null;
    },
  ): Promise<AsyncIterableIterator<unknown>> {
    const customers = customer === null ? null : await customerNames(this.contacts, customer);
    const { phoneNumberId, ...rest } = request;
    return this.subscribe({ ...rest, filter: { customers, phoneNumberId } });
  }
}
