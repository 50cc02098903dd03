import {
  diagnose,
  DiagnosisCause as C,
  type Evidence,
  explainError,
  type Locale,
  type SendErrorEvidence,
  type TemplateEvidence,
  Verdict as V,
} from '../../../src/diagnosis';
import { DAY, HOUR, message, NOW, type Row, runTable, templateEvidence } from './diagnosis-harness';

const VERSIONS = [
  'Android 2.21.15.15',
  'SMBA 2.21.15.15',
  'iOS 2.21.170.4',
  'SMBI 2.21.170.4',
  'KaiOS 2.2130.10',
  'Web 2.2132.6',
];
const TOS = 'https://wa.me/tos/20210210';
const BLOCKED = { EN: ['Settings > Privacy > Blocked contacts'], ZH_TW: ['設定 > 隱私 > 已封鎖聯絡人'] };
const STATUS_PAGE = 'https://metastatus.com/whatsapp-business-api';
const NOT_CUSTOMER = { EN: ['customer’s fault'], ZH_TW: ['不是顧客的問題'] };

const run = (evidence: Evidence) => (locale: Locale) => diagnose(evidence, locale);
const sendError = (code: number, extra: Partial<SendErrorEvidence> = {}) =>
  run({ now: NOW, sendError: { code, message: `(#${code})`, httpStatus: 400, ...extra } });
const failedWith = (code: number, extra: Partial<Evidence> = {}) =>
  run({
    now: NOW,
    message: message([
      { status: 'SENT', at: NOW - HOUR },
      {
        status: 'FAILED',
        at: NOW - HOUR + 1000,
        errors: [{ code, title: 'Meta title', details: 'Meta details' }],
      },
    ]),
    ...extra,
  });
const sentAgo = (ms: number, recipient = '+16505551234') =>
  run({ now: NOW, message: message([{ status: 'SENT', at: NOW - ms }], { recipient }) });

const failed = (cause: C, texts?: Row['expect']['texts']): Row['expect'] => ({
  verdict: V.FAILED,
  cause,
  retryable: false,
  retryAfterSeconds: null,
  ...(texts ? { texts } : {}),
});

/*
 * End to end: evidence in, a whole diagnosis out, in both locales. The first table follows Meta's Cloud API
 * troubleshooting page (Traditional Chinese, quoted with an English rendering), paragraph by paragraph.
 */
