import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import fastifyStatic from '@fastify/static';
import { type FastifyInstance } from 'fastify';
import { GRAPHIQL_EXAMPLE_DOCUMENT, GRAPHIQL_EXAMPLE_VARIABLES } from './graphiql-examples';
import { sameOriginPolicy } from './page-security';

export interface GraphiqlRouteOptions {
  /**
   * Serve the explorer. Off, `/graphiql` and its assets answer 404. The gateway passes
   * `config.graphql.landingPage`, the switch of Apollo Sandbox, so both explorers come and go together.
   */
  enabled: boolean;
  /** Shown in the page title and GraphiQL's header; plain text. */
  title?: string;
}

const PAGE_PATH = '/graphiql';
const ASSETS_PREFIX = '/graphiql/assets/';
const OPTIONS_PLACEHOLDER = '__GRAPHIQL_OPTIONS__';
const BUNDLE_PLACEHOLDER = '__GRAPHIQL_BUNDLE__';
const TITLE_PLACEHOLDER = '__GRAPHIQL_TITLE__';

/**
 * Its own origin only, plus the two exceptions the bundle does not work without:
 * - `style-src 'unsafe-inline'`: monaco and GraphiQL add `<style>` elements and style attributes at run
 *   time, and the bundle offers no nonce to put on them;
 * - `data:` fonts and images: the stylesheet inlines its fonts (codicons, Roboto, Fira Code) and icons,
 *   and the page's empty icon keeps the browser from asking for `/favicon.ico`.
 * No `'unsafe-eval'`: neither the bundle nor its workers evaluate strings. Monaco's workers are module
 * scripts of this origin, so `script-src 'self'` covers them. `connect-src 'self'` covers `POST /graphql`
 * and the WebSocket to the same host.
 */
const CONTENT_SECURITY_POLICY = sameOriginPolicy({ 'style-src': "'unsafe-inline'", 'font-src': 'data:' });

/**
 * The labels monaco asks `getWorkerUrl` for, and how the package names the file that serves each (one
 * dot or two: 4.5.0 ships `graphql.worker..bundle.js`).
 */
const WORKER_FILES: Readonly<Record<string, RegExp>> = {
  editorWorkerService: /^editor\.worker\.+bundle\.js$/,
  json: /^json\.worker\.+bundle\.js$/,
  graphql: /^graphql\.worker\.+bundle\.js$/,
};

interface GraphiqlBundle {
  /** The package's `dist` directory. */
  dist: string;
  version: string;
  /** Worker label → file name under `dist/monacoeditorwork`. */
  workers: Record<string, string>;
}

/**
 * Finds the prebuilt GraphiQL of `@graphql-yoga/graphiql` (React, monaco and the workers in a few
 * files). Throws at start-up, naming the fix, when a file the page needs is missing.
 */
function locateBundle(): GraphiqlBundle {
  const manifestPath = require.resolve('@graphql-yoga/graphiql/package.json');
  const { version } = JSON.parse(readFileSync(manifestPath, 'utf8')) as { version: string };
  const dist = join(dirname(manifestPath), 'dist');
  const workerFiles = readdirSync(join(dist, 'monacoeditorwork'));
  const workers: Record<string, string> = {};
  for (const [label, pattern] of Object.entries(WORKER_FILES)) {
    const file = workerFiles.find((name) => pattern.test(name));
    if (!file) {
      throw new Error(
        `@graphql-yoga/graphiql ${version} has no ${label} worker in dist/monacoeditorwork: reinstall it, or pin a version that has one.`,
      );
    }
    workers[label] = file;
  }
  const distFiles = readdirSync(dist);
  for (const file of ['yoga-graphiql.umd.js', 'graphiql.css']) {
    if (!distFiles.includes(file)) {
      throw new Error(`@graphql-yoga/graphiql ${version} has no dist/${file}: reinstall it.`);
    }
  }
  if (!/^[\w.+-]+$/.test(version)) throw new Error(`Unexpected @graphql-yoga/graphiql version "${version}".`);
  return { dist, version, workers };
}

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** What the page script hands to `renderYogaGraphiQL`, plus the worker URLs monaco asks for. */
function graphiqlPageOptions(bundlePath: string, workers: Record<string, string>, title: string) {
  return {
    workers: Object.fromEntries(
      Object.entries(workers).map(([label, file]) => [label, `${bundlePath}monacoeditorwork/${file}`]),
    ),
    graphiql: {
      // The bundle renders the title as HTML.
      title: escapeHtml(title),
      endpoint: '/graphql',
      // graphql-transport-ws on the same path, as the gateway serves it (the bundle's default is SSE).
      subscriptionsProtocol: 'WS',
      query: GRAPHIQL_EXAMPLE_DOCUMENT,
      variables: JSON.stringify(GRAPHIQL_EXAMPLE_VARIABLES, null, 2),
      // API keys typed into the headers editor stay out of localStorage unless the user opts in.
      shouldPersistHeaders: false,
      showPersistHeadersSettings: true,
    },
  };
}

