import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { CONFIG_VARIABLES } from '../../src/config';

interface Healthcheck {
  test: string[];
}

interface Service {
  image?: string;
  build?: string;
  command?: string[];
  environment?: Record<string, string> | string[];
  env_file?: Array<{ path: string; required?: boolean }>;
  depends_on?: Record<string, { condition?: string }>;
  ports?: string[];
  volumes?: string[];
  healthcheck?: Healthcheck;
  profiles?: string[];
  deploy?: { replicas?: number };
  configs?: Array<{ source: string; target: string }>;
}

interface ComposeFile {
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
  configs?: Record<string, { content?: string }>;
}

const ROOT = join(__dirname, '../..');
const composeText = readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8');
const compose = parse(composeText, { merge: true }) as ComposeFile;
const registered = new Set<string>(CONFIG_VARIABLES.map((variable) => variable.name));

function service(name: string): Service {
  const found = compose.services[name];
  if (!found) throw new Error(`docker-compose.yml has no service ${name}`);
  return found;
}

/** `environment` as a map, whichever of its two forms the file uses. */
function environmentOf(svc: Service): Record<string, string> {
  const env = svc.environment ?? {};
  if (!Array.isArray(env)) return env;
  return Object.fromEntries(env.map((item) => [item.split('=')[0]!, item.split('=').slice(1).join('=')]));
}

/** The services that run the gateway image, whatever they are called. */
const gatewayServices = Object.entries(compose.services).filter(([, svc]) => svc.build !== undefined);

/** The container's side of the probe: the port a `fetch('http://127.0.0.1:PORT/path')` healthcheck asks. */
function probedUrl(healthcheck: Healthcheck | undefined): string | undefined {
  return /https?:\/\/127\.0\.0\.1(?::\d+)?\/[\w/]*/.exec(healthcheck?.test.join(' ') ?? '')?.[0];
}

