import { type JsonObject, stringOf, typeOf } from './meta-json';
import { sentComponentsOf, sentTextOf } from './sent-components';
import { type TemplateSendFields } from './template-check';
import { TemplateComponent } from './template-parameter';

/** Meta refuses text parameters with a newline or a tab, or more than 4 spaces in a row (132018). */
const INVALID_TEXT = /[\n\r\t]| {5}/;

/**
 * What a template send gave, in the terms a diagnosis quotes (it matches the diagnosis's
 * `TemplateSendEvidence` field by field): how many parameters per component, the names given, the
 * header's parameter type, and the first text Meta refuses. Built only when a send is refused, so it
 * may walk the components again.
 */
export interface TemplateSendSummary {
  counts: Record<string, number>;
  names: string[];
  headerType: string;
  offendingText?: string;
}

export function summariseSend(send: TemplateSendFields): TemplateSendSummary {
  const sent = sentComponentsOf(send);
  const header = sent.header ?? [];
  const body = sent.body ?? [];
  let buttons = 0;
  for (const parameters of sent.buttons.values()) buttons += parameters.length;
  const texts = [...header, ...body, ...[...sent.buttons.values()].flat()];
  const offendingText = texts.map(sentTextOf).find((text) => text !== undefined && INVALID_TEXT.test(text));
  return {
    counts: {
      [TemplateComponent.HEADER]: header.length,
      [TemplateComponent.BODY]: body.length,
      [TemplateComponent.BUTTON]: buttons,
    },
    names: [...header, ...body].flatMap(nameOf),
    headerType: typeOf(header[0]),
    ...(offendingText !== undefined && { offendingText }),
  };
}

function nameOf(parameter: JsonObject): string[] {
  const name = stringOf(parameter.parameter_name);
  return name ? [name] : [];
}
