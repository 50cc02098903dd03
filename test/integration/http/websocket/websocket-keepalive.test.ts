import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';
import { TICKS_PER_INTERVAL, WebSocketKeepAlive } from '../../../../src/http/websocket/websocket-keepalive';
import { waitFor } from '../../../support/wait-for';

/**
 * The keep-alive's ticks are stepped by the test (`repeat`), over real sockets: what happens on which
 * check is then exact, and nothing waits for an interval to pass.
 */
let server: Server;
let wss: WebSocketServer;
let keepAlive: WebSocketKeepAlive;
let tick: () => void = () => undefined;
const clients: WebSocket[] = [];
/** What the server heard from each client (pongs and messages), in the order clients connected. */
const heard: number[] = [];

beforeEach(async () => {
  server = createServer();
  wss = new WebSocketServer({ server });
  keepAlive = new WebSocketKeepAlive({
    intervalMs: 480,
    repeat: (run) => {
      tick = run;
      return () => (tick = () => undefined);
    },
  });
  wss.on('connection', (socket) => {
    const index = heard.push(0) - 1;
    keepAlive.watch(socket);
    socket.on('pong', () => (heard[index] = (heard[index] ?? 0) + 1));
    socket.on('message', () => {
      heard[index] = (heard[index] ?? 0) + 1;
      keepAlive.heard(socket);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});

afterEach(async () => {
  keepAlive.stop();
  heard.splice(0);
  for (const client of clients.splice(0)) client.terminate();
  await new Promise((resolve) => wss.close(resolve));
  await new Promise((resolve) => server.close(resolve));
});

async function connect(options: { autoPong: boolean }): Promise<WebSocket> {
  const { port } = server.address() as AddressInfo;
  const client = new WebSocket(`ws://127.0.0.1:${port}`, options);
  clients.push(client);
  await new Promise((resolve, reject) => client.once('open', resolve).once('error', reject));
  await waitFor(() => heard.length === clients.length, 'the server to see the connection');
  return client;
}

/** One whole interval: every socket checked (and pinged) once. */
function passInterval(): void {
  for (let i = 0; i < TICKS_PER_INTERVAL; i += 1) tick();
}

describe('WebSocket keep-alive', () => {
  it('terminates a socket that answers no ping for two intervals, and keeps the ones that do', async () => {
    const answering = await connect({ autoPong: true });
    const silent = await connect({ autoPong: false });
    const silentClosed = new Promise<number>((resolve) => silent.once('close', resolve));

    // Check 1 finds both alive (they just connected) and pings them; checks 2 and 3 find the silent one
    // without an answer, and the second silent check ends it.
    for (let interval = 1; interval <= 2; interval += 1) {
      passInterval();
      await waitFor(() => heard[0] === interval, `pong ${interval} of the answering socket`);
      expect(silent.readyState).toBe(WebSocket.OPEN);
    }
    passInterval();

    expect(await silentClosed).toBe(1006);
    await waitFor(() => heard[0] === 3, 'pong 3 of the answering socket');
    expect(answering.readyState).toBe(WebSocket.OPEN);
  });

  it('counts a message from the client as a sign of life', async () => {
    const writing = await connect({ autoPong: false });
    for (let interval = 1; interval <= 4; interval += 1) {
      writing.send('still here');
      await waitFor(() => heard[0] === interval, `message ${interval}`);
      passInterval();
    }
    expect(writing.readyState).toBe(WebSocket.OPEN);
  });

  it('spreads the pings over the interval instead of pinging every socket at once', async () => {
    const sockets: WebSocket[] = [];
    for (let i = 0; i < TICKS_PER_INTERVAL; i += 1) sockets.push(await connect({ autoPong: true }));
    const pinged = new Set<WebSocket>();
    for (const socket of sockets) socket.once('ping', () => pinged.add(socket));

    // One socket per tick: each tick pings exactly one more.
    for (let i = 1; i <= TICKS_PER_INTERVAL; i += 1) {
      tick();
      await waitFor(() => pinged.size === i, `ping ${i}`);
    }
    expect(sockets.every((socket) => socket.readyState === WebSocket.OPEN)).toBe(true);
  });
});
