import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { WebSocket, WebSocketServer } from 'ws';
import { WebSocketKeepAlive } from '../../../../src/http/websocket/websocket-keepalive';

const INTERVAL_MS = 480;

let server: Server;
let wss: WebSocketServer;
let keepAlive: WebSocketKeepAlive;
const clients: WebSocket[] = [];

beforeEach(async () => {
  server = createServer();
  wss = new WebSocketServer({ server });
  keepAlive = new WebSocketKeepAlive({ intervalMs: INTERVAL_MS });
  wss.on('connection', (socket) => {
    keepAlive.watch(socket);
    socket.on('message', () => keepAlive.heard(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});

afterEach(async () => {
  keepAlive.stop();
  for (const client of clients.splice(0)) client.terminate();
  await new Promise((resolve) => wss.close(resolve));
  await new Promise((resolve) => server.close(resolve));
});

async function connect(options: { autoPong: boolean }): Promise<WebSocket> {
  const { port } = server.address() as AddressInfo;
  const client = new WebSocket(`ws://127.0.0.1:${port}`, options);
  clients.push(client);
  await new Promise((resolve, reject) => client.once('open', resolve).once('error', reject));
  return client;
}

function closed(client: WebSocket): Promise<number> {
  return new Promise((resolve) => client.once('close', (code) => resolve(code)));
}

describe('WebSocket keep-alive', () => {
  it('terminates a socket that answers no ping for two intervals, and keeps the ones that do', async () => {
    const answering = await connect({ autoPong: true });
    const silent = await connect({ autoPong: false });
    const connectedAt = Date.now();

    const code = await closed(silent);

    const after = Date.now() - connectedAt;
    expect(code).toBe(1006);
    expect(after).toBeGreaterThanOrEqual(INTERVAL_MS);
    expect(after).toBeLessThan(INTERVAL_MS * 10);
    await sleep(INTERVAL_MS * 2);
    expect(answering.readyState).toBe(WebSocket.OPEN);
  });

  it('counts a message from the client as a sign of life', async () => {
    const writing = await connect({ autoPong: false });
    const timer = setInterval(() => writing.send('still here'), INTERVAL_MS / 4);
    try {
      await sleep(INTERVAL_MS * 4);
      expect(writing.readyState).toBe(WebSocket.OPEN);
    } finally {
      clearInterval(timer);
    }
  });

  it('spreads the pings over the interval instead of pinging every socket at once', async () => {
    const sockets = await Promise.all(Array.from({ length: 48 }, async () => connect({ autoPong: true })));
    const firstPings = await Promise.all(
      sockets.map(
        (socket) => new Promise<number>((resolve) => socket.once('ping', () => resolve(Date.now()))),
      ),
    );

    const spread = Math.max(...firstPings) - Math.min(...firstPings);
    expect(spread).toBeGreaterThanOrEqual(INTERVAL_MS / 2);
    expect(sockets.every((socket) => socket.readyState === WebSocket.OPEN)).toBe(true);
  });
});
