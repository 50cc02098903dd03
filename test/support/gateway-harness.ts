export { waitFor } from './wait-for';
import { request } from 'undici';
import { loadConfig } from '../../src/config';
import { startGateway, type RunningGateway } from '../../src/gateway';
import { createLogger } from '../../src/observability';

export interface GraphqlResponse<T = Record<string, unknown>> {
  status: number;
  body: {
    data?: T | null;
    errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, unknown> }>;
  };
}

export interface TestGateway extends RunningGateway {
  /** Every log line the gateway wrote, as JSON text. */
  logs: string[];
  graphql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphqlResponse<T>>;
}

/** Starts a whole gateway in this process, on a free port, logging into memory. */
export async function startTestGateway(env: Record<string, string> = {}): Promise<TestGateway> {
  const loaded = loadConfig({ PORT: '0', ...env });
  if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
  const logs: string[] = [];
  const logger = createLogger({ level: 'debug', destination: { write: (line: string) => logs.push(line) } });
  const gateway = await startGateway(loaded.config, logger);
  return {
    ...gateway,
    logs,
    async graphql<T>(
      query: string,
      variables: Record<string, unknown> = {},
      headers: Record<string, string> = {},
    ) {
      const response = await request(`${gateway.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return {
        status: response.statusCode,
        body: (await response.body.json()) as GraphqlResponse<T>['body'],
      };
    },
  };
}
