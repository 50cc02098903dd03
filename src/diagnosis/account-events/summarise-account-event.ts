import { Locale } from '../locale';
import { type AccountEventEvidence, type AccountEventKindName } from './account-event-evidence';
import { record, text } from './payload-reading';

type Summariser = (event: AccountEventEvidence) => string;

/** `name (language)` of the template a change is about. */
const template = (payload: Record<string, unknown>, unknown: string): string => {
  const name = text(payload, 'message_template_name') ?? unknown;
  const language = text(payload, 'message_template_language');
  return language === undefined ? name : `${name} (${language})`;
};

/**
 * The first choice of a `user_preferences` change: who made it, Meta's word for it (`stop`, `resume`,
 * `signup`, or one added since) and Meta's own sentence about it, each when sent.
 */
const marketingChoice = (
  payload: Record<string, unknown>,
): { who?: string; value?: string; detail?: string } => {
  const first = record(
    Array.isArray(payload['user_preferences']) ? payload['user_preferences'][0] : undefined,
  );
  return {
    who: text(first, 'wa_id') ?? text(first, 'user_id'),
    value: text(first, 'value'),
    detail: text(first, 'detail'),
  };
};

/** Meta's marketing choices (lower case) in words; a word not here is shown as Meta sent it. */
const MARKETING_CHOICES_EN: Readonly<Record<string, string>> = {
  stop: 'stopped marketing messages',
  resume: 'resumed marketing messages',
  signup: 'signed up for marketing messages through a signup link',
};
const MARKETING_CHOICES_ZH: Readonly<Record<string, string>> = {
  stop: '停止接收行銷訊息',
  resume: '恢復接收行銷訊息',
  signup: '透過註冊連結訂閱行銷訊息',
};

/** Meta's pause titles and how long each pause lasts. */
const PAUSE_HOURS: Readonly<Record<string, number>> = { FIRST_PAUSE: 3, SECOND_PAUSE: 6 };

