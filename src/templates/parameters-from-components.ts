import { arrayOf, type JsonObject, objectOf, stringOf, typeOf } from './meta-json';
import { TemplateComponent, type TemplateParameter, TemplateParameterKind } from './template-parameter';

/** `{{1}}` or `{{first_name}}`, as Meta writes placeholders in header, body and URL texts. */
const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;

/** The URL Meta gives the OTP button of an authentication template when it lists it. */
const OTP_URL = /^https:\/\/www\.whatsapp\.com\/otp\//;

/** Header formats whose value the send provides as an object of that type, not as text. */
const MEDIA_HEADER_KINDS: ReadonlyMap<string, TemplateParameterKind> = new Map([
  ['IMAGE', TemplateParameterKind.IMAGE],
  ['VIDEO', TemplateParameterKind.VIDEO],
  ['GIF', TemplateParameterKind.GIF],
  ['DOCUMENT', TemplateParameterKind.DOCUMENT],
  ['LOCATION', TemplateParameterKind.LOCATION],
  ['PRODUCT', TemplateParameterKind.PRODUCT],
]);

/** The placeholders of a text, each once, in the order a send lists them: by number, or as first written. */
export function placeholdersOf(text: string): Array<{ position: number } | { name: string }> {
  const seen = new Set<string>();
  const found: Array<{ position: number } | { name: string }> = [];
  for (const match of text.matchAll(PLACEHOLDER)) {
    const token = match[1] as string;
    if (seen.has(token)) continue;
    seen.add(token);
    found.push(/^\d+$/.test(token) ? { position: Number(token) } : { name: token });
  }
  return found.sort((a, b) => ('position' in a && 'position' in b ? a.position - b.position : 0));
}

/**
 * What a send of a template must fill in, from Meta's component objects: header and body placeholders
 * (positional or named), a media or location header, URL buttons with a placeholder, copy-code buttons
 * and one-time-password buttons. Quick replies, flows and catalogue buttons take no required value and
 * are left out. Unreadable components are skipped, never fatal.
 */
export function parametersFromComponents(components: readonly unknown[]): TemplateParameter[] {
  const parameters: TemplateParameter[] = [];
  for (const raw of components) {
    const component = objectOf(raw);
    switch (typeOf(component)) {
      case 'HEADER':
        parameters.push(...headerParameters(component as JsonObject));
        break;
      case 'BODY':
        parameters.push(...textParameters(component as JsonObject, TemplateComponent.BODY));
        break;
      case 'BUTTONS':
        parameters.push(...buttonParameters(component as JsonObject));
        break;
    }
  }
  return parameters;
}

function headerParameters(header: JsonObject): TemplateParameter[] {
  const format = typeOf(header, 'format') || 'TEXT';
  if (format === 'TEXT') return textParameters(header, TemplateComponent.HEADER);
  const kind = MEDIA_HEADER_KINDS.get(format);
  if (kind === undefined) return [];
  // The sample is a signed scontent URL that expires: an example to show, never media to send.
  const sample = stringOf(arrayOf(objectOf(header.example)?.header_handle)[0]);
  return [
    { component: TemplateComponent.HEADER, kind, ...(sample === undefined ? {} : { example: sample }) },
  ];
}

/** Placeholders of a header or body text, with Meta's samples from `example`. */
function textParameters(component: JsonObject, where: TemplateComponent): TemplateParameter[] {
  const text = stringOf(component.text);
  if (text === undefined) return [];
  const example = objectOf(component.example);
  const prefix = where === TemplateComponent.HEADER ? 'header_text' : 'body_text';
  // Positional samples: `header_text: ["x"]`, `body_text: [["a", "b"]]` (one row per sample set).
  const positional = arrayOf(example?.[prefix]);
  const positionalRow = where === TemplateComponent.HEADER ? positional : arrayOf(positional[0]);
  const named = new Map<string, string>();
  for (const entry of arrayOf(example?.[`${prefix}_named_params`])) {
    const param = objectOf(entry);
    const name = stringOf(param?.param_name);
    const sample = stringOf(param?.example);
    if (name !== undefined && sample !== undefined) named.set(name, sample);
  }
  return placeholdersOf(text).map((placeholder) => {
    const sample =
      'position' in placeholder
        ? stringOf(positionalRow[placeholder.position - 1])
        : named.get(placeholder.name);
    return {
      component: where,
      ...placeholder,
      kind: TemplateParameterKind.TEXT,
      ...(sample === undefined ? {} : { example: sample }),
    };
  });
}

function buttonParameters(component: JsonObject): TemplateParameter[] {
  const parameters: TemplateParameter[] = [];
  arrayOf(component.buttons).forEach((raw, buttonIndex) => {
    const button = objectOf(raw);
    const kind = buttonKind(button);
    if (kind === undefined) return;
    const examples = button?.example;
    const sample = stringOf(examples) ?? stringOf(arrayOf(examples)[0]);
    parameters.push({
      component: TemplateComponent.BUTTON,
      buttonIndex,
      ...(kind === TemplateParameterKind.URL ? { position: 1 } : {}),
      kind,
      ...(sample === undefined ? {} : { example: sample }),
    });
  });
  return parameters;
}

/** The value a button needs at send time, if any: a URL's suffix only when its URL has a placeholder. */
function buttonKind(button: JsonObject | undefined): TemplateParameterKind | undefined {
  switch (typeOf(button)) {
    case 'URL': {
      const url = stringOf(button?.url) ?? '';
      if (placeholdersOf(url).length === 0) return undefined;
      // Meta reads an authentication template's OTP button back as a URL button to its OTP page.
      return OTP_URL.test(url) ? TemplateParameterKind.OTP : TemplateParameterKind.URL;
    }
    case 'COPY_CODE':
      return TemplateParameterKind.COUPON_CODE;
    case 'OTP':
      return TemplateParameterKind.OTP;
    default:
      return undefined;
  }
}
