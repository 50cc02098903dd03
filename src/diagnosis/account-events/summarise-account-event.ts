import { Locale } from '../locale';
import {
  type AccountEventEvidence,
  type AccountEventKindName,
  type EvidenceOf,
  type MarketingChoiceEvidence,
} from './account-event-evidence';

/** One summary per kind, each reading the evidence of its kind. */
type Summaries = { [K in AccountEventKindName]: (event: EvidenceOf<K>) => string };

/** `name (language)` of the template an event is about. */
const template = (event: { templateName?: string; templateLanguage?: string }, unknown: string): string => {
  const name = event.templateName ?? unknown;
  return event.templateLanguage === undefined ? name : `${name} (${event.templateLanguage})`;
};

/**
 * The first choice of a `user_preferences` event: who made it, Meta's word for it (`stop`, `resume`,
 * `signup`, or one added since) and Meta's own sentence about it, each when sent.
 */
const marketingChoice = ({
  preferences,
}: EvidenceOf<'USER_PREFERENCE'>): { who?: string; value?: string; detail?: string } => {
  const first: MarketingChoiceEvidence = preferences[0] ?? {};
  return { who: first.waId ?? first.userId, value: first.value, detail: first.detail };
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
const SUMMARIES: Record<Locale, Summaries> = {
  [Locale.EN]: {
    TEMPLATE_STATUS: (e) => {
      const event = e.event ?? 'UPDATED';
      const title = e.otherInfo?.title;
      const hours = title === undefined ? undefined : PAUSE_HOURS[title];
      const what =
        event === 'PAUSED' && hours !== undefined
          ? `paused for ${hours} hours`
          : event.toLowerCase().replace(/_/g, ' ');
      const because =
        event === 'PAUSED'
          ? ': low quality'
          : e.reason !== undefined && e.reason !== 'NONE'
            ? `: ${e.reason.toLowerCase().replace(/_/g, ' ')}`
            : '';
      return `Template ${template(e, 'unknown')} ${what}${because}`;
    },
    TEMPLATE_CATEGORY: (e) =>
      `Template ${template(e, 'unknown')} category changed from ${e.previousCategory ?? '?'} to ${e.newCategory ?? '?'}`,
    TEMPLATE_QUALITY: (e) =>
      `Template ${template(e, 'unknown')} quality ${e.previousQualityScore ?? '?'} → ${e.newQualityScore ?? '?'}`,
    PHONE_NUMBER_QUALITY: (e) => {
      const limit = e.currentLimit ?? e.maxDailyConversationsPerBusiness;
      const number = e.displayPhoneNumber;
      const event = (e.event ?? 'updated').toLowerCase();
      const line = `Phone number${number === undefined ? '' : ` ${number}`} ${event}`;
      return limit === undefined ? line : `${line}; messaging limit ${limit}`;
    },
    PHONE_NUMBER_NAME: (e) =>
      `Display name "${e.requestedVerifiedName ?? '?'}" ${(e.decision ?? 'reviewed').toLowerCase()}${e.rejectionReason !== undefined && e.rejectionReason !== 'NONE' ? `: ${e.rejectionReason}` : ''}`,
    ACCOUNT_UPDATE: (e) => `Account update: ${(e.event ?? 'unknown').toLowerCase().replace(/_/g, ' ')}`,
    ACCOUNT_ALERT: ({ alert }) =>
      `Account alert (${alert?.severity ?? 'unknown severity'}): ${alert?.description ?? alert?.type ?? 'no details'}`,
    BUSINESS_CAPABILITY: (e) => {
      const limit = e.maxDailyConversationsPerBusiness ?? e.maxDailyConversationPerPhone;
      return `Business capability changed${limit !== undefined ? `: messaging limit ${limit}` : ''}`;
    },
    USER_PREFERENCE: (e) => {
      const { who, value, detail } = marketingChoice(e);
      const choice =
        value === undefined
          ? 'changed their marketing message preference'
          : (MARKETING_CHOICES_EN[value.toLowerCase()] ?? `chose "${value}" for marketing messages`);
      return `${who ?? 'A customer'} ${choice}${detail === undefined ? '' : ` (Meta says: “${detail}”)`}`;
    },
    WEBHOOK_ERROR: ({ error, path, reason }) => {
      if (error?.code !== undefined) {
        return `Meta reported error ${error.code} for the account: ${error.title ?? error.message ?? 'no details'}`;
      }
      return `A webhook part could not be read (${path ?? 'the whole body'}): ${reason ?? 'unknown shape'}`;
    },
    SECURITY: (e) =>
      `Security: ${(e.event ?? 'setting changed').toLowerCase().replace(/_/g, ' ')} on ${e.displayPhoneNumber ?? 'the phone number'}`,
    OTHER: ({ field: name }) => `Webhook event "${name || 'unknown'}" received`,
  },
  [Locale.ZH_TW]: {
    TEMPLATE_STATUS: (e) => {
      const event = e.event ?? 'UPDATED';
      const title = e.otherInfo?.title;
      const hours = title === undefined ? undefined : PAUSE_HOURS[title];
      const what = TEMPLATE_EVENTS_ZH[event] ?? event;
      const pause = event === 'PAUSED' && hours !== undefined ? `暫停 ${hours} 小時：品質偏低` : what;
      const because =
        event !== 'PAUSED' && e.reason !== undefined && e.reason !== 'NONE' ? `：${e.reason}` : '';
      return `範本 ${template(e, '不明')} ${pause}${because}`;
    },
    TEMPLATE_CATEGORY: (e) =>
      `範本 ${template(e, '不明')} 類別由 ${e.previousCategory ?? '?'} 改為 ${e.newCategory ?? '?'}`,
    TEMPLATE_QUALITY: (e) =>
      `範本 ${template(e, '不明')} 品質 ${e.previousQualityScore ?? '?'} → ${e.newQualityScore ?? '?'}`,
    PHONE_NUMBER_QUALITY: (e) => {
      const limit = e.currentLimit ?? e.maxDailyConversationsPerBusiness;
      return `電話號碼 ${e.displayPhoneNumber ?? ''} 品質事件 ${e.event ?? '更新'}${limit !== undefined ? `；傳訊上限 ${limit}` : ''}`;
    },
    PHONE_NUMBER_NAME: (e) =>
      `顯示名稱「${e.requestedVerifiedName ?? '?'}」審核結果：${e.decision ?? '不明'}`,
    ACCOUNT_UPDATE: (e) => `帳號更新：${e.event ?? '不明'}`,
    ACCOUNT_ALERT: ({ alert }) =>
      `帳號警示（${alert?.severity ?? '嚴重程度不明'}）：${alert?.description ?? alert?.type ?? '無詳細資訊'}`,
    BUSINESS_CAPABILITY: (e) => {
      const limit = e.maxDailyConversationsPerBusiness ?? e.maxDailyConversationPerPhone;
      return `商家功能已變更${limit !== undefined ? `：傳訊上限 ${limit}` : ''}`;
    },
    USER_PREFERENCE: (e) => {
      const { who, value, detail } = marketingChoice(e);
      const choice =
        value === undefined
          ? '變更了行銷訊息偏好設定'
          : (MARKETING_CHOICES_ZH[value.toLowerCase()] ?? `將行銷訊息偏好設為「${value}」`);
      return `${who ?? '一位顧客'} ${choice}${detail === undefined ? '' : `（Meta 說明：「${detail}」）`}`;
    },
    WEBHOOK_ERROR: ({ error, path, reason }) => {
      if (error?.code !== undefined) {
        return `Meta 回報帳號層級錯誤 ${error.code}：${error.title ?? error.message ?? '無詳細資訊'}`;
      }
      return `Webhook 有一部分無法讀取（${path ?? '整個內容'}）：${reason ?? '格式不明'}`;
    },
    SECURITY: (e) => `安全性：${e.displayPhoneNumber ?? '電話號碼'} 的 ${e.event ?? '設定已變更'}`,
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
  return summarise(SUMMARIES[locale], event.kind, event);
}

function summarise<K extends AccountEventKindName>(
  summaries: Summaries,
  kind: K,
  event: EvidenceOf<K>,
): string {
  return summaries[kind](event);
}
