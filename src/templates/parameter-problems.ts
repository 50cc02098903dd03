import { type JsonObject, objectOf, stringOf, typeOf } from './meta-json';
import { type SentComponents, sentTextOf } from './sent-components';
import { MetaTemplateCode, type TemplateProblem, TemplateProblemSeverity } from './template-check';
import { TemplateComponent, type TemplateParameter, TemplateParameterKind } from './template-parameter';
import { TemplateParameterFormat, type TemplateRecord } from './template-record';

const { REFUSE } = TemplateProblemSeverity;

/** Meta refuses text parameters with a newline or a tab, or more than 4 spaces in a row (132018). */
const INVALID_TEXT = /[\n\t]| {5}/;

/** The send parameter type each media header kind takes (`{ type: 'image', image: { link } }`). */
const SEND_TYPE_OF_MEDIA: ReadonlyMap<TemplateParameterKind, readonly string[]> = new Map([
  [TemplateParameterKind.IMAGE, ['IMAGE']],
  [TemplateParameterKind.VIDEO, ['VIDEO']],
  // Meta's send body names no `gif` type; GIF headers are sent as mp4 video, and some send `gif`.
  [TemplateParameterKind.GIF, ['VIDEO', 'GIF']],
  [TemplateParameterKind.DOCUMENT, ['DOCUMENT']],
  [TemplateParameterKind.LOCATION, ['LOCATION']],
  [TemplateParameterKind.PRODUCT, ['PRODUCT']],
]);

/** Every problem of the send's parameters against the template's, component by component. */
export function parameterProblems(template: TemplateRecord, sent: SentComponents): TemplateProblem[] {
  const header: TemplateParameter[] = [];
  const body: TemplateParameter[] = [];
  const buttons: TemplateParameter[] = [];
  for (const parameter of template.parameters) {
    if (parameter.component === TemplateComponent.HEADER) header.push(parameter);
    else if (parameter.component === TemplateComponent.BODY) body.push(parameter);
    else buttons.push(parameter);
  }
  const named = template.parameterFormat === TemplateParameterFormat.NAMED;
  const media = header.length === 1 && header[0]?.kind !== TemplateParameterKind.TEXT ? header[0] : undefined;
  return [
    ...(media === undefined
      ? textProblems(TemplateComponent.HEADER, header, sent.header, named)
      : mediaHeaderProblems(media, sent.header)),
    ...textProblems(TemplateComponent.BODY, body, sent.body, named),
    ...buttons.flatMap((button) => buttonProblems(button, sent.buttons.get(button.buttonIndex ?? -1))),
  ];
}

function problem(
  code: number,
  component: TemplateComponent,
  message: string,
  buttonIndex?: number,
): TemplateProblem {
  return {
    severity: REFUSE,
    code,
    component,
    message,
    ...(buttonIndex === undefined ? {} : { buttonIndex }),
  };
}

function textProblems(
  component: TemplateComponent,
  expected: readonly TemplateParameter[],
  sent: readonly JsonObject[] | undefined,
  named: boolean,
): TemplateProblem[] {
  const given = sent ?? [];
  const where = component.toLowerCase();
  if (given.length !== expected.length) {
    // Meta's own wording for 132000, so that the message matches what a send would have returned.
    return [
      problem(
        MetaTemplateCode.PARAMETER_COUNT_MISMATCH,
        component,
        `${where}: number of parameters (${given.length}) does not match the expected number of params (${expected.length}).`,
      ),
    ];
  }
  const problems: TemplateProblem[] = [];
  if (named) problems.push(...nameProblems(component, expected, given));
  given.forEach((parameter, i) => {
    const label = named ? `{{${stringOf(parameter.parameter_name) ?? '?'}}}` : `{{${i + 1}}}`;
    const text = sentTextOf(parameter);
    if (text === undefined || text === '') {
      problems.push(
        problem(
          MetaTemplateCode.REQUIRED_PARAMETER_MISSING,
          component,
          `${where}: parameter ${label} has no value (a ${typeOf(parameter).toLowerCase() || 'typeless'} parameter without its text).`,
        ),
      );
    } else if (INVALID_TEXT.test(text)) {
      problems.push(
        problem(
          MetaTemplateCode.PARAMETER_TEXT_INVALID,
          component,
          `${where}: parameter ${label} has a new line, a tab or more than 4 consecutive spaces, which Meta refuses.`,
        ),
      );
    }
  });
  return problems;
}

