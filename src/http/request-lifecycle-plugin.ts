import { type ApolloServerPlugin } from '@apollo/server';
import { type GatewayContext } from '../graphql';
import { type Logger, type Metrics } from '../observability';
import { observeOperation } from './operation-observer';
import { logMaskedErrors, tagErrorsWithRequestId } from './request-errors';
import { answer401ForMissingKey } from './unauthenticated-status';

/**
 * The gateway's per-request work in Apollo, as one plugin: each plugin costs every request its own
 * `requestDidStart` and hook promises. In order: masked errors logged, errors tagged with the request id,
 * 401 for an operation that needed a key, and the operation observed (with its final errors and status).
 */
export function requestLifecyclePlugin(metrics: Metrics, logger: Logger): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      const startedAt = performance.now();
      return {
        async didEncounterErrors(requestContext) {
          logMaskedErrors(requestContext);
        },
        async willSendResponse(requestContext) {
          tagErrorsWithRequestId(requestContext);
          answer401ForMissingKey(requestContext);
          observeOperation(metrics, logger, startedAt, requestContext);
        },
      };
    },
  };
}
