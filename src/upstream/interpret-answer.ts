import { parseErrorEnvelope } from './error-envelope';
import { GraphApiError } from './graph-api-error';
import { type ExchangeResult } from './http-exchange';
import { type UpstreamEndpoint } from './upstream-endpoint';
import { type WireSchema } from './wire-schemas';

/** What an answer is checked against. */
export interface AnswerSpec<T> {
  endpoint: UpstreamEndpoint;
  /** The documented shape of a 2xx body. */
  schema: WireSchema<T>;
  /** Every secret the request carried; none may come back in an error. */
  secrets: readonly string[];
}

/** Turns an answer into the documented value, or the error it stands for. */
export function interpretAnswer<T>(answer: ExchangeResult, spec: AnswerSpec<T>): T {
  const context = { endpoint: spec.endpoint, secrets: spec.secrets };
  if (answer.httpStatus < 200 || answer.httpStatus >= 300) {
    throw GraphApiError.fromResponse(answer.httpStatus, answer.text, context);
  }
  const json = parseJson(answer.text);
  const checked = spec.schema.safeParse(json);
  if (checked.success) return checked.data;
  // A 2xx carrying Meta's envelope is still Meta's refusal; anything else is an unexpected body.
  if (parseErrorEnvelope(json) !== undefined) {
    throw GraphApiError.fromResponse(answer.httpStatus, json, context);
  }
  throw GraphApiError.unexpectedBody(answer.httpStatus, spec.endpoint);
}

function parseJson(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
