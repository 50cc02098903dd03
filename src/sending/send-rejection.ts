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
}
