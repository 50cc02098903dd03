import { type Scope } from '../config';
import { type Logger } from '../observability';
import { type Loaders } from './loaders';
import { type StatusEventStream } from './services/status-event-stream';

/** Who is calling: the scopes of their API key, or every scope when the gateway runs open (simulated mode). */
export interface Caller {
  /** A short, non-secret label of the key (its position in the configuration), for logs. */
  label: string;
  scopes: ReadonlySet<Scope>;
}

/** Built once per HTTP request or per WebSocket operation. */
export interface GatewayContext {
  requestId: string;
  caller: Caller | null;
  loaders: Loaders;
  logger: Logger;
  /** Subscriptions read their events here (type-graphql's `subscribe` sees only the context). */
  statusEvents: StatusEventStream;
}