describe('diagnosis: one row per paragraph of Meta’s troubleshooting page, in both locales', () => {
  runTable([
    // 「以下狀況可能會造成訊息顯示為已傳送但未送達。由於其中有許多原因,基於隱私和政策理由,我們不會透露錯誤的根本原因」
    // (these cases can leave a message sent but not delivered; Meta does not disclose the root cause), among
    // them 「顧客已封鎖商家電話號碼,或商家擁有的其他商家電話號碼。」 (the customer blocked the business number).
    {
      name: 'SENT, no delivery, 29 days old → PENDING RECIPIENT_OFFLINE (offline or blocked, undisclosed)',
      run: sentAgo(29 * DAY),
      expect: {
        verdict: V.PENDING,
        cause: C.RECIPIENT_OFFLINE,
        code: null,
        retryable: false,
        retryAfterSeconds: null,
        texts: {
          both: ['30'],
          EN: [...BLOCKED.EN, 'does not reveal', 'blocked this business number', '29 day(s)'],
          ZH_TW: [...BLOCKED.ZH_TW, '不會透露', '封鎖了這個商家電話號碼', '已過 29 天'],
        },
      },
    },
    // 「顧客在 30 天期間內未上線,我們在該期間內為離線顧客保留訊息。」 (messages for offline customers are kept for
    // a 30-day period).
    {
      name: 'SENT, no delivery, exactly 30 days old → FAILED OFFLINE_EXPIRED, not retryable',
      run: sentAgo(30 * DAY),
      expect: failed(C.OFFLINE_EXPIRED, { both: ['30'], EN: BLOCKED.EN, ZH_TW: BLOCKED.ZH_TW }),
    },
    // 「在某些狀況下,API 將傳回錯誤代碼」 (in some cases the API returns an error code): 「無效的要求參數」 (invalid
    // request parameters).
    ...[100, 131008, 131009, 33, 131021, 131030, 131051, 131055, 135000].map((code): Row => ({
      name: `${code} → INVALID_REQUEST naming the parameter from details`,
      run: sendError(code, { details: 'Parameter value is not valid: to' }),
      expect: {
        ...failed(C.INVALID_REQUEST, { both: ['Parameter value is not valid: to', String(code)] }),
        code,
      },
    })),
    // 「整合錯誤」 (integration error); each code's cause follows what Meta's error-code reference says it means.
    {
      name: '131042 → INTEGRATION_ERROR',
      run: sendError(131042),
      expect: { ...failed(C.INTEGRATION_ERROR), code: 131042 },
    },
    {
      name: '131045 → PHONE_NUMBER',
      run: sendError(131045, { httpStatus: 500 }),
      expect: failed(C.PHONE_NUMBER),
    },
    { name: '131037 → PHONE_NUMBER', run: sendError(131037), expect: failed(C.PHONE_NUMBER) },
    {
      name: '131005 → PERMISSION_MISSING',
      run: sendError(131005, { httpStatus: 403 }),
      expect: failed(C.PERMISSION_MISSING),
    },
    {
      name: '131000 → UNKNOWN, retry in 60 s',
      run: sendError(131000, { httpStatus: 500 }),
      expect: { verdict: V.FAILED, cause: C.UNKNOWN, code: 131000, retryable: true, retryAfterSeconds: 60 },
    },
    // 「顧客尚未接受我們新的《服務條款》和《隱私政策》。」 (the customer has not accepted the new terms),
    // 「顧客正在使用舊的 WhatsApp 版本。」 (the customer uses an old WhatsApp version), and
    // 「使用非 WhatsApp 通訊方式,要求 WhatsApp 用戶執行以下動作:」 (through another channel, ask the user to: …).
    {
      name: '131026 on a failed status → RECIPIENT_UNREACHABLE with ToS, every minimum version and the end-user steps',
      run: failedWith(131026),
      expect: {
        ...failed(C.RECIPIENT_UNREACHABLE, {
          both: [TOS, ...VERSIONS, '131026'],
          EN: [
            ...BLOCKED.EN,
            'Settings > Help > App info',
            'not (or no longer) registered on WhatsApp',
            'Send a message to the business number',
            'Update WhatsApp',
          ],
          ZH_TW: [
            ...BLOCKED.ZH_TW,
            '設定 > 說明 > 應用程式資訊',
            '沒有(或已不再)註冊 WhatsApp',
            '傳一則訊息給商家號碼',
            '更新到最新版本',
          ],
        }),
        code: 131026,
      },
    },
    {
      name: '131026 lists TERMS_NOT_ACCEPTED and OUTDATED_CLIENT as weaker candidates',
      run: sendError(131026),
      expect: {
        ...failed(C.RECIPIENT_UNREACHABLE),
        evidence: [TOS, 'Web 2.2132.6'],
        texts: {
          EN: ['Also considered: The customer has not accepted the new WhatsApp terms'],
          ZH_TW: ['其他可能:顧客尚未接受 WhatsApp 新條款'],
        },
      },
    },
    // 「顧客是實驗群組的成員。」 (the customer is a member of an experiment group).
    {
      name: '130472 → EXPERIMENT_GROUP',
      run: failedWith(130472),
      expect: { ...failed(C.EXPERIMENT_GROUP), code: 130472 },
    },
    // 「傳遞該訊息的目的不是為了建立優質的用戶體驗。請參閱每用戶行銷範本訊息限制」 (the message was not meant to
    // create a quality user experience; see the per-user marketing template limit).
    {
      name: '131049 → MARKETING_LIMIT, not retried at once',
      run: failedWith(131049),
      expect: failed(C.MARKETING_LIMIT, {
        EN: ['Do not resend at once', 'Space marketing messages out'],
        ZH_TW: ['不要馬上重傳', '拉長行銷訊息的間隔'],
      }),
    },
    // 「古巴、伊朗、北韓、敘利亞和烏克蘭三個受制裁地區(克里米亞、頓涅茨克、盧甘斯克)的 … 用戶不符資格,
    // 無法接收透過 WhatsApp Business 平台傳送的訊息。」 (users in Cuba, Iran, North Korea, Syria and the three
    // sanctioned regions of Ukraine cannot receive platform messages; businesses there are not eligible).
    {
      name: 'recipient in Cuba (+53), before the send → SANCTIONED_REGION',
      run: run({ now: NOW, recipient: '+5352345678' }),
      expect: failed(C.SANCTIONED_REGION, { EN: ['Cuba', 'certain'], ZH_TW: ['古巴', '確定'] }),
    },
    ...[
      ['+989121234567', 'Iran', '伊朗'],
      ['+8501912345678', 'North Korea', '北韓'],
      ['+963944567890', 'Syria', '敘利亞'],
    ].map(([number, en, zh]): Row => ({
      name: `recipient ${number} → SANCTIONED_REGION (${en})`,
      run: sentAgo(DAY, number),
      expect: failed(C.SANCTIONED_REGION, { EN: [en as string], ZH_TW: [zh as string] }),
    })),
    {
      name: 'Crimea by area code (+380 65) → SANCTIONED_REGION, likely',
      run: run({ now: NOW, recipient: '+380652123456' }),
      expect: failed(C.SANCTIONED_REGION, { EN: ['Crimea', 'likely'], ZH_TW: ['克里米亞', '很可能'] }),
    },
    {
      name: 'Sevastopol (+380 69), Donetsk (+380 62), Luhansk (+380 64) → SANCTIONED_REGION',
      run: run({ now: NOW, recipient: '+380642123456' }),
      expect: failed(C.SANCTIONED_REGION, { EN: ['Luhansk'], ZH_TW: ['盧甘斯克'] }),
    },
    {
      name: '+7 978 (Russian operators in Crimea), alone → SANCTIONED_REGION, possible',
      run: run({ now: NOW, recipient: '+79781234567' }),
      expect: failed(C.SANCTIONED_REGION, { EN: ['possible'], ZH_TW: ['有可能'] }),
    },
    {
      name: 'sender number in Iran → ACCOUNT_RESTRICTED (not SANCTIONED_REGION)',
      run: run({
        now: NOW,
        sender: '+989121234567',
        message: message([{ status: 'ACCEPTED', at: NOW - 1000 }]),
      }),
      expect: failed(C.ACCOUNT_RESTRICTED, {
        EN: ['business number +989121234567'],
        ZH_TW: ['商家號碼 +989121234567'],
      }),
    },
    {
      name: '130497 → SANCTIONED_REGION',
      run: sendError(130497, { httpStatus: 403 }),
      expect: { ...failed(C.SANCTIONED_REGION), code: 130497 },
    },
    // 「自 2024 年 5 月 15 日起,土耳其不再受到雲端 API 商務式訊息傳送功能的限制。」 (since 15 May 2024 Turkey is
    // no longer restricted): the restriction carries its end date.
    {
      name: 'Turkey (+90), message created 2024-05-14 → SANCTIONED_REGION',
      run: run({
        now: Date.UTC(2024, 4, 15, 12),
        message: message([{ status: 'SENT', at: Date.UTC(2024, 4, 14, 12) }], { recipient: '+905321234567' }),
      }),
      expect: failed(C.SANCTIONED_REGION, { EN: ['Turkey'], ZH_TW: ['土耳其'] }),
    },
    {
      name: 'Turkey (+90), message created 2024-05-15 00:00 UTC → not flagged (PENDING)',
      run: run({
        now: Date.UTC(2024, 4, 16),
        message: message([{ status: 'SENT', at: Date.UTC(2024, 4, 15) }], { recipient: '+905321234567' }),
      }),
      expect: {
        verdict: V.PENDING,
        cause: C.RECIPIENT_OFFLINE,
        retryable: false,
        retryAfterSeconds: null,
        evidence: ['2024-05-15'],
        texts: { EN: ['no longer restricted'], ZH_TW: ['已不再受限'] },
      },
    },
    // 「在極少數狀況下,同一訊息可能會同時觸發成功和失敗訊息狀態更新 Webhooks。」 (rarely, one message gets both a
    // success and a failure status webhook: the customer is on several devices), and
    // 「系統已將觸發 "delivered" 訊息狀態 Webhook 的任何訊息送達到至少一部用戶裝置。」 (delivered on at least one).
    {
      name: 'delivered + failed, conflict flag → AT_RISK MULTI_DEVICE_CONFLICT (not FAILED)',
      run: run({
        now: NOW,
        message: message(
          [
            { status: 'SENT', at: NOW - 3 * HOUR },
            { status: 'DELIVERED', at: NOW - 2 * HOUR },
            { status: 'FAILED', at: NOW - HOUR, errors: [{ code: 131026, title: 'Message undeliverable' }] },
          ],
          { status: 'DELIVERED', conflict: true },
        ),
      }),
      expect: {
        verdict: V.AT_RISK,
        cause: C.MULTI_DEVICE_CONFLICT,
        code: null,
        retryable: false,
        retryAfterSeconds: null,
        evidence: ['131026'],
        texts: { EN: ['at least one'], ZH_TW: ['至少已送達其中一部裝置'] },
      },
    },
    {
      name: 'both statuses in the history without the flag → AT_RISK MULTI_DEVICE_CONFLICT',
      run: run({
        now: NOW,
        message: message([
          { status: 'DELIVERED', at: NOW - 2 * HOUR },
          { status: 'FAILED', at: NOW - HOUR, errors: [{ code: 131000 }] },
        ]),
      }),
      expect: {
        verdict: V.AT_RISK,
        cause: C.MULTI_DEVICE_CONFLICT,
        retryable: false,
        retryAfterSeconds: null,
      },
    },
    // Error code 2: 「當我們更新 API 時,您可能會遇到長達 5 分鐘的停機時間。」 (API updates can mean up to 5 minutes
    // of downtime) and 「建議您等待 5 分鐘後,再嘗試進行 API 呼叫。」 (wait 5 minutes before calling again).
    {
      name: 'code 2 at send → SERVICE_DOWNTIME, retry after 300 s, 5 minutes, status page, no SLA',
      run: sendError(2, { httpStatus: 503 }),
      expect: {
        verdict: V.FAILED,
        cause: C.SERVICE_DOWNTIME,
        code: 2,
        retryable: true,
        retryAfterSeconds: 300,
        texts: {
          both: [STATUS_PAGE],
          EN: ['5 minutes', 'no SLA', ...NOT_CUSTOMER.EN],
          ZH_TW: ['5 分鐘', '服務水準合約', '不是顧客的問題'],
        },
      },
    },
    {
      name: 'code 2 on a failed status → SERVICE_DOWNTIME, retry after 300 s',
      run: failedWith(2),
      expect: { verdict: V.FAILED, cause: C.SERVICE_DOWNTIME, retryable: true, retryAfterSeconds: 300 },
    },
    // 「當您用於 API 呼叫的存取權杖發生問題時,系統將傳回這些錯誤。」 (authentication and authorization errors come
    // back when the access token has a problem); 「如果權杖無法存取權限,則需要產生新權杖。」 (if it lacks the
    // permissions, generate a new token).
    ...(
      [
        [0, C.ACCESS_TOKEN],
        [190, C.ACCESS_TOKEN],
        [10, C.PERMISSION_MISSING],
        [3, C.PERMISSION_MISSING],
        [200, C.PERMISSION_MISSING],
        [250, C.PERMISSION_MISSING],
        [299, C.PERMISSION_MISSING],
      ] as const
    ).map(([code, cause]): Row => ({
      name: `${code} → ${cause}`,
      run: sendError(code, { httpStatus: 401 }),
      expect: {
        ...failed(cause, { both: ['whatsapp_business_management', 'whatsapp_business_messaging'] }),
        code,
      },
    })),
    {
      name: '300 is outside the 200–299 range → UNKNOWN',
      run: sendError(300),
      expect: failed(C.UNKNOWN, { both: ['300'] }),
    },
    {
      name: '190 with subcode 463 → ACCESS_TOKEN, the subcode explained',
      run: sendError(190, { subcode: 463, httpStatus: 401 }),
      expect: failed(C.ACCESS_TOKEN, {
        EN: ['Subcode 463: the token expired'],
        ZH_TW: ['子代碼 463:權杖已過期'],
      }),
    },
    {
      name: 'auth failure + token debug → names exactly the missing permission',
      run: run({
        now: NOW,
        sendError: { code: 10, message: 'Permission denied', httpStatus: 403 },
        tokenDebug: {
          isValid: true,
          expiresAt: 0,
          scopes: ['whatsapp_business_management', 'business_management'],
          appId: '123',
        },
      }),
      expect: {
        ...failed(C.PERMISSION_MISSING),
        code: 10,
        evidence: ['whatsapp_business_messaging', '123'],
        absent: ['lacks the permission whatsapp_business_management', '缺少 whatsapp_business_management'],
        texts: {
          EN: ['lacks the permission whatsapp_business_messaging'],
          ZH_TW: ['缺少 whatsapp_business_messaging 權限'],
        },
      },
    },
    {
      name: '190 + token debug of an expired token → ACCESS_TOKEN saying when it expired',
      run: run({
        now: NOW,
        sendError: { code: 190, subcode: 463, message: 'expired', httpStatus: 401 },
        tokenDebug: {
          isValid: false,
          expiresAt: Date.UTC(2025, 1, 1),
          scopes: ['whatsapp_business_management', 'whatsapp_business_messaging'],
          error: { code: 190, subcode: 463, message: 'Session has expired' },
        },
      }),
      expect: {
        ...failed(C.ACCESS_TOKEN),
        code: 190,
        evidence: ['2025-02-01 00:00 UTC'],
        texts: { EN: ['expired at', 'Meta app'], ZH_TW: ['過期', 'Meta 應用程式'] },
      },
    },
    // Reliability FAQ: 「我們目前並未提供適用於運作時間和/或延遲的產品服務水準合約。」 (no SLA on uptime or
    // latency) and 「網路問題導致要求在到達圖形 API 層(第一層)之前失敗。」 (network problems before the Graph API).
    {
      name: 'code 1 → UNKNOWN with retry advice',
      run: sendError(1),
      expect: {
        verdict: V.FAILED,
        cause: C.UNKNOWN,
        retryable: true,
        retryAfterSeconds: 60,
        texts: { both: [STATUS_PAGE] },
      },
    },
    ...[131016, 133004].map((code): Row => ({
      name: `${code} → SERVICE_DOWNTIME, retryable`,
      run: sendError(code, { httpStatus: 503 }),
      expect: {
        verdict: V.FAILED,
        cause: C.SERVICE_DOWNTIME,
        retryable: true,
        retryAfterSeconds: 60,
        texts: { both: [STATUS_PAGE], ...NOT_CUSTOMER },
      },
    })),
    {
      name: 'HTTP 502 with a code outside the catalogue → SERVICE_DOWNTIME, retryable',
      run: sendError(987654, { httpStatus: 502 }),
      expect: {
        verdict: V.FAILED,
        cause: C.SERVICE_DOWNTIME,
        code: 987654,
        retryable: true,
        retryAfterSeconds: 60,
        texts: { both: ['987654', '502'] },
      },
    },
    {
      name: 'transport timeout → SERVICE_DOWNTIME, verdict UNKNOWN (the send may have gone through)',
      run: run({ now: NOW, transportFailure: 'timeout' }),
      expect: {
        verdict: V.UNKNOWN,
        cause: C.SERVICE_DOWNTIME,
        code: null,
        retryable: true,
        retryAfterSeconds: 30,
        texts: {
          EN: ['may have been sent anyway', ...NOT_CUSTOMER.EN],
          ZH_TW: ['可能其實已經送出', ...NOT_CUSTOMER.ZH_TW],
        },
      },
    },
    ...(['network', 'circuit_open'] as const).map((failure): Row => ({
      name: `transport ${failure} → SERVICE_DOWNTIME, retryable`,
      run: run({ now: NOW, transportFailure: failure }),
      expect: {
        verdict: V.FAILED,
        cause: C.SERVICE_DOWNTIME,
        retryable: true,
        retryAfterSeconds: 30,
        texts: { both: [STATUS_PAGE] },
      },
    })),
  ]);
});

