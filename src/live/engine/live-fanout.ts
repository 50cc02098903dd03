import { performance } from 'node:perf_hooks';
import { setImmediate as nextCheckPhase } from 'node:timers/promises';
import { type Logger } from '../../observability';
import { type FanoutShape, type FanoutStats, type FanoutSubscriber } from './fanout-subscriber';
import { type Audience, FollowerIndex } from './follower-index';
import { type LiveEvent, type LiveStream } from '../live-stream';
import { replayPages } from './replay';
import { ReplayBudget } from './replay-budget';
import { compareStreamCursors, parseStreamCursor, type StreamCursor } from '../../store-kit';

export interface LiveFanoutOptions<E extends LiveEvent, P, F> {
  stream: LiveStream<E, P, F>;
  logger: Logger;
  /**
   * Events replayed per source round trip. Default 100: a page is read, loaded and rendered without
   * giving the event loop back, so it must stay small next to webhooks and live deliveries.
   */
  replayPageSize?: number;
  /** Replays running at once on this engine; the others wait their turn. Default 2. */
  maxConcurrentReplays?: number;
  /**
   * Live events held for one subscriber while it replays. Past it they are dropped and read back from
   * the stream by the replay instead, so that a long replay costs no memory per live event. Default 1,000.
   */
  maxHeldEvents?: number;
  /**
   * Subscribers handed their outputs between two turns of the event loop. Default 256: a webhook or a
   * send arriving during a large fan-out waits for a few hundred writes, not for all of them.
   */
  deliveriesPerTurn?: number;
}

/**
 * Gives the event loop back between two slices of a fan-out, for two of its turns. I/O that arrived during
 * the slice is handled in the first; what those handlers deferred with `setImmediate` (ioredis's
 * auto-pipeline sends its commands that way) runs in that turn too, after this engine's own callback, so
 * that a webhook's apply script leaves for Redis before the next slice rather than after it.
 */
async function giveTurnBack(): Promise<void> {
  await nextCheckPhase();
  await nextCheckPhase();
}

/** The longest a replay renders without giving the event loop back, in ms. */
const REPLAY_SLICE_MS = 2;

/**
 * A subscriber as the engine tracks it. Subscribers of one engine may take different outputs (rendered
 * text, or the payload itself): `follow` pairs each subscriber with a shape of its own output type, and
 * the engine only ever hands a shape's outputs to subscribers that share the shape, so they are kept
 * type-erased here.
 */
interface Follower<F> {
  readonly subscriber: FanoutSubscriber<F, unknown>;
  /** The shared instance of the subscriber's shape. */
  readonly shape: FanoutShape<unknown, unknown>;
  lastCursor: StreamCursor | null;
  /** Live outputs that arrived during the replay, in order; null once live. */
  held: Array<{ cursor: StreamCursor; output: unknown }> | null;
  /** Held outputs were dropped (`maxHeldEvents`): the replay reads on until it has them again. */
  heldDropped: boolean;
  closed: boolean;
}

/** An event on its way out: who gets it, and its outputs once rendered (null: nothing to send). */
interface PendingEvent<E, F> {
  readonly event: E;
  readonly audiences: ReadonlyArray<Audience<Follower<F>>>;
  readonly rendered: Promise<Map<string, unknown> | null>;
}

/** The events of a batch that go to one filter group, and the audiences they went to, in stream order. */
interface GroupDelivery<F> {
  readonly audiences: Array<Audience<Follower<F>>>;
  readonly events: number[];
}

/**
 * The one live engine: every subscriber of one kind of event on this instance. One listener on the
 * source; subscribers indexed by their most selective filter; what subscribers are rendered from taken
 * from the published event (or loaded once per event); one render per event and distinct shape, shared
 * by every subscriber of that shape. Deliveries keep the stream's order; a subscriber with `since` gets
 * the stream replayed first, live events held until the replay ends, and nothing twice at the seam.
 */
export class LiveFanout<E extends LiveEvent, P, F> {
  private readonly index: FollowerIndex<E, F, Follower<F>>;
  /** One instance per distinct shape, counted, so that subscribers share it instead of holding copies. */
  private readonly shapes = new Map<string, { shape: FanoutShape<unknown, unknown>; users: number }>();
  private readonly replayPageSize: number;
  private readonly replays: ReplayBudget;
  private readonly maxHeldEvents: number;
  private readonly deliveriesPerTurn: number;
  private listening: Promise<() => void> | null = null;
  /**
   * Events waiting for delivery, in stream order, each with its render already under way. Deliveries run
   * one batch after another; every event queued when a batch starts joins it.
   */
  private queue: Array<PendingEvent<E, F>> = [];
  private draining = false;
  private readonly counters = { events: 0, deliveries: 0, renders: 0 };
  private readonly audienceShapes = new WeakMap<
    Audience<Follower<F>>,
    ReadonlyArray<FanoutShape<unknown, unknown>>
  >();

