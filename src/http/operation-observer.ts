import { type GraphQLRequestContextWillSendResponse } from '@apollo/server';
import { type GatewayContext, GatewayErrorCode } from '../graphql';
import { type Logger, type Metrics } from '../observability';

const KNOWN_CODES: ReadonlySet<string> = new Set(Object.values(GatewayErrorCode));

/** `ok`, or the code of the first error: a closed set, so that it can be a metric label. */
function outcomeOf(errors: ReadonlyArray<{ extensions?: Record<string, unknown> }> | undefined): string {
  const first = errors?.[0];
  if (first === undefined) return 'ok';
  const code = String(first.extensions?.code ?? '');
  return KNOWN_CODES.has(code) ? code : 'OTHER';
}

/**
 * One debug line and one metric observation per GraphQL operation over HTTP: its name, type, outcome and
 * duration since `startedAt` (`performance.now()`). Never its variables or its document (they may hold a
 * message's text).
 */
export function observeOperation(
  metrics: Metrics,
  logger: Logger,
  startedAt: number,
  {
    contextValue,
    response,
    operation,
    operationName,
    request,
  }: GraphQLRequestContextWillSendResponse<GatewayContext>,
): void {
  const seconds = (performance.now() - startedAt) / 1000;
  const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
  const outcome = outcomeOf(errors);
  const type = operation?.operation ?? 'unknown';
  const name = operationName ?? request.operationName ?? null;
  metrics.graphqlOperation(name, type, outcome, seconds);
  // Asked of the root logger: the request's child logger is made on first use, and most requests need none.
  if (!logger.isLevelEnabled('debug')) return;
  contextValue.logger.debug(
    { operationName: name, operationType: type, outcome, durationMs: Math.round(seconds * 1e4) / 10 },
    'graphql operation',
  );
}
