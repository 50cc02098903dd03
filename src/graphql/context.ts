import { type Scope } from '../config';
import { type Logger } from '../observability';
import { type MessageStore } from '../messages';
import { createLoaders, type Loaders } from './loaders';
import { type ContactStore } from '../contacts';
import {
  type AccountEvents,
  type CallEvents,
  type InboundEvents,
  type LiveTransport,
  type StatusEvents,
} from '../live';

/** Every kind of live event, each on the live engine; subscriptions read theirs here. */
export interface LiveStreams {
  statuses: StatusEvents;
  messages: InboundEvents;
  accountEvents: AccountEvents;
  calls: CallEvents;
  /** Where a subscription's customer is looked up, to follow them under every name (number, BSUID). */
  contacts: ContactStore;
}

/** Who is calling: the scopes of their API key, or every scope when the gateway runs open (simulated mode). */
export interface Caller {
  /** A short, non-secret label of the key (its position in the configuration), for logs. */
  label: string;
  /**
   * A stable, non-secret id of the key (a digest prefix, the same on every instance and whatever the
   * key's position in the configuration): what scopes the caller's idempotency keys.
   */
  keyId: string;
  scopes: ReadonlySet<Scope>;
}

/** Built once per HTTP request or per WebSocket operation. */
export interface GatewayContext {
  requestId: string;
  caller: Caller | null;
  loaders: Loaders;
  logger: Logger;
  /** Subscriptions read their events here (type-graphql's `subscribe` sees only the context). */
  live: LiveStreams;
  /** Set by a transport that writes subscription payloads itself (the WebSocket server). */
  transport?: LiveTransport;
}

/** What a {@link RequestContext} builds its lazy parts from. */
export interface RequestContextSources {
  /** Read by the loaders, when a resolver first asks for them. */
  store: MessageStore;
  /** The parent of the request's logger, which carries the request id. */
  logger: Logger;
  live: LiveStreams;
}

/**
 * A request's context whose loaders and child logger are made on first use: most operations (a send, a
 * trivial query) never read them, and making them for every request is a measurable share of its cost.
 * A class with plain fields, so that Apollo's context copy (same prototype, own fields) keeps working.
 */
export class RequestContext implements GatewayContext {
  readonly live: LiveStreams;
  private madeLoaders: Loaders | undefined;
  private madeLogger: Logger | undefined;

  constructor(
    readonly requestId: string,
    readonly caller: Caller | null,
    private readonly sources: RequestContextSources,
  ) {
    this.live = sources.live;
  }

  get loaders(): Loaders {
    return (this.madeLoaders ??= createLoaders(this.sources.store));
  }

  get logger(): Logger {
    return (this.madeLogger ??= this.sources.logger.child({ requestId: this.requestId }));
  }
}