/** A named template needs `parameter_name` on each text parameter, naming one of its placeholders. */
function nameProblems(
  component: TemplateComponent,
  expected: readonly TemplateParameter[],
  given: readonly JsonObject[],
): TemplateProblem[] {
  const where = component.toLowerCase();
  const names = new Set(expected.map((parameter) => parameter.name));
  const unnamed = given.filter((parameter) => !stringOf(parameter.parameter_name)).length;
  const problems: TemplateProblem[] = [];
  if (unnamed > 0) {
    problems.push(
      problem(
        MetaTemplateCode.INVALID_PARAMETER,
        component,
        `${where}: ${unnamed} parameter(s) without parameter_name; this template's parameters are named (${[...names].join(', ')}).`,
      ),
    );
  }
  for (const parameter of given) {
    const name = stringOf(parameter.parameter_name);
    if (name && !names.has(name)) {
      problems.push(
        problem(
          MetaTemplateCode.INVALID_PARAMETER,
          component,
          `${where}: the template has no parameter ${name}.`,
        ),
      );
    }
  }
  return problems;
}

function mediaHeaderProblems(
  expected: TemplateParameter,
  sent: readonly JsonObject[] | undefined,
): TemplateProblem[] {
  const parameter = sent?.[0];
  const sentType = typeOf(parameter);
  const accepted = SEND_TYPE_OF_MEDIA.get(expected.kind) ?? [];
  if (parameter === undefined || !accepted.includes(sentType)) {
    return [
      problem(
        MetaTemplateCode.PARAMETER_FORMAT_MISMATCH,
        TemplateComponent.HEADER,
        `header: Format mismatch, expected ${expected.kind}, received ${sentType || 'UNKNOWN'}.`,
      ),
    ];
  }
  const value = objectOf(parameter[sentType.toLowerCase()]);
  const complete =
    expected.kind === TemplateParameterKind.LOCATION
      ? value?.latitude !== undefined && value.longitude !== undefined
      : expected.kind === TemplateParameterKind.PRODUCT
        ? value !== undefined
        : stringOf(value?.link) !== undefined || stringOf(value?.id) !== undefined;
  if (complete) return [];
  const missing =
    expected.kind === TemplateParameterKind.LOCATION ? 'latitude and longitude' : 'a link or a media id';
  return [
    problem(
      MetaTemplateCode.REQUIRED_PARAMETER_MISSING,
      TemplateComponent.HEADER,
      `header: the ${expected.kind.toLowerCase()} needs ${missing}.`,
    ),
  ];
}

const BUTTON_VALUE: ReadonlyMap<TemplateParameterKind, string> = new Map([
  [TemplateParameterKind.URL, 'the URL suffix'],
  [TemplateParameterKind.OTP, 'the one-time password'],
  [TemplateParameterKind.COUPON_CODE, 'the coupon code'],
]);

function buttonProblems(
  expected: TemplateParameter,
  sent: readonly JsonObject[] | undefined,
): TemplateProblem[] {
  const index = expected.buttonIndex ?? 0;
  const what = BUTTON_VALUE.get(expected.kind) ?? 'its value';
  const value = sent?.[0] === undefined ? undefined : sentTextOf(sent[0]);
  if (value !== undefined && value !== '') return [];
  return [
    problem(
      MetaTemplateCode.REQUIRED_PARAMETER_MISSING,
      TemplateComponent.BUTTON,
      `button ${index}: ${what} is missing (a button component with index ${index} and one parameter).`,
      index,
    ),
  ];
}
