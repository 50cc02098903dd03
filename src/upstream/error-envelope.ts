import { type GraphErrorBody } from './wire-types';

/** Meta's error object once read tolerantly: only what was present and of the right type. */
export type ParsedErrorBody = Partial<GraphErrorBody>;

/**
 * Reads Meta's `{ "error": { … } }` envelope from whatever an answer carried: a parsed object, raw text,
 * bytes, or nothing. Returns `undefined` when there is no envelope (an empty body, a proxy's HTML page,
 * JSON of another shape). Never throws: it runs on answers nobody has checked.
 */
export function parseErrorEnvelope(body: unknown): ParsedErrorBody | undefined {
  const value = toJsonValue(body);
  if (!isRecord(value) || !isRecord(value.error)) return undefined;
  const raw = value.error;
  const parsed: ParsedErrorBody = {
    message: stringField(raw.message),
    type: stringField(raw.type),
    code: intField(raw.code),
    error_subcode: intField(raw.error_subcode),
    error_user_title: stringField(raw.error_user_title),
    error_user_msg: stringField(raw.error_user_msg),
    is_transient: typeof raw.is_transient === 'boolean' ? raw.is_transient : undefined,
    fbtrace_id: stringField(raw.fbtrace_id),
  };
  if (isRecord(raw.error_data)) {
    parsed.error_data = {
      messaging_product: stringField(raw.error_data.messaging_product),
      details: stringField(raw.error_data.details),
    };
  }
  // An `error` object with neither a message nor a code is not Meta's envelope.
  return parsed.message === undefined && parsed.code === undefined ? undefined : parsed;
}

function toJsonValue(body: unknown): unknown {
  const text = Buffer.isBuffer(body) ? body.toString('utf8') : body;
  if (typeof text !== 'string') return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringField(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** Codes are numbers on the wire; a numeric string is accepted as well, anything else is absent. */
function intField(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
  if (typeof value === 'string' && /^-?\d{1,15}$/.test(value)) return Number(value);
  return undefined;
}