/** One line a person understands, for every kind, in both locales (a missing one is a compile error). */
const SUMMARIES: Record<Locale, Record<AccountEventKindName, Summariser>> = {
  [Locale.EN]: {
    TEMPLATE_STATUS: ({ payload }) => {
      const event = text(payload, 'event') ?? 'UPDATED';
      const title = text(record(payload['other_info']), 'title');
      const hours = title === undefined ? undefined : PAUSE_HOURS[title];
      const what =
        event === 'PAUSED' && hours !== undefined
          ? `paused for ${hours} hours`
          : event.toLowerCase().replace(/_/g, ' ');
      const reason = text(payload, 'reason');
      const because =
        event === 'PAUSED'
          ? ': low quality'
          : reason !== undefined && reason !== 'NONE'
            ? `: ${reason.toLowerCase().replace(/_/g, ' ')}`
            : '';
      return `Template ${template(payload, 'unknown')} ${what}${because}`;
    },
    TEMPLATE_CATEGORY: ({ payload }) =>
      `Template ${template(payload, 'unknown')} category changed from ${text(payload, 'previous_category') ?? '?'} to ${text(payload, 'new_category') ?? '?'}`,
    TEMPLATE_QUALITY: ({ payload }) =>
      `Template ${template(payload, 'unknown')} quality ${text(payload, 'previous_quality_score') ?? '?'} → ${text(payload, 'new_quality_score') ?? '?'}`,
    PHONE_NUMBER_QUALITY: ({ payload }) => {
      const limit = text(payload, 'current_limit') ?? text(payload, 'max_daily_conversations_per_business');
      const number = text(payload, 'display_phone_number');
      const event = (text(payload, 'event') ?? 'updated').toLowerCase();
      const line = `Phone number${number === undefined ? '' : ` ${number}`} ${event}`;
      return limit === undefined ? line : `${line}; messaging limit ${limit}`;
    },
    PHONE_NUMBER_NAME: ({ payload }) =>
      `Display name "${text(payload, 'requested_verified_name') ?? '?'}" ${(text(payload, 'decision') ?? 'reviewed').toLowerCase()}${text(payload, 'rejection_reason') !== undefined && text(payload, 'rejection_reason') !== 'NONE' ? `: ${text(payload, 'rejection_reason')}` : ''}`,
    ACCOUNT_UPDATE: ({ payload }) =>
      `Account update: ${(text(payload, 'event') ?? 'unknown').toLowerCase().replace(/_/g, ' ')}`,
    ACCOUNT_ALERT: ({ payload }) => {
      const alert = record(payload['alert_info']);
      return `Account alert (${text(alert, 'alert_severity') ?? 'unknown severity'}): ${text(alert, 'alert_description') ?? text(alert, 'alert_type') ?? 'no details'}`;
    },
    BUSINESS_CAPABILITY: ({ payload }) => {
      const limit =
        text(payload, 'max_daily_conversations_per_business') ??
        text(payload, 'max_daily_conversation_per_phone');
      return `Business capability changed${limit !== undefined ? `: messaging limit ${limit}` : ''}`;
    },
    USER_PREFERENCE: ({ payload }) => {
      const { who, value, detail } = marketingChoice(payload);
      const choice =
        value === undefined
          ? 'changed their marketing message preference'
          : (MARKETING_CHOICES_EN[value.toLowerCase()] ?? `chose "${value}" for marketing messages`);
      return `${who ?? 'A customer'} ${choice}${detail === undefined ? '' : ` (Meta says: “${detail}”)`}`;
    },
    WEBHOOK_ERROR: ({ payload }) => {
      const error = record(payload['error']);
      if (text(error, 'code') !== undefined) {
        return `Meta reported error ${text(error, 'code')} for the account: ${text(error, 'title') ?? text(error, 'message') ?? 'no details'}`;
      }
      return `A webhook part could not be read (${text(payload, 'path') ?? 'the whole body'}): ${text(payload, 'reason') ?? 'unknown shape'}`;
    },
    SECURITY: ({ payload }) =>
      `Security: ${(text(payload, 'event') ?? 'setting changed').toLowerCase().replace(/_/g, ' ')} on ${text(payload, 'display_phone_number') ?? 'the phone number'}`,
    OTHER: ({ field: name }) => `Webhook event "${name || 'unknown'}" received`,
  },
  [Locale.ZH_TW]: {
    TEMPLATE_STATUS: ({ payload }) => {
      const event = text(payload, 'event') ?? 'UPDATED';
      const title = text(record(payload['other_info']), 'title');
      const hours = title === undefined ? undefined : PAUSE_HOURS[title];
      const what = TEMPLATE_EVENTS_ZH[event] ?? event;
      const pause = event === 'PAUSED' && hours !== undefined ? `暫停 ${hours} 小時：品質偏低` : what;
      const reason = text(payload, 'reason');
      const because = event !== 'PAUSED' && reason !== undefined && reason !== 'NONE' ? `：${reason}` : '';
      return `範本 ${template(payload, '不明')} ${pause}${because}`;
    },
    TEMPLATE_CATEGORY: ({ payload }) =>
      `範本 ${template(payload, '不明')} 類別由 ${text(payload, 'previous_category') ?? '?'} 改為 ${text(payload, 'new_category') ?? '?'}`,
    TEMPLATE_QUALITY: ({ payload }) =>
      `範本 ${template(payload, '不明')} 品質 ${text(payload, 'previous_quality_score') ?? '?'} → ${text(payload, 'new_quality_score') ?? '?'}`,
    PHONE_NUMBER_QUALITY: ({ payload }) => {
      const limit = text(payload, 'current_limit') ?? text(payload, 'max_daily_conversations_per_business');
      return `電話號碼 ${text(payload, 'display_phone_number') ?? ''} 品質事件 ${text(payload, 'event') ?? '更新'}${limit !== undefined ? `；傳訊上限 ${limit}` : ''}`;
    },
    PHONE_NUMBER_NAME: ({ payload }) =>
      `顯示名稱「${text(payload, 'requested_verified_name') ?? '?'}」審核結果：${text(payload, 'decision') ?? '不明'}`,
    ACCOUNT_UPDATE: ({ payload }) => `帳號更新：${text(payload, 'event') ?? '不明'}`,
    ACCOUNT_ALERT: ({ payload }) => {
      const alert = record(payload['alert_info']);
      return `帳號警示（${text(alert, 'alert_severity') ?? '嚴重程度不明'}）：${text(alert, 'alert_description') ?? text(alert, 'alert_type') ?? '無詳細資訊'}`;
    },
    BUSINESS_CAPABILITY: ({ payload }) => {
      const limit =
        text(payload, 'max_daily_conversations_per_business') ??
        text(payload, 'max_daily_conversation_per_phone');
      return `商家功能已變更${limit !== undefined ? `：傳訊上限 ${limit}` : ''}`;
    },
    USER_PREFERENCE: ({ payload }) => {
      const { who, value, detail } = marketingChoice(payload);
      const choice =
        value === undefined
          ? '變更了行銷訊息偏好設定'
          : (MARKETING_CHOICES_ZH[value.toLowerCase()] ?? `將行銷訊息偏好設為「${value}」`);
      return `${who ?? '一位顧客'} ${choice}${detail === undefined ? '' : `（Meta 說明：「${detail}」）`}`;
    },
    WEBHOOK_ERROR: ({ payload }) => {
      const error = record(payload['error']);
      if (text(error, 'code') !== undefined) {
        return `Meta 回報帳號層級錯誤 ${text(error, 'code')}：${text(error, 'title') ?? text(error, 'message') ?? '無詳細資訊'}`;
      }
      return `Webhook 有一部分無法讀取（${text(payload, 'path') ?? '整個內容'}）：${text(payload, 'reason') ?? '格式不明'}`;
    },
    SECURITY: ({ payload }) =>
      `安全性：${text(payload, 'display_phone_number') ?? '電話號碼'} 的 ${text(payload, 'event') ?? '設定已變更'}`,
    OTHER: ({ field: name }) => `收到 Webhook 事件「${name || '不明'}」`,
  },
};

/** Meta's template events in Traditional Chinese. */
const TEMPLATE_EVENTS_ZH: Readonly<Record<string, string>> = {
  APPROVED: '已核准',
  REJECTED: '遭拒絕',
  PENDING: '審核中',
  PAUSED: '已暫停',
  DISABLED: '已停用',
  FLAGGED: '已被標記（有停用風險）',
  REINSTATED: '已恢復',
  IN_APPEAL: '申訴中',
  LOCKED: '已鎖定',
  ARCHIVED: '已封存',
  UNARCHIVED: '已取消封存',
  DELETED: '已刪除',
  PENDING_DELETION: '待刪除',
  LIMIT_EXCEEDED: '已達範本數量上限',
};

/** The one-line summary of an account event in the given locale. */
export function summariseAccountEvent(event: AccountEventEvidence, locale: Locale): string {
  const summarise = SUMMARIES[locale][event.kind as AccountEventKindName] ?? SUMMARIES[locale].OTHER;
  return summarise(event);
}