/**
 * Keeps a JSON text inert inside `<script type="application/json">`: no `</script>` or `<!--` can end or
 * change the element, whatever the strings hold.
 */
function jsonForHtml(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * `GET /graphiql`: GraphiQL served from this process, for networks that cannot reach Apollo's CDN. The
 * page, the bundle, its stylesheet and monaco's workers all come from `/graphiql/…`; the editor opens
 * with the operations of `graphiql-examples.ts`. Like Apollo Sandbox it learns the schema by introspection
 * (so it has docs and completion only where introspection is on); queries and mutations go over
 * `POST /graphql`, subscriptions over the WebSocket on `/graphql`.
 */
export async function registerGraphiqlRoutes(
  app: FastifyInstance,
  options: GraphiqlRouteOptions,
): Promise<void> {
  if (!options.enabled) return;
  const title = options.title ?? 'WhatsApp Cloud Gateway';
  const bundle = locateBundle();
  // The version in the path lets browsers keep the 5 MB bundle for a year and still fetch a new one
  // after an upgrade.
  const bundlePath = `${ASSETS_PREFIX}yoga-graphiql-${bundle.version}/`;
  const ownFiles = join(__dirname, '..', 'public', 'graphiql');
  const pageOptions = graphiqlPageOptions(bundlePath, bundle.workers, title);
  // Replacer functions: a replacement string would read `$&`, `$'` and the like in the JSON as patterns.
  const page = readFileSync(join(ownFiles, 'graphiql.html'), 'utf8')
    .replaceAll(TITLE_PLACEHOLDER, () => escapeHtml(title))
    .replaceAll(BUNDLE_PLACEHOLDER, () => bundlePath)
    .replace(OPTIONS_PLACEHOLDER, () => jsonForHtml(pageOptions));

  app.get(PAGE_PATH, async (_request, reply) =>
    reply
      .header('content-security-policy', CONTENT_SECURITY_POLICY)
      .header('x-content-type-options', 'nosniff')
      .header('referrer-policy', 'no-referrer')
      .header('cache-control', 'no-cache')
      .type('text/html; charset=utf-8')
      .send(page),
  );

  await app.register(fastifyStatic, {
    root: ownFiles,
    prefix: ASSETS_PREFIX,
    // Another route file registers the plugin too; only one may add `reply.sendFile`.
    decorateReply: false,
    // A route per file found at start, the HTML template left out: the route above serves it filled in.
    wildcard: false,
    globIgnore: ['**/*.html'],
    index: false,
    cacheControl: false,
    setHeaders(response) {
      response.setHeader('x-content-type-options', 'nosniff');
      response.setHeader('cache-control', 'no-cache');
    },
  });
  await app.register(fastifyStatic, {
    root: bundle.dist,
    prefix: bundlePath,
    decorateReply: false,
    index: false,
    allowedPath: (path) =>
      path === '/yoga-graphiql.umd.js' ||
      path === '/graphiql.css' ||
      Object.values(bundle.workers).some((file) => path === `/monacoeditorwork/${file}`),
    maxAge: '365d',
    immutable: true,
    setHeaders(response) {
      response.setHeader('x-content-type-options', 'nosniff');
    },
  });
}
