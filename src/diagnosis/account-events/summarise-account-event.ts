import { Locale } from '../locale';
import { type AccountEventEvidence } from './account-event-evidence';

/** Reads a string field of a payload; Meta's values are loose, so anything else counts as absent. */
function text(payload: Record<string, unknown>, key: string): string | undefined {
  const value = payload[key];
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

type Summariser = (event: AccountEventEvidence) => string;

/** One line a person understands, per kind and locale; a kind without a line of its own names its field. */
const SUMMARIES: Record<Locale, Partial<Record<string, Summariser>> & { fallback: Summariser }> = {
  [Locale.EN]: {
    WEBHOOK_ERROR: ({ payload }) => {
      const error = record(payload.error);
      if (text(error, 'code') !== undefined) {
        return `Meta reported error ${text(error, 'code')} for the account: ${text(error, 'title') ?? text(error, 'message') ?? 'no details'}`;
      }
      return `A webhook part could not be read (${text(payload, 'path') || 'the whole body'}): ${text(payload, 'reason') ?? 'unknown shape'}`;
    },
    fallback: ({ field }) => `Webhook event "${field || 'unknown'}" received`,
  },
  [Locale.ZH_TW]: {
    WEBHOOK_ERROR: ({ payload }) => {
      const error = record(payload.error);
      if (text(error, 'code') !== undefined) {
        return `Meta 回報帳號層級錯誤 ${text(error, 'code')}：${text(error, 'title') ?? text(error, 'message') ?? '無詳細資訊'}`;
      }
      return `Webhook 有一部分無法讀取（${text(payload, 'path') || '整個內容'}）：${text(payload, 'reason') ?? '格式不明'}`;
    },
    fallback: ({ field }) => `收到 Webhook 事件「${field || '不明'}」`,
  },
};

/** The one-line summary of an account event in the given locale. */
export function summariseAccountEvent(event: AccountEventEvidence, locale: Locale): string {
  const texts = SUMMARIES[locale];
  return (texts[event.kind] ?? texts.fallback)(event);
}
