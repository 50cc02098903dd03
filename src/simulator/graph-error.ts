import { randomBytes } from 'node:crypto';
import { graphErrorDefinition } from './error-catalogue';
import type { WireErrorEnvelope } from './wire-types';

/** What a handler needs to describe an error; the HTTP status and the envelope follow from the code. */
export interface GraphErrorSpec {
  code: number;
  subcode?: number;
  /** Goes to `error_data.details`, where Meta names the offending parameter. */
  details?: string;
  /** Replaces the usual `(#code) title` message (token errors read differently at Meta). */
  message?: string;
  /** Overrides the catalogue's HTTP status. */
  httpStatus?: number;
  /** Meta's `error_user_title` / `error_user_msg`, which template management errors carry. */
  userTitle?: string;
  userMessage?: string;
  /** Overrides the catalogue's `type` (Meta answers object lookups with GraphMethodException). */
  type?: 'OAuthException' | 'GraphMethodException';
}

export interface GraphErrorResponse {
  httpStatus: number;
  body: WireErrorEnvelope;
}

/** A 23-character id in the alphabet of Meta's `fbtrace_id`. */
export function newFbtraceId(): string {
  return randomBytes(17).toString('base64url').slice(0, 23);
}

/** Meta's error envelope and HTTP status for one error. */
export function buildGraphError(spec: GraphErrorSpec): GraphErrorResponse {
  const definition = graphErrorDefinition(spec.code);
  // Field order follows Meta's answers, so logs and snapshots read the same.
  const error: WireErrorEnvelope['error'] = {
    message: spec.message ?? `(#${spec.code}) ${definition.title}`,
    type: spec.type ?? definition.type,
    code: spec.code,
    ...(spec.subcode === undefined ? {} : { error_subcode: spec.subcode }),
    ...(spec.userTitle === undefined ? {} : { error_user_title: spec.userTitle }),
    ...(spec.userMessage === undefined ? {} : { error_user_msg: spec.userMessage }),
    ...(spec.details === undefined
      ? {}
      : { error_data: { messaging_product: 'whatsapp', details: spec.details } }),
    is_transient: definition.transient,
    fbtrace_id: newFbtraceId(),
  };
  return { httpStatus: spec.httpStatus ?? definition.httpStatus, body: { error } };
}
