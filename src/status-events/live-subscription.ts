import { type GraphQLResolveInfo } from 'graphql';
import { type Logger } from '../observability';
import { toClientError, tooFarBehind } from './client-errors';
import { EventQueue } from './event-queue';
import { type FanoutShape } from './fanout-subscriber';
import { type LiveFanout } from './live-fanout';
import { type LiveEvent } from './live-stream';
import { type LiveTransport } from './live-transport';
import { ParkedSubscription } from './parked-subscription';
import { selectionShape } from './selection-shape';

/** One subscription, as its resolver checked it. */
export interface LiveSubscribeRequest<F> {
  filter: F;
  /** A well-formed cursor (see `parseSince`), or null for live events only. */
  since: string | null;
  info: GraphQLResolveInfo;
  /** The operation's transport, when it writes payloads itself (`GatewayContext.transport`). */
  transport: LiveTransport | undefined;
  /** Who may see what (the caller's scopes): subscribers with different keys never share a render. */
  audienceKey: string;
}

export interface LiveSubscriptionOptions {
  logger: Logger;
  /**
   * Events buffered for one subscriber without a transport that is not reading. Past it the
   * subscription ends with RATE_LIMITED instead of growing the process without bound.
   */
  maxBufferedEvents: number;
}

/** The shape of every subscriber without a transport: it hands graphql-js the payload itself. */
function payloadShape<P>(): FanoutShape<P, P> {
  return { key: '\u0000payload', render: (payload) => Promise.resolve(payload) };
}

/**
 * The GraphQL side of the engine, for a resolver's `subscribe`: with a transport, the subscription joins
 * the fan-out's shared renders and the transport writes them (graphql-js holds a parked iterator); without
 * one, it yields its payloads and graphql-js executes the selection per event.
 */
export function subscribeLive<E extends LiveEvent, P, F>(
  fanout: LiveFanout<E, P, F>,
  request: LiveSubscribeRequest<F>,
  options: LiveSubscriptionOptions,
): AsyncIterableIterator<unknown> {
  const { transport, filter, since } = request;
  if (transport !== undefined) {
    const parked = new ParkedSubscription<unknown>();
    parked.stop = fanout.follow(
      {
        filter,
        deliver: transport.write,
        fail: (error) => parked.fail(toClientError(error, options.logger)),
      },
      selectionShape(request.info, transport, request.audienceKey),
      since,
    );
    return parked;
  }
  let stop: () => void = () => undefined;
  const queue = new EventQueue<P>(() => stop());
  stop = fanout.follow<P>(
    {
      filter,
      deliver: (payloads) => {
        if (queue.backlog + payloads.length > options.maxBufferedEvents) queue.fail(tooFarBehind());
        else for (const payload of payloads) queue.push(payload);
      },
      fail: (error) => queue.fail(toClientError(error, options.logger)),
    },
    payloadShape<P>(),
    since,
  );
  return queue;
}