describe('diagnosis: statuses without an error', () => {
  runTable([
    {
      name: 'ACCEPTED, no webhook yet → PENDING, says so',
      run: run({ now: NOW, message: message([{ status: 'ACCEPTED', at: NOW - 5000 }]) }),
      expect: {
        verdict: V.PENDING,
        cause: C.NONE,
        retryable: false,
        retryAfterSeconds: null,
        texts: { EN: ['no status'], ZH_TW: ['還沒有收到任何狀態'] },
        absent: ['lost', '遺失'],
      },
    },
    {
      name: 'ACCEPTED for two days → PENDING, a lost webhook suspected',
      run: run({ now: NOW, message: message([{ status: 'ACCEPTED', at: NOW - 2 * DAY }]) }),
      expect: {
        verdict: V.PENDING,
        cause: C.NONE,
        retryable: false,
        retryAfterSeconds: null,
        texts: { EN: ['48 hours', 'lost'], ZH_TW: ['48 小時', '遺失'] },
      },
    },
    {
      name: 'HELD for quality assessment → PENDING',
      run: run({ now: NOW, message: message([{ status: 'HELD', at: NOW - 5000 }]) }),
      expect: {
        verdict: V.PENDING,
        cause: C.NONE,
        retryable: false,
        retryAfterSeconds: null,
        texts: { EN: ['quality'], ZH_TW: ['品質審查'] },
      },
    },
    ...['DELIVERED', 'READ', 'PLAYED'].map((status): Row => ({
      name: `${status}, no conflict → OK NONE`,
      run: run({
        now: NOW,
        message: message([
          { status: 'SENT', at: NOW - 2 * HOUR },
          { status, at: NOW - HOUR },
        ]),
      }),
      expect: {
        verdict: V.OK,
        cause: C.NONE,
        code: null,
        retryable: false,
        retryAfterSeconds: null,
        texts: { both: [status] },
      },
    })),
    {
      name: 'a DELIVERED message to a sanctioned number is not flagged (delivery proves otherwise)',
      run: run({
        now: NOW,
        message: message([{ status: 'DELIVERED', at: NOW - HOUR }], { recipient: '+5352345678' }),
      }),
      expect: { verdict: V.OK, cause: C.NONE, retryable: false, retryAfterSeconds: null },
    },
    {
      name: 'FAILED without any error → FAILED UNKNOWN',
      run: run({ now: NOW, message: message([{ status: 'FAILED', at: NOW - HOUR }]) }),
      expect: failed(C.UNKNOWN),
    },
    {
      name: 'a status nobody knows → UNKNOWN, never thrown on',
      run: run({ now: NOW, message: message([{ status: 'TELEPORTED', at: NOW - HOUR }]) }),
      expect: {
        verdict: V.UNKNOWN,
        cause: C.UNKNOWN,
        retryable: false,
        retryAfterSeconds: null,
        texts: { both: ['TELEPORTED'] },
      },
    },
    {
      name: 'no evidence at all → UNKNOWN, says so',
      run: run({ now: NOW }),
      expect: { verdict: V.UNKNOWN, cause: C.UNKNOWN, code: null, retryable: false, retryAfterSeconds: null },
    },
  ]);
});

