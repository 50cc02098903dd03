import { waitFor } from '../../../support/gateway-harness';
import { type WsProtocolClient } from './ws-protocol-client';

/**
 * Two subscribers send the same document; one stops reading while `total` events are posted (100 per
 * `postHundred`). The one that stopped must be closed with 1013 (slow consumer) before it got them all,
 * and the other must get every event on a socket that stays open. Returns the healthy subscriber.
 */
export async function expectStalledSubscriberCutOff(options: {
  connect: () => Promise<WsProtocolClient>;
  document: string;
  postHundred: () => Promise<void>;
  total?: number;
}): Promise<WsProtocolClient> {
  const total = options.total ?? 1_500;
  const slow = await options.connect();
  const healthy = await options.connect();
  slow.subscribe('h', options.document);
  healthy.subscribe('h', options.document);
  await Promise.all([slow.settle(), healthy.settle()]);
  slow.socket.pause();

  for (let sent = 0; sent < total; sent += 100) await options.postHundred();
  await waitFor(() => healthy.nexts('h').length === total, 20_000);
  slow.socket.resume();
  const closed = await slow.closed;
  expect(closed.code).toBe(1013);
  expect(slow.nexts('h').length).toBeLessThan(total);
  expect(healthy.socket.readyState).toBe(healthy.socket.OPEN);
  return healthy;
}
