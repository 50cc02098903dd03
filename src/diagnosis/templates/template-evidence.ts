/**
 * What a diagnosis gets about the template a message used, or a check refused. Declared here, not imported,
 * so that the diagnosis stays free of the rest of the gateway; the template record of `templates/` and its
 * check's problems satisfy it field by field. Everything is optional: a failure Meta reported for a template
 * the gateway does not know has only the code (from the send error or the status), and perhaps the name.
 * Statuses, categories, qualities and kinds are strings: unknown values are shown as given, never thrown on.
 */

/** Who found the problem: the gateway's check before the send, or Meta. */
export type TemplateDetectedBy = 'GATEWAY' | 'META';

/** One value a send of the template has to provide (`TemplateParameter` of the templates domain). */
export interface TemplateParameterEvidence {
  /** `HEADER`, `BODY` or `BUTTON`. */
  component: string;
  /** For a button: its place in the BUTTONS list. */
  buttonIndex?: number;
  /** `{{1}}` is position 1, in positional templates. */
  position?: number;
  /** `{{first_name}}` is name `first_name`, in named templates. */
  name?: string;
  /** `TEXT`, `IMAGE`, `VIDEO`, `DOCUMENT`, `LOCATION`, `URL`, `COUPON_CODE`, `OTP`, … */
  kind: string;
}

/** What the send gave for the template. */
export interface TemplateSendEvidence {
  /** How many parameters the send gave, per component (`{ BODY: 1, HEADER: 0 }`); a component left out is 0. */
  counts?: Readonly<Record<string, number>>;
  /** The `parameter_name`s the send gave, in order. */
  names?: readonly string[];
  /** The component the problem is in (`HEADER`, `BODY`, `BUTTON`), when known. */
  component?: string;
  /** The parameter type the send gave for the header (`IMAGE`, `TEXT`, …); `''` or absent = none. */
  headerType?: string;
  /** The text parameter that was refused (a new line, a tab, too many spaces, or refused content). */
  offendingText?: string;
  /** The body's length once the parameters are filled in. */
  renderedLength?: number;
}

export interface TemplateEvidence {
  name?: string;
  language?: string;
  /** A `TemplateStatus` value (`APPROVED`, `PAUSED`, `REJECTED`, …). */
  status?: string;
  /** When the status last changed (epoch ms). */
  statusChangedAt?: number;
  /** While paused: when Meta's schedule lets it be sent again (epoch ms). */
  pausedUntil?: number;
  /** Pauses seen so far (3 h the first, 6 h the second; the third disables it). */
  pauseCount?: number;
  /** `GREEN`, `YELLOW`, `RED`, `UNKNOWN`. */
  quality?: string;
  /** `MARKETING`, `UTILITY`, `AUTHENTICATION`. */
  category?: string;
  /** Meta's word for a rejection (`INVALID_FORMAT`, …). */
  rejectedReason?: string | null;
  /** `POSITIONAL` or `NAMED`. */
  parameterFormat?: string;
  /** What a send must fill in, per component. */
  parameters?: readonly TemplateParameterEvidence[];
  /** Languages the same name exists in, when the one asked for does not (132001). */
  otherLanguages?: readonly string[];
  /** What the send gave. */
  sent?: TemplateSendEvidence;
  detectedBy?: TemplateDetectedBy;
}
