import { arrayOf, type JsonObject, objectOf, stringOf, typeOf } from './meta-json';
import { type TemplateSendFields } from './template-check';

/** A send's components grouped the way the definition's parameters are: header, body, buttons by index. */
export interface SentComponents {
  /** `undefined` when the send has no header component. */
  header?: readonly JsonObject[];
  body?: readonly JsonObject[];
  buttons: ReadonlyMap<number, readonly JsonObject[]>;
}

/** Meta accepts a button's `index` as a number or as a numeric string. */
function buttonIndexOf(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  return undefined;
}

function parametersOf(component: JsonObject): JsonObject[] {
  const parameters: JsonObject[] = [];
  for (const raw of arrayOf(component.parameters)) {
    const parameter = objectOf(raw);
    // A non-object parameter is still a parameter Meta would count (and refuse): keep it as empty.
    parameters.push(parameter ?? {});
  }
  return parameters;
}

export function sentComponentsOf(send: TemplateSendFields): SentComponents {
  const sent: { header?: JsonObject[]; body?: JsonObject[]; buttons: Map<number, JsonObject[]> } = {
    buttons: new Map(),
  };
  for (const component of send.components ?? []) {
    switch (typeOf(component)) {
      case 'HEADER':
        sent.header = [...(sent.header ?? []), ...parametersOf(component)];
        break;
      case 'BODY':
        sent.body = [...(sent.body ?? []), ...parametersOf(component)];
        break;
      case 'BUTTON': {
        const index = buttonIndexOf(component.index);
        if (index !== undefined) sent.buttons.set(index, parametersOf(component));
        break;
      }
    }
  }
  return sent;
}

/**
 * The text a parameter puts in the message: a text's `text`, a currency's or date's `fallback_value`
 * (what Meta shows), a coupon's code, a payload. `undefined` when it carries none.
 */
export function sentTextOf(parameter: JsonObject): string | undefined {
  switch (typeOf(parameter)) {
    case 'TEXT':
      return stringOf(parameter.text);
    case 'CURRENCY':
      return stringOf(objectOf(parameter.currency)?.fallback_value);
    case 'DATE_TIME':
      return stringOf(objectOf(parameter.date_time)?.fallback_value);
    case 'COUPON_CODE':
      return stringOf(parameter.coupon_code);
    case 'PAYLOAD':
      return stringOf(parameter.payload);
    default:
      return undefined;
  }
}
