import { Writable } from 'node:stream';
import Fastify, { type FastifyBaseLogger, LogController } from 'fastify';
import pino from 'pino';
import { lazyRequestLogger } from '../../../src/http/lazy-request-logger';

function capture(): { lines: Array<Record<string, unknown>>; stream: Writable } {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { lines, stream };
}

describe('lazyRequestLogger', () => {
  it('makes no child until the request logs, then logs with the request id and redaction', async () => {
    const { lines, stream } = capture();
    const logger = pino({ redact: { paths: ['secret'], censor: '[redacted]' } }, stream);
    let children = 0;
    const child = logger.child.bind(logger);
    logger.child = ((...args: Parameters<typeof child>) => {
      children++;
      return child(...args);
    }) as typeof logger.child;
    const app = Fastify({
      loggerInstance: logger as FastifyBaseLogger,
      logController: new LogController({ disableRequestLogging: true }),

      childLoggerFactory: lazyRequestLogger,
      genReqId: () => 'req-1',
    });
    app.get('/quiet', async () => 'ok');
    app.get('/loud', async (request) => {
      request.log.warn({ secret: 'hunter2' }, 'something to say');
      return 'ok';
    });
    try {
      const address = await app.listen({ host: '127.0.0.1', port: 0 });
      const before = children;
      expect((await fetch(`${address}/quiet`)).status).toBe(200);
      expect(children).toBe(before);
      expect((await fetch(`${address}/loud`)).status).toBe(200);
      expect(children).toBe(before + 1);
      const line = lines.find((l) => l.msg === 'something to say');
      expect(line).toMatchObject({ reqId: 'req-1', secret: '[redacted]', level: 40 });
    } finally {
      await app.close();
    }
  });
});
