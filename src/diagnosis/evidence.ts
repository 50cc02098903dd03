import { type TemplateEvidence } from './templates/template-evidence';

/**
 * The input of a diagnosis. These types are declared here, not imported, so that the diagnosis stays
 * free of the rest of the gateway; the message record of `messages/` satisfies them structurally.
 */

/** One error as Meta attaches it to a `failed` status. */
export interface ErrorDetail {
  code: number;
  title?: string;
  message?: string;
  details?: string;
  href?: string;
}

/** One line of a message's status history (times in epoch ms). */
export interface StatusEvidence {
  /** A `MessageStatus` value; unknown strings are tolerated and reported, never thrown on. */
  status: string;
  /** Meta's time of the status. */
  timestamp: number;
  /** When the gateway heard it. */
  receivedAt: number;
  errors: ErrorDetail[];
}

/** What the gateway knows about one outbound message. */
export interface MessageEvidence {
  id: string;
  /** The effective status (`ACCEPTED`, `HELD`, `SENT`, `DELIVERED`, `READ`, `PLAYED`, `FAILED`, `DELETED`, `WARNING`). */
  status: string;
  /** True when both a delivery and a failure were reported (several devices). */
  conflict: boolean;
  createdAt: number;
  statusHistory: StatusEvidence[];
  errors: ErrorDetail[];
  /** E.164 with `+`; absent when the customer is known by business-scoped user id only. */
  recipient?: string;
  phoneNumberId: string;
}

/** The upstream rejection of a send (Meta's error envelope, flattened). */
export interface SendErrorEvidence {
  httpStatus?: number;
  code: number;
  subcode?: number;
  type?: string;
  title?: string;
  message: string;
  details?: string;
  fbtraceId?: string;
}

/** Why the upstream could not be reached at all. */
export type TransportFailure = 'timeout' | 'network' | 'circuit_open';

/** The answer of `GET /debug_token`, reduced to what the diagnosis reads. */
export interface TokenDebugEvidence {
  isValid: boolean;
  /** Epoch ms; `0` or `null` means the token never expires. */
  expiresAt?: number | null;
  scopes: string[];
  error?: { code: number; subcode?: number; message?: string };
  appId?: string;
}

/** One entity of `health_status` (phone number, WABA, business, app). */
export interface HealthEntityEvidence {
  entityType: string;
  id: string;
  canSendMessage: string;
  errors: Array<{ errorCode: number; description?: string; possibleSolution?: string }>;
}

/** A phone number's (or account's) `health_status`. */
export interface HealthEvidence {
  canSendMessage: 'AVAILABLE' | 'LIMITED' | 'BLOCKED';
  entities: HealthEntityEvidence[];
}

/** Everything a diagnosis may look at. Only `now` is required; each rule uses what is present. */
export interface Evidence {
  /** The clock, injected (epoch ms). Rules never read the system clock. */
  now: number;
  message?: MessageEvidence;
  sendError?: SendErrorEvidence;
  transportFailure?: TransportFailure;
  /** The customer's number (E.164); falls back to `message.recipient`. */
  recipient?: string;
  /** The business's display number (E.164). */
  sender?: string;
  /** When the customer last wrote to this business number; `null` = none known; `undefined` = not looked up. */
  lastInboundAt?: number | null;
  /** The customer's latest marketing choice the gateway saw (`user_preferences`); `undefined` = none seen. */
  marketingOptOut?: { stopped: boolean; at: number };
  tokenDebug?: TokenDebugEvidence;
  health?: HealthEvidence;
  /** The template the message used, or the check refused; explains the 132xxx codes (and 131008, 100). */
  template?: TemplateEvidence;
}
