import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { request } from 'undici';
import { startTestGateway, type TestGateway } from '../../../support/gateway-harness';

/** Every module of the page, so that one added later is checked too. */
const PAGE_MODULES = readdirSync(join(__dirname, '../../../../src/http/public/live')).filter((file) =>
  file.endsWith('.js'),
);

describe('the live page routes', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    // Served in production too: the page is an ordinary client and holds no secret.
    gateway = await startTestGateway({
      NODE_ENV: 'production',
      GATEWAY_API_KEYS: 'live-routes-key-0001:read',
    });
  });
  afterAll(async () => {
    await gateway?.close();
  });

  const get = (path: string) => request(`${gateway.url}${path}`);

  it('sends the bare path to the page', async () => {
    const response = await get('/live');
    await response.body.dump();
    expect(response.statusCode).toBe(301);
    expect(response.headers.location).toBe('/live/');
  });

  it('serves the page under a policy that keeps it on its own origin', async () => {
    const response = await get('/live/');
    const html = await response.body.text();
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['content-security-policy']).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
    expect(html).toContain('<script type="module" src="/live/live.js"></script>');
  });

  it.each(PAGE_MODULES)('serves %s as a JavaScript module', async (file) => {
    const response = await get(`/live/${file}`);
    await response.body.dump();
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^(application|text)\/javascript/);
  });

  it("serves graphql-ws's browser client, and nothing else of the package", async () => {
    const client = await get('/live/vendor/graphql-ws/client.js');
    const source = await client.body.text();
    expect(client.statusCode).toBe(200);
    expect(source).toContain('function createClient');
    for (const other of ['index.cjs', 'client.d.ts', 'use/ws.js', '../package.json']) {
      const response = await get(`/live/vendor/graphql-ws/${other}`);
      await response.body.dump();
      expect([other, response.statusCode]).toEqual([other, 404]);
    }
  });

  it('does not serve files from outside its folder', async () => {
    // src/http/live-page-routes.ts is two folders up from the page's own.
    const response = await get('/live/..%2f..%2flive-page-routes.ts');
    await response.body.dump();
    expect([403, 404]).toContain(response.statusCode);
  });
});
