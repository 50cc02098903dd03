import { type Page, type WebSocketRoute } from 'playwright-core';

/** The subscriptions a page may follow, by their root field. */
type SubscriptionField = 'messageStatusChanged' | 'messageReceived';

interface ProtocolMessage {
  type: string;
  payload?: {
    query?: string;
    variables?: { since?: string | null };
    data?: Partial<Record<SubscriptionField, { cursor: string }>>;
  };
}

/**
 * Puts the page's WebSocket through a proxy the test can cut: `drop()` closes it like a restarting server
 * (1012, which clients retry) and refuses new ones until `restore()`. It records the protocol messages
 * both ways, so a test can see where a resumed subscription asked to start.
 */
export async function interruptibleWebSocket(page: Page) {
  let up = true;
  const open: Array<{ page: WebSocketRoute; server: WebSocketRoute }> = [];
  const sentByPage: ProtocolMessage[] = [];
  const receivedByPage: ProtocolMessage[] = [];
  await page.routeWebSocket(/\/graphql$/, (socket) => {
    if (!up) {
      void socket.close({ code: 1012, reason: 'restarting' });
      return;
    }
    const server = socket.connectToServer();
    socket.onMessage((message) => {
      sentByPage.push(JSON.parse(String(message)) as ProtocolMessage);
      server.send(message);
    });
    server.onMessage((message) => {
      receivedByPage.push(JSON.parse(String(message)) as ProtocolMessage);
      socket.send(message);
    });
    open.push({ page: socket, server });
  });
  return {
    /** The cursors of the events of one subscription the page received, in order. */
    cursors: (field: SubscriptionField) =>
      receivedByPage.flatMap((m) => m.payload?.data?.[field]?.cursor ?? []),
    /** Where each subscription to `field` asked to start. */
    subscriptionStarts: (field: SubscriptionField) =>
      sentByPage
        .filter((m) => m.type === 'subscribe' && m.payload?.query?.includes(field))
        .map((m) => m.payload?.variables?.since ?? null),
    async drop() {
      up = false;
      for (const { page: pageSide, server } of open.splice(0)) {
        await server.close();
        await pageSide.close({ code: 1012, reason: 'restarting' });
      }
    },
    restore() {
      up = true;
    },
  };
}