describe('docker-compose.yml', () => {
  it('defines Redis and the gateway by default, and two replicas behind a balancer in the scale profile', () => {
    const byProfile = Object.entries(compose.services).map(([name, svc]) => [name, svc.profiles ?? []]);
    expect(Object.fromEntries(byProfile)).toEqual({
      redis: [],
      gateway: [],
      'gateway-replicas': ['scale'],
      balancer: ['scale'],
    });
    expect(service('gateway-replicas').deploy?.replicas).toBe(2);
    expect(gatewayServices.map(([name]) => name).sort()).toEqual(['gateway', 'gateway-replicas']);
  });

  it('publishes ports on the loopback interface only: the gateway on 4000, the balancer on 4080', () => {
    const published = Object.fromEntries(
      Object.entries(compose.services).map(([name, svc]) => [name, svc.ports ?? []]),
    );
    expect(published).toEqual({
      redis: [],
      gateway: ['127.0.0.1:4000:4000'],
      'gateway-replicas': [],
      balancer: ['127.0.0.1:4080:80'],
    });
  });

  it('writes the gateway definition once and runs it identically in both gateway services', () => {
    expect(composeText.match(/^\s*build:/gm)).toHaveLength(1);
    const shared = ({ ports: _p, profiles: _pr, deploy: _d, ...rest }: Service): Service => rest;
    expect(shared(service('gateway-replicas'))).toEqual(shared(service('gateway')));
  });

  it.each(gatewayServices)(
    'runs %s from the Dockerfile, on the shared Redis, once Redis is healthy',
    (_, svc) => {
      expect(svc.build).toBe('.');
      expect(environmentOf(svc)).toMatchObject({
        HOST: '0.0.0.0',
        PORT: '4000',
        REDIS_URL: 'redis://redis:6379',
        REDIS_KEY_PREFIX: expect.stringMatching(/\S/),
      });
      expect(svc.depends_on).toEqual({ redis: { condition: 'service_healthy' } });
      expect(svc.env_file).toEqual([{ path: '.env', required: false }]);
    },
  );

  it.each(gatewayServices)('probes %s on /healthz at the port it listens on', (_, svc) => {
    expect(svc.healthcheck?.test[0]).toBe('CMD');
    expect(probedUrl(svc.healthcheck)).toBe(`http://127.0.0.1:${environmentOf(svc).PORT}/healthz`);
  });

  it('passes the gateway only variables the configuration registry knows', () => {
    for (const [, svc] of gatewayServices) {
      expect(Object.keys(environmentOf(svc)).filter((name) => !registered.has(name))).toEqual([]);
    }
    // `${NAME:-default}` takes NAME from the shell or .env: it must be a variable the gateway reads too.
    const interpolated = [...composeText.matchAll(/(?<!\$)\$\{(\w+)/g)].map((match) => match[1]!);
    expect(interpolated.length).toBeGreaterThan(0);
    expect(interpolated.filter((name) => !registered.has(name))).toEqual([]);
  });

  it('persists Redis in a named volume and probes it with redis-cli ping', () => {
    const redis = service('redis');
    expect(redis.image).toMatch(/^redis:7/);
    expect(redis.command?.join(' ')).toMatch(/--appendonly yes/);
    expect(redis.volumes).toEqual(['redis-data:/data']);
    expect(compose.volumes).toHaveProperty(['redis-data']);
    expect(redis.healthcheck?.test).toEqual(['CMD', 'redis-cli', 'ping']);
  });

  it('starts the balancer once the replicas are healthy, with its nginx config inline', () => {
    const balancer = service('balancer');
    expect(balancer.image).toMatch(/^nginx:/);
    expect(balancer.depends_on).toEqual({ 'gateway-replicas': { condition: 'service_healthy' } });
    expect(balancer.configs).toEqual([
      { source: 'balancer-nginx', target: '/etc/nginx/conf.d/default.conf' },
    ]);
    expect(probedUrl(balancer.healthcheck)).toBe('http://127.0.0.1/healthz');
  });
});

describe('the balancer nginx config', () => {
  const escaped = compose.configs?.['balancer-nginx']?.content ?? '';
  // What nginx reads once Compose has turned `$$` into `$`.
  const nginx = escaped.replaceAll('$$', '$');

  /** The body of the first `keyword … {` block, braces balanced. */
  function block(text: string, opening: RegExp): string {
    const start = opening.exec(text);
    if (!start) throw new Error(`no block ${opening.source}`);
    let depth = 1;
    let index = start.index + start[0].length;
    for (; index < text.length && depth > 0; index += 1) {
      if (text[index] === '{') depth += 1;
      if (text[index] === '}') depth -= 1;
    }
    return text.slice(start.index + start[0].length, index - 1);
  }

  /**
   * The headers nginx sends upstream for a location: its own `proxy_set_header` lines if it has any,
   * otherwise the server's (nginx inherits these all or nothing).
   */
  function headersFor(path: string): Record<string, string> {
    const server = block(nginx, /\bserver\s*\{/);
    const location = block(server, new RegExp(`location\\s+${path.replaceAll('/', '\\/')}\\s*\\{`));
    const serverLevel = server.replace(/location\s+[^{]+\{[^}]*\}/g, '');
    const lines = (text: string): Array<[string, string]> =>
      [...text.matchAll(/^\s*proxy_set_header\s+(\S+)\s+(.+?);/gm)].map((m) => [m[1]!.toLowerCase(), m[2]!]);
    const own = lines(location);
    return Object.fromEntries(own.length > 0 ? own : lines(serverLevel));
  }

  it('leaves no `$` for Compose to interpolate', () => {
    expect(escaped).toContain('$$http_upgrade');
    expect(escaped.replaceAll('$$', '')).not.toContain('$');
  });

  it('spreads requests over every replica of gateway-replicas on the port they listen on', () => {
    const upstream = block(nginx, /\bupstream\s+gateways\s*\{/);
    expect(upstream).toMatch(/\bserver\s+gateway-replicas:4000\s+resolve;/);
    expect(nginx).toMatch(/\bresolver\s+127\.0\.0\.11\b/);
    expect(block(nginx, /location\s+\/graphql\s*\{/)).toMatch(/proxy_pass\s+http:\/\/gateways;/);
    expect(block(nginx, /location\s+\/\s*\{/)).toMatch(/proxy_pass\s+http:\/\/gateways;/);
  });

  it('passes WebSocket upgrades (graphql-transport-ws) on to /graphql over HTTP/1.1', () => {
    const headers = headersFor('/graphql');
    expect(headers.upgrade).toBe('$http_upgrade');
    expect(headers.connection).toBe('$connection_upgrade');
    expect(block(nginx, /\bmap\s+\$http_upgrade\s+\$connection_upgrade\s*\{/)).toMatch(/default\s+upgrade;/);
    expect(block(nginx, /\bserver\s*\{/)).toMatch(/proxy_http_version\s+1\.1;/);
    expect(block(nginx, /location\s+\/graphql\s*\{/)).toMatch(/proxy_read_timeout\s+\d+[hm];/);
  });

  it('tells the gateways who asked, on every location', () => {
    for (const path of ['/graphql', '/']) {
      expect(headersFor(path)).toMatchObject({
        host: '$host',
        'x-forwarded-for': '$proxy_add_x_forwarded_for',
      });
    }
  });
});

describe('Dockerfile', () => {
  const text = readFileSync(join(ROOT, 'Dockerfile'), 'utf8').replace(/\\\n\s*/g, '');
  const instructions = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  /** Instructions per stage, by stage name (the last one is `final`). */
  const stages = new Map<string, string[]>();
  let current: string[] = [];
  for (const line of instructions) {
    const from = /^FROM\s+\S+(?:\s+AS\s+(\S+))?/i.exec(line);
    if (from) {
      current = [];
      stages.set(from[1] ?? `stage-${stages.size}`, current);
    }
    current.push(line);
  }
  const final = [...stages.values()].at(-1)!;
  const build = stages.get('build') ?? [];

  it('builds in a stage with dev dependencies, from all of src', () => {
    expect(stages.size).toBeGreaterThanOrEqual(2);
    expect(build).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^RUN npm ci\b(?!.*--omit=dev)/),
        'COPY src ./src',
        expect.stringMatching(/^RUN npm run build\b/),
      ]),
    );
  });

  it('runs with production dependencies only and the compiled code', () => {
    const copies = final.filter((line) => line.startsWith('COPY --from='));
    const modules = copies.find((line) => / \/app\/node_modules /.test(line));
    const source = /--from=(\S+)/.exec(modules ?? '')?.[1] ?? '';
    expect(stages.get(source)).toEqual(
      expect.arrayContaining([expect.stringMatching(/npm ci .*--omit=dev/)]),
    );
    expect(copies).toContain('COPY --from=build /app/dist ./dist');
    expect(final.filter((line) => /^RUN npm (ci|install)\b/.test(line))).toEqual([]);
  });

  it('runs as the non-root node user, listening on every interface of the container on 4000', () => {
    const user = final.findIndex((line) => /^USER\s/.test(line));
    expect(final[user]).toBe('USER node');
    expect(user).toBeLessThan(final.findIndex((line) => line.startsWith('CMD')));
    expect(final.filter((line) => line.startsWith('ENV')).join(' ')).toMatch(/\bHOST=0\.0\.0\.0\b/);
    expect(final).toContain('EXPOSE 4000');
  });

  it('checks its health on /healthz with node, curl being absent from node:20-slim', () => {
    const healthcheck = final.find((line) => line.startsWith('HEALTHCHECK')) ?? '';
    expect(healthcheck).toMatch(/CMD \["node", "-e", .*fetch\(.*\/healthz/);
  });

  it('is given a build context with what it copies and nothing else', () => {
    const patterns = readFileSync(join(ROOT, '.dockerignore'), 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#'));
    expect(patterns[0]).toBe('*');
    const allowed = patterns.filter((line) => line.startsWith('!')).map((line) => line.slice(1));
    const copied = instructions
      .filter((line) => /^COPY\s/.test(line) && !line.includes('--from='))
      .flatMap((line) => line.split(/\s+/).slice(1, -1));
    expect([...allowed].sort()).toEqual([...new Set(copied)].sort());
  });
});
