import { type Client, createClient, type Sink } from 'graphql-ws';
import { WebSocket } from 'ws';
import { type TypedDocumentString } from './gql/graphql';

/** Where the gateway is, and who calls it. */
export interface GatewayTarget {
  /** The GraphQL endpoint over HTTP, for example `http://127.0.0.1:4000/graphql`. */
  httpUrl: string;
  /** The same endpoint over WebSocket, for example `ws://127.0.0.1:4000/graphql`. */
  wsUrl: string;
  /** A key with the scopes the operations need; omit it for a gateway that is open (simulated). */
  apiKey?: string;
}

/** A GraphQL error from the gateway, with its `extensions.code` (UNAUTHENTICATED, BAD_USER_INPUT, …). */
export class GatewayRequestError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(code ? `${code}: ${message}` : message);
    this.name = 'GatewayRequestError';
  }
}

interface GraphqlResponseBody<TResult> {
  data?: TResult | null;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

/** Runs one query or mutation over HTTP; a GraphQL error is thrown as `GatewayRequestError`. */
export async function execute<TResult, TVariables>(
  target: Pick<GatewayTarget, 'httpUrl' | 'apiKey'>,
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
): Promise<TResult> {
  const response = await fetch(target.httpUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(target.apiKey && { authorization: `Bearer ${target.apiKey}` }),
    },
    body: JSON.stringify({ query: document.toString(), variables }),
  }).catch((error: unknown) => {
    // fetch says only "fetch failed"; the reason (ECONNREFUSED, …) is its cause.
    const cause =
      error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
    throw new Error(`Cannot reach the gateway at ${target.httpUrl}: ${cause}`);
  });
  const body = (await response.json().catch(() => null)) as GraphqlResponseBody<TResult> | null;
  const [error] = body?.errors ?? [];
  if (error) throw new GatewayRequestError(error.message, error.extensions?.code);
  if (!body?.data) throw new Error(`The gateway answered HTTP ${response.status} without data.`);
  return body.data;
}

/**
 * A graphql-ws client for the gateway. It connects on the first subscription; `dispose()` closes it.
 * In a browser, leave out `webSocketImpl`: the global WebSocket is used.
 */
export function createSubscriptionClient(target: Pick<GatewayTarget, 'wsUrl' | 'apiKey'>): Client {
  return createClient({
    url: target.wsUrl,
    webSocketImpl: WebSocket,
    connectionParams: target.apiKey ? { apiKey: target.apiKey } : undefined,
    // A silent reconnect would subscribe again with the first `since` and repeat events: the caller
    // decides instead, resuming from the last cursor it received.
    retryAttempts: 0,
  });
}

/** Starts one typed subscription; returns the function that ends it. */
export function subscribe<TResult, TVariables extends Record<string, unknown>>(
  client: Client,
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  sink: Sink<TResult>,
): () => void {
  return client.subscribe<TResult>(
    { query: document.toString(), variables },
    {
      next: ({ data, errors: [error] = [] }) => {
        if (error) sink.error(new GatewayRequestError(error.message, codeOf(error.extensions)));
        else if (data) sink.next(data);
      },
      error: (error) => sink.error(toError(error)),
      complete: () => sink.complete(),
    },
  );
}

/** graphql-ws reports a refused subscription as GraphQL errors and a lost connection as a close event. */
function toError(error: unknown): Error {
  if (error instanceof Error) return error;
  if (Array.isArray(error) && error.length > 0) {
    const [first] = error as Array<{ message: string; extensions?: Record<string, unknown> }>;
    return new GatewayRequestError(first!.message, codeOf(first!.extensions));
  }
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const { code, reason } = error as { code: number; reason?: string };
    return new Error(`The WebSocket closed (${code}${reason ? ` ${reason}` : ''}).`);
  }
  return new Error(String(error));
}

function codeOf(extensions: Record<string, unknown> | undefined): string | undefined {
  return typeof extensions?.code === 'string' ? extensions.code : undefined;
}