describe('diagnosis: the rest of the catalogue (beyond the troubleshooting page)', () => {
  runTable([
    ...(
      [
        [4, 60],
        [80007, 60],
        [130429, 5],
        [131048, 3600],
        [131056, 6],
        [132069, 600],
      ] as const
    ).map(([code, seconds]): Row => ({
      name: `${code} → RATE_LIMITED, retry after ${seconds} s`,
      run: sendError(code),
      expect: { verdict: V.FAILED, cause: C.RATE_LIMITED, code, retryable: true, retryAfterSeconds: seconds },
    })),
    {
      name: '131047 with the customer’s last message known → REENGAGEMENT_WINDOW naming when the window closed',
      run: run({
        now: NOW,
        lastInboundAt: Date.UTC(2025, 1, 20, 9, 30),
        sendError: { code: 131047, message: 'Re-engagement message' },
      }),
      expect: {
        ...failed(C.REENGAGEMENT_WINDOW),
        code: 131047,
        evidence: ['2025-02-20 09:30 UTC', '2025-02-21 09:30 UTC'],
        texts: { both: ['24'], EN: ['template'], ZH_TW: ['範本'] },
      },
    },
    {
      name: '131047 with no inbound message known → says no window was ever opened',
      run: run({
        now: NOW,
        lastInboundAt: null,
        message: message([{ status: 'FAILED', at: NOW - HOUR, errors: [{ code: 131047 }] }]),
      }),
      expect: {
        ...failed(C.REENGAGEMENT_WINDOW),
        texts: { EN: ['no window was ever opened'], ZH_TW: ['服務時段從未開啟'] },
      },
    },
    ...[132000, 132001, 132005, 132007, 132012, 132015, 132016, 132068].map((code): Row => ({
      name: `${code} → TEMPLATE`,
      run: sendError(code),
      expect: { ...failed(C.TEMPLATE), code },
    })),
    ...[131052, 131053].map((code): Row => ({
      name: `${code} → MEDIA`,
      run: sendError(code),
      expect: failed(C.MEDIA),
    })),
    ...[133000, 133005, 133006, 133010].map((code): Row => ({
      name: `${code} → PHONE_NUMBER`,
      run: sendError(code),
      expect: failed(C.PHONE_NUMBER),
    })),
    {
      name: '133015 → PHONE_NUMBER, retry after 5 minutes',
      run: sendError(133015),
      expect: { verdict: V.FAILED, cause: C.PHONE_NUMBER, retryable: true, retryAfterSeconds: 300 },
    },
    ...[368, 131031].map((code): Row => ({
      name: `${code} → ACCOUNT_RESTRICTED`,
      run: sendError(code, { httpStatus: 403 }),
      expect: failed(C.ACCOUNT_RESTRICTED),
    })),
    {
      name: '141006 (explainError) → ACCOUNT_RESTRICTED, payment method',
      run: (locale) => explainError(141006, null, locale),
      expect: { ...failed(C.ACCOUNT_RESTRICTED), texts: { EN: ['payment method'], ZH_TW: ['付款方式'] } },
    },
    {
      name: '131057 → SERVICE_DOWNTIME, retry after 300 s',
      run: sendError(131057, { httpStatus: 500 }),
      expect: { verdict: V.FAILED, cause: C.SERVICE_DOWNTIME, retryable: true, retryAfterSeconds: 300 },
    },
    {
      name: '131050 → RECIPIENT_UNREACHABLE',
      run: failedWith(131050),
      expect: failed(C.RECIPIENT_UNREACHABLE),
    },
    {
      name: 'an unknown code (999999) → UNKNOWN with the raw code, title, details and the error-code reference',
      run: sendError(999999, { title: 'Brand new failure', details: 'something odd' }),
      expect: {
        ...failed(C.UNKNOWN, {
          both: [
            '999999',
            'Brand new failure',
            'something odd',
            'https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes',
          ],
        }),
        code: 999999,
      },
    },
  ]);
});

