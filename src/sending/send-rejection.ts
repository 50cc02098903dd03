import { type TemplateEvidence } from '../diagnosis';

/** Who refused a send: the gateway's own check before the call, or Meta's answer. */
export type RejectionDetector = 'GATEWAY' | 'META';

/** Why a send did not go out: Meta's error, or the gateway's own pre-check. What `UpstreamError` shows. */
export interface SendRejection {
  httpStatus: number | null;
  code: number;
  subcode: number | null;
  type: string | null;
  title: string | null;
  message: string;
  details: string | null;
  fbtraceId: string | null;
  /** Kept for the diagnosis (region checks); not a GraphQL field. */
  recipient: string;
  /** The sender it was meant to go from; not a GraphQL field. */
  phoneNumberId: string;
  /**
   * `GATEWAY` when a check of the gateway refused it before any upstream call; absent means Meta
   * answered it, so that rejections built (or stored) before the field existed read as Meta's.
   */
  detectedBy?: RejectionDetector;
  /** The template's facts, when the send was a template and the gateway knows them; for the diagnosis. */
  template?: TemplateEvidence;
}

/** Who refused it, with Meta as the default (see `SendRejection.detectedBy`). */
export function detectorOf(rejection: SendRejection): RejectionDetector {
  return rejection.detectedBy ?? 'META';
}
