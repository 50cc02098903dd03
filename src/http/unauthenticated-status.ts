import { type GraphQLRequestContextWillSendResponse } from '@apollo/server';
import { type GatewayContext, GatewayErrorCode } from '../graphql';

/**
 * HTTP 401 for an operation refused for want of an API key, as for a wrong key (which `authenticateHttp`
 * refuses before execution). A missing key cannot be refused up front: introspection and `__typename`
 * need none (the explorer loads the schema before a key is typed in), so the status is set once execution
 * has shown that the operation needed one.
 */
export function answer401ForMissingKey({
  contextValue,
  response,
}: GraphQLRequestContextWillSendResponse<GatewayContext>): void {
  if (contextValue.caller !== null || response.body.kind !== 'single') return;
  const refused = response.body.singleResult.errors?.some(
    (error) => error.extensions?.code === GatewayErrorCode.UNAUTHENTICATED,
  );
  if (refused) response.http.status = 401;
}
