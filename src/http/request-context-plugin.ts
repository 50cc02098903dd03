import { type ApolloServerPlugin } from '@apollo/server';
import { type GatewayContext } from '../graphql';
import { isClientFacing } from './format-error';

/**
 * Ties errors to their request: every error a client sees carries the request id, and every masked error
 * is logged once with the same id and its real cause.
 */
export function requestContextPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ contextValue, errors, operationName }) {
          for (const error of errors) {
            if (!isClientFacing(error)) {
              contextValue.logger.error(
                { err: error.originalError ?? error, operationName, path: error.path },
                'GraphQL operation failed',
              );
            }
          }
        },
        async willSendResponse({ contextValue, response }) {
          if (response.body.kind !== 'single') return;
          for (const error of response.body.singleResult.errors ?? []) {
            (error.extensions as Record<string, unknown>).requestId = contextValue.requestId;
          }
        },
      };
    },
  };
}