// Codes Meta added or was seen to send since the first catalogue: template parameters (v23.0+), template
// classification limits, the Marketing Messages API, BSUID recipients, identity keys, calling, Direct Send.
describe('diagnosis: the codes added since the first catalogue', () => {
  runTable([
    {
      name: '132018 (v23+) → TEMPLATE: the parameters do not fit the template',
      run: sendError(132018),
      expect: { ...failed(C.TEMPLATE, { EN: ['parameters'], ZH_TW: ['參數'] }), code: 132018 },
    },
    {
      name: '131064 → ACCOUNT_RESTRICTED for template classification violations, retry after an hour',
      run: sendError(131064),
      expect: {
        verdict: V.FAILED,
        cause: C.ACCOUNT_RESTRICTED,
        code: 131064,
        retryable: true,
        retryAfterSeconds: 3600,
        texts: { EN: ['classification', 'Direct Send'], ZH_TW: ['範本類別', 'Direct Send'] },
      },
    },
    {
      name: '131063 → INTEGRATION_ERROR: marketing templates go through the Marketing Messages API',
      run: sendError(131063),
      expect: { ...failed(C.INTEGRATION_ERROR, { both: ['Marketing Messages API'] }), code: 131063 },
    },
    {
      name: '131062 → INVALID_REQUEST: a BSUID cannot be the recipient here, send to the phone number',
      run: sendError(131062),
      expect: {
        ...failed(C.INVALID_REQUEST, { both: ['BSUID'], EN: ['phone number'], ZH_TW: ['電話號碼'] }),
      },
    },
    {
      name: '137000 in a failed status → INVALID_REQUEST: the identity key hash no longer matches',
      run: failedWith(137000),
      expect: {
        ...failed(C.INVALID_REQUEST, { EN: ['identity key hash'], ZH_TW: ['身分金鑰雜湊'] }),
        code: 137000,
      },
    },
    {
      name: '134100 → TEMPLATE: not a marketing template',
      run: sendError(134100),
      expect: { ...failed(C.TEMPLATE, { EN: ['marketing template'], ZH_TW: ['行銷範本'] }), code: 134100 },
    },
    {
      name: '134101 → TEMPLATE, still syncing: retry after about 10 minutes',
      run: sendError(134101),
      expect: {
        verdict: V.FAILED,
        cause: C.TEMPLATE,
        code: 134101,
        retryable: true,
        retryAfterSeconds: 600,
        texts: { both: ['10'] },
      },
    },
    {
      name: '134102 → TEMPLATE: unavailable',
      run: sendError(134102),
      expect: { ...failed(C.TEMPLATE), code: 134102 },
    },
    {
      name: '80008 → RATE_LIMITED on the WhatsApp Business Account, retry after 60 s',
      run: sendError(80008),
      expect: {
        verdict: V.FAILED,
        cause: C.RATE_LIMITED,
        code: 80008,
        retryable: true,
        retryAfterSeconds: 60,
        texts: { EN: ['WhatsApp Business Account'], ZH_TW: ['WhatsApp Business 帳號'] },
      },
    },
    {
      name: '131044 → INTEGRATION_ERROR: calling needs a payment method',
      run: sendError(131044),
      expect: {
        ...failed(C.INTEGRATION_ERROR, { EN: ['payment method'], ZH_TW: ['付款方式'] }),
        code: 131044,
      },
    },
    {
      name: '139200 → ACCOUNT_RESTRICTED: Direct Send blocked',
      run: sendError(139200),
      expect: { ...failed(C.ACCOUNT_RESTRICTED, { both: ['Direct Send'] }), code: 139200 },
    },
    ...[2388318, 2388330].map((code): Row => ({
      name: `${code} (explainError) → TEMPLATE: the template cannot be changed`,
      run: (locale) => explainError(code, null, locale),
      expect: { ...failed(C.TEMPLATE, { EN: ['template cannot be'], ZH_TW: ['範本目前無法'] }), code },
    })),
  ]);
});

