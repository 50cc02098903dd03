import { request } from 'undici';
import { startTestGateway, type TestGateway } from '../../../support/gateway-harness';
import { SecretScanner, secretsOfEnvironment } from '../../../support/secret-scan';

/** Callers of the hardening suites, one per scope (keys are at least 16 characters). */
export const KEYS = {
  send: 'hardening-send-key-0001',
  read: 'hardening-read-key-0002',
  subscribe: 'hardening-subscribe-key-03',
  admin: 'hardening-admin-key-000004',
} as const;

export const SECRET_ENV = {
  WHATSAPP_APP_SECRET: 'hardening-app-secret-5f1c9a',
  WHATSAPP_VERIFY_TOKEN: 'hardening-verify-token-81d2',
  GATEWAY_API_KEYS: [
    `${KEYS.send}:send`,
    `${KEYS.read}:read`,
    `${KEYS.subscribe}:subscribe`,
    `${KEYS.admin}:admin+read+send+subscribe`,
  ].join(','),
} as const;

export const bearer = (key: string): Record<string, string> => ({ authorization: `Bearer ${key}` });

export interface HttpAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json<T = Record<string, unknown>>(): T;
}

export interface HardenedGateway {
  gateway: TestGateway;
  scanner: SecretScanner;
  /** Any request to the gateway; the answer (status, headers, body) is recorded for the secret scan. */
  http(
    path: string,
    options?: { method?: 'GET' | 'POST'; headers?: Record<string, string>; body?: string | Buffer },
  ): Promise<HttpAnswer>;
  /** `POST /graphql` as JSON. */
  graphql(
    query: string,
    headers?: Record<string, string>,
    variables?: Record<string, unknown>,
  ): Promise<HttpAnswer>;
  /** Stops the gateway, then scans every recorded answer and log line for the configured secrets. */
  close(): Promise<ReturnType<SecretScanner['findings']>>;
}

/** A gateway in this process with keys and webhook secrets configured, its answers scanned for secrets. */
export async function startHardenedGateway(env: Record<string, string> = {}): Promise<HardenedGateway> {
  const fullEnv = { ...SECRET_ENV, ...env };
  const gateway = await startTestGateway(fullEnv);
  const scanner = new SecretScanner(secretsOfEnvironment(fullEnv));
  const http: HardenedGateway['http'] = async (path, options = {}) => {
    const response = await request(`${gateway.url}${path}`, {
      method: options.method ?? 'GET',
      headers: options.headers ?? {},
      ...(options.body !== undefined && { body: options.body }),
    });
    const text = await response.body.text();
    scanner.record(`${options.method ?? 'GET'} ${path} (headers)`, JSON.stringify(response.headers));
    scanner.record(`${options.method ?? 'GET'} ${path}`, text);
    return {
      status: response.statusCode,
      headers: response.headers,
      text,
      json: <T>() => JSON.parse(text) as T,
    };
  };
  return {
    gateway,
    scanner,
    http,
    graphql: (query, headers = {}, variables = {}) =>
      http('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      }),
    async close() {
      await gateway.close();
      return scanner.findings(
        gateway.logs.map((line, index) => ({ where: `log line ${index + 1}`, text: line })),
      );
    },
  };
}

export interface GraphqlBody {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

/** The codes of a GraphQL answer's errors. */
export const codesOf = (answer: HttpAnswer): unknown[] =>
  (answer.json<GraphqlBody>().errors ?? []).map((error) => error.extensions?.code);
