import { type EpochMillis } from '../store-kit';
import { parameterProblems } from './parameter-problems';
import { renderTemplate } from './render-preview';
import { sentComponentsOf } from './sent-components';
import { statusProblems } from './status-problems';
import {
  MetaTemplateCode,
  type TemplateCheck,
  type TemplateProblem,
  TemplateProblemSeverity,
  type TemplateSendFields,
} from './template-check';
import { TemplateComponent } from './template-parameter';
import { TemplateCategory, type TemplateRecord } from './template-record';

/** Meta's limits on the filled-in texts (132005 when exceeded). */
export const MAX_RENDERED_BODY_LENGTH = 1_024;
export const MAX_RENDERED_HEADER_LENGTH = 60;

/**
 * What to do with a template the catalogue does not hold: `checkTemplateSend` asks, so it is refused
 * with 132001; `sendMessage` sends it as it always did (the catalogue may simply not have synced yet).
 */
export enum UnknownTemplatePolicy {
  REFUSE = 'REFUSE',
  SEND = 'SEND',
}

export interface TemplateCheckOptions {
  now: EpochMillis;
  unknownTemplate: UnknownTemplatePolicy;
}

/**
 * Checks a template send against the cached template, without I/O: status, parameters, media header,
 * texts, rendered lengths, quality. `template` is the catalogue's record for the send's name and
 * language, or `undefined`. Whether the customer opted out of marketing is the caller's to know: it
 * adds `marketingOptOutWarning` when it does.
 */
export function checkTemplateSend(
  template: TemplateRecord | undefined,
  send: TemplateSendFields,
  options: TemplateCheckOptions,
): TemplateCheck {
  if (template === undefined) {
    const problems: TemplateProblem[] =
      options.unknownTemplate === UnknownTemplatePolicy.REFUSE
        ? [
            {
              severity: TemplateProblemSeverity.REFUSE,
              code: MetaTemplateCode.TEMPLATE_DOES_NOT_EXIST,
              message: `No template ${send.name} in language ${send.languageCode} is known for this business account.`,
            },
          ]
        : [];
    return { problems, preview: null, renderedLength: 0 };
  }
  const sent = sentComponentsOf(send);
  const rendered = renderTemplate(template.components, sent);
  const problems = [...statusProblems(template, options.now), ...parameterProblems(template, sent)];
  if (rendered.headerLength > MAX_RENDERED_HEADER_LENGTH)
    problems.push(tooLong(TemplateComponent.HEADER, rendered.headerLength, MAX_RENDERED_HEADER_LENGTH));
  if (rendered.bodyLength > MAX_RENDERED_BODY_LENGTH)
    problems.push(tooLong(TemplateComponent.BODY, rendered.bodyLength, MAX_RENDERED_BODY_LENGTH));
  return { problems, preview: rendered.preview, renderedLength: rendered.bodyLength };
}

function tooLong(component: TemplateComponent, length: number, limit: number): TemplateProblem {
  return {
    severity: TemplateProblemSeverity.WARN,
    code: MetaTemplateCode.HYDRATED_TEXT_TOO_LONG,
    component,
    message: `${component.toLowerCase()}: ${length} characters once filled in; Meta allows ${limit.toLocaleString('en')}.`,
  };
}

/**
 * The warning for a marketing template to a customer who opted out of marketing (Meta does not deliver
 * it, 131050); `undefined` for other categories. The caller knows the customer, so it decides to add it.
 */
export function marketingOptOutWarning(template: TemplateRecord): TemplateProblem | undefined {
  if (template.category !== TemplateCategory.MARKETING) return undefined;
  return {
    severity: TemplateProblemSeverity.WARN,
    code: MetaTemplateCode.MARKETING_OPTED_OUT,
    message: `The customer stopped marketing messages; Meta will not deliver marketing template ${template.name}.`,
  };
}
