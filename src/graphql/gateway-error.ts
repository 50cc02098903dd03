import { GraphQLError } from 'graphql';

/** The `extensions.code` of every GraphQL error the gateway returns. Clients switch on these. */
export enum GatewayErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  UPSTREAM_UNAVAILABLE = 'UPSTREAM_UNAVAILABLE',
  UPSTREAM_TIMEOUT = 'UPSTREAM_TIMEOUT',
  RATE_LIMITED = 'RATE_LIMITED',
  QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

export interface GatewayErrorOptions {
  /** The input field at fault, as a dotted path (`input.text.body`). */
  field?: string;
  retryAfterSeconds?: number;
  [extension: string]: unknown;
}

/** A GraphQL error whose message is safe to show: it was written for the client, not copied from a cause. */
export class GatewayError extends GraphQLError {
  constructor(code: GatewayErrorCode, message: string, options: GatewayErrorOptions = {}) {
    super(message, { extensions: { code, ...options } });
  }

  get code(): GatewayErrorCode {
    return this.extensions.code as GatewayErrorCode;
  }
}

export const badInput = (field: string, message: string): GatewayError =>
  new GatewayError(GatewayErrorCode.BAD_USER_INPUT, message, { field });
