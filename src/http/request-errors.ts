import {
  type GraphQLRequestContextDidEncounterErrors,
  type GraphQLRequestContextWillSendResponse,
} from '@apollo/server';
import { type GatewayContext } from '../graphql';
import { isClientFacing } from './format-error';

/** Every masked error, logged once with the request id and its real cause. */
export function logMaskedErrors({
  contextValue,
  errors,
  operationName,
}: GraphQLRequestContextDidEncounterErrors<GatewayContext>): void {
  for (const error of errors) {
    if (!isClientFacing(error)) {
      contextValue.logger.error(
        { err: error.originalError ?? error, operationName, path: error.path },
        'GraphQL operation failed',
      );
    }
  }
}

/** Every error a client sees carries the request id, the one its masked cause was logged with. */
export function tagErrorsWithRequestId({
  contextValue,
  response,
}: GraphQLRequestContextWillSendResponse<GatewayContext>): void {
  if (response.body.kind !== 'single') return;
  for (const error of response.body.singleResult.errors ?? []) {
    (error.extensions as Record<string, unknown>).requestId = contextValue.requestId;
  }
}
