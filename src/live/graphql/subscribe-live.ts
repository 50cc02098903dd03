import { type GraphQLResolveInfo } from 'graphql';
import { SubscriberTooSlowError } from '../live-errors';
import { EventQueue } from './event-queue';
import { type FanoutShape } from '../engine/fanout-subscriber';
import { type LiveFanout } from '../engine/live-fanout';
import { type LiveEvent } from '../live-stream';
import { type LiveTransport } from './transport';
import { ParkedSubscription } from './parked-subscription';
import { selectionShape } from './selection-shape';

/** One subscription, as its resolver checked it. */
export interface LiveSubscribeRequest<F> {
  filter: F;
  /** A well-formed cursor (see `parseStreamCursor`), or null for live events only. */
  since: string | null;
  info: GraphQLResolveInfo;
  /** The operation's transport, when it writes payloads itself (`GatewayContext.transport`). */
  transport: LiveTransport | undefined;
  /** Who may see what (the caller's scopes): subscribers with different keys never share a render. */
  audienceKey: string;
}

export interface LiveSubscriptionOptions {
  /**
   * Events buffered for one subscriber without a transport that is not reading. Past it the
   * subscription ends with `SubscriberTooSlowError` instead of growing the process without bound.
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
 * one, it yields its payloads and graphql-js executes the selection per event. However the stream ends
 * (a cursor it cannot serve, a failed read), the iterator rejects with the domain's error as it is: the
 * GraphQL layer maps it for the client (`toGatewayError`).
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
        fail: (error) => parked.fail(error),
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
        if (queue.backlog + payloads.length > options.maxBufferedEvents) {
          queue.fail(new SubscriberTooSlowError(queue.backlog));
        } else {
          for (const payload of payloads) queue.push(payload);
        }
      },
      fail: (error) => queue.fail(error),
    },
    payloadShape<P>(),
    since,
  );
  return queue;
}
