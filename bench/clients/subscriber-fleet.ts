import WebSocket from 'ws';
import { SUBSCRIPTION_DOCUMENT } from '../support/bench-constants';
import { announceReady, childOptions } from '../support/child-process';
import { preciseNow } from '../support/stats';
import { postTimeOf } from '../support/webhook-bodies';
import {
  HISTOGRAM_BUCKET_MS,
  HISTOGRAM_BUCKETS,
  type FleetCommand,
  type FleetOptions,
  type FleetReply,
} from './fleet-protocol';

/**
 * Many `graphql-transport-ws` subscribers in one process, each on its own socket with one
 * `messageStatusChanged` subscription. The protocol is spoken directly over `ws` so that the client's
 * own cost per event stays small next to the gateway's.
 */
const options = childOptions<FleetOptions>();

interface Subscriber {
  recipient: string;
  received: number;
  ids: Map<string, number> | null;
  open: boolean;
}

const subscribers: Subscriber[] = [];
const sockets: WebSocket[] = [];
let histogram = new Uint32Array(HISTOGRAM_BUCKETS);
let received = 0;
let dropped = 0;
let subscribedAt = Number.NaN;
let lastReceiptAt = Number.NaN;
let trackIds = options.trackIds;

interface NextMessage {
  type: string;
  payload?: { data?: { messageStatusChanged?: { message?: { id?: string } } }; errors?: unknown };
}

function onEvent(subscriber: Subscriber, raw: string): void {
  const message = JSON.parse(raw) as NextMessage;
  if (message.type === 'next') {
    const id = message.payload?.data?.messageStatusChanged?.message?.id;
    if (id === undefined) {
      dropped += subscriber.open ? 1 : 0;
      subscriber.open = false;
      return;
    }
    const now = preciseNow();
    lastReceiptAt = now;
    received += 1;
    subscriber.received += 1;
    const latency = now - postTimeOf(id);
    if (Number.isFinite(latency)) {
      const bucket = Math.min(HISTOGRAM_BUCKETS - 1, Math.max(0, Math.floor(latency / HISTOGRAM_BUCKET_MS)));
      histogram[bucket] = (histogram[bucket] ?? 0) + 1;
    }
    if (trackIds && subscriber.ids) subscriber.ids.set(id, (subscriber.ids.get(id) ?? 0) + 1);
  } else if (message.type === 'error' || message.type === 'complete') {
    if (subscriber.open) dropped += 1;
    subscriber.open = false;
  }
}

function connect(index: number): Promise<void> {
  const recipient = options.recipients[index % options.recipients.length] as string;
  const subscriber: Subscriber = { recipient, received: 0, ids: trackIds ? new Map() : null, open: true };
  subscribers.push(subscriber);
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(options.wsUrl, 'graphql-transport-ws', { perMessageDeflate: false });
    sockets.push(socket);
    let acknowledged = false;
    socket.on('open', () =>
      socket.send(
        JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${options.apiKey}` } }),
      ),
    );
    socket.on('message', (data: Buffer) => {
      const raw = data.toString();
      if (!acknowledged) {
        const message = JSON.parse(raw) as { type: string };
        if (message.type !== 'connection_ack') return;
        acknowledged = true;
        if (Number.isNaN(subscribedAt)) subscribedAt = preciseNow();
        const variables = { recipient, ...(options.since !== undefined && { since: options.since }) };
        socket.send(
          JSON.stringify({
            id: '1',
            type: 'subscribe',
            payload: { query: SUBSCRIPTION_DOCUMENT, variables },
          }),
        );
        resolve();
        return;
      }
      if (raw.startsWith('{"type":"ping"')) {
        socket.send('{"type":"pong"}');
        return;
      }
      onEvent(subscriber, raw);
    });
    let failure = '';
    socket.on('close', (code, reason) => {
      if (subscriber.open) dropped += 1;
      subscriber.open = false;
      if (!acknowledged) {
        reject(
          new Error(
            `subscriber ${index} closed before connection_ack (${code} ${reason.toString()}${failure})`,
          ),
        );
      }
    });
    socket.on('error', (error) => {
      failure = `; ${error.message}`;
    });
  });
}

async function connectAll(): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < options.count) {
      const index = next;
      next += 1;
      await connect(index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.connectConcurrency, options.count) }, worker));
}

function counts() {
  let min = Number.POSITIVE_INFINITY;
  for (const subscriber of subscribers) min = Math.min(min, subscriber.received);
  return {
    received,
    minPerSubscriber: subscribers.length === 0 ? 0 : min,
    dropped,
    subscribedAt,
    lastReceiptAt,
  };
}

function verify(expected: Record<string, string[]>) {
  let missing = 0;
  let duplicates = 0;
  let unexpected = 0;
  let delivered = 0;
  for (const subscriber of subscribers) {
    const wanted = new Set(expected[subscriber.recipient] ?? []);
    const got = subscriber.ids ?? new Map<string, number>();
    for (const id of wanted) if (!got.has(id)) missing += 1;
    for (const [id, times] of got) {
      delivered += times;
      if (!wanted.has(id)) unexpected += times;
      else if (times > 1) duplicates += times - 1;
    }
  }
  return { missing, duplicates, unexpected, delivered };
}

function reply(message: FleetReply): void {
  process.send?.(message);
}

process.on('message', (command: FleetCommand) => {
  switch (command.type) {
    case 'counts':
      return reply({ type: 'counts', counts: counts() });
    case 'reset':
      histogram = new Uint32Array(HISTOGRAM_BUCKETS);
      received = 0;
      lastReceiptAt = Number.NaN;
      trackIds = command.trackIds;
      for (const subscriber of subscribers) {
        subscriber.received = 0;
        subscriber.ids = trackIds ? new Map() : null;
      }
      return reply({ type: 'reset' });
    case 'collect': {
      const pairs: Array<[number, number]> = [];
      histogram.forEach((count, bucket) => {
        if (count > 0) pairs.push([bucket, count]);
      });
      return reply({ type: 'collected', collected: { ...counts(), histogram: pairs } });
    }
    case 'verify':
      return reply({ type: 'verdict', verdict: verify(command.expected) });
  }
});

process.on('SIGTERM', () => {
  for (const socket of sockets) socket.terminate();
  process.exit(0);
});

connectAll().then(
  () => announceReady(options.wsUrl),
  (error: unknown) => {
    process.stderr.write(`fleet failed: ${String(error)}\n`);
    process.exit(1);
  },
);
