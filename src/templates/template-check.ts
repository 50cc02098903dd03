import { type EpochMillis } from '../store-kit';
import { type TemplateComponent } from './template-parameter';

/**
 * The template part of a send, as `sendMessage` carries it (`TemplateFields` of sending): the name, the
 * language code and Meta's send components (`{ type: 'body', parameters: [...] }`) as given.
 */
export interface TemplateSendFields {
  name: string;
  languageCode: string;
  components?: ReadonlyArray<Readonly<Record<string, unknown>>> | null;
}

export enum TemplateProblemSeverity {
  /** Meta would refuse the send: the gateway does not send it. */
  REFUSE = 'REFUSE',
  /** Meta may accept it, but something deserves the caller's eye. */
  WARN = 'WARN',
}

/** The Meta error codes the check prevents, so that a problem names the refusal it saves. */
export const MetaTemplateCode = {
  INVALID_PARAMETER: 100,
  REQUIRED_PARAMETER_MISSING: 131008,
  MARKETING_OPTED_OUT: 131050,
  PARAMETER_COUNT_MISMATCH: 132000,
  TEMPLATE_DOES_NOT_EXIST: 132001,
  HYDRATED_TEXT_TOO_LONG: 132005,
  PARAMETER_FORMAT_MISMATCH: 132012,
  TEMPLATE_PAUSED: 132015,
  TEMPLATE_DISABLED: 132016,
  PARAMETER_TEXT_INVALID: 132018,
} as const;

export interface TemplateProblem {
  severity: TemplateProblemSeverity;
  /** The Meta error code a send would get; `null` for a warning no Meta code stands for (quality). */
  code: number | null;
  component?: TemplateComponent;
  buttonIndex?: number;
  message: string;
  /** For a pause: when Meta's schedule lets the template be sent again. */
  sendableAgainAt?: EpochMillis;
}

export interface TemplateCheck {
  problems: TemplateProblem[];
  /** Header text and body with the send's parameters filled in; `null` for a template not known. */
  preview: string | null;
  /** The body's length once filled in, the figure Meta's 1,024 limit applies to; 0 when unknown. */
  renderedLength: number;
}

/** Whether a check holds a problem that stops the send. */
export function isRefused(check: TemplateCheck): boolean {
  return check.problems.some((problem) => problem.severity === TemplateProblemSeverity.REFUSE);
}
