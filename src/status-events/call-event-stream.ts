import { type CallEventRecord, type CallStore, customerNamesOfCall } from '../calls';
import { type ContactStore } from '../contacts';
import { customerNames } from '../conversations';
import { LiveEvents, type LiveEventsOptions } from './live-events';
import { type LiveFilter, type LiveStream } from './live-stream';

/** Which call events a subscriber wants; every field given must match. */
export interface CallEventFilter {
  /** The customer's names (number as E.164, BSUID): an event of any of them matches. Null: anyone. */
  customers: readonly string[] | null;
  phoneNumberId: string | null;
}

export const callEventFilter: LiveFilter<CallEventRecord, CallEventFilter> = {
  matches(event, filter) {
    if (filter.phoneNumberId !== null && event.phoneNumberId !== filter.phoneNumberId) return false;
    if (filter.customers === null) return true;
    return customerNamesOfCall(event).some((name) => filter.customers?.includes(name));
  },
  indexKeyOf(filter) {
    // As for inbound messages: a customer known by two names is looked at for every event (calls are few).
    if (filter.customers !== null && filter.customers.length === 1) return `c:${filter.customers[0]}`;
    if (filter.phoneNumberId !== null) return `p:${filter.phoneNumberId}`;
    return null;
  },
  indexKeysOf: (event) => [
    ...customerNamesOfCall(event).map((name) => `c:${name}`),
    `p:${event.phoneNumberId}`,
  ],
};

/** The live side of a store's call event stream (Redis pub/sub, or the embedded store itself). */
export interface CallEventFeed {
  listen(listener: (event: CallEventRecord) => void): Promise<() => void>;
}

/** `callEventReceived`: call events on the live engine; each event is its own payload. */
export function callEventStream(
  store: CallStore,
  feed: CallEventFeed,
): LiveStream<CallEventRecord, CallEventRecord, CallEventFilter> {
  return {
    name: 'call',
    source: {
      listen: (listener) => feed.listen((event) => listener(event, event)),
      readAfter: (cursor, limit) => store.readEventsAfter(cursor, limit),
      load: async (events) => [...events],
    },
    filter: callEventFilter,
  };
}

type CallSubscribeRequest = Omit<
  Parameters<LiveEvents<CallEventRecord, CallEventRecord, CallEventFilter>['subscribe']>[0],
  'filter'
> & { phoneNumberId: string | null };

/** `callEventReceived` on the engine: a customer named by number or BSUID is followed under every name. */
export class CallEvents extends LiveEvents<CallEventRecord, CallEventRecord, CallEventFilter> {
  constructor(
    private readonly contacts: ContactStore,
    options: LiveEventsOptions<CallEventRecord, CallEventRecord, CallEventFilter>,
  ) {
    super(options);
  }

  /** Subscribes to a customer's call events (or everyone's), resolving the customer's names first. */
  async subscribeTo(
    customer: string | null,
    request: CallSubscribeRequest,
  ): Promise<AsyncIterableIterator<unknown>> {
    const customers = customer === null ? null : await customerNames(this.contacts, customer);
    const { phoneNumberId, ...rest } = request;
    return this.subscribe({ ...rest, filter: { customers, phoneNumberId } });
  }
}
