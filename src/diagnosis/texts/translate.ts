import { Locale } from '../locale';
import { EN, type MessageId } from './en';
import { ZH_TW } from './zh-tw';

/** A text parameter: a literal, or another text (a place name, a certainty word) rendered in the same locale. */
export type TextParam = string | number | { text: MessageId };
export type TextParams = Readonly<Record<string, TextParam>>;

const TABLES: Readonly<Record<Locale, Readonly<Record<MessageId, string>>>> = {
  [Locale.EN]: EN,
  [Locale.ZH_TW]: ZH_TW,
};

/** The text table of one locale (read-only; for the completeness tests and the catalogue). */
export function textTable(locale: Locale): Readonly<Record<MessageId, string>> {
  return TABLES[locale];
}

/** True when `id` names a text; used for ids built at run time, like `code.<n>.description`. */
export function isMessageId(id: string): id is MessageId {
  return Object.prototype.hasOwnProperty.call(EN, id);
}

/**
 * Renders `id` in `locale`, replacing each `{name}` by its parameter. A placeholder without a parameter
 * is left as written, so a missing parameter shows up in review instead of silently vanishing.
 */
export function translate(locale: Locale, id: MessageId, params: TextParams = {}): string {
  // An unknown locale (a caller bypassing the enum) falls back to English rather than throwing.
  const table = TABLES[locale] ?? EN;
  return table[id].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'object' ? translate(locale, value.text, params) : String(value);
  });
}