  constructor(private readonly options: LiveFanoutOptions<E, P, F>) {
    this.index = new FollowerIndex(options.stream.filter);
    this.replayPageSize = options.replayPageSize ?? 100;
    this.replays = new ReplayBudget(options.maxConcurrentReplays ?? 2);
    this.maxHeldEvents = options.maxHeldEvents ?? 1_000;
    this.deliveriesPerTurn = options.deliveriesPerTurn ?? 256;
  }

  get stats(): FanoutStats {
    return { subscribers: this.index.size, ...this.counters, shapes: this.shapes.size };
  }

  /**
   * Starts delivering to `subscriber` (after a replay from `since`, when given); returns the function
   * that stops it. `since` must already be a well-formed cursor; one the source cannot serve fails the
   * subscriber with the source's error.
   */
  follow<R>(subscriber: FanoutSubscriber<F, R>, shape: FanoutShape<P, R>, since: string | null): () => void {
    let shared = this.shapes.get(shape.key);
    if (!shared)
      this.shapes.set(shape.key, (shared = { shape: shape as FanoutShape<unknown, unknown>, users: 0 }));
    shared.users += 1;
    const follower: Follower<F> = {
      subscriber: subscriber as FanoutSubscriber<F, unknown>,
      shape: shared.shape,
      lastCursor: since === null ? null : parseStreamCursor(since),
      held: since === null ? null : [],
      heldDropped: false,
      closed: false,
    };
    this.index.add(follower);
    this.listen().catch((error: unknown) => this.failFollower(follower, error));
    if (since !== null) {
      this.replay(follower, since).catch((error: unknown) => this.failFollower(follower, error));
    }
    return () => this.remove(follower);
  }

  private listen(): Promise<() => void> {
    if (this.listening === null) {
      const attempt = this.options.stream.source.listen((event, payload) => this.onEvent(event, payload));
      // A failed subscription is forgotten so that the next subscriber tries again.
      attempt.catch(() => {
        if (this.listening === attempt) this.listening = null;
      });
      this.listening = attempt;
    }
    return this.listening;
  }

  private remove(follower: Follower<F>): void {
    if (follower.closed) return;
    follower.closed = true;
    follower.held = null;
    this.index.delete(follower);
    const shared = this.shapes.get(follower.shape.key);
    if (shared && --shared.users === 0) this.shapes.delete(follower.shape.key);
  }

  private failFollower(follower: Follower<F>, error: unknown): void {
    if (follower.closed) return;
    this.remove(follower);
    follower.subscriber.fail(error);
  }

  private onEvent(event: E, payload: P | null): void {
    this.counters.events += 1;
    const audiences = this.index.matching(event);
    if (audiences.length === 0) return;
    const rendered = this.renderForAll(event, payload, audiences).catch((error: unknown) => {
      this.options.logger.error(
        { err: error, cursor: event.cursor, stream: this.options.stream.name },
        'A live event was not delivered.',
      );
      return null;
    });
    this.queue.push({ event, audiences, rendered });
    if (!this.draining) void this.drain();
  }

  /** One render per distinct shape; null when the event's subject is gone. */
  private async renderForAll(
    event: E,
    carried: P | null,
    audiences: ReadonlyArray<Audience<Follower<F>>>,
  ): Promise<Map<string, unknown> | null> {
    const payload = carried ?? (await this.options.stream.source.load([event]))[0] ?? null;
    if (payload === null) {
      this.options.logger.warn(
        { cursor: event.cursor, stream: this.options.stream.name },
        'A live event names something the store lacks.',
      );
      return null;
    }
    const pending = new Map<string, Promise<unknown>>();
    for (const audience of audiences) {
      for (const shape of this.shapesOf(audience)) {
        if (!pending.has(shape.key)) {
          pending.set(shape.key, shape.render(payload));
          this.counters.renders += 1;
        }
      }
    }
    const outputs = new Map<string, unknown>();
    for (const [key, output] of pending) outputs.set(key, await output);
    return outputs;
  }

