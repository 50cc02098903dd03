import type { GraphErrorSpec } from './graph-error';
import type { TemplateCatalogue } from './template-catalogue';
import type { WireTemplate, WireTemplateButton } from './template-wire-types';

/*
 * A template send checked against the catalogue, with the code and `error_data.details` Meta answers:
 * 132001 unknown (name, language) or not approved, 132015 paused, 132016 disabled, 132012 a media
 * header without its medium, 100 a named template's parameter without `parameter_name`, 132000 a
 * component with the wrong number of parameters, 132018 a text parameter with a newline, a tab or
 * more than four spaces in a row. The body's structure was checked before (send-validator.ts).
 */

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const MEDIA_FORMATS = new Set(['IMAGE', 'VIDEO', 'DOCUMENT']);

/** Distinct `{{…}}` placeholders of a text: `{{1}}` or `{{name}}`. */
function placeholders(text: string | undefined): number {
  if (text === undefined) return 0;
  return new Set([...text.matchAll(/\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g)].map((match) => match[1])).size;
}

/** Parameters a button takes at send time, and the `sub_type` they come under. */
function buttonParams(button: WireTemplateButton): { subType: string; count: number } | undefined {
  switch (button.type) {
    case 'URL':
      return placeholders(button.url) > 0 ? { subType: 'url', count: 1 } : undefined;
    // Authentication codes travel as a url button's text parameter, even for COPY_CODE.
    case 'OTP':
      return { subType: 'url', count: 1 };
    case 'COPY_CODE':
      return { subType: 'copy_code', count: 1 };
    default:
      return undefined;
  }
}

const countMismatch = (component: string, sent: number, expected: number): GraphErrorSpec => ({
  code: 132000,
  details: `${component}: number of localizable_params (${sent}) does not match the expected number of params (${expected})`,
});

/** Meta's rule for text parameters, one check for every text parameter sent. */
const BAD_TEXT = /[\n\t]| {5,}/;

function parametersOf(components: readonly Json[], type: string, index?: number): Json[] | undefined {
  const component = components.find(
    (candidate) =>
      String(candidate.type).toLowerCase() === type &&
      (index === undefined || Number(candidate.index) === index),
  );
  if (component === undefined) return undefined;
  return Array.isArray(component.parameters) ? component.parameters.filter(isRecord) : [];
}

/** The first reason Meta would refuse this template send, or undefined when it would accept it. */
export function checkTemplateSend(template: Json, catalogue: TemplateCatalogue): GraphErrorSpec | undefined {
  const name = String(template.name);
  const language = String((template.language as Json).code);
  const definition = catalogue.find(name, language);
  const notFound: GraphErrorSpec = {
    code: 132001,
    details: `template name (${name}) does not exist in ${language}`,
  };
  if (definition === undefined) return notFound;
  if (definition.status === 'PAUSED') {
    return { code: 132015, details: `Template ${name} is paused because of its low quality.` };
  }
  if (definition.status === 'DISABLED') {
    return { code: 132016, details: `Template ${name} has been disabled because of its low quality.` };
  }
  if (definition.status !== 'APPROVED') return notFound;
  const components = Array.isArray(template.components) ? template.components.filter(isRecord) : [];
  return checkParameters(definition, components);
}

function checkParameters(definition: WireTemplate, components: readonly Json[]): GraphErrorSpec | undefined {
  const named = definition.parameter_format === 'NAMED';
  const sentText: Json[] = [];
  for (const part of definition.components) {
    if (part.type === 'HEADER') {
      const sent = parametersOf(components, 'header') ?? [];
      if (MEDIA_FORMATS.has(part.format)) {
        const expected = part.format.toLowerCase();
        const received = sent.length === 0 ? 'UNKNOWN' : String(sent[0]!.type).toUpperCase();
        if (sent.length !== 1 || sent[0]!.type !== expected || !isRecord(sent[0]![expected])) {
          return {
            code: 132012,
            details: `header: Format mismatch, expected ${part.format}, received ${received}`,
          };
        }
        continue;
      }
      const problem = checkTextComponent('header', sent, placeholders(part.text), named);
      if (problem !== undefined) return problem;
      sentText.push(...sent);
    }
    if (part.type === 'BODY') {
      const sent = parametersOf(components, 'body') ?? [];
      const problem = checkTextComponent('body', sent, placeholders(part.text), named);
      if (problem !== undefined) return problem;
      sentText.push(...sent);
    }
    if (part.type === 'BUTTONS') {
      for (const [index, button] of part.buttons.entries()) {
        const expected = buttonParams(button);
        if (expected === undefined) continue;
        const sent = parametersOf(components, 'button', index) ?? [];
        if (sent.length !== expected.count) return countMismatch('button', sent.length, expected.count);
        sentText.push(...sent);
      }
    }
  }
  const badText = sentText.find(
    (parameter) => typeof parameter.text === 'string' && BAD_TEXT.test(parameter.text),
  );
  if (badText !== undefined) {
    return {
      code: 132018,
      details: 'Param text cannot have new-line/tab characters or more than 4 consecutive spaces',
    };
  }
  return undefined;
}

function checkTextComponent(
  component: 'header' | 'body',
  sent: readonly Json[],
  expected: number,
  named: boolean,
): GraphErrorSpec | undefined {
  if (named) {
    const unnamed = sent.find(
      (parameter) =>
        parameter.type === 'text' &&
        (typeof parameter.parameter_name !== 'string' || parameter.parameter_name.length === 0),
    );
    if (unnamed !== undefined) return { code: 100, details: 'Parameter name is missing or empty' };
  }
  return sent.length === expected ? undefined : countMismatch(component, sent.length, expected);
}
