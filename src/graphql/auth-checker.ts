import { type AuthChecker } from 'type-graphql';
import { type Scope } from '../config';
import { type GatewayContext } from './context';
import { GatewayError, GatewayErrorCode } from './gateway-error';

/** Throws the error a caller without `scope` gets: who are you, or you may not. */
export function assertScope(context: GatewayContext, scope: Scope): void {
  if (context.caller === null) {
    throw new GatewayError(GatewayErrorCode.UNAUTHENTICATED, 'Send an API key: Authorization: Bearer <key>.');
  }
  if (!context.caller.scopes.has(scope)) {
    throw new GatewayError(GatewayErrorCode.FORBIDDEN, `This API key lacks the "${scope}" scope.`);
  }
}

/** type-graphql's check for `@Authorized(scope)`: every listed scope is required. */
export const scopeAuthChecker: AuthChecker<GatewayContext, Scope> = ({ context }, scopes) => {
  for (const scope of scopes) assertScope(context, scope);
  return true;
};
