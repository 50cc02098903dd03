import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, Kind, parse, validate } from 'graphql';
import { request } from 'undici';
import {
  GRAPHIQL_EXAMPLE_DOCUMENT,
  GRAPHIQL_EXAMPLE_VARIABLES,
} from '../../../../src/http/pages/graphiql-examples';
import { startTestGateway, type TestGateway } from '../../../support/gateway-harness';

const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; font-src data:";

interface PageOptions {
  workers: Record<string, string>;
  graphiql: {
    title: string;
    endpoint: string;
    subscriptionsProtocol: string;
    query: string;
    variables: string;
    shouldPersistHeaders: boolean;
  };
}

async function get(url: string) {
  const response = await request(url);
  return { status: response.statusCode, headers: response.headers, body: await response.body.text() };
}

/** The JSON the page hands to its script: the content of `<script type="application/json">`. */
function pageOptions(html: string): PageOptions {
  const island = /<script type="application\/json" id="graphiql-options">([^<]*)<\/script>/.exec(html);
  if (!island) throw new Error(`No options in the page:\n${html}`);
  return JSON.parse(island[1] as string) as PageOptions;
}

/** Every URL the HTML itself loads (scripts, stylesheets, icon). */
const loadedUrls = (html: string): string[] =>
  [...html.matchAll(/\s(?:src|href)="([^"]*)"/g)].map((match) => match[1] as string);

describe('GET /graphiql', () => {
  describe('with the landing page on (development)', () => {
    let gateway: TestGateway;
    let html: string;
    beforeAll(async () => {
      gateway = await startTestGateway();
      html = (await get(`${gateway.url}/graphiql`)).body;
    });
    afterAll(async () => {
      await gateway?.close();
    });

    it('answers an HTML page that may load from its own origin only', async () => {
      const page = await get(`${gateway.url}/graphiql`);
      expect(page.status).toBe(200);
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      expect(page.headers['x-content-type-options']).toBe('nosniff');
      expect(page.headers['cache-control']).toBe('no-cache');
      const urls = loadedUrls(page.body);
      expect(urls).toEqual([
        'data:,',
        expect.stringMatching(/^\/graphiql\/assets\/yoga-graphiql-[\w.+-]+\/graphiql\.css$/),
        '/graphiql/assets/graphiql-page.css',
        expect.stringMatching(/^\/graphiql\/assets\/yoga-graphiql-[\w.+-]+\/yoga-graphiql\.umd\.js$/),
        '/graphiql/assets/graphiql-page.js',
      ]);
      expect(page.body).not.toContain('__GRAPHIQL_');
    });

    it('serves the bundle, its stylesheet and the workers with their content types', async () => {
      const { workers } = pageOptions(html);
      expect(Object.keys(workers).sort()).toEqual(['editorWorkerService', 'graphql', 'json']);
      const scripts = [...loadedUrls(html).filter((url) => url.endsWith('.js')), ...Object.values(workers)];
      const stylesheets = loadedUrls(html).filter((url) => url.endsWith('.css'));
      for (const path of scripts) {
        const asset = await get(`${gateway.url}${path}`);
        expect({ path, status: asset.status, type: asset.headers['content-type'] }).toEqual({
          path,
          status: 200,
          type: 'application/javascript; charset=utf-8',
        });
        expect(asset.headers['x-content-type-options']).toBe('nosniff');
      }
      for (const path of stylesheets) {
        const asset = await get(`${gateway.url}${path}`);
        expect({ path, status: asset.status, type: asset.headers['content-type'] }).toEqual({
          path,
          status: 200,
          type: 'text/css; charset=utf-8',
        });
      }
    });

    it('lets browsers keep the versioned bundle, and revalidate the page script', async () => {
      const [bundle] = loadedUrls(html).filter((url) => url.endsWith('yoga-graphiql.umd.js'));
      const cached = await get(`${gateway.url}${bundle}`);
      expect(cached.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      const own = await get(`${gateway.url}/graphiql/assets/graphiql-page.js`);
      expect(own.headers['cache-control']).toBe('no-cache');
    });

    it('serves nothing else from the package or the page folder', async () => {
      const [bundle] = loadedUrls(html).filter((url) => url.endsWith('yoga-graphiql.umd.js'));
      const folder = bundle!.slice(0, bundle!.lastIndexOf('/') + 1);
      for (const path of [
        `${folder}yoga-graphiql.es.js`,
        `${folder}../package.json`,
        `${folder}%2e%2e/package.json`,
        '/graphiql/assets/graphiql.html',
        '/graphiql/',
      ]) {
        expect({ path, status: (await get(`${gateway.url}${path}`)).status }).toEqual({ path, status: 404 });
      }
    });

    it('opens GraphiQL on /graphql over graphql-transport-ws, with the examples', () => {
      const { graphiql } = pageOptions(html);
      expect(graphiql).toMatchObject({
        title: 'WhatsApp Cloud Gateway',
        endpoint: '/graphql',
        subscriptionsProtocol: 'WS',
        query: GRAPHIQL_EXAMPLE_DOCUMENT,
        shouldPersistHeaders: false,
      });
      expect(JSON.parse(graphiql.variables)).toEqual(GRAPHIQL_EXAMPLE_VARIABLES);
    });

    it('offers examples that are valid against the schema, each with its variables', () => {
      const schema = buildSchema(readFileSync(join(__dirname, '../../../../schema/schema.graphql'), 'utf8'));
      const document = parse(GRAPHIQL_EXAMPLE_DOCUMENT);
      expect(validate(schema, document)).toEqual([]);
      const operations = document.definitions.flatMap((definition) =>
        definition.kind === Kind.OPERATION_DEFINITION ? [definition] : [],
      );
      expect(operations.map((operation) => `${operation.operation} ${operation.name?.value}`)).toEqual([
        'mutation SendMessage',
        'subscription FollowStatus',
        'query MessageWithDiagnosis',
        'query DebugToken',
      ]);
      const declared = operations.flatMap((operation) =>
        (operation.variableDefinitions ?? []).map((variable) => variable.variable.name.value),
      );
      expect(Object.keys(GRAPHIQL_EXAMPLE_VARIABLES).sort()).toEqual([...new Set(declared)].sort());
    });

    it('escapes `<` in the options, so that no text of the examples can end their element', () => {
      expect(html.match(/<\/script>/g)).toHaveLength(3);
      expect(html).toContain('\\u003c');
    });
  });

  describe('in production', () => {
    let gateway: TestGateway;
    beforeAll(async () => {
      gateway = await startTestGateway({ NODE_ENV: 'production' });
    });
    afterAll(async () => {
      await gateway?.close();
    });

    it('is not served, like Apollo Sandbox', async () => {
      expect((await get(`${gateway.url}/graphiql`)).status).toBe(404);
      expect((await get(`${gateway.url}/graphiql/assets/graphiql-page.js`)).status).toBe(404);
    });
  });
});
