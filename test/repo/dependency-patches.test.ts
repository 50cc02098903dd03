import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApolloServer } from '@apollo/server';
import { type GatewayGraphQLRequestContext, type GatewayInterface } from '@apollo/server-gateway-interface';
import { buildSchema } from 'graphql';
import Redis from 'ioredis';

/**
 * `patches/` fixes two dependencies on the send path the same way: an accessor defined per object (an
 * object literal with a getter, or `Object.defineProperty` on each instance) kept whatever its closure
 * reaches alive past every scavenge until the next full GC, so under load every request's objects were
 * promoted to the old generation (the send bench measures the effect). The accessors now live on a
 * class's prototype. Each case below fails on the unpatched dependency.
 */
const schema = buildSchema('type Query { hello: String }');

/**
 * A gateway behind Apollo's executor hook, where `CompiledExecution` sits: its executor answers `hello` and
 * hands over the per-request view (request and response head) that Apollo made for it.
 */
function recordingGateway(onRequest: (request: GatewayGraphQLRequestContext) => void): GatewayInterface {
  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => undefined;
    },
    load: () =>
      Promise.resolve({
        executor: (request: GatewayGraphQLRequestContext) => {
          onRequest(request);
          return Promise.resolve({ data: { hello: 'world' } });
        },
      }),
    stop: () => Promise.resolve(),
  };
}

async function runWith(onRequest: (request: GatewayGraphQLRequestContext) => void) {
  const server = new ApolloServer({ gateway: recordingGateway(onRequest) });
  await server.start();
  try {
    return await server.executeOperation({ query: '{ hello }' });
  } finally {
    await server.stop();
  }
}

describe("Apollo Server's executor hook (patched)", () => {
  it('hands the executor a response head without accessors of its own', async () => {
    let head: object | undefined;
    await runWith((request) => {
      head = request.response?.http;
    });
    expect(head).toBeDefined();
    expect(Object.getOwnPropertyDescriptor(head, 'status')).toBeUndefined();
  });

  it('still reads and writes the response status and headers through that head', async () => {
    const response = await runWith((request) => {
      const http = request.response!.http!;
      expect(http.status).toBeUndefined();
      http.status = 203;
      http.headers.set('x-seen', 'yes');
    });
    expect(response.http.status).toBe(203);
    expect(response.http.headers.get('x-seen')).toBe('yes');
    expect(response.body).toEqual({ kind: 'single', singleResult: { data: { hello: 'world' } } });
  });
});

describe("ioredis's pipeline (patched)", () => {
  it('counts its queued commands through an accessor that is not its own', () => {
    // Never connected: queuing commands on a pipeline sends nothing.
    const redis = new Redis({ lazyConnect: true });
    const pipeline = redis.pipeline();
    pipeline.get('a').get('b');
    expect(pipeline.length).toBe(2);
    expect(Object.getOwnPropertyDescriptor(pipeline, 'length')).toBeUndefined();
    redis.disconnect();
  });
});

describe('the patches themselves', () => {
  const patchesDir = join(__dirname, '..', '..', 'patches');
  const patches = readdirSync(patchesDir).filter((name) => name.endsWith('.patch'));

  /** `@apollo+server+5.5.1.patch` → `@apollo/server` at `5.5.1`: patch-package's naming. */
  const patched = patches.map((name) => {
    const match = /^(.+)\+(\d+\.\d+\.\d+[^+]*)\.patch$/.exec(name)!;
    return { name, packageName: match[1]!.replace('+', '/'), version: match[2]! };
  });

  it('are the two this file checks', () => {
    expect(patched.map(({ packageName }) => packageName).sort()).toEqual(['@apollo/server', 'ioredis']);
  });

  // An upgrade must be a decision: the patch is written against one release's compiled files, and the
  // cases above only show that the accessors moved, not that the rest of the file is still what it was.
  it.each(patched)('$name is for the version installed', ({ packageName, version }) => {
    const manifest = JSON.parse(
      readFileSync(join(__dirname, '..', '..', 'node_modules', packageName, 'package.json'), 'utf8'),
    ) as { version: string };
    expect(manifest.version).toBe(version);
  });
});