describe('diagnosis: evidence combines', () => {
  runTable([
    {
      name: 'sanctioned recipient (+53) AND 131026 → SANCTIONED_REGION wins, 131026 in evidence',
      run: run({
        now: NOW,
        message: message(
          [
            { status: 'SENT', at: NOW - HOUR },
            {
              status: 'FAILED',
              at: NOW - HOUR + 1,
              errors: [{ code: 131026, title: 'Message undeliverable' }],
            },
          ],
          { recipient: '+5352345678' },
        ),
      }),
      expect: { ...failed(C.SANCTIONED_REGION), code: null, evidence: ['131026', 'Message undeliverable'] },
    },
    {
      name: 'Crimea area code AND 131026 → SANCTIONED_REGION wins',
      run: run({
        now: NOW,
        recipient: '+380652123456',
        sendError: { code: 131026, message: 'Message undeliverable' },
      }),
      expect: { ...failed(C.SANCTIONED_REGION), evidence: ['131026'] },
    },
    {
      name: '+7 978 (only possible) AND 131026 → RECIPIENT_UNREACHABLE wins, the region listed',
      run: run({
        now: NOW,
        recipient: '+79781234567',
        sendError: { code: 131026, message: 'Message undeliverable' },
      }),
      expect: {
        ...failed(C.RECIPIENT_UNREACHABLE),
        code: 131026,
        texts: { EN: ['Crimea'], ZH_TW: ['克里米亞'] },
      },
    },
    {
      name: 'sender in a sanctioned place beats a recipient-side 131026',
      run: run({
        now: NOW,
        sender: '+963944567890',
        sendError: { code: 131026, message: 'Message undeliverable' },
      }),
      expect: { ...failed(C.ACCOUNT_RESTRICTED), evidence: ['131026'] },
    },
    {
      name: 'a limited account next to a pending message: the message leads, health is listed',
      run: run({
        now: NOW,
        message: message([{ status: 'SENT', at: NOW - DAY }]),
        health: {
          canSendMessage: 'LIMITED',
          entities: [
            { entityType: 'WABA', id: '1', canSendMessage: 'LIMITED', errors: [{ errorCode: 141006 }] },
          ],
        },
      }),
      expect: {
        verdict: V.PENDING,
        cause: C.RECIPIENT_OFFLINE,
        retryable: false,
        retryAfterSeconds: null,
        evidence: ['141006'],
      },
    },
  ]);
});

