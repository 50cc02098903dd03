import { type JsonObject, objectOf, stringOf, typeOf } from './meta-json';
import { type SentComponents, sentTextOf } from './sent-components';

/** `{{1}}` or `{{first_name}}`; the same grammar the parameters were read with. */
const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;

export interface RenderedTemplate {
  /** The header's text (when it is text), then the body, filled in; a placeholder with no value stays. */
  preview: string;
  bodyLength: number;
  headerLength: number;
}

/**
 * The text the customer reads: a positional send fills `{{n}}` with its n-th parameter, a named send
 * fills `{{name}}` with the parameter of that `parameter_name`.
 */
export function renderTemplate(components: readonly unknown[], sent: SentComponents): RenderedTemplate {
  let header = '';
  let body = '';
  for (const raw of components) {
    const component = objectOf(raw);
    const type = typeOf(component);
    if (type === 'HEADER' && (typeOf(component, 'format') || 'TEXT') === 'TEXT')
      header = fill(stringOf(component?.text) ?? '', sent.header);
    else if (type === 'BODY') body = fill(stringOf(component?.text) ?? '', sent.body);
  }
  return {
    preview: header === '' ? body : `${header}\n${body}`,
    bodyLength: body.length,
    headerLength: header.length,
  };
}

function fill(text: string, parameters: readonly JsonObject[] | undefined): string {
  if (parameters === undefined || parameters.length === 0) return text;
  return text.replace(PLACEHOLDER, (placeholder, token: string) => {
    const parameter = /^\d+$/.test(token)
      ? parameters[Number(token) - 1]
      : parameters.find((candidate) => candidate.parameter_name === token);
    return (parameter === undefined ? undefined : sentTextOf(parameter)) ?? placeholder;
  });
}