  /** The distinct shapes of an audience's members, worked out once per audience, not once per event. */
  private shapesOf(audience: Audience<Follower<F>>): ReadonlyArray<FanoutShape<unknown, unknown>> {
    let shapes = this.audienceShapes.get(audience);
    if (!shapes) {
      shapes = [...new Set(audience.members.map((follower) => follower.shape))];
      this.audienceShapes.set(audience, shapes);
    }
    return shapes;
  }

  /**
   * Delivers queued events in order. Whatever queued up while the previous batch was written goes out as
   * one batch: a subscriber then gets all of its outputs at once instead of one hand-over per event.
   */
  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue;
        this.queue = [];
        const rendered = await Promise.all(batch.map((pending) => pending.rendered));
        try {
          await this.deliverBatch(batch, rendered);
        } catch (error) {
          this.options.logger.error({ err: error, events: batch.length }, 'Live events were not delivered.');
        }
      }
    } finally {
      this.draining = false;
    }
  }

  /**
   * Hands each subscriber its outputs of the batch at once, filter group by filter group. A group's
   * events usually went to one audience (its membership did not change in between): its subscribers of a
   * shape are then all handed the same list, so that a delivery costs one comparison and allocates nothing
   * per subscriber and event.
   */
  private async deliverBatch(
    batch: ReadonlyArray<PendingEvent<E, F>>,
    rendered: ReadonlyArray<Map<string, unknown> | null>,
  ): Promise<void> {
    const byGroup = new Map<object, GroupDelivery<F>>();
    batch.forEach(({ audiences }, index) => {
      if (!rendered[index]) return;
      for (const audience of audiences) {
        const delivery = byGroup.get(audience.group);
        if (delivery) {
          delivery.audiences.push(audience);
          delivery.events.push(index);
        } else {
          byGroup.set(audience.group, { audiences: [audience], events: [index] });
        }
      }
    });
    const cursors = batch.map(({ event }) => parseStreamCursor(event.cursor));
    let handed = 0;
    // Counted across groups, so that the turns are given back every few hundred subscribers of the batch.
    const turnDue = (): boolean => ++handed % this.deliveriesPerTurn === 0;
    for (const { audiences, events } of byGroup.values()) {
      const members = audiences[0]!.members;
      if (audiences.some((audience) => audience.members !== members)) {
        await this.deliverToChangedGroup(audiences, events, cursors, rendered, turnDue);
        continue;
      }
      const first = cursors[events[0]!]!;
      const last = cursors[events[events.length - 1]!]!;
      const lists = new Map<string, unknown[]>();
      // An index, not an iterator: across the awaits an iterator's results would be allocated per subscriber.
      for (let at = 0; at < members.length; at++) {
        if (turnDue()) await giveTurnBack();
        // A subscriber that ended while earlier ones were written (or during a yield) gets nothing more.
        const follower = members[at]!;
        if (follower.closed) continue;
        const key = follower.shape.key;
        if (
          follower.held ||
          (follower.lastCursor !== null && compareStreamCursors(first, follower.lastCursor) <= 0)
        ) {
          this.deliverEach(
            follower,
            events.map((index) => ({ cursor: cursors[index]!, output: rendered[index]!.get(key) })),
          );
          continue;
        }
        let list = lists.get(key);
        if (!list) lists.set(key, (list = events.map((index) => rendered[index]!.get(key))));
        follower.lastCursor = last;
        this.counters.deliveries += list.length;
        follower.subscriber.deliver(list);
      }
    }
  }

  /**
   * A group whose membership changed between two events of the batch: each subscriber gets the events whose
   * audience it was in. Rare (a subscriber came or went during a burst), so kept simple.
   */
  private async deliverToChangedGroup(
    audiences: ReadonlyArray<Audience<Follower<F>>>,
    events: readonly number[],
    cursors: readonly StreamCursor[],
    rendered: ReadonlyArray<Map<string, unknown> | null>,
    turnDue: () => boolean,
  ): Promise<void> {
    const items = new Map<Follower<F>, Array<{ cursor: StreamCursor; output: unknown }>>();
    audiences.forEach((audience, at) => {
      const index = events[at]!;
      for (const follower of audience.members) {
        const item = { cursor: cursors[index]!, output: rendered[index]!.get(follower.shape.key) };
        const list = items.get(follower);
        if (list) list.push(item);
        else items.set(follower, [item]);
      }
    });
    for (const [follower, list] of items) {
      if (turnDue()) await giveTurnBack();
      if (!follower.closed) this.deliverEach(follower, list);
    }
  }

  /** Holds the outputs for a replaying subscriber, or hands over those it does not have yet. */
  private deliverEach(
    follower: Follower<F>,
    items: ReadonlyArray<{ cursor: StreamCursor; output: unknown }>,
  ): void {
    if (!follower.held) return this.sendAfter(follower, items);
    for (const { cursor, output } of items) this.hold(follower, cursor, output);
  }

  /** Moves the subscriber's position to `cursor`; false when it already has that event. */
  private advance(follower: Follower<F>, cursor: StreamCursor): boolean {
    if (follower.lastCursor !== null && compareStreamCursors(cursor, follower.lastCursor) <= 0) return false;
    follower.lastCursor = cursor;
    return true;
  }

  /** Hands over the outputs the subscriber does not have yet, in one delivery. */
  private sendAfter(
    follower: Follower<F>,
    items: ReadonlyArray<{ cursor: StreamCursor; output: unknown }>,
  ): void {
    const outputs: unknown[] = [];
    for (const { cursor, output } of items) if (this.advance(follower, cursor)) outputs.push(output);
    if (outputs.length === 0) return;
    this.counters.deliveries += outputs.length;
    follower.subscriber.deliver(outputs);
  }

  /**
   * Keeps a live output for a subscriber that is replaying. Past `maxHeldEvents` the held outputs are
   * dropped: they are in the stream after the replay's position, so the replay reads them again.
   */
  private hold(follower: Follower<F>, cursor: StreamCursor, output: unknown): void {
    const held = follower.held as Array<{ cursor: StreamCursor; output: unknown }>;
    if (held.length >= this.maxHeldEvents) {
      held.length = 0;
      follower.heldDropped = true;
    }
    held.push({ cursor, output });
  }

  /**
   * The stream after `since`, then the held live events. Paced so that replays leave the event loop to
   * webhooks and live deliveries: a few at a time (`ReplayBudget`), small pages, a turn of the event loop
   * between two pages, and one delivery per page.
   */
  private async replay(follower: Follower<F>, since: string): Promise<void> {
    await this.listen();
    const release = await this.replays.acquire();
    try {
      let position = since;
      do {
        follower.heldDropped = false;
        const reached = await this.replayFrom(follower, position);
        if (reached === null) return;
        position = reached;
        // Live events were dropped while this pass ran: the stream has them, read on from here.
      } while (follower.heldDropped);
    } finally {
      release();
    }
    const held = follower.held ?? [];
    follower.held = null;
    this.sendAfter(follower, held);
  }

  /** One pass of the replay to the end of the stream; the cursor it reached, or null once unfollowed. */
  private async replayFrom(follower: Follower<F>, since: string): Promise<string | null> {
    const { source, filter } = this.options.stream;
    let position = since;
    for await (const page of replayPages(source, since, this.replayPageSize)) {
      if (follower.closed) return null;
      const wanted = page.filter((event) => filter.matches(event, follower.subscriber.filter));
      const payloads = await source.load(wanted);
      const items: Array<{ cursor: StreamCursor; output: unknown }> = [];
      let sliceStart = performance.now();
      for (const [index, event] of wanted.entries()) {
        const payload = payloads[index];
        if (payload === null || payload === undefined) continue;
        items.push({ cursor: parseStreamCursor(event.cursor), output: await follower.shape.render(payload) });
        // Renders resolve in microtasks: without this a page would hold the event loop until it is done.
        if (performance.now() - sliceStart > REPLAY_SLICE_MS) {
          this.replays.worked(performance.now() - sliceStart);
          await this.replays.pause();
          if (follower.closed) return null;
          sliceStart = performance.now();
        }
      }
      if (follower.closed) return null;
      this.sendAfter(follower, items);
      // Skipped events still move the seam, so that a live copy of them is not taken for new.
      const last = page[page.length - 1];
      if (last !== undefined) {
        this.moveTo(follower, parseStreamCursor(last.cursor));
        position = last.cursor;
      }
      this.replays.worked(performance.now() - sliceStart);
      await this.replays.pause();
    }
    return follower.closed ? null : position;
  }

  private moveTo(follower: Follower<F>, cursor: StreamCursor): void {
    if (follower.lastCursor === null || compareStreamCursors(cursor, follower.lastCursor) > 0) {
      follower.lastCursor = cursor;
    }
  }
}