/*
 * Template failures: each code without template evidence (only Meta's code: the failure's own wording) and
 * with it (the template's facts as evidence lines), refused by Meta or found by the gateway's check.
 */
describe('diagnosis: template failures, with and without the template’s facts, in both locales', () => {
  const withTemplate = (code: number, template: TemplateEvidence, extra: Partial<SendErrorEvidence> = {}) =>
    run({ now: NOW, sendError: { code, message: `(#${code})`, httpStatus: 400, ...extra }, template });
  const checked = (code: number, template: Partial<TemplateEvidence>) =>
    run({
      now: NOW,
      sendError: { code, message: '' },
      template: templateEvidence({ detectedBy: 'GATEWAY', ...template }),
    });
  const GATEWAY = { EN: ['nothing was sent to Meta'], ZH_TW: ['沒有任何內容送到 Meta'] };

  runTable([
    {
      name: '132000 alone → TEMPLATE, its own title',
      run: sendError(132000),
      expect: {
        ...failed(C.TEMPLATE, { EN: ['Wrong number of template parameters'], ZH_TW: ['範本參數數量不符'] }),
        code: 132000,
      },
    },
    {
      name: '132000 with the template → expected 2 in BODY, got 1',
      run: withTemplate(132000, templateEvidence({ sent: { counts: { BODY: 1 } } })),
      expect: {
        ...failed(C.TEMPLATE, {
          EN: ['expects 2 parameter(s), the send gave 1'],
          ZH_TW: ['範本需要 2 個參數,傳送時提供了 1 個'],
        }),
        code: 132000,
        evidence: ['order_update (en_US)', 'BODY #1, BODY #2', 'HTTP 400'],
      },
    },
    {
      name: '132001 alone → TEMPLATE: not found or not approved',
      run: sendError(132001),
      expect: { ...failed(C.TEMPLATE, { EN: ['not approved'], ZH_TW: ['未核准'] }), code: 132001 },
    },
    {
      name: '132001 with the template → exists in other languages',
      run: checked(132001, { status: undefined, language: 'zh_TW', otherLanguages: ['en_US', 'ja'] }),
      expect: {
        ...failed(C.TEMPLATE, { ...GATEWAY }),
        code: 132001,
        evidence: ['en_US, ja', 'order_update (zh_TW)'],
      },
    },
    {
      name: '132005 alone → TEMPLATE: too long once filled in',
      run: sendError(132005),
      expect: { ...failed(C.TEMPLATE, { both: ['1024'] }), code: 132005 },
    },
    {
      name: '132005 with the template → the rendered length',
      run: withTemplate(132005, templateEvidence({ sent: { renderedLength: 1300 } })),
      expect: { ...failed(C.TEMPLATE), code: 132005, evidence: ['1300', '1024'] },
    },
    {
      name: '132007 alone → TEMPLATE: format policy',
      run: sendError(132007),
      expect: { ...failed(C.TEMPLATE, { EN: ['policies'], ZH_TW: ['政策'] }), code: 132007 },
    },
    {
      name: '132007 with the template → category and the refused text',
      run: withTemplate(132007, templateEvidence({ category: 'MARKETING', sent: { offendingText: 'WIN' } })),
      expect: { ...failed(C.TEMPLATE), code: 132007, evidence: ['MARKETING', '"WIN"'] },
    },
    {
      name: '132012 alone → TEMPLATE: wrong parameter type',
      run: sendError(132012),
      expect: { ...failed(C.TEMPLATE, { EN: ['media header'], ZH_TW: ['媒體標頭'] }), code: 132012 },
    },
    {
      name: '132012 with the template → media header without media',
      run: checked(132012, {
        parameters: [{ component: 'HEADER', kind: 'IMAGE' }],
        sent: { component: 'HEADER' },
      }),
      expect: {
        ...failed(C.TEMPLATE, {
          ...GATEWAY,
          EN: [...GATEWAY.EN, 'gave no header'],
          ZH_TW: [...GATEWAY.ZH_TW, '沒有提供標頭'],
        }),
        code: 132012,
        evidence: ['IMAGE', 'HEADER'],
      },
    },
    {
      name: '132015 alone → TEMPLATE: paused, not retryable without an end',
      run: sendError(132015),
      expect: {
        ...failed(C.TEMPLATE, { both: ['3', '6'], EN: ['disabled for good'], ZH_TW: ['永久停用'] }),
        code: 132015,
      },
    },
    {
      name: '132015 with pausedUntil → retryable when the pause ends',
      run: withTemplate(
        132015,
        templateEvidence({ status: 'PAUSED', pausedUntil: NOW + 6 * HOUR, pauseCount: 2 }),
      ),
      expect: {
        verdict: V.FAILED,
        cause: C.TEMPLATE,
        code: 132015,
        retryable: true,
        retryAfterSeconds: 6 * 3600,
        texts: { EN: ['Wait until the pause ends'], ZH_TW: ['等到暫停結束'] },
        evidence: ['2025-03-01 06:00 UTC', 'PAUSED'],
      },
    },
    {
      name: '132016 alone → TEMPLATE: disabled',
      run: sendError(132016),
      expect: { ...failed(C.TEMPLATE, { EN: ['Template disabled'], ZH_TW: ['範本已停用'] }), code: 132016 },
    },
    {
      name: '132016 with the template → since when, quality',
      run: withTemplate(
        132016,
        templateEvidence({ status: 'DISABLED', statusChangedAt: NOW - DAY, quality: 'RED' }),
      ),
      expect: { ...failed(C.TEMPLATE), code: 132016, evidence: ['2025-02-28 00:00 UTC', 'RED'] },
    },
    {
      name: '132018 alone → TEMPLATE: new line, tab or spaces',
      run: sendError(132018),
      expect: { ...failed(C.TEMPLATE, { both: ['4'], EN: ['new line'], ZH_TW: ['換行'] }), code: 132018 },
    },
    {
      name: '132018 with the template → the refused text, quoted',
      run: checked(132018, { sent: { component: 'BODY', offendingText: 'Line one\nLine two' } }),
      expect: { ...failed(C.TEMPLATE, GATEWAY), code: 132018, evidence: ['"Line one\\nLine two"', 'BODY'] },
    },
    {
      name: '131008 alone → INVALID_REQUEST, the catalogue’s generic texts',
      run: sendError(131008),
      expect: {
        ...failed(C.INVALID_REQUEST, { EN: ['A required parameter is missing'], ZH_TW: ['缺少'] }),
        code: 131008,
        absent: ['Template parameter missing', '缺少範本參數'],
      },
    },
    {
      name: '131008 with the template → template parameter missing, what is short',
      run: withTemplate(
        131008,
        templateEvidence({
          parameters: [{ component: 'BUTTON', buttonIndex: 0, position: 1, kind: 'URL' }],
          sent: { counts: {} },
        }),
      ),
      expect: {
        ...failed(C.INVALID_REQUEST, { EN: ['Template parameter missing'], ZH_TW: ['缺少範本參數'] }),
        code: 131008,
        evidence: ['BUTTON[0] #1 URL'],
      },
    },
    {
      name: '100 alone → INVALID_REQUEST, no template wording',
      run: sendError(100),
      expect: { ...failed(C.INVALID_REQUEST), code: 100, absent: ['parameter_name'] },
    },
    {
      name: '100 with a named template → parameter_name missing',
      run: withTemplate(
        100,
        templateEvidence({
          parameterFormat: 'NAMED',
          parameters: [{ component: 'BODY', name: 'first_name', kind: 'TEXT' }],
          sent: { names: [] },
        }),
        { details: 'Parameter name is missing or empty' },
      ),
      expect: {
        ...failed(C.INVALID_REQUEST, { both: ['parameter_name'] }),
        code: 100,
        evidence: ['first_name', 'Parameter name is missing or empty'],
      },
    },
  ]);
});
