import { DiagnosisCause } from '../diagnosis-cause';
import { type TranslationOf } from './cause-wording';
import { type EN_CAUSES } from './en-causes';

const C = DiagnosisCause;

/** 每個原因的繁體中文說明,與 `en-causes.ts` 同樣的原因、同樣數量的可能原因和解決方法。 */
export const ZH_TW_CAUSES: TranslationOf<typeof EN_CAUSES> = {
  [C.NONE]: {
    title: '沒有發現問題',
    explanation: '目前的資料中沒有任何問題的跡象。',
    possible: [],
    solutions: [],
  },
  [C.RECIPIENT_OFFLINE]: {
    title: '已傳送,尚未送達',
    explanation:
      'Meta 已經送出這則訊息,但顧客的裝置都還沒有確認收到。基於隱私和政策考量,平台不會透露原因。最常見的情況是顧客目前離線:Meta 會保留訊息並持續嘗試傳送,最多 {retentionDays} 天。',
    possible: [
      '顧客一直沒有上線(手機關機、沒有網路或沒開 WhatsApp);訊息最多保留 {retentionDays} 天。',
      '顧客封鎖了這個商家電話號碼,或同一商家的其他電話號碼。平台對這兩種情況的處理方式相同,不會告知是哪一種。',
    ],
    solutions: [
      '請耐心等候:顧客任一部裝置上線後,就會收到送達狀態。',
      '現在不要重傳同一則訊息:它仍在排隊等候傳送,重傳會讓顧客收到兩次。',
      '如果事情緊急,請透過其他管道聯絡顧客,並請顧客依照下列步驟檢查。',
    ],
  },
  [C.OFFLINE_EXPIRED]: {
    title: '{retentionDays} 天內未送達',
    explanation:
      '這則訊息在 {retentionDays} 天以前就已傳送,但始終沒有送達。Meta 只會為離線顧客保留訊息 {retentionDays} 天,所以這則訊息不會再送達了。',
    possible: ['顧客在整整 {retentionDays} 天內都沒有上線。'],
    solutions: [
      '不要原封不動地重試這則訊息。如果內容仍有必要,請傳送新的訊息(由於 {windowHours} 小時的顧客服務時段多半已經結束,請使用範本)。',
      '請透過其他管道確認顧客是否仍在 WhatsApp 上使用這個號碼。',
    ],
  },
  [C.RECIPIENT_UNREACHABLE]: {
    title: '顧客無法接收這則訊息',
    explanation:
      'Meta 無法將訊息送到這個號碼,也不會說明是哪一個原因。常見的可能原因列在下方,只有顧客本人能確認。',
    possible: [
      '這個號碼沒有(或已不再)註冊 WhatsApp。',
      '顧客尚未接受 WhatsApp 新的《服務條款》和《隱私政策》({tosUrl})。',
      '顧客使用的 WhatsApp 版本太舊。最低版本:{versions}。',
      '顧客封鎖了這個商家電話號碼,或同一商家的其他號碼。',
      '顧客已關閉這個商家的行銷訊息。',
    ],
    solutions: [
      '不要自動重傳:在顧客處理之前,同一則訊息還是會失敗。',
      '請透過其他管道(簡訊、電子郵件、電話)聯絡顧客,請顧客依照下列步驟檢查。',
    ],
  },
  [C.TERMS_NOT_ACCEPTED]: {
    title: '顧客尚未接受 WhatsApp 新條款',
    explanation: 'WhatsApp 用戶必須接受最新的《服務條款》和《隱私政策》,才能收到商家傳送的訊息。',
    possible: [],
    solutions: ['請透過其他管道把連結 {tosUrl} 傳給顧客。'],
  },
  [C.OUTDATED_CLIENT]: {
    title: '顧客的 WhatsApp 版本太舊',
    explanation: '雲端 API 的訊息只能送到較新的 WhatsApp 用戶端。最低版本:{versions}。',
    possible: [],
    solutions: ['請透過其他管道請顧客更新 WhatsApp。'],
  },
  [C.EXPERIMENT_GROUP]: {
    title: '顧客屬於實驗群組',
    explanation: 'Meta 將這個號碼納入一項實驗,實驗期間不會送達行銷訊息。訊息和帳號本身都沒有問題。',
    possible: [],
    solutions: ['不要重傳。請改用其他管道聯絡顧客,或等日後真的有需要時再傳送非行銷訊息。'],
  },
  [C.MARKETING_LIMIT]: {
    title: 'Meta 暫不送達這則行銷訊息',
    explanation:
      '為了維護顧客的使用體驗,Meta 決定不送達這則行銷範本訊息:顧客目前已達到接收商家行銷訊息的上限。',
    possible: ['顧客最近已收到好幾則行銷訊息(不限於本商家)。', '這位顧客對先前的行銷訊息互動不多。'],
    solutions: [
      '不要馬上重傳:立即重傳一樣會被擋下,還會影響互動表現。',
      '拉長行銷訊息的間隔(以天為單位),並減少傳送數量。',
      '讓每則訊息都與顧客切身相關(分眾、挑選時機),顧客才會打開來看。',
      '公用程式範本只用於真正的交易通知,不要拿來做促銷。',
    ],
  },
  [C.SANCTIONED_REGION]: {
    title: '顧客所在地區無法使用 WhatsApp Business 平台',
    explanation:
      '位於古巴、伊朗、北韓、敘利亞,以及烏克蘭克里米亞、頓涅茨克、盧甘斯克地區的 WhatsApp 用戶,無法接收透過 WhatsApp Business 平台傳送的訊息。',
    possible: [],
    solutions: [
      '不要透過平台傳訊息給這個號碼;閘道會在送到 Meta 之前就拒絕這類傳送。',
      '請改用對這位顧客合法的其他管道。',
      '如果這個號碼其實在其他地方使用(區碼只能大致判斷地區),請先向顧客確認再做其他處理。',
    ],
  },
  [C.INVALID_REQUEST]: {
    title: '要求內容無效',
    explanation: 'Meta 拒絕了這個要求,因為有參數缺漏、錯誤或不受支援。Meta 在詳細資訊中指出:{details}',
    possible: [],
    solutions: ['修正詳細資訊中指出的參數後再傳送。', '對照 Meta 訊息端點的參考文件檢查要求內容。'],
  },
  [C.INTEGRATION_ERROR]: {
    title: '商家的平台設定不完整',
    explanation: '商家在平台上的設定(付款、資格、電話號碼或應用程式)擋下了這則訊息;訊息本身沒有問題。',
    possible: [],
    solutions: [
      '請在 WhatsApp 管理工具中檢查付款方式和信用額度。',
      '請在 Meta 應用程式主控板中檢查電話號碼和應用程式設定。',
    ],
  },
  [C.SERVICE_DOWNTIME]: {
    title: '平台暫時無法使用',
    explanation:
      'Meta 的服務目前無法處理這個要求。這不是顧客的問題,訊息本身也沒有錯。Meta 更新 API 時,可能會停機長達 {maintenanceMinutes} 分鐘。',
    possible: [
      'Meta 正在更新 API(最長 {maintenanceMinutes} 分鐘)。',
      'Meta 發生局部中斷或負載過高。',
      '閘道與 Meta 之間的網路有問題。',
    ],
    solutions: [
      '稍後再重試,並逐次拉長間隔,不要連續快速重送。',
      '查看 WhatsApp Business API 狀態頁面。',
      'Meta 沒有提供運作時間或延遲的服務水準合約(SLA)。如果問題持續、狀態頁面卻沒有顯示異常,請提交直接支援問題單。',
    ],
  },
  [C.ACCESS_TOKEN]: {
    title: '存取權杖無法使用',
    explanation: 'Meta 無法驗證這次呼叫:存取權杖已過期、已被撤銷或無效。',
    possible: [
      '權杖已過期(用戶權杖會過期;系統用戶權杖可以設定為永不過期)。',
      '用戶變更了密碼,或工作階段已結束。',
      '權杖屬於其他應用程式,或應用程式已被移除。',
    ],
    solutions: [
      '將權杖貼到存取權杖偵錯工具,確認權杖有效且具備 {permissions} 權限。',
      '產生新權杖:選擇閘道呼叫 API 所用的 Meta 應用程式,並勾選 {permissions} 權限。建議使用可以永不過期的系統用戶權杖。',
      '把新權杖填入閘道設定,然後重新啟動閘道。',
    ],
  },
  [C.PERMISSION_MISSING]: {
    title: '存取權杖缺少權限',
    explanation: '這個權杖沒有執行此操作的權限:權限未授予、已被移除,或未涵蓋這個 WhatsApp Business 帳號。',
    possible: [],
    solutions: [
      '將權杖貼到存取權杖偵錯工具,確認 {permissions} 兩項權限都已勾選。',
      '產生新權杖:選擇閘道呼叫 API 所用的 Meta 應用程式,並勾選 {permissions} 兩項權限。',
      '確認權限涵蓋這個 WhatsApp Business 帳號(細部權限範圍會列出帳號編號)。',
    ],
  },
  [C.RATE_LIMITED]: {
    title: '傳送速度過快',
    explanation:
      'Meta 拒絕了這次呼叫,因為已達到速率上限:可能是應用程式、帳號、電話號碼,或對同一位顧客的上限(每位顧客大約每 {pairSeconds} 秒一則)。',
    possible: [],
    solutions: [
      '依建議的時間等候後再重試;如果再次發生,就拉長等待時間。',
      '用佇列把傳送分散到不同時間,避免集中大量傳送。',
      '如果訊息被標記為垃圾訊息,請先改善訊息品質再增加傳送量。',
    ],
  },
  [C.REENGAGEMENT_WINDOW]: {
    title: '超出 {windowHours} 小時顧客服務時段',
    explanation:
      '只有在顧客最後一則訊息後的 {windowHours} 小時內,才能傳送自由格式訊息。超過這段時間,只能傳送已核准的範本。',
    possible: [],
    solutions: [
      '改為傳送已核准的訊息範本。',
      '或等顧客再次傳訊息過來,服務時段會重新開啟 {windowHours} 小時。',
    ],
  },
  [C.TEMPLATE]: {
    title: '訊息範本有問題',
    explanation: '範本或隨附的參數與 Meta 核准的內容不符,或範本目前無法使用。',
    possible: [],
    solutions: [
      '請在 WhatsApp 管理工具中檢查範本的名稱、語言和狀態。',
      '依照範本要求的數量、格式和長度傳送參數。',
    ],
  },
  [C.MEDIA]: {
    title: '媒體檔案無法處理',
    explanation: 'Meta 無法取得、上傳或下載這則訊息的媒體檔案。',
    possible: [],
    solutions: [
      '確認媒體網址可公開存取、內容類型正確,且未超過大小限制。',
      '先上傳媒體檔案,再以媒體編號傳送,而不是用連結。',
    ],
  },
  [C.ACCOUNT_RESTRICTED]: {
    title: '商家帳號受到限制',
    explanation:
      'Meta 限制了這個商家帳號或電話號碼,因此無法傳送部分或全部訊息。位於古巴、伊朗、北韓、敘利亞及烏克蘭受制裁地區的商家不符資格;違反政策或付款問題也會讓帳號受到限制。',
    possible: [],
    solutions: [
      '請到 WhatsApp 管理工具(商家支援中心)查看通知並依指示處理;如果認為有誤,可以提出申訴。',
      '請檢查 WhatsApp Business 帳號的付款方式。',
      '位於受制裁地區的商家完全無法使用這個平台。',
    ],
  },
  [C.PHONE_NUMBER]: {
    title: '商家電話號碼有問題',
    explanation: '商家電話號碼在平台上尚未完成註冊、驗證或核准。',
    possible: [],
    solutions: [
      '請在 WhatsApp 管理工具中檢查號碼的狀態、顯示名稱和註冊情形。',
      '依錯誤詳細資訊的指示重新註冊或驗證號碼。',
    ],
  },
  [C.MULTI_DEVICE_CONFLICT]: {
    title: '已送達,但在另一部裝置上失敗',
    explanation:
      'Meta 對這則訊息同時回報了「已送達」和「失敗」。顧客在多部裝置上登入 WhatsApp 時就會發生這種情況:訊息至少已送達其中一部裝置,因此應視為已送達。',
    possible: [],
    solutions: [
      '不需要重傳:顧客至少在一部裝置上已收到訊息。',
      '如果同一位顧客經常發生這種情況,請顧客更新每一部裝置上的 WhatsApp。',
    ],
  },
  [C.UNKNOWN]: {
    title: '原因不明的失敗',
    explanation: '現有資料無法指出已知的原因,也沒有跡象顯示是顧客操作有誤。',
    possible: [],
    solutions: [
      '到 Meta 的錯誤代碼參考文件查詢這個代碼;詳細資訊通常會指出解決方法。',
      '查看 WhatsApp Business API 狀態頁面。',
      '如果持續失敗,請向 Meta 提交直接支援問題單,並附上錯誤代碼、詳細資訊和 fbtrace id。',
    ],
  },
};
